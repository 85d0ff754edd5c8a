/**
 * Ladder and Ceiling-risk dashboards on a hand-built org of two snapshots (tests/fixtures/ladder):
 *
 * 2024-01-31                                   2024-02-29 (latest)
 * C1 CTO M6 (Exec)                             same
 * ├ E1 M2 (Eng)                                same
 * │ └ E2 M1                                    same
 * │   ├ E10 IC4 since 2021-02-28               same
 * │   ├ E11 IC4 since 2023-02-28               same
 * │   ├ E12 IC3 since 2021-08-31               same
 * │   ├ E13 IC3 since 2023-08-31               same
 * │   ├ E14 IC1 since 2023-01-31               IC2 since 2024-02-15 (promotion)
 * │   ├ E20 M1 manager of E15                  IC3 IC track (manager -> IC), E15 now under E2
 * │   ├ E17 IC3                                M1 under E1, manager of E16 (IC -> manager)
 * │   ├ E16 IC1 since 2024-01-15               same (under E17)
 * │   └ E19 IC4 since 2020-01-31               left
 * └ D1 M1 (Data)                               same
 *   ├ D10 IC2 since 2021-12-31                 same
 *   ├ D11 IC2 since 2023-02-28                 same
 *   └ D12 IC1                                  left
 * Months use the average Gregorian month (30.436875 days).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { importFiles } from '@/cli/commands/import-command';
import { loadDashboardContext, type DashboardQuery } from '@/lib/dal/dashboards/context';
import { buildLadder, type LadderDashboard } from '@/lib/dal/dashboards/ladder';
import { buildCeilingRisk, type CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';
import { NotFoundError } from '@/lib/dal/errors';
import { isSuppressed } from '@/lib/query/suppressed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const FIX = path.resolve(__dirname, '../fixtures/ladder');
const actor = (role: Actor['role'], scopeEmployeeId: string | null = null): Actor => ({
  userId: 1,
  email: `${role}@x.test`,
  name: role,
  role,
  scopeEmployeeId,
  orgId: 1,
  orgIds: [1],
});
const hr = actor('hr');
const admin = actor('admin');
const leader = actor('leader', 'E1');
const viewer = actor('viewer');

const ladder = async (a: Actor, q: DashboardQuery = {}) => buildLadder(await loadDashboardContext(a, q));
const risk = async (a: Actor, q: DashboardQuery = {}) => buildCeilingRisk(await loadDashboardContext(a, q));

function open<T>(
  v: T | { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' } | undefined,
): T {
  if (v === undefined || isSuppressed(v)) throw new Error('missing or unexpectedly suppressed');
  return v as T;
}
const dept = (d: LadderDashboard, name: string | null) =>
  d.departments.find((x) => x.department === name)?.group;
const cell = (d: CeilingRiskDashboard, department: string, column: string) =>
  d.heatmap.cells.find((c) => c.department === department && c.column === column)?.value;

describe.each(backends())('ladder and ceiling-risk dashboards on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    for (const asOf of ['2024-01-31', '2024-02-29']) {
      const { committed } = await importFiles([path.join(FIX, `org-${asOf}.csv`)], { asOf }, () => undefined);
      expect(committed).toHaveLength(1);
    }
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('gives hr the level distribution and ladder per department, by hand', async () => {
    const d = await ladder(hr);
    expect(d.asOf).toBe('2024-02-29');
    // 15 people: 10 declared ICs (E10-E16, E20, D10, D11) and 5 managers (C1, E1, E2, E17, D1).
    const s = open(d.summary);
    expect([s.people, s.ics, s.managers]).toEqual([15, 10, 5]);
    // IC rungs IC1..IC4 held -> depth 4, ceiling IC4; 4 > 3rd rung -> not short; top manager M6
    // (rank 8) - IC4 (rank 4) = parity gap 4; senior ICs (IC4+) E10, E11 = 2 / 10 = 0.2.
    expect(s.metrics).toEqual({
      icLadderDepth: 4,
      icCeiling: 'IC4',
      shortLadder: false,
      parityGap: 4,
      seniorIcShare: 0.2,
    });
    expect(s.topManagerLevel).toBe('M6');
    expect(d.levels.map((l) => l.key)).toEqual([
      'ic:IC1',
      'ic:IC2',
      'ic:IC3',
      'ic:IC4',
      'manager:M1',
      'manager:M2',
      'manager:M6',
    ]);
    expect(d.departments.map((x) => x.department)).toEqual(['Data', 'Eng', 'Exec']);
    // Eng: 11 people; ICs E16 (IC1), E14 E15 (IC2), E12 E13 E20 (IC3), E10 E11 (IC4) = 8;
    // managers E2 E17 (M1), E1 (M2) = 3. M2 rank 4 - IC4 rank 4 = 0; senior 2/8 = 0.25.
    const eng = open(dept(d, 'Eng'));
    expect(eng.counts).toEqual({
      'ic:IC1': 1,
      'ic:IC2': 2,
      'ic:IC3': 3,
      'ic:IC4': 2,
      'manager:M1': 2,
      'manager:M2': 1,
    });
    expect(eng.metrics).toEqual({
      icLadderDepth: 4,
      icCeiling: 'IC4',
      shortLadder: false,
      parityGap: 0,
      seniorIcShare: 0.25,
    });
    // Data: D10, D11 at IC2 -> depth 1, ceiling IC2 <= IC3 -> short; M1 rank 3 - 2 = 1; senior 0/2.
    const data = open(dept(d, 'Data'));
    expect([data.people, data.ics, data.managers]).toEqual([3, 2, 1]);
    expect(data.metrics).toEqual({
      icLadderDepth: 1,
      icCeiling: 'IC2',
      shortLadder: true,
      parityGap: 1,
      seniorIcShare: 0,
    });
    // Exec: the CTO alone: no ICs, so no ceiling, parity or share.
    expect(open(dept(d, 'Exec')).metrics).toEqual({
      icLadderDepth: 0,
      icCeiling: null,
      shortLadder: null,
      parityGap: null,
      seniorIcShare: null,
    });
  });

  it('counts track moves and promotion velocity over the history', async () => {
    const d = await ladder(hr);
    // E17 IC -> manager, E20 manager -> IC between the two snapshots.
    expect(d.moves).toEqual([
      { asOf: '2024-02-29', from: '2024-01-31', values: { icToManager: 1, managerToIc: 1 } },
    ]);
    // One promotion: E14 IC1 (since 2023-01-31) -> IC2 (since 2024-02-15): 380 days / 30.436875
    // = 12.48 months -> 12.5; one sample, so median = p75 = 12.5.
    expect(d.velocity).toEqual([
      { track: 'ic', level: 'IC1', values: { promotions: 1, medianMonths: 12.5, p75Months: 12.5 } },
    ]);
    // The same unit asked as the subtree of the root goes through the frame path, not the stored
    // org rows, and must agree.
    const viaSubtree = await ladder(hr, { subtree: 'C1' });
    expect(viaSubtree.moves).toEqual(d.moves);
    expect(viaSubtree.velocity).toEqual(d.velocity);
    // Data had no moves and no promotions.
    const data = await ladder(hr, { department: 'Data' });
    expect(data.moves).toEqual([
      { asOf: '2024-02-29', from: '2024-01-31', values: { icToManager: 0, managerToIc: 0 } },
    ]);
    expect(data.velocity).toEqual([]);
  });

  it('keeps a leader inside their subtree, now and in earlier snapshots', async () => {
    const d = await ladder(leader);
    expect(d.scope).toMatchObject({ subtree: 'E1', subtreeName: 'Evan Lead' });
    // Subtree of E1 = Eng's 11 people; nothing from Data or Exec.
    expect(d.departments.map((x) => x.department)).toEqual(['Eng']);
    expect(open(d.summary).people).toBe(11);
    expect(open(d.moves)).toEqual([
      { asOf: '2024-02-29', from: '2024-01-31', values: { icToManager: 1, managerToIc: 1 } },
    ]);
    await expect(ladder(leader, { subtree: 'D1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(risk(leader, { subtree: 'C1' })).rejects.toBeInstanceOf(NotFoundError);
    // Asking for Data inside E1's subtree gives an empty unit, suppressed for a leader.
    expect(isSuppressed((await ladder(leader, { department: 'Data' })).summary)).toBe(true);
    const r = await risk(leader);
    const ids = (r.people ?? []).map((p) => p.employeeId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('E'))).toBe(true);
  });

  it('suppresses groups under 5 for leaders and viewers, not for hr or admin', async () => {
    const v = await ladder(viewer);
    // Data (3 people) and Exec (1) are hidden; so is Eng (11): the unit's 15 minus Eng would be
    // the 4 people of Data and Exec together (complementary suppression, issue #11).
    expect(isSuppressed(dept(v, 'Data'))).toBe(true);
    expect(isSuppressed(dept(v, 'Exec'))).toBe(true);
    expect(isSuppressed(dept(v, 'Eng'))).toBe(true);
    expect(open(v.summary).people).toBe(15);
    // One promotion from IC1: under the minimum for a viewer, shown to hr.
    expect(isSuppressed(v.velocity[0]?.values)).toBe(true);
    for (const a of [hr, admin]) {
      const d = await ladder(a);
      expect(open(dept(d, 'Data')).people).toBe(3);
      expect(open(dept(d, 'Exec')).people).toBe(1);
    }
    // A two-person subtree (E17 + E16): everything suppressed for the leader, open for admin.
    const small = await ladder(leader, { subtree: 'E17' });
    expect(isSuppressed(small.summary)).toBe(true);
    expect(small.departments).toEqual([]);
    expect(isSuppressed(small.moves)).toBe(true);
    expect(open((await ladder(admin, { subtree: 'E17' })).summary).people).toBe(2);
    expect(isSuppressed((await risk(leader, { subtree: 'E17' })).summary)).toBe(true);
  });

  it('scores ceiling risk per IC with the reasons, by hand', async () => {
    const r = await risk(hr);
    // Scores (weights: unit ceiling 30, ladder top 20, long in level 30, no promotion 20; too few
    // promotions for a per-level p75, so long = over 24 months; everyone seen twice and not
    // promoted gets "no promotion"):
    //   E10 IC4 at Eng ceiling, 1096 d = 36.0 mo            30 + 30 + 20 = 80
    //   D10 IC2 at Data ceiling, 790 d = 26.0 mo             30 + 30 + 20 = 80
    //   E12 IC3, 912 d = 30.0 mo                                  30 + 20 = 50
    //   D11 IC2 at Data ceiling, 366 d = 12.0 mo             30 +      20 = 50
    //   E11 IC4 at Eng ceiling, 12.0 mo                      30 +      20 = 50
    //   E15 IC2 12.0 mo, E13 IC3 6.0 mo, E16 IC1 1.5 mo, E20 IC3 0 mo       20
    //   E14 promoted this snapshot, 14 d                                    0
    // plus the tie-breaker 0.9 x pressure, pressure = (stay + closeness) / 2, stay = months /
    // (months + 24), closeness = 1 / (1 + rungs up to the ceiling: Eng IC4, Data IC2):
    //   E10 (0.6 + 1) / 2 = 0.8 -> 80.72 -> 80.7      D10 (0.52 + 1) / 2 = 0.76 -> 80.684 -> 80.7
    //   D11, E11 (0.3333 + 1) / 2 = 0.6667 -> 50.6    E12 (0.5556 + 0.5) / 2 = 0.5278 -> 50.475 -> 50.5
    //   E13 (0.2 + 0.5) / 2 = 0.35 -> 20.3            E15 (0.3333 + 0.3333) / 2 = 0.3333 -> 20.3
    //   E20 (0 + 0.5) / 2 = 0.25 -> 20.2 (20.225)     E16 (0.0588 + 0.25) / 2 = 0.1544 -> 20.1
    // Ordered by score, then pressure (E10 before D10, E13 before E15), then months, then id: the
    // ICs at a ceiling (D11, E11) now come before E12, who has a rung above him.
    expect(
      (r.people ?? []).map((p) => [p.employeeId, p.score, p.monthsInLevel, p.reasons.join('+')]),
    ).toEqual([
      ['E10', 80.7, 36, 'atUnitCeiling+longInLevel+noPromotionInWindow'],
      ['D10', 80.7, 26, 'atUnitCeiling+longInLevel+noPromotionInWindow'],
      ['D11', 50.6, 12, 'atUnitCeiling+noPromotionInWindow'],
      ['E11', 50.6, 12, 'atUnitCeiling+noPromotionInWindow'],
      ['E12', 50.5, 30, 'longInLevel+noPromotionInWindow'],
      ['E13', 20.3, 6, 'noPromotionInWindow'],
      ['E15', 20.3, 12, 'noPromotionInWindow'],
      ['E20', 20.2, 0, 'noPromotionInWindow'],
      ['E16', 20.1, 1.5, 'noPromotionInWindow'],
    ]);
    // Suggested next steps: E10 at Eng's ceiling IC4 (Data's ceiling IC2 is lower: no move);
    // D10 at Data's IC2 with Eng reaching IC4; E12 below Eng's ceiling.
    const step = (id: string) => r.people?.find((p) => p.employeeId === id)?.nextStep;
    expect(step('E10')).toBe('Consider opening the next rung (IC5) in Eng.');
    expect(step('D10')).toBe(
      'Consider opening the next rung (IC3) in Data, or a move to Eng (IC levels up to IC4).',
    );
    expect(step('E12')).toBe('Consider preparing a promotion case to IC4 (Eng has ICs up to IC4).');
    expect(r.peopleTotal).toBe(9);
    const e10 = r.people?.[0];
    expect(e10).toMatchObject({
      name: 'Ivy Staff',
      title: 'Staff Engineer',
      department: 'Eng',
      level: 'IC4',
    });
    expect(e10?.reasonText).toEqual([
      'Holds the highest IC level in Eng (IC4): no IC rung above them there.',
      '36 months in IC4: over 24 months (too few promotions from IC4 to compare).',
      'Not promoted since 2024-01-31 (the start of the history).',
    ]);
    // 10 ICs, scores sum 80.7*2 + 50.6*2 + 50.5 + 20.3*2 + 20.2 + 20.1 + 0 = 394 -> mean 39.4; at
    // ceiling E10 E11 D10 D11 = 4 (0.4); high risk (>= 60) E10 D10 = 2.
    expect(r.summary).toEqual({ ics: 10, meanScore: 39.4, atCeiling: 4, shareAtCeiling: 0.4, highRisk: 2 });
    expect(r.heatmap.columns.map((c) => c.key)).toEqual(['IC1', 'IC2', 'IC3', 'IC4', '*']);
    // Eng IC3: E12 50.5, E13 20.3, E20 20.2 -> 91 / 3 = 30.3. Eng overall: 80.7 + 50.6 + 50.5 +
    // 20.3 * 2 + 20.2 + 20.1 + 0 = 262.7 / 8 = 32.84 -> 32.8, 2 of 8 at ceiling.
    expect(cell(r, 'Eng', 'IC3')).toEqual({
      ics: 3,
      meanScore: 30.3,
      atCeiling: 0,
      shareAtCeiling: 0,
      highRisk: 0,
    });
    expect(cell(r, 'Eng', '*')).toEqual({
      ics: 8,
      meanScore: 32.8,
      atCeiling: 2,
      shareAtCeiling: 0.25,
      highRisk: 1,
    });
    expect(cell(r, 'Data', 'IC2')).toEqual({
      ics: 2,
      meanScore: 65.7, // (80.7 + 50.6) / 2 = 65.65
      atCeiling: 2,
      shareAtCeiling: 1,
      highRisk: 1,
    });
  });

  it('splits leavers by whether they were at the ceiling', async () => {
    // 2024-01-31 ICs: at ceiling E10 E11 E19 (Eng IC4), D10 D11 (Data IC2) = 5, E19 left -> 1/5;
    // others E12 E13 E14 E15 E16 E17 D12 = 7, D12 left -> 1/7 = 0.1429.
    const r = await risk(hr);
    const expected = {
      atCeiling: { ics: 5, leavers: 1, leaverRate: 0.2 },
      notAtCeiling: { ics: 7, leavers: 1, leaverRate: 0.1429 },
    };
    expect(r.leavers).toEqual([{ asOf: '2024-02-29', from: '2024-01-31', ...expected }]);
    expect(r.leaversTotal).toEqual(expected);
    // Same through the frame path (subtree of the root).
    expect((await risk(hr, { subtree: 'C1' })).leavers).toEqual(r.leavers);
    // Data: D10 D11 at ceiling, none left; D12 the only other IC, left -> 1/1.
    expect((await risk(hr, { department: 'Data' })).leavers).toEqual([
      {
        asOf: '2024-02-29',
        from: '2024-01-31',
        atCeiling: { ics: 2, leavers: 0, leaverRate: 0 },
        notAtCeiling: { ics: 1, leavers: 1, leaverRate: 1 },
      },
    ]);
    // Leader (subtree of E1 in January): at ceiling E10 E11 E19 = 3 -> suppressed; the other six
    // (E12 E13 E14 E15 E16 E17) stayed.
    const l = await risk(leader);
    expect(l.leavers).toEqual([
      {
        asOf: '2024-02-29',
        from: '2024-01-31',
        atCeiling: { suppressed: true, minGroupSize: 5, reason: 'small' },
        notAtCeiling: { ics: 6, leavers: 0, leaverRate: 0 },
      },
    ]);
  });

  it('never sends a viewer a named person, and hides small heatmap cells from them', async () => {
    const r = await risk(viewer);
    expect(r.people).toBeNull();
    expect(r.peopleTotal).toBeNull();
    const json = JSON.stringify(r);
    for (const needle of ['Ivy Staff', '"E10"', 'employeeId', 'Staff Engineer'])
      expect(json).not.toContain(needle);
    // Only Eng overall has 5+ ICs (8), but the 10 ICs of the unit minus Eng would be Data's 2:
    // Eng is hidden with them (complementary suppression, issue #11), so every cell is suppressed.
    expect(isSuppressed(cell(r, 'Eng', '*'))).toBe(true);
    expect(r.heatmap.cells.filter((c) => !isSuppressed(c.value))).toEqual([]);
    expect(r.summary).toMatchObject({ ics: 10, meanScore: 39.4 });
    // No names, but each department with ICs at its ceiling gets a suggested next step... only
    // where its cell is shown: every cell is suppressed here, so none.
    expect(r.unitSteps).toEqual([]);
    // The ladder dashboard names nobody either.
    expect(JSON.stringify(await ladder(viewer))).not.toContain('Ivy Staff');
  });
});
