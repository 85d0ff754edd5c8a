import 'server-only';
import { can, needsScope } from '@/lib/auth/permissions';
import { eq, sql } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { rawQuery } from './raw-query';
import { orgIdsOfUser, pickOrg, type OrgRequest } from './organisations';
import {
  isKnownAddress,
  knownAddressKey,
  reserveAccountAttempt,
  reserveAddressAttempt,
  restartAccountDelay,
  settleSuccess,
} from './login-limits';

export { LOGIN_LIMITS } from './login-limits';

type Outcome = { ok: true; actor: Actor } | { ok: false };

/**
 * Checks email + password. Unknown accounts, wrong passwords, disabled and locked accounts all
 * give the same answer (and similar timing) so the response never reveals whether an account exists.
 * `address` is the client address the server established ('' when unknown: no per-address limit).
 */
export async function authenticateWithPassword(
  emailRaw: string,
  password: string,
  address: string,
): Promise<Outcome> {
  const email = emailRaw.trim().toLowerCase();
  const { db } = await getDatabase();
  const accountKey = `acct:${email}`;
  const addressKey = address ? `ip:${address}` : null;
  // Counted before the password is compared: parallel guesses cannot all pass a check made earlier.
  // An account's delay does not hold back an address it signed in from before.
  const allowed =
    (!addressKey || (await reserveAddressAttempt(db, addressKey))) &&
    ((await reserveAccountAttempt(db, accountKey)) ||
      (!!addressKey && (await isKnownAddress(db, knownAddressKey(accountKey, addressKey)))));
  if (!allowed) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false };
  }
  const [user] = await db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email}`);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled || !user.passwordHash) {
    await restartAccountDelay(db, accountKey);
    return { ok: false };
  }
  await settleSuccess(db, accountKey, addressKey);
  await db.update(schema.users).set({ lastLoginAt: new Date() }).where(eq(schema.users.id, user.id));
  const orgIds = await orgIdsOfUser(user.id, user.role, db);
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
    orgId: pickOrg(orgIds, null),
    orgIds,
  };
  await writeAudit(db, actor, 'auth.sign_in', user.email, { method: 'password' });
  return { ok: true, actor };
}

/** Single sign-on: only an existing, enabled user (matched by email) may enter, unless auto-creation is configured. */
export async function authenticateSso(
  emailRaw: string,
  name: string,
  autoCreateRole: string | undefined,
): Promise<Outcome> {
  const email = emailRaw.trim().toLowerCase();
  const { db } = await getDatabase();
  let [user] = await db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email}`);
  // Only viewers are created automatically: a leader needs a scope, which an identity provider
  // does not give, and a leader without one would see person-level data for the whole company.
  if (!user && autoCreateRole === 'leader') warnLeaderAutoCreate();
  if (!user && autoCreateRole === 'viewer') {
    [user] = await db
      .insert(schema.users)
      .values({ email, name, role: autoCreateRole, scopeEmployeeId: null })
      .returning();
  }
  if (!user || accessProblem(user) !== null) return { ok: false };
  await db.update(schema.users).set({ lastLoginAt: new Date() }).where(eq(schema.users.id, user.id));
  const orgIds = await orgIdsOfUser(user.id, user.role, db);
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
    orgId: pickOrg(orgIds, null),
    orgIds,
  };
  await writeAudit(db, actor, 'auth.sign_in', user.email, { method: 'sso' });
  return { ok: true, actor };
}

let warnedLeaderAutoCreate = false;

function warnLeaderAutoCreate(): void {
  if (warnedLeaderAutoCreate) return;
  warnedLeaderAutoCreate = true;
  console.warn(
    '[strata] STRATA_OIDC_AUTO_CREATE_ROLE=leader is refused: a leader needs a scope. New SSO users get no ' +
      'account; use viewer, or create leaders on the Admin page with their scope.',
  );
}

type AccessFields = Pick<typeof schema.users.$inferSelect, 'role' | 'scopeEmployeeId' | 'disabled'>;

/** Why a user row grants no access (disabled; a leader without a scope), or null when it does. */
export function accessProblem(user: AccessFields): string | null {
  if (user.disabled) return 'This account is disabled. Ask an admin if you need access.';
  if (needsScope(user) && user.scopeEmployeeId === null)
    return (
      'Your account is a leader without a scope, so it has no access for now: ask an admin to set ' +
      'the part of the organisation you lead.'
    );
  return null;
}

/** Why a signed-in user has no access (shown on the sign-in page), or null. */
export async function explainNoAccess(userId: number): Promise<string | null> {
  const { db } = await getDatabase();
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  return user ? accessProblem(user) : null;
}

/**
 * Loads the current state of a session's user: role/scope changes and disabling apply at once.
 * A disabled user, and a leader without a scope (who would otherwise see the whole company), get
 * no actor, i.e. no access.
 */
export async function loadActor(
  userId: number,
  requestedOrg?: OrgRequest | string | null,
): Promise<Actor | null> {
  // One round trip: the user row with both lists of organisation ids (every one, and those given
  // to the user); the role decides which applies (orgIdsOfUser's rule).
  const [user] = await rawQuery<ActorRow>(`select ${ACTOR_COLUMNS} from users u where u.id = $1`, [userId]);
  return user ? actorFromRow(user, requestedOrg) : null;
}

/** The user row as loadActor reads it (ACTOR_COLUMNS). */
export interface ActorRow {
  id: number;
  email: string;
  name: string;
  role: Actor['role'];
  scopeEmployeeId: string | null;
  disabled: boolean;
  every: number[] | null;
  given: number[] | null;
}

/**
 * The select list of a user row `u` with both lists of organisation ids (every one, and those
 * given to the user), for loadActor and for statements that read the user beside other things.
 */
export const ACTOR_COLUMNS = `u.id, u.email, u.name, u.role, u.scope_employee_id as "scopeEmployeeId", u.disabled,
       (select array_agg(o.id order by o.id) from organisations o) as every,
       (select array_agg(g.org_id order by g.org_id) from user_organisations g where g.user_id = u.id) as given`;

/**
 * The actor of a user row, or null when the account has no access (disabled, a leader without a
 * scope); the organisation is ?org= (or the x-strata-org header) when the user may see it, else
 * ForbiddenError; by default the preferred one, else their first.
 */
export function actorFromRow(user: ActorRow, requestedOrg?: OrgRequest | string | null): Actor | null {
  if (accessProblem(user) !== null) return null;
  const orgIds = (can.seeEveryOrganisation(user.role) ? user.every : user.given) ?? [];
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
    orgId: pickOrg(orgIds, requestedOrg),
    orgIds,
  };
}
