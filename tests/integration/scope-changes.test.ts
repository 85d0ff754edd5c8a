/**
 * Honest trends (issue #12 item 6) on three small snapshots, tests/fixtures/fte/scope-*.csv
 * (execLayers 2; layer in brackets):
 *   S1 2024-01-31, 10 people: R [1] -> V [2] -> D1 [3] -> E1 [4] -> a1, a2; D1 -> E2 [4] -> b1, b2;
 *      V -> c1 [3]. Managers R, V, D1, E1, E2 = 5; middle managers D1 = 1.
 *   S2 2024-02-29, 20 people: S1 plus a whole Ops department under R: O [2] -> P1 [3] -> P1a [4]
 *      -> q1-q3; O -> P2 [3] -> r1-r3. Managers 5 + O, P1, P1a, P2 = 9; middle managers D1, P1 = 2.
 *   S3 2024-03-31, 11 people: S1 plus a3 under E1. Managers 5; middle managers 1.
 * Unmarked: S2 moves headcount 10 -> 20 (+100%) and managers 5 -> 9 (+80%) against S1; S3 moves
 * 20 -> 11 (-45%) and 9 -> 5 (-44.44%) against S2: both flagged. Middle managers at S3: 1 against
 * a peak of 2 (S2) = -50%. With S2 marked not comparable: nothing is flagged (S3 against S1:
 * +10% and 0%), and S3's middle managers compare with S1's peak of 1: 0%.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { testActor } from '../support/actors';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/dal/session', async (importOriginal) =>
  (await import('../support/session-mock')).mockSession(importOriginal, session),
);

import { PATCH } from '@/app/api/data/snapshots/[id]/route';
import { importFiles } from '@/cli/commands/import-command';
import { listAudit } from '@/lib/dal/audit';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { buildOverview } from '@/lib/dal/dashboards/overview';
import { buildTrends } from '@/lib/dal/dashboards/trends';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { loadScopeNotes, smallPoints } from '@/lib/dal/scope-marks';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { listSnapshots } from '@/lib/dal/snapshot-list';
import { isSuppressed } from '@/lib/query/suppressed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/fte');
const DATES = ['2024-01-31', '2024-02-29', '2024-03-31'];
const admin = testActor('admin');
const hr = testActor('hr');
const APP = 'http://localhost:3000';

function unwrap<T>(v: T | { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' }): T {
  if (isSuppressed(v)) throw new Error('unexpectedly suppressed');
  return v;
}

function patch(id: number | string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const req = new Request(`${APP}/api/data/snapshots/${id}`, {
    method: 'PATCH',
    headers: { origin: APP, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return PATCH(req, { params: Promise.resolve({ id: String(id) }) });
}

async function as<T>(who: Actor | null, fn: () => Promise<T>): Promise<T> {
  session.actor = who;
  try {
    return await fn();
  } finally {
    session.actor = null;
  }
}

describe.each(backends())('changes of scope and "not comparable" marks on %s', (backend) => {
  let tdb: TestDb;
  let ids: Record<string, number> = {};
  const savedUrl = process.env.NEXTAUTH_URL;

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = APP;
    clearPreparedCache();
    tdb = await createTestDb(backend);
    for (const d of DATES) {
      const { result } = await importFiles([path.join(DIR, `scope-${d}.csv`)], { asOf: d }, () => undefined);
      expect(result.ok).toBe(true);
    }
    ids = Object.fromEntries((await listSnapshots(admin)).map((s) => [s.asOf, s.id]));
  });
  afterAll(async () => {
    process.env.NEXTAUTH_URL = savedUrl;
    clearPreparedCache();
    await tdb.drop();
  });

  const trends = async () => buildTrends(await loadDashboardContext(admin, {}));

  it('flags both jumps (> 25% in headcount or managers) on the trend notes and in the findings', async () => {
    const t = await trends();
    const notes = unwrap(t.scopeNotes);
    expect(notes.notComparable).toEqual([]);
    expect(
      notes.flagged.map((f) => [
        f.asOf,
        f.from,
        f.moves.map((m) => [m.metric, m.before, m.after, m.changePct]),
      ]),
    ).toEqual([
      [
        '2024-02-29',
        '2024-01-31',
        [
          ['headcount', 10, 20, 100],
          ['managers', 5, 9, 80],
        ],
      ],
      [
        '2024-03-31',
        '2024-02-29',
        [
          ['headcount', 20, 11, -45],
          ['managers', 9, 5, -44.44],
        ],
      ],
    ]);
    const mm = unwrap(t.series).middleManagers?.at(-1);
    expect(mm).toMatchObject({ value: 1, peak: 2, peakAsOf: '2024-02-29', changeVsPeakPct: -50 });
    const o = await buildOverview(await loadDashboardContext(admin, {}));
    expect(o.findings[0]?.kind).toBe('scope-change');
    expect(o.findings[0]?.text).toContain('2024-02-29, 2024-03-31');
    expect(o.fte).toBeNull(); // a plain HRIS file has no aggregated rows
  });

  it('a note never quotes a snapshot where a leader or viewer could not see the unit (under the minimum)', async () => {
    const pts = [10, 3, 12].map((headcount, k) => ({
      asOf: DATES[k] ?? '',
      structure: { headcount, managers: 2 },
    }));
    const viewerCtx = { suppress: true, settings: { minGroupSize: 5 } };
    expect([...smallPoints(viewerCtx, pts)]).toEqual(['2024-02-29']);
    expect([...smallPoints({ ...viewerCtx, suppress: false }, pts)]).toEqual([]);
    // hr: 10 -> 3 and 3 -> 12 are both flagged; a viewer: 10 -> 12 against January, no flag.
    expect((await loadScopeNotes(pts)).notes.flagged.map((f) => f.asOf)).toEqual([
      '2024-02-29',
      '2024-03-31',
    ]);
    expect((await loadScopeNotes(pts, smallPoints(viewerCtx, pts))).notes.flagged).toEqual([]);
  });

  it('PATCH refuses other roles, no session, other sites, other content types and bad bodies', async () => {
    const id = ids['2024-02-29'] ?? 0;
    expect((await as(null, () => patch(id, { notComparable: true }))).status).toBe(401);
    expect((await as(testActor('viewer'), () => patch(id, { notComparable: true }))).status).toBe(403);
    expect((await as(testActor('leader', 'R'), () => patch(id, { notComparable: true }))).status).toBe(403);
    expect(
      (await as(hr, () => patch(id, { notComparable: true }, { origin: 'https://evil.example' }))).status,
    ).toBe(403);
    expect((await as(hr, () => patch(id, { notComparable: true }, { origin: 'null' }))).status).toBe(403);
    expect(
      (await as(hr, () => patch(id, { notComparable: true }, { 'content-type': 'text/plain' }))).status,
    ).toBe(415);
    expect((await as(hr, () => patch(id, { notComparable: 'yes' }))).status).toBe(422);
    expect((await as(hr, () => patch(id, { notComparable: true, extra: 1 }))).status).toBe(422);
    expect((await as(hr, () => patch('abc', { notComparable: true }))).status).toBe(422);
    expect((await as(hr, () => patch(999999, { notComparable: true }))).status).toBe(404);
    // Nothing was marked by any of these.
    expect((await listSnapshots(admin)).filter((s) => s.notComparable)).toEqual([]);
    expect((await listAudit(admin, { action: 'snapshot.mark-not-comparable' })).entries).toEqual([]);
  });

  it('hr marks S2 not comparable (audited): nothing is flagged and change since peak skips S2', async () => {
    const id = ids['2024-02-29'] ?? 0;
    const res = await as(hr, () => patch(id, { notComparable: true }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, asOf: '2024-02-29', notComparable: true });
    const audit = (await listAudit(admin, { action: 'snapshot.mark-not-comparable' })).entries;
    expect(audit.map((e) => [e.actorEmail, e.target, e.details])).toEqual([
      [hr.email, '2024-02-29', { snapshotId: id, version: 1, notComparable: true }],
    ]);
    expect((await listSnapshots(admin)).filter((s) => s.notComparable).map((s) => s.asOf)).toEqual([
      '2024-02-29',
    ]);

    const t = await trends();
    expect(unwrap(t.scopeNotes)).toEqual({ flagged: [], notComparable: ['2024-02-29'] });
    const series = unwrap(t.series);
    // S3 against S1 now: middle managers 1 vs a peak of 1 = 0%; headcount 11 - 10 = +1.
    expect(series.middleManagers?.at(-1)).toMatchObject({
      peak: 1,
      peakAsOf: '2024-01-31',
      changeVsPeakPct: 0,
    });
    expect(series.headcount?.at(-1)).toMatchObject({ previous: 10, changeVsPrevious: 1, peak: 10 });
    // S2 itself keeps its value but has no change of its own.
    expect(series.headcount?.[1]).toMatchObject({ value: 20, changeVsPrevious: null, changeVsPeak: null });

    const o = await buildOverview(await loadDashboardContext(admin, {}));
    expect(o.findings.map((f) => f.kind)).not.toContain('scope-change');
    const kpi = (k: string) => unwrap(o.kpis).find((x) => x.key === k);
    expect(kpi('middleManagers')).toMatchObject({ value: 1, peak: 1, previous: 1 });
    expect(kpi('headcount')).toMatchObject({ value: 11, previous: 10, peak: 10 });

    // The command-line contract's trend too: peak 1, 0%.
    const m = await getMetricsContract(admin, {});
    expect([m.trend.middleManagersPeak, m.trend.middleManagersChangeSincePeakPct]).toEqual([1, 0]);
  });

  it('admin clears the mark (audited) and the flags come back', async () => {
    const id = ids['2024-02-29'] ?? 0;
    const res = await as(admin, () => patch(id, { notComparable: false }));
    expect(res.status).toBe(200);
    expect(
      (await listAudit(admin, { action: 'snapshot.mark-comparable' })).entries.map((e) => e.target),
    ).toEqual(['2024-02-29']);
    const t = await trends();
    expect(unwrap(t.scopeNotes).flagged.map((f) => f.asOf)).toEqual(['2024-02-29', '2024-03-31']);
    const m = await getMetricsContract(admin, {});
    expect([m.trend.middleManagersPeak, m.trend.middleManagersChangeSincePeakPct]).toEqual([2, -50]);
  });
});
