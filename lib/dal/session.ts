import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import type { Permission } from '@/lib/auth/permissions';
import { assertRole, type Actor } from './actor';
import { ForbiddenError, UnauthorizedError } from './errors';
import { explainNoAccess, loadActor } from './login';
import type { OrgRequest } from './organisations';
import { cookieValue, ORG_COOKIE, ORG_HEADER, ORG_PARAM, ORG_PREF_HEADER } from '@/lib/query/org';

/** The user id the session's JWT carries (no database read), or null. */
export async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { uid?: number | null } | null;
  const uid = session?.uid;
  return typeof uid === 'number' ? uid : null;
}

/**
 * The organisation the request asks for (lib/query/org.ts): ?org= or the x-strata-org header
 * (pages get it from proxy.ts) is a demand, 403 when the user may not see it; the cookie of the
 * organisation last chosen is a preference, ignored when it is not (or no longer) theirs.
 */
export async function requestedOrg(req?: Request): Promise<OrgRequest> {
  if (req) {
    const demand = new URL(req.url).searchParams.get(ORG_PARAM) || req.headers.get(ORG_HEADER);
    return { demand, preference: cookieValue(req.headers.get('cookie'), ORG_COOKIE) };
  }
  try {
    const h = await headers();
    return { demand: h.get(ORG_HEADER), preference: h.get(ORG_PREF_HEADER) };
  } catch {
    return { demand: null, preference: null }; // outside a request (scripts)
  }
}

/**
 * The signed-in actor in the organisation this request is about, or null. The JWT carries only the
 * user id; everything else is read fresh. ForbiddenError for an organisation the user may not see.
 */
export async function getActor(req?: Request): Promise<Actor | null> {
  const uid = await sessionUserId();
  return uid === null ? null : loadActor(uid, await requestedOrg(req));
}

/** For the sign-in page: why the signed-in user gets no access (e.g. a leader without a scope), or null. */
export async function getNoAccessReason(): Promise<string | null> {
  const uid = await sessionUserId();
  return uid === null ? null : explainNoAccess(uid);
}

/** For route handlers and server actions: the actor, or UnauthorizedError/ForbiddenError. */
export async function requireActor(permission?: Permission, req?: Request): Promise<Actor> {
  const actor = await getActor(req);
  if (!actor) throw new UnauthorizedError();
  if (permission) assertRole(actor, permission);
  return actor;
}

/**
 * For pages: redirects to sign-in without a session, to /denied when the role lacks `permission`; 403
 * (app/forbidden.tsx) for ?org= naming an organisation the user may not see.
 */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  let actor: Actor | null;
  try {
    actor = await getActor();
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
  if (!actor) redirect('/login');
  if (permission && !permission(actor)) redirect('/denied');
  return actor;
}
