import 'server-only';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { dashboardKey, orgFilter, type DashboardFilters } from '@/lib/query/dashboard';
import type { Actor } from '../actor';
import { DalError } from '../errors';
import { countSnapshots } from '../snapshot-list';
import { loadDashboardContext, parseDashboardQuery, type DashboardContext } from './context';
import type { PrefetchResult } from './prefetch';

/**
 * prefetchDashboard for a family with URL parameters of its own (named in `names`): they join the
 * react-query key exactly as useDashboardWith builds it, and reach the builder as URLSearchParams,
 * the same way dashboardRoute passes them to the API route's builder.
 */
export async function prefetchDashboardWith<T>(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
  family: string,
  names: readonly string[],
  build: (ctx: DashboardContext, params: URLSearchParams) => Promise<T> | T,
): Promise<PrefetchResult> {
  if ((await countSnapshots(actor.orgId)) === 0) return { kind: 'empty' };
  try {
    const query = parseDashboardQuery(searchParams);
    const filters: DashboardFilters = { ...query, ...orgFilter(searchParams) };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(searchParams)) {
      const s = Array.isArray(v) ? v[0] : v;
      if (s) params.set(k, s);
    }
    const extra = Object.fromEntries(names.map((n) => [n, params.get(n) || undefined]));
    const ctx = await loadDashboardContext(actor, query);
    const qc = new QueryClient();
    await qc.prefetchQuery({
      queryKey: dashboardKey(family, filters, extra),
      queryFn: async () => build(ctx, params),
    });
    return { kind: 'ok', state: dehydrate(qc), filters };
  } catch (err) {
    if (err instanceof DalError) return { kind: 'error', message: err.message };
    throw err;
  }
}
