import 'server-only';
import type { Actor } from '../actor';
import { guardedRoute } from '../route';
import { loadDashboardContext, parseDashboardQuery, type DashboardContext } from './context';
import { cachedBuild } from './result-cache';

/**
 * A GET route for a dashboard metric family: session check (any role), dashboard query from the
 * URL, scope applied, then the family's builder. One line per route file.
 */
export function dashboardRoute<T>(build: (ctx: DashboardContext, params: URLSearchParams) => Promise<T> | T) {
  return guardedRoute(null, async (actor: Actor, req: Request) => {
    const url = new URL(req.url);
    const ctx = await loadDashboardContext(actor, parseDashboardQuery(url.searchParams));
    // Keyed by the route's path: the page that prefetches the same family finds the same answer.
    return Response.json(
      await cachedBuild(url.pathname, ctx, url.searchParams, () => build(ctx, url.searchParams)),
    );
  });
}
