/**
 * Issue #12 item 4: a database holds several organisations. Two organisations with the SAME dates
 * and the SAME employee ids (E1, E6, E7 ...) but different people:
 *   Alpha (the test organisation, id 1): tests/fixtures/org/small-org-*.csv, headcount 15 on
 *     2024-01-31 (16 rows, one vacant post) and 15 on 2024-02-29; departments Exec, Eng, Sales.
 *   Beta: tests/fixtures/orgs/beta-*.csv, headcount 6 on 2024-01-31 and 7 on 2024-02-29 (Bram
 *     joins); departments Platform (4) and Field (2, then 3).
 * AI usage for January, same employees (E6, E7), same tool and period in both:
 *   Alpha 100 suggestions / 40 acceptances each -> acceptance rate 80/200 = 0.4;
 *   Beta 10 / 1 each -> 2/20 = 0.1. Neither import replaces the other's rows.
 * Every dashboard API, export and AI figure of one organisation shows only its own people.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inOrg, CLI_ACTOR, type Actor } from '@/lib/dal/actor';
import { getAiMetricsContract } from '@/lib/dal/ai-contract';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { ForbiddenError } from '@/lib/dal/errors';
import { loadActor } from '@/lib/dal/login';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import {
  createOrganisation,
  deleteOrganisation,
  listOrganisations,
  removeDemoCompany,
  renameOrganisation,
  setUserOrganisations,
} from '@/lib/dal/organisations';
import { generateReport } from '@/lib/dal/reports/generate';
import { parseReportParams } from '@/lib/dal/reports/params';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { listSnapshots } from '@/lib/dal/snapshot-list';
import { readTargets, updateTargets } from '@/lib/dal/targets';
import { createUpload } from '@/lib/dal/uploads';
import { createUser } from '@/lib/dal/users';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { importFiles } from '@/cli/commands/import-command';
import { queryRows } from '../support/cli';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';
import { DASHBOARD_FAMILY_NAMES } from '@/lib/query/families';

// Route handlers read the session through next-auth and pages the request headers: both stubbed.
const session = vi.hoisted(() => ({ uid: null as number | null, headers: new Headers() }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.uid ? { uid: session.uid } : null) }));
vi.mock('next/headers', () => ({ headers: async () => session.headers }));
// next.config.mjs turns forbidden() on (experimental.authInterrupts); the build sets this for it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const ORG_F = path.resolve('tests/fixtures/org');
const F = path.resolve('tests/fixtures/orgs');
const quiet = () => undefined;
const ALPHA_ONLY = ['Ada Chief', 'Cora Sales', 'Ola Dir', 'Pia Mgr', 'Max Temp'];
const BETA_ONLY = ['Bea Boss', 'Bob Sells', 'Bev Rep', 'Platform', 'Field Lead'];
const FAMILIES = DASHBOARD_FAMILY_NAMES;

const as = (role: Actor['role'], orgId: number, userId = 1): Actor => ({
  userId,
  email: `${role}@x.test`,
  name: role,
  role,
  scopeEmployeeId: null,
  orgId,
  orgIds: [orgId],
});

async function getJson(route: { GET: (req: Request, ctx: unknown) => Promise<Response> }, url: string) {
  const res = await route.GET(new Request(`http://strata.test${url}`), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The one dashboard route (app/api/metrics/[family]) bound to a family, as Next calls it. */
async function metricsRoute(family: string) {
  const route = await import('@/app/api/metrics/[family]/route');
  return { GET: (req: Request, _ctx?: unknown) => route.GET(req, { params: Promise.resolve({ family }) }) };
}

const count = async (tdb: TestDb, sql: string, params: unknown[] = []) =>
  (await queryRows<{ n: number }>(tdb.handle, sql, params))[0]?.n ?? -1;

