/** Cost metrics (lib/metrics/cost.ts) against a hand-computed tree. */
import { describe, expect, it } from 'vitest';
import { computeUnitCost, hasCosts } from '@/lib/metrics/cost';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { group, person, vacancy } from './make-records';

// A 200k ─┬─ B 150k ─┬─ D 100k
//         │          ├─ E 90k
//         │          └─ F (no cost)
//         ├─ C 140k ── G 120k ─┬─ H 80k
//         │                    └─ J: 2 FTE junior staff at 50k each
//         └─ V (vacant post)
const records = [
  person('A', null, { annualCost: 200_000 }),
  person('B', 'A', { annualCost: 150_000 }),
  person('C', 'A', { annualCost: 140_000 }),
  vacancy('V', 'A'),
  person('D', 'B', { annualCost: 100_000 }),
  person('E', 'B', { annualCost: 90_000 }),
  person('F', 'B'),
  person('G', 'C', { annualCost: 120_000 }),
  person('H', 'G', { annualCost: 80_000 }),
  group('J', 'G', 2, { annualCost: 50_000 }),
];
const tree = buildOrgTree(records);

describe('computeUnitCost', () => {
  it('the whole organisation', () => {
    const c = computeUnitCost(tree, null, 0, 1);
    expect(c).toEqual({
      headcount: 8, // A B C D E F G H (V vacant, J junior FTE)
      costed: 7, // F has no cost
      coverage: 0.875,
      juniorFte: 2,
      juniorFteCosted: 2,
      total: 980_000, // 610k managers + 370k others
      management: { people: 4, costed: 4, cost: 610_000 }, // A B C G
      ic: { people: 6, costed: 5, cost: 370_000 }, // D E F H + 2 FTE (100k + 90k + 80k + 2 x 50k)
      managementShare: 0.6224, // 610 / 980 = 0.62245
      costPerIc: 163_333.33, // 980k / 6
      managementCostPerIc: 101_666.67, // 610k / 6
      byLayer: [
        { layer: 1, people: 1, costed: 1, cost: 200_000 },
        { layer: 2, people: 2, costed: 2, cost: 290_000 },
        { layer: 3, people: 1, costed: 1, cost: 120_000 },
      ],
      byLevel: {
        executive: { people: 1, costed: 1, cost: 200_000 }, // layer 1 with exec_layers = 1
        managerOfManagers: { people: 1, costed: 1, cost: 140_000 }, // C (G is a manager)
        managerOfIcs: { people: 2, costed: 2, cost: 270_000 }, // B 150k + G 120k
      },
    });
  });

  it("a manager's subtree counts layers from its top", () => {
    const root = tree.indexById.get('C') ?? -1;
    const c = computeUnitCost(tree, collectSubtree(tree, root), 1, 1);
    expect(c).toMatchObject({
      headcount: 3,
      costed: 3,
      coverage: 1,
      total: 440_000, // C 140k + G 120k + H 80k + 2 x 50k
      management: { people: 2, costed: 2, cost: 260_000 },
      ic: { people: 3, costed: 3, cost: 180_000 },
      costPerIc: 146_666.67,
      byLayer: [
        { layer: 1, people: 1, costed: 1, cost: 140_000 },
        { layer: 2, people: 1, costed: 1, cost: 120_000 },
      ],
      byLevel: {
        executive: { people: 1, costed: 1, cost: 140_000 },
        managerOfManagers: { people: 0, costed: 0, cost: 0 },
        managerOfIcs: { people: 1, costed: 1, cost: 120_000 },
      },
    });
  });

  it('a snapshot without costs', () => {
    const plain = buildOrgTree([person('A', null), person('B', 'A')]);
    expect(hasCosts(plain.records)).toBe(false);
    expect(hasCosts(records)).toBe(true);
    const c = computeUnitCost(plain, null, 0, 2);
    expect(c).toMatchObject({ headcount: 2, costed: 0, coverage: 0, total: 0, managementShare: null });
  });
});
