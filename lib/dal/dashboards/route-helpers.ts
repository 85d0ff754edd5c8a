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
  const family = build.name || 'dashboard';
  return guardedRoute(null, async (actor: Actor, req: Request) => {
    const params = new URL(req.url).searchParams;
    const ctx = await loadDashboardContext(actor, parseDashboardQuery(params));
    return Response.json(
      await cachedBuild(`${family}:${new URL(req.url).pathname}`, ctx, params, () => build(ctx, params)),
    );
  });
}
