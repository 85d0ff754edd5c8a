import 'server-only';
import { familyPath, isDashboardFamily } from '@/lib/query/families';
import type { Actor } from '../actor';
import { NotFoundError } from '../errors';
import { guardedRoute } from '../route';
import {
  loadDashboardHead,
  parseDashboardQuery,
  type DashboardContext,
  type DashboardRequest,
} from './context';
import { buildFamily } from './registry';
import { cachedAnswer } from './result-cache';

type Build<T, C = DashboardRequest> = (ctx: C, params: URLSearchParams) => Promise<T> | T;

/** Dashboard query from the URL, scope applied, then the builder's answer from the answer cache under `key`. */
async function scopedAnswer<T>(actor: Actor, url: URL, key: string, build: Build<T>): Promise<Response> {
  const head = await loadDashboardHead(actor, parseDashboardQuery(url.searchParams));
  return Response.json(
    await cachedAnswer(key, head, url.searchParams, (ctx) => build(ctx, url.searchParams)),
  );
}

/**
 * A GET route over the dashboard context with the snapshot's tree (the org explorer and lookups):
 * session check (any role), dashboard query from the URL, scope applied, then `build`. One line
 * per route file.
 */
export function dashboardRoute<T>(build: Build<T, DashboardContext>) {
  return guardedRoute(null, async (actor: Actor, req: Request) => {
    const url = new URL(req.url);
    return scopedAnswer(actor, url, url.pathname, async (ctx, p) => build(await ctx.withTree(), p));
  });
}

/** Next's second argument to a handler under app/api/metrics/[family]. */
export interface FamilyRouteContext {
  params: Promise<{ family: string }>;
}

/**
 * The GET route of every dashboard family (app/api/metrics/[family]): session check (any role),
 * 404 for a family not in the registry, then the family's builder (lib/dal/dashboards/registry.ts).
 */
export function familyRoute() {
  return guardedRoute<FamilyRouteContext>(null, async (actor: Actor, req: Request, { params }) => {
    const { family } = await params;
    if (!isDashboardFamily(family)) throw new NotFoundError('There is no such dashboard.');
    // Keyed by the family's path: the page that prefetches the same family finds the same answer.
    return scopedAnswer(actor, new URL(req.url), familyPath(family), (ctx, p) => buildFamily(family, ctx, p));
  });
}
