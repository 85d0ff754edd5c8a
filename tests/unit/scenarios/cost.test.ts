/** A scenario's cost (lib/scenarios/cost.ts) against hand-computed figures. */
import { describe, expect, it } from 'vitest';
import { buildOrgTree } from '@/lib/metrics/tree';
import {
  applyOperations,
  computeScenarioCost,
  levelMedians,
  priceAdded,
  type ScenarioOp,
} from '@/lib/scenarios';
import { group, person, vacancy } from '../metrics/make-records';

// A 200k ─┬─ B 150k ─┬─ D 100k (L5)
//         │          ├─ E 90k (L5)
//         │          └─ F (no cost)
//         ├─ C 140k ── G 120k ─┬─ H 80k (L5)
//         │                    └─ J: 2 FTE junior staff at 50k each
//         └─ V (vacant post)
// before: management A B C G = 610k; ICs D E F H + 2 FTE = 370k; total 980k; 6 ICs.
const records = [
  person('A', null, { annualCost: 200_000, name: 'Ann' }),
  person('B', 'A', { annualCost: 150_000, name: 'Bo' }),
  person('C', 'A', { annualCost: 140_000 }),
  vacancy('V', 'A'),
  person('D', 'B', { annualCost: 100_000, level: 'L5' }),
  person('E', 'B', { annualCost: 90_000, level: 'L5' }),
  person('F', 'B'),
  person('G', 'C', { annualCost: 120_000, name: 'Gus' }),
  person('H', 'G', { annualCost: 80_000, level: 'L5' }),
  group('J', 'G', 2, { annualCost: 50_000 }),
];

function run(ops: ScenarioOp[]) {
  const applied = applyOperations(records, ops);
  if (!applied.ok) throw new Error(applied.refusal.message);
  const before = { tree: buildOrgTree(records), nodes: null, layerShift: 0 };
  const after = { tree: buildOrgTree(applied.records), nodes: null, layerShift: 0 };
  return computeScenarioCost(before, after, ops, 1);
}

describe('computeScenarioCost', () => {
  it('no operation: after = before, no difference', () => {
    const c = run([]);
    expect(c.before).toEqual({
      total: 980_000,
      management: 610_000,
      ic: 370_000,
      managementShare: 0.6224,
      costPerIc: 163_333.33,
      managementCostPerIc: 101_666.67,
      coverage: 0.875,
    });
    expect(c.after).toEqual(c.before);
    expect(c.difference).toEqual({ total: 0, management: 0, ic: 0 });
    expect(c.people).toEqual([]);
  });

  it('remove saves the cost; merge moves a manager to IC cost; planned positions priced as given, by level median, or not at all', () => {
    const c = run([
      { op: 'remove', id: 'B' }, // D E F to A; 150k saved
      { op: 'merge', from: 'G', into: 'C' }, // G (120k) stops managing: management -> IC
      { op: 'add', id: 'N', manager: 'A', level: 'IC3', track: 'ic', cost: 95_000 }, // given
      { op: 'add', id: 'M', manager: 'C', level: 'L5', track: 'manager' }, // no L5 manager: L5 median 90k
      { op: 'add', id: 'X', manager: 'A', level: 'L9' }, // nobody at L9: not costed
    ]);
    expect(c.removed).toEqual({ people: 1, costed: 1, cost: 150_000 });
    expect(c.stoppedManaging).toEqual({ people: 1, costed: 1, cost: 120_000 });
    expect(c.becameManagers).toEqual({ people: 0, costed: 0, cost: 0 });
    expect(c.planned).toEqual({
      positions: [
        { id: 'N', level: 'IC3', track: 'ic', manager: false, cost: 95_000, basis: 'given' },
        { id: 'M', level: 'L5', track: 'manager', manager: true, cost: 90_000, basis: 'level-median' },
        { id: 'X', level: 'L9', track: null, manager: false, cost: null, basis: 'not-costed' },
      ],
      cost: 185_000,
      notCosted: 1,
    });
    // management: A 200k + C 140k + M 90k = 430k; IC: 370k + G 120k + N 95k = 585k
    // ICs: D E F G H + 2 FTE + N = 8 (X has no cost and is left out of the per-IC figures)
    expect(c.after).toEqual({
      total: 1_015_000,
      management: 430_000,
      ic: 585_000,
      managementShare: 0.4236, // 430 / 1015 = 0.42365
      costPerIc: 126_875,
      managementCostPerIc: 53_750,
      coverage: 0.8571, // 6 of A C D E F G H
    });
    expect(c.difference).toEqual({ total: 35_000, management: -180_000, ic: 215_000 });
    expect(c.people).toEqual([
      { id: 'B', name: 'Bo', change: 'removed', annualCost: 150_000 },
      { id: 'G', name: 'Gus', change: 'stopped-managing', annualCost: 120_000 },
    ]);
  });

  it('moving an IC under an IC makes them a manager; planned positions are priced on the snapshot', () => {
    const c = run([
      { op: 'move', id: 'E', to: 'D' }, // D (100k) starts managing
      { op: 'add', id: 'P', manager: 'D', level: 'L5', track: 'ic' }, // L5 ICs of the snapshot: 100k 90k 80k
    ]);
    expect(c.becameManagers).toEqual({ people: 1, costed: 1, cost: 100_000 });
    expect(c.planned.positions[0]).toMatchObject({ cost: 90_000, basis: 'level-and-track-median' });
    // management + D 100k; IC - D 100k + P 90k
    expect(c.difference).toEqual({ total: 90_000, management: 100_000, ic: -10_000 });
  });

  it('a level-and-track median wins over the level median, which is the fallback', () => {
    const t = buildOrgTree([
      person('M', null, { level: 'L5', annualCost: 150_000 }),
      person('a', 'M', { level: 'L5', annualCost: 100_000 }),
      person('b', 'M', { level: 'L5', annualCost: 90_000 }),
    ]);
    const m = levelMedians(t);
    expect(priceAdded({ level: 'L5', track: 'ic' }, m)).toEqual({
      cost: 95_000,
      basis: 'level-and-track-median',
    });
    expect(priceAdded({ level: 'L5', track: 'manager' }, m)).toEqual({
      cost: 150_000,
      basis: 'level-and-track-median',
    });
    expect(priceAdded({ level: 'L5' }, m)).toEqual({ cost: 100_000, basis: 'level-median' });
    expect(priceAdded({ level: 'L6', track: 'ic' }, m)).toEqual({ cost: null, basis: 'not-costed' });
    expect(priceAdded({}, m)).toEqual({ cost: null, basis: 'not-costed' });
    expect(priceAdded({ cost: 0, level: 'L5' }, m)).toEqual({ cost: 0, basis: 'given' });
  });
});
