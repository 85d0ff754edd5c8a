import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { dashboardKey, orgFilter, filtersToSearch, type DashboardFilters } from '@/lib/query/dashboard';
import type { Actor } from '../actor';
import { DalError } from '../errors';
import { countSnapshots } from '../snapshot-list';
import { loadDashboardContext, parseDashboardQuery, type DashboardContext } from './context';
import { cachedBuild } from './result-cache';

export type PrefetchResult =
  | { kind: 'ok'; state: DehydratedState; filters: DashboardFilters }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/**
 * Server prefetch for a dashboard page: the same builder the API route runs, so the first paint
 * has data and the client hook takes over from the cache. Errors become a message for the page.
 */
export async function prefetchDashboard<T>(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
  family: string,
  build: (ctx: DashboardContext) => Promise<T> | T,
): Promise<PrefetchResult> {
  if ((await countSnapshots(actor.orgId)) === 0) return { kind: 'empty' };
  try {
    const query = parseDashboardQuery(searchParams);
    const filters: DashboardFilters = { ...query, ...orgFilter(searchParams) };
    const ctx = await loadDashboardContext(actor, query);
    const qc = new QueryClient();
    // The answer cache the API route fills (GET /api/metrics/<family> with the same filters).
    const params = new URLSearchParams(filtersToSearch(filters));
    await qc.prefetchQuery({
      queryKey: dashboardKey(family, filters),
      queryFn: () => cachedBuild(`/api/metrics/${family}`, ctx, params, () => build(ctx)),
    });
    return { kind: 'ok', state: dehydrate(qc), filters };
  } catch (err) {
    if (err instanceof DalError) return { kind: 'error', message: err.message };
    throw err;
  }
}
