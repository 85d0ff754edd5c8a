/**
 * Cost on the Structure dashboard through the DAL (issue #14), on the hand-built org of
 * dashboards-structure.test.ts with an 'Annual Salary' column (tests/fixtures/structure/
 * small-org-cost.csv; every salary distinct: a manager's is 1xx,xxx with their id in the last
 * digits, developers 100,000 + id, reps 90,000 + id, accountants 80,000 + id; the vacant post none).
 * Managers: Cora 250,001 · Vera 180,002 · Sam 170,003 · Fay 175,004 (executives, layers 1-2) ·
 * Dan 150,025 (manager of managers, layer 3) · Rae 120,017 (layer 3), Ann 130,005, Ben 128,006,
 * Cal 126,007 (layer 4): managers of ICs. Management = 1,429,070; ICs (16) = 900,108 + 450,100 +
 * 160,047 = 1,510,255; total 2,939,325.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { loadDashboardContext, parseDashboardQuery } from '@/lib/dal/dashboards/context';
import { buildStructure } from '@/lib/dal/dashboards/structure';
import { buildOrgTree } from '@/lib/dal/dashboards/org-tree';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importFiles } from '@/cli/commands/import-command';
import { isSuppressed } from '@/lib/query/suppressed';
import { runScenario } from '@/lib/dal/scenario-metrics';
import type { ScenarioOp } from '@/lib/scenarios';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const FILE = path.resolve(process.cwd(), 'tests/fixtures/structure/small-org-cost.csv');
const AS_OF = '2025-01-31';
const MIN = 5;
const actor = (role: Actor['role'], scopeEmployeeId: string | null = null): Actor => ({
  userId: 1,
  email: `${role}@x.test`,
  name: role,
  role,
  scopeEmployeeId,
  orgId: 1,
  orgIds: [1],
});

/** Every person's salary as written in the file. */
const SALARIES = [
  250001,
  180002,
  170003,
  175004,
  150025,
  130005,
  128006,
  126007,
  120017,
  ...[8, 9, 10, 11, 12, 13, 14, 15, 16].map((k) => 100000 + k),
  ...[18, 19, 20, 21, 22].map((k) => 90000 + k),
  80023,
  80024,
];
const MANAGER_IDS = ['1', '2', '3', '4', '25', '5', '6', '7', '17'];

const OPS: ScenarioOp[] = [
  { op: 'remove', id: '6' },
  { op: 'merge', from: '7', into: '5' },
  { op: 'add', id: 'N1', manager: '25', track: 'ic', cost: 110_000 },
];
const hidden = { suppressed: true, minGroupSize: MIN, reason: 'small' };
// hidden although not small: so that a smaller group's pay cannot be worked out from it
const complement = { suppressed: true, minGroupSize: MIN, reason: 'complement' };

async function structure(a: Actor, q: Record<string, string> = {}) {
  const ctx = await loadDashboardContext(a, parseDashboardQuery({ asOf: AS_OF, ...q }));
  return buildStructure(ctx);
}

/** Every money figure a reader is given, with the size of the group it is about. */
function shownGroups(
  d: Awaited<ReturnType<typeof structure>>,
): Array<{ what: string; people: number; cost: number }> {
  const c = d.cost;
  if (c === null) return [];
  const out: Array<{ what: string; people: number; cost: number }> = [];
  if (!isSuppressed(c.total)) {
    // money is only shown with the unit's coverage
    expect(isSuppressed(c.coverage)).toBe(false);
    out.push({ what: 'total', people: isSuppressed(c.coverage) ? 0 : c.coverage.costed, cost: c.total });
  }
  const levels = isSuppressed(c.byLevel) ? [] : c.byLevel;
  if (!isSuppressed(c.management)) {
    out.push({
      what: 'management',
      people: levels.reduce((s, r) => s + r.managers, 0),
      cost: c.management.cost,
    });
  }
  if (!isSuppressed(c.ic)) out.push({ what: 'ic', people: c.ic.people, cost: c.ic.cost });
  for (const r of isSuppressed(c.byLayer) ? [] : c.byLayer)
    if (!isSuppressed(r.cost)) out.push({ what: `layer ${r.layer}`, people: r.managers, cost: r.cost });
  for (const r of levels)
    if (!isSuppressed(r.cost)) out.push({ what: r.level, people: r.managers, cost: r.cost });
  return out;
}

