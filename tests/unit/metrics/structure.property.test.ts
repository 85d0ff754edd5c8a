import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrgRecord } from '@/lib/metrics/types';
import { buildOrgTree } from '@/lib/metrics/tree';
import { computeOrgStructure, computeSubtreeStructure } from '@/lib/metrics/structure';
import { group, person, vacancy } from './make-records';

interface NodeSpec {
  link: number;
  vacant: boolean;
  aggregated: number | null;
  department: string | null;
  sortKey: number;
}

const nodeSpec = (allowVacant: boolean, allowAggregated: boolean): fc.Arbitrary<NodeSpec> =>
  fc.record({
    link: fc.nat({ max: 10_000 }),
    vacant: allowVacant ? fc.integer({ min: 0, max: 5 }).map((x) => x === 0) : fc.constant(false),
    // Halves are exact in binary, so sums of FTE compare exactly whatever the order.
    aggregated: allowAggregated
      ? fc.option(
          fc.integer({ min: 0, max: 20 }).map((x) => x / 2),
          { freq: 3 },
        )
      : fc.constant(null),
    department: fc.constantFrom('Eng', 'Ops', null),
    sortKey: fc.nat(),
  });

/** Random forest: each node links to an earlier node, or is a root, or names a missing manager; rows shuffled. */
const forest = (allowVacant = true, allowAggregated = true): fc.Arbitrary<OrgRecord[]> =>
  fc.array(nodeSpec(allowVacant, allowAggregated), { minLength: 1, maxLength: 60 }).map((specs) => {
    const records = specs.map((s, i) => {
      const v = s.link % (i + 2);
      const managerId = v < i ? `p${v}` : v === i ? null : `missing${i}`;
      const extra = { department: s.department };
      if (s.vacant) return vacancy(`p${i}`, managerId, extra);
      if (s.aggregated !== null && managerId !== null) return group(`p${i}`, managerId, s.aggregated, extra);
      return person(`p${i}`, managerId, extra);
    });
    const keyed = records.map((r, i) => ({ r, k: specs[i]?.sortKey ?? 0 }));
    return keyed.sort((a, b) => a.k - b.k).map((x) => x.r);
  });

describe('structure properties over random trees', () => {
  it('spans sum to headcount minus roots (filled, non-aggregated trees)', () => {
    fc.assert(
      fc.property(forest(false, false), (records) => {
        const tree = buildOrgTree(records);
        const m = computeOrgStructure(tree);
        const spanSum = tree.span.reduce((a, b) => a + b, 0);
        expect(spanSum).toBe(m.headcount - m.roots);
        const bandTotal = Object.values(m.span.bands).reduce((a, b) => a + b, 0);
        expect(bandTotal).toBe(m.managers);
      }),
    );
  });

  it('junior rows (aggregated leaves) change no person-level figure, only the junior FTE', () => {
    fc.assert(
      fc.property(forest(), (records) => {
        const managers = new Set(records.map((r) => r.managerId));
        const isJunior = (r: OrgRecord) => r.aggregatedCount !== null && !managers.has(r.employeeId);
        const withJunior = computeOrgStructure(buildOrgTree(records));
        const without = computeOrgStructure(buildOrgTree(records.filter((r) => !isJunior(r))));
        const fte = records.reduce((a, r) => a + (r.aggregatedCount ?? 0), 0);
        expect(withJunior.juniorFte).toBe(fte);
        const strip = ({ juniorFte: _j, hasAggregated: _h, ...m }: typeof without) => m;
        expect(strip(withJunior)).toEqual(strip(without));
      }),
    );
  });

  it('the pyramid sums to headcount, and managerial levels partition the org', () => {
    fc.assert(
      fc.property(forest(), fc.integer({ min: 0, max: 4 }), (records, execLayers) => {
        const m = computeOrgStructure(buildOrgTree(records), { execLayers });
        const pyramidTotal = m.pyramid.reduce((a, r) => a + r.headcount, 0);
        expect(pyramidTotal).toBe(m.headcount);
        expect(m.pyramid.reduce((a, r) => a + r.managers, 0)).toBe(m.managers);
        const l = m.managerialLevels;
        expect(l.executive + l.managerOfManagers + l.managerOfIcs).toBe(m.managers);
        expect(l.executive + l.managerOfManagers + l.managerOfIcs + l.ic).toBe(m.headcount);
        expect(m.managers + m.ics).toBe(m.headcount);
        const vacant = records.filter((r) => r.status === 'vacant').length;
        expect(m.openPositions).toBe(vacant);
      }),
    );
  });

  it('every record is laid out one layer below its manager, and subtree sizes add up', () => {
    fc.assert(
      fc.property(forest(), (records) => {
        const tree = buildOrgTree(records);
        expect(new Set(tree.order).size).toBe(records.length);
        let rootsTotal = 0;
        for (let i = 0; i < tree.size; i++) {
          const p = tree.parent[i] ?? -1;
          if (p < 0) {
            expect(tree.layer[i]).toBe(1);
            rootsTotal += (tree.weight[i] ?? 0) + (tree.subtreeSize[i] ?? 0);
          } else expect(tree.layer[i]).toBe((tree.layer[p] ?? 0) + 1);
        }
        expect(rootsTotal).toBe(computeOrgStructure(tree).headcount);
      }),
    );
  });

  it("a subtree's metrics equal the metrics of that subtree imported alone", () => {
    fc.assert(
      fc.property(forest(), fc.nat(), fc.integer({ min: 0, max: 3 }), (records, pick, execLayers) => {
        const tree = buildOrgTree(records);
        const root = pick % records.length;
        const rootId = records[root]?.employeeId ?? '';
        const inSubtree = new Set<number>();
        for (const i of tree.order) {
          const p = tree.parent[i] ?? -1;
          if (i === root || (p >= 0 && inSubtree.has(p))) inSubtree.add(i);
        }
        const alone = records
          .filter((_, i) => inSubtree.has(i))
          .map((r) => (r.employeeId === rootId ? { ...r, managerId: null } : r));
        const expected = computeOrgStructure(buildOrgTree(alone), { execLayers });
        expect(computeSubtreeStructure(tree, rootId, { execLayers })).toEqual(expected);
      }),
    );
  });

  it('any manager graph, cycles included, lays everyone out and lists each cycle once', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }), (links) => {
        // Each person points at any person (self included) or nobody: cycles are common.
        const n = links.length;
        const records = links.map((l, i) => person(`p${i}`, l % (n + 1) === n ? null : `p${l % (n + 1)}`));
        const tree = buildOrgTree(records);
        expect(new Set(tree.order).size).toBe(n);
        const onCycles = tree.cycles.flat();
        expect(new Set(onCycles).size).toBe(onCycles.length);
        for (const cycle of tree.cycles) {
          // Following managers around the cycle returns to its start.
          for (let k = 0; k < cycle.length; k++) {
            const id = cycle[k] ?? '';
            const next = cycle[(k + 1) % cycle.length];
            expect(records[Number(id.slice(1))]?.managerId).toBe(next);
          }
        }
      }),
    );
  });
});
