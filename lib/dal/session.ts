import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import type { Role } from '@/lib/auth/roles';
import { assertRole, type Actor } from './actor';
import { UnauthorizedError } from './errors';
import { explainNoAccess, loadActor } from './login';

async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { uid?: number | null } | null;
  const uid = session?.uid;
  return typeof uid === 'number' ? uid : null;
}

/** The signed-in actor, or null. The JWT carries only the user id; everything else is read fresh. */
export async function getActor(): Promise<Actor | null> {
  const uid = await sessionUserId();
  return uid === null ? null : loadActor(uid);
}

/** For the sign-in page: why the signed-in user gets no access (e.g. a leader without a scope), or null. */
export async function getNoAccessReason(): Promise<string | null> {
  const uid = await sessionUserId();
  return uid === null ? null : explainNoAccess(uid);
}

/** For route handlers and server actions: the actor, or UnauthorizedError/ForbiddenError. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  if (roles) assertRole(actor, roles);
  return actor;
}

/** For pages: redirects to sign-in without a session, to /denied when the role is not allowed. */
export async function requirePageActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (roles && !roles.includes(actor.role)) redirect('/denied');
  return actor;
}
