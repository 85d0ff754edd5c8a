import 'server-only';
import { familyPath, isDashboardFamily } from '@/lib/query/families';
import { assertSameOrigin } from '../request-guard';
import { requestedOrg, requireActor, sessionUserId } from '../session';
import { NotFoundError, toErrorResponse, UnauthorizedError } from '../errors';
import {
  loadActorHead,
  parseDashboardQuery,
  type DashboardHead,
  type DashboardQuery,
  type DashboardContext,
  type DashboardRequest,
} from './context';
import { buildFamily } from './registry';
import { cachedAnswer } from './result-cache';

type Build<T, C = DashboardRequest> = (ctx: C, params: URLSearchParams) => Promise<T> | T;

/**
 * For dashboard routes: the session's actor and the head of their dashboard request, read in one
 * statement (lib/dal/dashboards/context.ts loadActorHead), or UnauthorizedError/ForbiddenError as
 * requireActor gives them. `query` is parsed only once the session is known to hold a user, so a
 * request without one is 401 whatever its filters.
 */
async function requireDashboardHead(req: Request, query: () => DashboardQuery): Promise<DashboardHead> {
  const uid = await sessionUserId();
  if (uid === null) throw new UnauthorizedError();
  let parsed: DashboardQuery;
  try {
    parsed = query();
  } catch (err) {
    await requireActor(undefined, req); // 401/403 before the filters' 422, as on every other route
    throw err;
  }
  const head = await loadActorHead(uid, await requestedOrg(req), parsed);
  if (head === null) throw new UnauthorizedError();
  return head;
}

/**
 * A GET route over a dashboard head: the Origin check, the session (any role) and the head read
 * with the user's row in one statement, then `handler`; every DAL error mapped to its status as
 * guardedRoute maps them.
 */
function dashboardGuard<C>(handler: (head: DashboardHead, url: URL, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const url = new URL(req.url);
      const head = await requireDashboardHead(req, () => parseDashboardQuery(url.searchParams));
      return await handler(head, url, ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** The builder's answer for a request's head, from the answer cache under `key`. */
async function scopedAnswer<T>(
  head: DashboardHead,
  url: URL,
  key: string,
  build: Build<T>,
): Promise<Response> {
  return Response.json(
    await cachedAnswer(key, head, url.searchParams, (ctx) => build(ctx, url.searchParams)),
  );
}

/**
 * A GET route over the dashboard context with the snapshot's tree (the org explorer and lookups):
 * session check (any role), dashboard query from the URL, scope applied, then `build`. One line
 * per route file.
 */
export function dashboardRoute<T>(
  build: Build<T, DashboardContext>,
): (req: Request, ctx: unknown) => Promise<Response>;
/**
 * With `{ tree: false }`, over the request as stored rows resolve it (./stored-request.ts): `build`
 * loads the tree only when it needs it (the org explorer).
 */
export function dashboardRoute<T>(
  build: Build<T>,
  options: { tree: false },
): (req: Request, ctx: unknown) => Promise<Response>;
export function dashboardRoute<T>(build: Build<T, DashboardContext> | Build<T>, options?: { tree: false }) {
  const onRequest = options?.tree === false;
  return dashboardGuard((head, url) =>
    scopedAnswer(head, url, url.pathname, async (ctx, p) =>
      onRequest
        ? (build as Build<T>)(ctx, p)
        : (build as Build<T, DashboardContext>)(await ctx.withTree(), p),
    ),
  );
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
  return dashboardGuard<FamilyRouteContext>(async (head, url, { params }) => {
    const { family } = await params;
    if (!isDashboardFamily(family)) throw new NotFoundError('There is no such dashboard.');
    // Keyed by the family's path: the page that prefetches the same family finds the same answer.
    return scopedAnswer(head, url, familyPath(family), (ctx, p) => buildFamily(family, ctx, p));
  });
}
