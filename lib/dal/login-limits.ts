import 'server-only';
import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import { schema, type Db } from '@/db';

/**
 * Sign-in limits, shared by every app instance through the login_attempts table.
 * Per account: the first `perAccount` failures are free; from then on each failure makes the
 * account wait `firstDelaySeconds`, doubling per further failure up to `maxDelaySeconds`
 * (2 s, 4 s, 8 s ... 256 s, then 300 s). The count restarts at the next successful sign-in or after
 * `accountResetHours` without a counted attempt (long, so pausing does not buy fresh free guesses). The delay does not apply from an address the
 * account signed in from within `knownAddressDays`, so a stranger cannot keep its owner out. Per
 * client address: `perAddress` attempts that did not succeed per `windowMinutes` window, then
 * refused until the window ends.
 */
export const LOGIN_LIMITS = {
  perAccount: 5,
  firstDelaySeconds: 2,
  maxDelaySeconds: 300,
  accountResetHours: 24,
  windowMinutes: 15,
  perAddress: 20,
  knownAddressDays: 30,
};

/** Seconds an account waits after its n-th failure in a row (0 while n is under the free allowance). */
export function accountDelaySeconds(failures: number): number {
  const over = failures - LOGIN_LIMITS.perAccount;
  if (over < 0) return 0;
  return Math.min(LOGIN_LIMITS.maxDelaySeconds, LOGIN_LIMITS.firstDelaySeconds * 2 ** Math.min(over, 20));
}

/** SQL for the end of the delay after `failures` failures (null while under the free allowance): the SQL twin of accountDelaySeconds. */
function delayEnd(failures: SQL): SQL {
  const { perAccount, firstDelaySeconds, maxDelaySeconds } = LOGIN_LIMITS;
  return sql`case when ${failures} >= ${perAccount}
    then now() + least(${maxDelaySeconds}::float8,
      ${firstDelaySeconds}::float8 * power(2::float8, least(${failures} - ${perAccount}, 20)::float8)) * interval '1 second'
    end`;
}

const t = schema.loginAttempts;
const windowOver = () => sql`${t.windowStart} < now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
const accountQuietOver = () =>
  sql`${t.windowStart} < now() - make_interval(hours => ${LOGIN_LIMITS.accountResetHours})`;

/**
 * Counts an attempt on an account before the password is compared, in one statement (the row lock
 * orders concurrent attempts). Returns false, without counting, while the account waits out a delay;
 * otherwise the attempt is charged as a failure in advance (success clears it) and the delay that
 * failure earns is set already, so parallel attempts beyond the allowance are refused.
 */
export async function reserveAccountAttempt(db: Db, key: string): Promise<boolean> {
  const failures = sql`(case when ${accountQuietOver()} then 1 else ${t.failures} + 1 end)`;
  const rows = await db
    .insert(t)
    .values({ key, failures: 1, windowStart: sql`now()`, lockedUntil: delayEnd(sql`1`) })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures, windowStart: sql`now()`, lockedUntil: delayEnd(failures) },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= now()`,
    })
    .returning({ failures: t.failures });
  return rows.length > 0;
}

/** After a wrong password: the account's delay runs from now (never shortened). */
export async function restartAccountDelay(db: Db, key: string): Promise<void> {
  await db
    .update(t)
    .set({ lockedUntil: sql`greatest(${t.lockedUntil}, ${delayEnd(sql`${t.failures}`)})` })
    .where(and(eq(t.key, key), gte(t.failures, LOGIN_LIMITS.perAccount)));
}

/**
 * Counts an attempt from a client address before the password is compared, in one statement.
 * Returns whether the address is still within its allowance for the current window.
 */
export async function reserveAddressAttempt(db: Db, key: string): Promise<boolean> {
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${windowOver()} then 1 else ${t.failures} + 1 end`,
        windowStart: sql`case when ${windowOver()} then now() else ${t.windowStart} end`,
      },
    })
    .returning({ failures: t.failures });
  return !!row && row.failures <= LOGIN_LIMITS.perAddress;
}

/** The key remembering that an account signed in from an address. */
export function knownAddressKey(accountKey: string, addressKey: string): string {
  return `known:${addressKey}|${accountKey}`;
}

/** Whether the account signed in successfully from this address within knownAddressDays. */
export async function isKnownAddress(db: Db, knownKey: string): Promise<boolean> {
  const [row] = await db
    .select({ key: t.key })
    .from(t)
    .where(
      and(
        eq(t.key, knownKey),
        sql`${t.windowStart} > now() - make_interval(days => ${LOGIN_LIMITS.knownAddressDays})`,
      ),
    );
  return !!row;
}

/**
 * A successful sign-in: the account's count restarts, the address gets its attempt back and is
 * remembered as one this account uses.
 */
export async function settleSuccess(db: Db, accountKey: string, addressKey: string | null): Promise<void> {
  await db.delete(t).where(eq(t.key, accountKey));
  if (!addressKey) return;
  await db
    .update(t)
    .set({ failures: sql`greatest(${t.failures} - 1, 0)` })
    .where(eq(t.key, addressKey));
  await db
    .insert(t)
    .values({ key: knownAddressKey(accountKey, addressKey), failures: 0, windowStart: sql`now()` })
    .onConflictDoUpdate({ target: t.key, set: { windowStart: sql`now()` } });
}