describe.each(backends())('organisations on %s', (backend) => {
  let tdb: TestDb;
  let beta: number;
  let hrUid: number;
  const alpha = TEST_ORG_ID;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    clearIdentityIndexCache();
    beta = (await createOrganisation(as('admin', alpha), { name: 'Beta' })).id;
    const alphaCli = inOrg(CLI_ACTOR, alpha);
    const betaCli = inOrg(CLI_ACTOR, beta);
    const a = await importFiles(
      ['small-org-2024-01-31.csv', 'small-org-2024-02-29.csv'].map((f) => path.join(ORG_F, f)),
      { actor: alphaCli },
      quiet,
    );
    const b = await importFiles(
      ['beta-2024-01-31.csv', 'beta-2024-02-29.csv'].map((f) => path.join(F, f)),
      { actor: betaCli },
      quiet,
    );
    expect([a.result.ok, b.result.ok]).toEqual([true, true]);
    expect(
      (await importAiFiles([path.join(F, 'ai-alpha-2024-01.csv')], quiet, alphaCli)).result,
    ).not.toBeNull();
    expect(
      (await importAiFiles([path.join(F, 'ai-beta-2024-01.csv')], quiet, betaCli)).result,
    ).not.toBeNull();
    // An hr user who may see Alpha only (a real user row: routes load the actor from it).
    const hr = await createUser(as('admin', alpha), {
      email: 'hr-alpha@x.test',
      role: 'hr',
      password: 'hr-alpha-password-1',
    });
    hrUid = hr.id;
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('the same dates are stored once per organisation, each version 1 and current', async () => {
    const rows = await queryRows<{ org_id: number; as_of: string; version: number; is_current: boolean }>(
      tdb.handle,
      'select org_id, as_of::text as as_of, version, is_current from snapshots order by org_id, as_of',
    );
    expect(rows.map((r) => [r.org_id, r.as_of, r.version, r.is_current])).toEqual([
      [alpha, '2024-01-31', 1, true],
      [alpha, '2024-02-29', 1, true],
      [beta, '2024-01-31', 1, true],
      [beta, '2024-02-29', 1, true],
    ]);
    const list = async (orgId: number) =>
      (await listSnapshots(as('hr', orgId))).map((s) => [s.asOf, s.headcount, s.versions]);
    expect(await list(alpha)).toEqual([
      ['2024-02-29', 15, 1],
      ['2024-01-31', 15, 1],
    ]);
    expect(await list(beta)).toEqual([
      ['2024-02-29', 7, 1],
      ['2024-01-31', 6, 1],
    ]);
  });

  it('the metrics contract and trend of each organisation count only its own people', async () => {
    const a = await getMetricsContract(as('hr', alpha), {});
    const b = await getMetricsContract(as('hr', beta), {});
    expect([a.asOf, a.headcount, b.asOf, b.headcount]).toEqual(['2024-02-29', 15, '2024-02-29', 7]);
    // Beta: Bea manages Bo and Bob; Bo two engineers, Bob two reps: 3 managers, 4 ICs.
    expect([b.managers, b.ics]).toEqual([3, 4]);
    const jan = await getMetricsContract(as('hr', beta), { asOf: '2024-01-31' });
    expect(jan.headcount).toBe(6);
  });

  it('no cross-talk in any dashboard API: each answers with its own people only', async () => {
    session.uid = (await createUser(as('admin', alpha), { email: 'admin2@x.test', role: 'admin' })).id;
    try {
      for (const family of FAMILIES) {
        const route = await metricsRoute(family);
        const a = await getJson(route, `/api/metrics/${family}?org=${alpha}`);
        const b = await getJson(route, `/api/metrics/${family}?org=${beta}`);
        expect([family, a.status, b.status]).toEqual([family, 200, 200]);
        const ta = JSON.stringify(a.body);
        const tb = JSON.stringify(b.body);
        for (const name of BETA_ONLY) expect(ta, `${family} of Alpha names ${name}`).not.toContain(name);
        for (const name of ALPHA_ONLY) expect(tb, `${family} of Beta names ${name}`).not.toContain(name);
      }
      const people = await import('@/app/api/org/people/route');
      const found = await getJson(people, `/api/org/people?q=E1&org=${beta}`);
      expect(JSON.stringify(found.body)).toContain('Bea Boss');
      expect(JSON.stringify(found.body)).not.toContain('Ada Chief');
      const depts = await getJson(
        await import('@/app/api/org/departments/route'),
        `/api/org/departments?org=${beta}`,
      );
      expect(depts.body).toMatchObject({
        departments: expect.arrayContaining([
          expect.objectContaining({ name: 'Platform' }),
          expect.objectContaining({ name: 'Field' }),
        ]) as unknown,
      });
      expect(JSON.stringify(depts.body)).not.toContain('Sales');
      // The header the client's fetch helpers send works as ?org= does.
      const viaHeader = await (
        await metricsRoute('structure')
      ).GET(
        new Request('http://strata.test/api/metrics/structure', {
          headers: { 'x-strata-org': String(beta) },
        }),
        {
          params: Promise.resolve({}),
        },
      );
      expect(JSON.stringify(await viaHeader.json())).toContain('Bob Sells');
    } finally {
      session.uid = null;
    }
  });

  it('AI figures: the same employees and period in both organisations, neither replaces the other', async () => {
    const window = { from: '2024-01-01', to: '2024-01-31' };
    const a = (await getAiMetricsContract(as('hr', alpha), window)).contract;
    const b = (await getAiMetricsContract(as('hr', beta), window)).contract;
    expect([a.acceptanceRateByCount, b.acceptanceRateByCount]).toEqual([0.4, 0.1]);
    const rows = await queryRows<{ org_id: number; n: number }>(
      tdb.handle,
      'select i.org_id, count(*)::int as n from ai_usage u join ai_imports i on i.id = u.import_id group by i.org_id order by 1',
    );
    expect(rows.map((r) => [r.org_id, r.n])).toEqual([
      [alpha, 2],
      [beta, 2],
    ]);
  });

  it('exports: a CSV of one organisation holds its figures and names only', async () => {
    const series = async (orgId: number) =>
      Buffer.from(
        (await generateReport(as('hr', orgId), parseReportParams({ format: 'csv', table: 'trends-series' })))
          .bytes,
      ).toString('utf8');
    const a = await series(alpha);
    const b = await series(beta);
    expect(a).toMatch(/2024-01-31[^\n]*\b15\b/);
    expect(b).toMatch(/2024-01-31[^\n]*\b6\b/);
    expect(b).toMatch(/2024-02-29[^\n]*\b7\b/);
    const people = async (orgId: number) =>
      Buffer.from(
        (
          await generateReport(
            as('hr', orgId),
            parseReportParams({ format: 'csv', table: 'structure-departments' }),
          )
        ).bytes,
      ).toString('utf8');
    const pb = await people(beta);
    expect(pb).toContain('Platform');
    expect(pb).not.toContain('Sales');
  });

  it('targets and settings belong to one organisation', async () => {
    await updateTargets(as('admin', alpha), { org: { spanMin: 3, spanMax: 8, maxLayers: 6 } });
    expect((await readTargets(alpha)).targets?.org).toEqual({ spanMin: 3, spanMax: 8, maxLayers: 6 });
    expect((await readTargets(beta)).targets).toBeNull();
  });

  it('re-uploading a date in Alpha adds Alpha version 2 and leaves Beta untouched', async () => {
    const before = await queryRows<{ id: number; version: number; headcount: number }>(
      tdb.handle,
      'select id, version, headcount from snapshots where org_id = $1 order by as_of',
      [beta],
    );
    await importFiles(
      [path.join(ORG_F, 'small-org-2024-01-31.csv')],
      { actor: inOrg(CLI_ACTOR, alpha) },
      quiet,
    );
    const alphaJan = await queryRows<{ version: number; is_current: boolean }>(
      tdb.handle,
      "select version, is_current from snapshots where org_id = $1 and as_of = '2024-01-31' order by version",
      [alpha],
    );
    expect(alphaJan.map((r) => [r.version, r.is_current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const after = await queryRows<{ id: number; version: number; headcount: number }>(
      tdb.handle,
      'select id, version, headcount from snapshots where org_id = $1 order by as_of',
      [beta],
    );
    expect(after).toEqual(before);
    expect((await getMetricsContract(as('hr', beta), { asOf: '2024-01-31' })).headcount).toBe(6);
  });

  it('re-uploading a date shows the difference within the organisation only, before anything is stored', async () => {
    // The January file presented as February: against stored February (15 people, 7 managers)
    // E5 joins, E14 leaves, E6, E7 (to E5), E12 (to E16), E10, E11 (to E16) change manager;
    // January also has 15 people (V1 is a vacant post) and 7 managers.
    const bytes = new Uint8Array(fs.readFileSync(path.join(ORG_F, 'small-org-2024-01-31.csv')));
    const files = [{ name: 'small-org-2024-02-29.csv', bytes }];
    const existing = async (a: Actor, options: { org?: string }) =>
      (await createUpload(a, files, options)).report.snapshots[0]?.existing ?? null;
    const alphaFeb = await existing(as('hr', alpha), { org: 'Test organisation' });
    expect(alphaFeb?.version).toBe(1);
    expect(alphaFeb?.diff).toMatchObject({
      before: { headcount: 15, managers: 7 },
      after: { headcount: 15, managers: 7 },
      added: { count: 1, people: [{ id: 'E5' }] },
      removed: { count: 1, people: [{ id: 'E14' }] },
      moved: { count: 5 },
    });
    // Beta holds the same date: an upload to Beta compares with Beta's own (7 people) ...
    expect((await existing(as('hr', beta), {}))?.diff.before.headcount).toBe(7);
    // ... and one to a new organisation has nothing to compare with (and creates nothing yet).
    expect(await existing(as('hr', alpha), { org: 'Gamma' })).toBeNull();
    expect(await count(tdb, "select count(*)::int as n from organisations where name = 'Gamma'")).toBe(0);
  });

  it('a user without access to an organisation gets 403 for ?org= on APIs and pages', async () => {
    expect((await loadActor(hrUid))?.orgIds).toEqual([alpha]);
    await expect(loadActor(hrUid, String(beta))).rejects.toBeInstanceOf(ForbiddenError);
    // a remembered (cookie) organisation that is not theirs falls back to their own
    expect((await loadActor(hrUid, { demand: null, preference: String(beta) }))?.orgId).toBe(alpha);
    session.uid = hrUid;
    try {
      const overview = await metricsRoute('overview');
      expect((await getJson(overview, `/api/metrics/overview?org=${beta}`)).status).toBe(403);
      expect((await getJson(overview, `/api/metrics/overview?org=${alpha}`)).status).toBe(200);
      expect((await getJson(overview, '/api/metrics/overview?org=999')).status).toBe(403);
      const snapshots = await import('@/app/api/snapshots/route');
      expect((await getJson(snapshots, `/api/snapshots?org=${beta}`)).status).toBe(403);
      // Pages: proxy.ts passes ?org= as the x-strata-org header; requirePageActor answers 403.
      const { requirePageActor } = await import('@/lib/dal/session');
      session.headers = new Headers({ 'x-strata-org': String(beta) });
      await expect(requirePageActor()).rejects.toMatchObject({
        digest: expect.stringMatching(/403/) as unknown,
      });
      session.headers = new Headers({ 'x-strata-org': String(alpha) });
      expect((await requirePageActor()).orgId).toBe(alpha);
      // Given Beta as well, the same user may switch to it.
      await setUserOrganisations(as('admin', alpha), hrUid, [alpha, beta]);
      expect((await getJson(overview, `/api/metrics/overview?org=${beta}`)).status).toBe(200);
    } finally {
      session.uid = null;
      session.headers = new Headers();
    }
  });

  it('renames keep the data; an organisation name is unique', async () => {
    await renameOrganisation(as('admin', alpha), beta, 'Beta Ltd');
    await expect(createOrganisation(as('admin', alpha), { name: 'beta ltd' })).rejects.toThrow(
      /already exists/,
    );
    const listed = await listOrganisations(as('admin', alpha));
    expect(listed.find((o) => o.id === beta)).toMatchObject({ name: 'Beta Ltd', snapshots: 2, aiImports: 1 });
    await expect(deleteOrganisation(as('admin', alpha), beta, 'Beta')).rejects.toThrow(/to confirm/);
  });

  it('"Remove demo company" deletes every row of the demo organisation and nothing else', async () => {
    const demo = await createOrganisation(CLI_ACTOR, { name: 'Demo company', isDemo: true });
    const demoCli = inOrg(CLI_ACTOR, demo.id);
    await importFiles([path.join(F, 'beta-2024-01-31.csv')], { actor: demoCli }, quiet);
    await importAiFiles([path.join(F, 'ai-beta-2024-01.csv')], quiet, demoCli);
    await updateTargets(inOrg(as('admin', alpha), demo.id), {
      org: { spanMin: 2, spanMax: 9, maxLayers: 5 },
    });
    await setUserOrganisations(as('admin', alpha), hrUid, [alpha, beta, demo.id]);
    const tables = async (orgId: number) => ({
      snapshots: await count(tdb, 'select count(*)::int as n from snapshots where org_id = $1', [orgId]),
      people: await count(
        tdb,
        'select count(*)::int as n from people where snapshot_id in (select id from snapshots where org_id = $1)',
        [orgId],
      ),
      metrics: await count(
        tdb,
        'select count(*)::int as n from metric_results where snapshot_id in (select id from snapshots where org_id = $1)',
        [orgId],
      ),
      aiImports: await count(tdb, 'select count(*)::int as n from ai_imports where org_id = $1', [orgId]),
      settings: await count(tdb, 'select count(*)::int as n from settings where org_id = $1', [orgId]),
      access: await count(tdb, 'select count(*)::int as n from user_organisations where org_id = $1', [
        orgId,
      ]),
    });
    const demoBefore = await tables(demo.id);
    expect(demoBefore).toMatchObject({ snapshots: 1, people: 6, aiImports: 1, settings: 1, access: 1 });
    const others = [await tables(alpha), await tables(beta)];
    const usageBefore = await count(tdb, 'select count(*)::int as n from ai_usage');
    const peopleBefore = await count(tdb, 'select count(*)::int as n from people');

    expect(await removeDemoCompany(as('admin', alpha))).toBe(1);

    expect(await tables(demo.id)).toEqual({
      snapshots: 0,
      people: 0,
      metrics: 0,
      aiImports: 0,
      settings: 0,
      access: 0,
    });
    expect([await tables(alpha), await tables(beta)]).toEqual(others);
    expect(await count(tdb, 'select count(*)::int as n from ai_usage')).toBe(usageBefore - 2);
    expect(await count(tdb, 'select count(*)::int as n from people')).toBe(peopleBefore - 6);
    expect(await count(tdb, 'select count(*)::int as n from organisations where id = $1', [demo.id])).toBe(0);
    // audited, and the audit log keeps the history
    expect(
      await count(
        tdb,
        "select count(*)::int as n from audit_log where action = 'org.delete' and org_id = $1",
        [demo.id],
      ),
    ).toBe(1);
    expect(await removeDemoCompany(as('admin', alpha))).toBe(0);
  });
});
