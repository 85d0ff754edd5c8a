import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { orgFilter, paramsReader, type DashboardFilters } from '@/lib/query/dashboard';
import { familyPath, familyRequest, type DashboardFamily } from '@/lib/query/families';
import type { Actor } from '../actor';
import { DalError } from '../errors';
import { countSnapshots } from '../snapshot-list';
import { loadDashboardHead, parseDashboardQuery } from './context';
import { buildFamily } from './registry';
import { cachedAnswer } from './result-cache';

export type PrefetchResult =
  | { kind: 'ok'; state: DehydratedState; filters: DashboardFilters }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/**
 * Server prefetch for a dashboard page: the family's builder from the registry, under the same
 * react-query key the client hook (useDashboard) builds and through the answer cache the API route
 * fills (GET /api/metrics/<family> with the same filters and the family's own parameters), so the
 * first paint has data and the client takes over from the cache. Errors become a message for the page.
 */
export async function prefetchDashboard(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
  family: DashboardFamily,
): Promise<PrefetchResult> {
  if ((await countSnapshots(actor.orgId)) === 0) return { kind: 'empty' };
  try {
    const query = parseDashboardQuery(searchParams);
    const filters: DashboardFilters = { ...query, ...orgFilter(searchParams) };
    const { queryKey, search } = familyRequest(family, filters, paramsReader(searchParams));
    const params = new URLSearchParams(search);
    const head = await loadDashboardHead(actor, query);
    const qc = new QueryClient();
    await qc.prefetchQuery({
      queryKey,
      queryFn: () =>
        cachedAnswer(familyPath(family), head, params, (ctx) => buildFamily(family, ctx, params)),
    });
    return { kind: 'ok', state: dehydrate(qc), filters };
  } catch (err) {
    if (err instanceof DalError) return { kind: 'error', message: err.message };
    throw err;
  }
}
