import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import type { Role } from '@/lib/auth/roles';
import { assertRole, type Actor } from './actor';
import { ForbiddenError, UnauthorizedError } from './errors';
import { explainNoAccess, loadActor } from './login';

async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { uid?: number | null } | null;
  const uid = session?.uid;
  return typeof uid === 'number' ? uid : null;
}

/**
 * The request header naming the organisation (an id). Pages get it from proxy.ts, which copies
 * ?org= into it; the client's fetch helpers send it (or ?org=) with every API call.
 */
export const ORG_HEADER = 'x-strata-org';

/** The organisation the request asks for: ?org= on an API request, else the header; null = default. */
async function requestedOrg(req?: Request): Promise<string | null> {
  if (req) return new URL(req.url).searchParams.get('org') || req.headers.get(ORG_HEADER);
  try {
    return (await headers()).get(ORG_HEADER);
  } catch {
    return null; // outside a request (scripts)
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
export async function requireActor(roles?: readonly Role[], req?: Request): Promise<Actor> {
  const actor = await getActor(req);
  if (!actor) throw new UnauthorizedError();
  if (roles) assertRole(actor, roles);
  return actor;
}

/**
 * For pages: redirects to sign-in without a session, to /denied when the role is not allowed; 403
 * (app/forbidden.tsx) for ?org= naming an organisation the user may not see.
 */
export async function requirePageActor(roles?: readonly Role[]): Promise<Actor> {
  let actor: Actor | null;
  try {
    actor = await getActor();
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
  if (!actor) redirect('/login');
  if (roles && !roles.includes(actor.role)) redirect('/denied');
  return actor;
}
