import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { authOptions } from '@/lib/auth/options';
import { CLI_ACTOR } from '@/lib/dal/actor';
import { authenticateWithPassword, LOGIN_LIMITS } from '@/lib/dal/login';
import { accountDelaySeconds } from '@/lib/dal/login-limits';
import { createUser } from '@/lib/dal/users';
import { announceStampedAddresses, CLIENT_ADDRESS_HEADER } from '@/scripts/client-address.mjs';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string>; method: string; body: object; query: object },
) => Promise<unknown>;

/** The email + password check next-auth runs for POST /api/auth/callback/credentials. */
function passwordSignIn(): Authorize {
  const provider = authOptions.providers.find((p) => p.id === 'credentials');
  const authorize = (provider as { options?: { authorize?: Authorize } } | undefined)?.options?.authorize;
  if (!authorize) throw new Error('no credentials provider');
  return authorize;
}

describe('the account delay schedule', () => {
  it('is free for the first failures, then short, doubling, capped at a few minutes', () => {
    const delays = Array.from({ length: 16 }, (_, i) => accountDelaySeconds(i + 1));
    expect(delays).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
    expect(LOGIN_LIMITS.perAccount).toBe(5);
  });
});

describe.each(backends())('sign-in limits on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  const attemptsOn = async (email: string) => {
    const [row] = await tdb.handle.db
      .select()
      .from(schema.loginAttempts)
      .where(eq(schema.loginAttempts.key, `acct:${email}`));
    return row;
  };

  it('29 parallel wrong passwords from 29 addresses, then the right one while they run: no session', async () => {
    await createUser(CLI_ACTOR, { email: 'racer@example.com', role: 'viewer', password: 'right-password-9' });
    // A long first delay, so a slow machine cannot let it run out while the guesses are compared.
    const firstDelay = LOGIN_LIMITS.firstDelaySeconds;
    LOGIN_LIMITS.firstDelaySeconds = 120;
    try {
      const wrong = Array.from({ length: 29 }, (_, i) =>
        authenticateWithPassword('racer@example.com', `wrong-${i}`, `10.20.0.${i + 1}`),
      );
      await sleep(200); // the guesses are still being compared (bcrypt) when the right password arrives
      const right = authenticateWithPassword('racer@example.com', 'right-password-9', '10.20.1.1');
      const results = await Promise.all([...wrong, right]);
      expect(results.every((r) => !r.ok)).toBe(true);
    } finally {
      LOGIN_LIMITS.firstDelaySeconds = firstDelay;
    }
    // Only the free allowance was compared; the other guesses were refused before any comparison.
    expect((await attemptsOn('racer@example.com'))?.failures).toBe(LOGIN_LIMITS.perAccount);
  }, 120_000);

  it("a stranger's five wrong passwords delay the real user briefly, not for 15 minutes; the delay grows", async () => {
    await createUser(CLI_ACTOR, { email: 'real@example.com', role: 'admin', password: 'right-password-8' });
    const stranger = (i: number) => authenticateWithPassword('real@example.com', `guess-${i}`, '10.30.0.1');
    // The owner tries from addresses they never signed in from (a known one is not held back: next test).
    const owner = (address = '10.40.0.1') =>
      authenticateWithPassword('real@example.com', 'right-password-8', address);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect(await stranger(i)).toEqual({ ok: false });
    expect(await owner()).toEqual({ ok: false }); // within the first delay: same answer as a wrong password
    await sleep(LOGIN_LIMITS.firstDelaySeconds * 1000 + 400);
    expect((await owner()).ok).toBe(true); // old code: locked for 15 minutes

    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await stranger(i);
    await sleep(LOGIN_LIMITS.firstDelaySeconds * 1000 + 400);
    expect(await stranger(99)).toEqual({ ok: false }); // the sixth failure doubles the delay
    const row = await attemptsOn('real@example.com');
    const waitMs = (row?.lockedUntil?.getTime() ?? 0) - Date.now();
    expect(waitMs).toBeGreaterThan(accountDelaySeconds(6) * 1000 - 1500);
    expect(waitMs).toBeLessThanOrEqual(accountDelaySeconds(6) * 1000);
    await sleep(LOGIN_LIMITS.firstDelaySeconds * 1000 + 400);
    expect(await owner('10.40.0.2')).toEqual({ ok: false }); // past the first delay, still within the second
    await sleep(accountDelaySeconds(6) * 1000 - LOGIN_LIMITS.firstDelaySeconds * 1000 + 400);
    expect((await owner('10.40.0.2')).ok).toBe(true);
  }, 120_000);

  it('a delayed account still lets its owner in from an address they signed in from before', async () => {
    await createUser(CLI_ACTOR, { email: 'boss@example.com', role: 'admin', password: 'right-password-5' });
    const owner = (address: string) =>
      authenticateWithPassword('boss@example.com', 'right-password-5', address);
    expect((await owner('10.60.0.1')).ok).toBe(true);
    const firstDelay = LOGIN_LIMITS.firstDelaySeconds;
    LOGIN_LIMITS.firstDelaySeconds = 120;
    try {
      for (let i = 0; i <= LOGIN_LIMITS.perAccount; i++)
        expect(await authenticateWithPassword('boss@example.com', `guess-${i}`, '10.61.0.1')).toEqual({
          ok: false,
        });
      expect(await owner('10.60.0.2')).toEqual({ ok: false }); // an address the owner never used waits
      expect((await owner('10.60.0.1')).ok).toBe(true); // old code: locked for 15 minutes
    } finally {
      LOGIN_LIMITS.firstDelaySeconds = firstDelay;
    }
  }, 120_000);

  it('pausing does not buy fresh free guesses; a day without attempts does', async () => {
    await createUser(CLI_ACTOR, { email: 'pause@example.com', role: 'viewer', password: 'right-password-4' });
    const guess = () => authenticateWithPassword('pause@example.com', 'guess', '10.70.0.1');
    /** Moves the account's last attempt back in time and ends its current delay. */
    const age = (interval: string) =>
      tdb.handle.db
        .update(schema.loginAttempts)
        .set({
          windowStart: sql`window_start - ${interval}::interval`,
          lockedUntil: sql`now() - interval '1 second'`,
        })
        .where(eq(schema.loginAttempts.key, 'acct:pause@example.com'));
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await guess();
    await age('20 minutes');
    await guess();
    expect((await attemptsOn('pause@example.com'))?.failures).toBe(LOGIN_LIMITS.perAccount + 1);
    await age(`${LOGIN_LIMITS.accountResetHours + 1} hours`);
    await guess();
    expect((await attemptsOn('pause@example.com'))?.failures).toBe(1);
    expect((await authenticateWithPassword('pause@example.com', 'right-password-4', '10.70.0.2')).ok).toBe(
      true,
    );
  }, 120_000);

  it('X-Forwarded-For and X-Real-IP sent by a client do not change the address that is counted', async () => {
    announceStampedAddresses(); // as scripts/server.mjs does before it serves requests
    await createUser(CLI_ACTOR, { email: 'spoof@example.com', role: 'viewer', password: 'right-password-6' });
    const authorize = passwordSignIn();
    const from = (stamped: string, n: number) => ({
      method: 'POST',
      body: {},
      query: {},
      headers: {
        'x-forwarded-for': `203.0.113.${n}`,
        'x-real-ip': `198.51.100.${n}`,
        [CLIENT_ADDRESS_HEADER]: stamped,
      },
    });
    const perAddress = LOGIN_LIMITS.perAddress;
    LOGIN_LIMITS.perAddress = 3; // fewer bcrypt comparisons; the rule is the same
    try {
      for (let i = 0; i < LOGIN_LIMITS.perAddress; i++)
        expect(
          await authorize({ email: `guess${i}@example.com`, password: 'x' }, from('192.0.2.50', i)),
        ).toBeNull();
      const right = { email: 'spoof@example.com', password: 'right-password-6' };
      expect(await authorize(right, from('192.0.2.50', 99))).toBeNull(); // old code: a fresh address per header
      expect(await authorize(right, from('192.0.2.51', 99))).toMatchObject({ email: 'spoof@example.com' });
    } finally {
      LOGIN_LIMITS.perAddress = perAddress;
    }
  }, 120_000);

  it('successful sign-ins from one address (an office behind NAT) do not use up its allowance', async () => {
    await createUser(CLI_ACTOR, {
      email: 'office@example.com',
      role: 'viewer',
      password: 'right-password-7',
    });
    const perAddress = LOGIN_LIMITS.perAddress;
    LOGIN_LIMITS.perAddress = 3; // fewer bcrypt comparisons; the rule is the same
    try {
      for (let i = 0; i < LOGIN_LIMITS.perAddress + 2; i++) {
        const ok = await authenticateWithPassword('office@example.com', 'right-password-7', '10.50.0.1');
        expect(ok.ok).toBe(true);
      }
      expect(await authenticateWithPassword('office@example.com', 'nope', '10.50.0.1')).toEqual({
        ok: false,
      });
      const ok = await authenticateWithPassword('office@example.com', 'right-password-7', '10.50.0.1');
      expect(ok.ok).toBe(true);
    } finally {
      LOGIN_LIMITS.perAddress = perAddress;
    }
  });
});
