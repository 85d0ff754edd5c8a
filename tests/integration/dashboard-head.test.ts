/**
 * A dashboard request's session re-read and head in one statement (issue #13: "the session check,
 * role re-read and scope cost one round trip, not three"): loadActorHead gives what loadActor then
 * loadDashboardHead give, or the same error, for every kind of user (admin, hr given one
 * organisation, a scoped leader, a viewer, a leader without a scope, a disabled account, no such
 * user), every way of naming the organisation (none, ?org= allowed, forbidden or not a number, a
 * cookie preference allowed or not) and every snapshot filter (none, a stored date, a missing
 * date), in one statement; and the dashboard route answers an already-computed view with that one
 * statement. On PGlite and PostgreSQL.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { loadActorHead, loadDashboardHead, type DashboardQuery } from '@/lib/dal/dashboards/context';
import { loadActor } from '@/lib/dal/login';
import { createOrganisation, type OrgRequest } from '@/lib/dal/organisations';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { createUser } from '@/lib/dal/users';
import { importFiles } from '@/cli/commands/import-command';
import { queryRows } from '../support/cli';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

// Statements sent through rawQuery, counted (every read of the session and the head goes through it).
const statements = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/lib/dal/raw-query', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/dal/raw-query')>();
  return {
    ...real,
    rawQuery: (...args: Parameters<typeof real.rawQuery>) => {
      statements.n++;
      return real.rawQuery(...args);
    },
  };
});
// The route reads the session through next-auth.
const session = vi.hoisted(() => ({ uid: null as number | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.uid ? { uid: session.uid } : null) }));

const ORG_F = path.resolve('tests/fixtures/org');
const F = path.resolve('tests/fixtures/orgs');
const quiet = () => undefined;

const admin = (orgId: number): Actor => ({
  userId: 1,
  email: 'admin@x.test',
  name: 'admin',
  role: 'admin',
  scopeEmployeeId: null,
  orgId,
  orgIds: [orgId],
});

/** What two statements gave before, or the error's class and message. */
async function twoStatements(uid: number, requested: OrgRequest, query: DashboardQuery) {
  try {
    const actor = await loadActor(uid, requested);
    return actor === null ? null : await loadDashboardHead(actor, query);
  } catch (err) {
    return { error: (err as Error).constructor.name, message: (err as Error).message };
  }
}

async function oneStatement(uid: number, requested: OrgRequest, query: DashboardQuery) {
  statements.n = 0;
  try {
    return await loadActorHead(uid, requested, query);
  } catch (err) {
    return { error: (err as Error).constructor.name, message: (err as Error).message };
  } finally {
    expect(statements.n, 'statements').toBe(1);
  }
}

describe.each(backends())('the session and the dashboard head in one statement on %s', (backend) => {
  let tdb: TestDb;
  let beta: number;
  const alpha = TEST_ORG_ID;
  const uids: Record<string, number> = {};

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    beta = (await createOrganisation(admin(alpha), { name: 'Beta' })).id;
    await importFiles(
      ['small-org-2024-01-31.csv', 'small-org-2024-02-29.csv'].map((f) => path.join(ORG_F, f)),
      { actor: inOrg(CLI_ACTOR, alpha) },
      quiet,
    );
    await importFiles([path.join(F, 'beta-2024-01-31.csv')], { actor: inOrg(CLI_ACTOR, beta) }, quiet);
    const add = async (key: string, input: Record<string, unknown>) => {
      uids[key] = (
        await createUser(admin(alpha), { email: `${key}@x.test`, password: `${key}-password-123`, ...input })
      ).id;
    };
    await add('admin', { role: 'admin' });
    await add('hr', { role: 'hr', orgIds: [alpha] });
    await add('leader', { role: 'leader', scopeEmployeeId: 'E2', orgIds: [alpha] });
    await add('viewer', { role: 'viewer', orgIds: [beta] });
    await add('unscoped', { role: 'hr', orgIds: [alpha] });
    await add('disabled', { role: 'hr', orgIds: [alpha] });
    await queryRows(tdb.handle, "update users set role = 'leader', scope_employee_id = null where id = $1", [
      uids.unscoped,
    ]);
    await queryRows(tdb.handle, 'update users set disabled = true where id = $1', [uids.disabled]);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('gives what the actor then the head gave, or the same error, for every user, organisation and date', async () => {
    const requests: OrgRequest[] = [
      { demand: null, preference: null },
      { demand: String(alpha), preference: null },
      { demand: ` ${beta} `, preference: null },
      { demand: 'x', preference: null },
      { demand: '999', preference: null },
      { demand: null, preference: String(beta) },
      { demand: null, preference: 'nonsense' },
      { demand: String(alpha), preference: String(beta) },
    ];
    const queries: DashboardQuery[] = [{}, { asOf: '2024-01-31' }, { asOf: '2023-12-31' }];
    let compared = 0;
    const kinds = new Set<string>();
    for (const key of [...Object.keys(uids), 'none']) {
      const uid = uids[key] ?? 999_999;
      for (const requested of requests)
        for (const query of queries) {
          const want = await twoStatements(uid, requested, query);
          const got = await oneStatement(uid, requested, query);
          expect(got, `${key} ${JSON.stringify(requested)} ${JSON.stringify(query)}`).toStrictEqual(want);
          kinds.add(want === null ? 'null' : 'error' in want ? want.error : `head ${want.actor.orgId}`);
          compared++;
        }
    }
    expect(compared).toBe(7 * 8 * 3);
    // Every outcome is among them: no access, 403, 404 (no such date; no snapshot), a head in each organisation.
    expect([...kinds].sort()).toEqual([
      'ForbiddenError',
      'NotFoundError',
      `head ${alpha}`,
      `head ${beta}`,
      'null',
    ]);
  });

  it('answers a dashboard view already computed with one statement', async () => {
    const route = await import('@/app/api/metrics/[family]/route');
    const get = async (url: string) => {
      const res = await route.GET(new Request(`http://strata.test${url}`), {
        params: Promise.resolve({ family: 'overview' }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    session.uid = uids.leader ?? -1;
    const first = await get('/api/metrics/overview?asOf=2024-02-29');
    expect(first.status).toBe(200);
    statements.n = 0;
    const again = await get('/api/metrics/overview?asOf=2024-02-29');
    expect(again).toStrictEqual(first);
    expect(statements.n).toBe(1);
    // No session: 401 whatever the filters; a bad filter from a signed-in user: 422.
    session.uid = null;
    expect((await get('/api/metrics/overview?asOf=bad')).status).toBe(401);
    session.uid = uids.leader ?? -1;
    expect((await get('/api/metrics/overview?asOf=bad')).status).toBe(422);
    session.uid = uids.disabled ?? -1;
    expect((await get('/api/metrics/overview?asOf=bad')).status).toBe(401);
    expect((await get('/api/metrics/overview')).status).toBe(401);
    session.uid = uids.hr ?? -1;
    expect((await get(`/api/metrics/overview?org=${beta}`)).status).toBe(403);
  });
});
