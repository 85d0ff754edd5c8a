import { eq, sql } from 'drizzle-orm';
import { getDatabase, schema, type Db } from '@/db';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import type { Actor } from './actor';
import { writeAudit } from './audit';

/** Failures allowed per window before a lock; per account and per client address. */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  lockMinutes: 15,
  perAccount: 5,
  perAddress: 20,
};

type Outcome = { ok: true; actor: Actor } | { ok: false };

async function isLocked(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select().from(schema.loginAttempts).where(eq(schema.loginAttempts.key, key));
  return !!row?.lockedUntil && row.lockedUntil.getTime() > Date.now();
}

async function recordFailure(db: Db, key: string, limit: number): Promise<void> {
  // One statement so concurrent instances count correctly: reset the window when it has expired.
  await db.execute(sql`
    insert into login_attempts (key, failures, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when login_attempts.window_start < now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})
                      then 1 else login_attempts.failures + 1 end,
      window_start = case when login_attempts.window_start < now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})
                      then now() else login_attempts.window_start end`);
  await db.execute(sql`
    update login_attempts set locked_until = now() + make_interval(mins => ${LOGIN_LIMITS.lockMinutes}), failures = 0, window_start = now()
    where key = ${key} and failures >= ${limit}`);
}

/**
 * Checks email + password. Unknown accounts, wrong passwords, disabled and locked accounts all
 * give the same answer (and similar timing) so the response never reveals whether an account exists.
 */
export async function authenticateWithPassword(
  emailRaw: string,
  password: string,
  address: string,
): Promise<Outcome> {
  const email = emailRaw.trim().toLowerCase();
  const { db } = await getDatabase();
  const accountKey = `acct:${email}`;
  const addressKey = `ip:${address || 'unknown'}`;
  if ((await isLocked(db, accountKey)) || (await isLocked(db, addressKey))) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false };
  }
  const [user] = await db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email}`);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled || !user.passwordHash) {
    await recordFailure(db, accountKey, LOGIN_LIMITS.perAccount);
    await recordFailure(db, addressKey, LOGIN_LIMITS.perAddress);
    return { ok: false };
  }
  await db.delete(schema.loginAttempts).where(eq(schema.loginAttempts.key, accountKey));
  await db.update(schema.users).set({ lastLoginAt: new Date() }).where(eq(schema.users.id, user.id));
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
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
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
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
  if (user.role === 'leader' && user.scopeEmployeeId === null)
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
export async function loadActor(userId: number): Promise<Actor | null> {
  const { db } = await getDatabase();
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || accessProblem(user) !== null) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeEmployeeId: user.scopeEmployeeId,
  };
}
