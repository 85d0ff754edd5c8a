/**
 * The Structure dashboard's Cost card (lib/views/cost.ts) on the views fixture (min group size 5,
 * one executive layer) with hand-set costs:
 *   C 300k (exec) · P 200k (layer 2, manager of managers) · S 160k (layer 2, manager of ICs)
 *   E 150k, Q 140k (layer 3, managers of ICs) · p1 130k · every other IC 100k (9 of them)
 * management = 300 + 200 + 160 + 150 + 140 = 950k; ICs = 9 x 100k + 130k = 1,030k; total 1,980k.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import type { OrgRecord } from '@/lib/metrics/types';
import { assembleCostCard } from '@/lib/views/cost';
import { assembleStructure } from '@/lib/views/structure';
import { computeUnitStructure } from '@/lib/views/unit-metrics';
import { NOW, NOW_ROWS, SETTINGS, viewContext } from '../../fixtures/views/org';

const COST: Record<string, number> = {
  C: 300_000,
  P: 200_000,
  S: 160_000,
  E: 150_000,
  Q: 140_000,
  p1: 130_000,
};
const withCosts = (rows: OrgRecord[], drop: string[] = []) =>
  rows.map((r) => ({
    ...r,
    annualCost: drop.includes(r.employeeId) ? null : (COST[r.employeeId] ?? 100_000),
  }));
const snap = prepareSnapshot(NOW, withCosts(NOW_ROWS), DEFAULT_LADDER, { execLayers: SETTINGS.execLayers });
// why each figure is hidden: a group under the minimum, or a larger one hidden so a smaller one
// cannot be worked out (the IC cost would be the total minus a small management cost)
const hidden = { suppressed: true, minGroupSize: 5, reason: 'small' };
const complement = { suppressed: true, minGroupSize: 5, reason: 'complement' };

describe('Cost card', () => {
  it('is absent when the snapshot has no costs', () => {
    const plain = prepareSnapshot(NOW, NOW_ROWS, DEFAULT_LADDER, { execLayers: 1 });
    expect(assembleCostCard(viewContext(plain, {}))).toBeNull();
  });

  it('hr sees every figure of the whole organisation', () => {
    expect(assembleCostCard(viewContext(snap, {}, 'hr'))).toEqual({
      coverage: { headcount: 15, costed: 15, share: 1, juniorFte: 0, juniorFteCosted: 0 },
      hiddenReason: null,
      total: 1_980_000,
      management: { cost: 950_000, share: 0.4798, perIc: 95_000 }, // 950 / 1980; 950k / 10 ICs
      ic: { people: 10, cost: 1_030_000, costPerIc: 198_000 }, // 1,980k / 10
      byLayer: [
        { layer: 1, managers: 1, costed: 1, cost: 300_000 },
        { layer: 2, managers: 2, costed: 2, cost: 360_000 },
        { layer: 3, managers: 2, costed: 2, cost: 290_000 },
      ],
      byLevel: [
        { level: 'executive', managers: 1, costed: 1, cost: 300_000 },
        { level: 'managerOfManagers', managers: 1, costed: 1, cost: 200_000 },
        { level: 'managerOfIcs', managers: 3, costed: 3, cost: 450_000 },
      ],
    });
  });

  it('a viewer sees the totals but no layer or level of fewer than 5 managers', () => {
    const c = assembleCostCard(viewContext(snap, {}, 'viewer'));
    expect(c).toMatchObject({
      total: 1_980_000,
      management: { cost: 950_000 },
      ic: { cost: 1_030_000 },
    });
    // every layer (1, 2, 2 managers) and level (1, 1, 3) is under 5: all hidden, counts kept
    expect(c?.byLayer).toEqual([
      { layer: 1, managers: 1, costed: 1, cost: hidden },
      { layer: 2, managers: 2, costed: 2, cost: hidden },
      { layer: 3, managers: 2, costed: 2, cost: hidden },
    ]);
    expect(c?.byLevel).toEqual([
      { level: 'executive', managers: 1, costed: 1, cost: hidden },
      { level: 'managerOfManagers', managers: 1, costed: 1, cost: hidden },
      { level: 'managerOfIcs', managers: 3, costed: 3, cost: hidden },
    ]);
  });

  it("a viewer of P's subtree (10 people, 3 managers) gets the total, not management (3 < 5) nor IC cost (total - management)", () => {
    const c = assembleCostCard(viewContext(snap, { subtree: 'P' }, 'viewer'));
    // P 200k + E 150k + Q 140k + p1 130k + 6 ICs x 100k
    expect(c).toMatchObject({
      total: 1_220_000,
      management: hidden,
      ic: complement,
      byLayer: hidden,
      byLevel: hidden,
    });
    expect(assembleCostCard(viewContext(snap, { subtree: 'P' }, 'hr'))).toMatchObject({
      total: 1_220_000,
      management: { cost: 490_000 },
    });
  });

  it('a viewer sees no money when part of the scope has no cost; hr sees the partial figures and the coverage', () => {
    const partial = prepareSnapshot(NOW, withCosts(NOW_ROWS, ['s3']), DEFAULT_LADDER, { execLayers: 1 });
    expect(assembleCostCard(viewContext(partial, {}, 'viewer'))).toMatchObject({
      hiddenReason: 'partial-coverage',
      coverage: { headcount: 15, costed: 14, share: 0.9333 },
      // partial coverage: the total could be the cost of a few people, so it is a complement
      total: complement,
      management: complement,
    });
    expect(assembleCostCard(viewContext(partial, {}, 'hr'))).toMatchObject({
      hiddenReason: null,
      total: 1_880_000,
      coverage: { costed: 14, share: 0.9333 },
    });
  });

  it("a person's cost is in the narrow-span list for hr and admin only", () => {
    const hr = { ...viewContext(snap, {}, 'hr'), canSeeCost: true };
    const d = assembleStructure(hr, computeUnitStructure(snap, hr.unit, 1));
    expect(d.narrowSpan.managers?.map((m) => [m.id, m.annualCost])).toEqual(
      expect.arrayContaining([
        ['Q', 140_000],
        ['C', 300_000],
      ]),
    );
    const leaderLike = { ...viewContext(snap, {}, 'hr'), canSeeCost: false };
    const l = assembleStructure(leaderLike, computeUnitStructure(snap, leaderLike.unit, 1));
    expect(l.narrowSpan.managers?.every((m) => !('annualCost' in m))).toBe(true);
  });
});
