import 'server-only';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { dashboardKey, orgFilter, type DashboardFilters } from '@/lib/query/dashboard';
import { readAiPeriod } from '@/lib/query/ai-period';
import type { Actor } from '../actor';
import { DalError } from '../errors';
import { countSnapshots } from '../snapshot-list';
import { buildAiDashboard } from './ai';
import { loadDashboardContext, parseDashboardQuery } from './context';
import type { PrefetchResult } from './prefetch';

/** Server prefetch of the AI dashboard, keyed with its period (?month= / ?from=&to=) as the client hook is. */
export async function prefetchAiDashboard(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<PrefetchResult> {
  if ((await countSnapshots(actor.orgId)) === 0) return { kind: 'empty' };
  try {
    const flat = new URLSearchParams();
    for (const [k, v] of Object.entries(searchParams)) {
      const s = Array.isArray(v) ? v[0] : v;
      if (s) flat.set(k, s);
    }
    const query = parseDashboardQuery(searchParams);
    const filters: DashboardFilters = { ...query, ...orgFilter(searchParams) };
    const ctx = await loadDashboardContext(actor, query);
    const qc = new QueryClient();
    await qc.prefetchQuery({
      queryKey: dashboardKey('ai', filters, readAiPeriod(flat)),
      queryFn: async () => buildAiDashboard(ctx, flat),
    });
    return { kind: 'ok', state: dehydrate(qc), filters };
  } catch (err) {
    if (err instanceof DalError) return { kind: 'error', message: err.message };
    throw err;
  }
}