describe.each(backends())('cost on the Structure dashboard and in scenarios on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const r = await importFiles([FILE], { asOf: AS_OF }, () => undefined);
    expect(r.result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('hr sees the hand-computed figures and each manager cost', async () => {
    const d = await structure(actor('hr'));
    expect(d.cost).toEqual({
      coverage: { headcount: 25, costed: 25, share: 1, juniorFte: 0, juniorFteCosted: 0 },
      hiddenReason: null,
      total: 2_939_325,
      management: { cost: 1_429_070, share: 0.4862, perIc: 89_316.88 }, // 1,429,070 / 16 ICs
      ic: { people: 16, cost: 1_510_255, costPerIc: 183_707.81 }, // 2,939,325 / 16
      byLayer: [
        { layer: 1, managers: 1, costed: 1, cost: 250_001 },
        { layer: 2, managers: 3, costed: 3, cost: 525_009 },
        { layer: 3, managers: 2, costed: 2, cost: 270_042 },
        { layer: 4, managers: 3, costed: 3, cost: 384_018 },
      ],
      byLevel: [
        { level: 'executive', managers: 4, costed: 4, cost: 775_010 },
        { level: 'managerOfManagers', managers: 1, costed: 1, cost: 150_025 },
        { level: 'managerOfIcs', managers: 4, costed: 4, cost: 504_035 },
      ],
    });
    const narrow = Object.fromEntries((d.narrowSpan.managers ?? []).map((m) => [m.id, m.annualCost]));
    expect(narrow).toMatchObject({ '2': 180_002, '6': 128_006, '7': 126_007 });
  });

  it("the org explorer gives a person's annual cost to hr and admin only", async () => {
    const explore = async (a: Actor) => {
      const ctx = await loadDashboardContext(a, parseDashboardQuery({ asOf: AS_OF }));
      return buildOrgTree(ctx, new URLSearchParams({ depth: '3' }));
    };
    const hr = JSON.stringify(await explore(actor('hr')));
    expect(hr).toContain('"annualCost":250001'); // Cora Chief
    expect(hr).toContain('"annualCost":180002'); // Vera Eng
    for (const reader of [actor('leader', '1'), actor('leader', '2'), actor('viewer')]) {
      const json = JSON.stringify(await explore(reader));
      expect(json).not.toContain('annualCost');
      for (const s of SALARIES) expect(json).not.toContain(String(s));
    }
  });

  it('a leader and a viewer never get a group total under the floor, nor any person cost', async () => {
    const readers = [actor('leader', '2'), actor('leader', '1'), actor('viewer'), actor('leader', '5')];
    for (const reader of readers) {
      const units =
        reader.scopeEmployeeId === null ? [null, ...MANAGER_IDS] : [reader.scopeEmployeeId, ...MANAGER_IDS];
      for (const subtree of units) {
        let d: Awaited<ReturnType<typeof structure>>;
        try {
          d = await structure(reader, subtree === null ? {} : { subtree });
        } catch {
          continue; // outside the reader's scope
        }
        expect(d.cost, `${reader.role} ${reader.scopeEmployeeId} ${subtree}`).not.toBeNull();
        // a group of nobody (a level without managers) shows 0 and tells nothing
        for (const g of shownGroups(d).filter((x) => x.people > 0)) {
          expect(
            g.people,
            `${reader.role}:${reader.scopeEmployeeId} unit ${subtree} ${g.what}`,
          ).toBeGreaterThanOrEqual(MIN);
          expect(SALARIES).not.toContain(g.cost);
        }
        expect(d.narrowSpan.managers?.some((m) => m.annualCost !== undefined) ?? false).toBe(false);
        const json = JSON.stringify(d);
        for (const s of SALARIES) expect(json).not.toContain(String(s));
      }
    }
    // Vera's subtree (14 people, 5 managers, 9 ICs) is shown to its leader; Ben's team (3) is not.
    const vera = await structure(actor('leader', '2'));
    expect(vera.cost?.total).toBe(180_002 + 150_025 + 130_005 + 128_006 + 126_007 + 900_108);
    const ben = await structure(actor('leader', '2'), { subtree: '6' });
    expect(isSuppressed(ben.cost?.total)).toBe(true);
    // not even the team's headcount through the coverage figure
    expect(isSuppressed(ben.cost?.coverage)).toBe(true);
  });

  /**
   * A scenario's cost (lib/dal/scenario-cost.ts through runScenario). The scenario removes Ben Lead (6, 128,006: his two reports go to Dan), merges
   * Cal Lead (7, 126,007) into Ann (Cal stops managing) and adds a planned IC at 110,000:
   *   after management = 1,429,070 - 128,006 - 126,007 = 1,175,057
   *   after IC = 1,510,255 + 126,007 + 110,000 = 1,746,262; total 2,921,319 (difference -18,006)
   *   ICs after = 16 + Cal + the planned IC = 18 -> cost per IC 162,295.5
   */
  it('hr: before, after, difference, the planned position and the people behind the change', async () => {
    const r = await runScenario(testActor('hr'), { ops: OPS });
    expect(Object.keys(r)).toEqual(['before', 'after', 'changes', 'cost']);
    const c = r.cost;
    expect(c).toMatchObject({
      hiddenReason: null,
      before: { total: 2_939_325, management: 1_429_070, ic: 1_510_255, costPerIc: 183_707.81 },
      after: {
        total: 2_921_319,
        management: 1_175_057,
        ic: 1_746_262,
        costPerIc: 162_295.5,
        managementShare: 0.4022, // 1,175,057 / 2,921,319 = 0.40224
      },
      difference: { total: -18_006, management: -254_013, ic: 236_007 },
      removed: { people: 1, costed: 1, cost: 128_006 },
      stoppedManaging: { people: 1, costed: 1, cost: 126_007 },
      becameManagers: { people: 0, costed: 0, cost: 0 },
      planned: {
        positions: [{ id: 'N1', level: null, track: 'ic', manager: false, cost: 110_000, basis: 'given' }],
        cost: 110_000,
        notCosted: 0,
      },
      people: [
        { id: '6', name: 'Ben Lead', change: 'removed', annualCost: 128_006 },
        { id: '7', name: 'Cal Lead', change: 'stopped-managing', annualCost: 126_007 },
      ],
    });
    // before/after stay exactly the metrics documents
    expect(r.after.headcount).toBe(24);
  });

  it("a leader sees the unit's total before, but no after or difference when fewer than 5 people change, and no person", async () => {
    const r = await runScenario(testActor('leader', '2'), { ops: OPS, unit: '2' });
    // Vera's subtree: 180,002 + 150,025 + 130,005 + 128,006 + 126,007 + developers 900,108
    expect(r.cost).toEqual({
      hiddenReason: 'few-people-changed',
      before: expect.objectContaining({ total: 1_614_153 }),
      // the unit's after total and the difference are not small: hidden so the changed few's pay
      // cannot be worked out; one removed and one who stopped managing are small; nobody became a
      // manager, and that 0 is shown
      after: complement,
      difference: complement,
      removed: hidden,
      becameManagers: { people: 0, costed: 0, cost: 0 },
      stoppedManaging: hidden,
      planned: {
        positions: [{ id: 'N1', level: null, track: 'ic', manager: false, cost: 110_000, basis: 'given' }],
        cost: 110_000,
        notCosted: 0,
      },
    });
    const json = JSON.stringify(r.cost);
    for (const s of [128006, 126007]) expect(json).not.toContain(String(s));
  });

  it('a leader sees the difference when at least 5 costed people change', async () => {
    // five removals inside Vera's subtree: Ann, Ben, Cal, Dan and one developer (Ivy, 8)
    const ops: ScenarioOp[] = ['5', '6', '7', '25'].map((id) => ({ op: 'remove', id }));
    ops.push({ op: 'remove', id: '8' });
    const r = await runScenario(testActor('leader', '2'), { ops, unit: '2' });
    // removed: Ann 130,005 + Ben 128,006 + Cal 126,007 + Dan 150,025 + Ivy 100,008 = 634,051
    expect(r.cost).toMatchObject({
      hiddenReason: null,
      difference: { total: -634_051 },
      removed: { people: 5, costed: 5, cost: 634_051 },
    });
    expect(r.cost?.people).toBeUndefined();
    // after, Vera is the only manager left: management and IC cost only as their total
    // (before: 5 managers, so their cost is not small; it is hidden so the after side's one manager
    // cannot be worked out from the difference)
    expect(r.cost?.difference).toEqual({ total: -634_051, management: complement, ic: complement });
    expect(r.cost?.before).toMatchObject({ total: 1_614_153, management: complement, managementShare: null });
    expect(r.cost?.after).toMatchObject({ management: hidden });
  });
});
