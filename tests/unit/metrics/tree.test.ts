import { describe, expect, it } from 'vitest';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { findCycles } from '@/lib/metrics/cycles';
import { NodeKind } from '@/lib/metrics/roles';
import { group, person, vacancy } from './make-records';

const layersById = (records: ReturnType<typeof person>[]) => {
  const tree = buildOrgTree(records);
  return Object.fromEntries(records.map((r, i) => [r.employeeId, tree.layer[i]]));
};

describe('buildOrgTree', () => {
  it('lays out a chain: each person one layer below their manager', () => {
    // A <- B <- C <- D: layers 1, 2, 3, 4; input order does not matter.
    const records = [person('D', 'C'), person('B', 'A'), person('A', null), person('C', 'B')];
    expect(layersById(records)).toEqual({ A: 1, B: 2, C: 3, D: 4 });
    const tree = buildOrgTree(records);
    expect(tree.maxLayer).toBe(4);
    expect(Array.from(tree.roots)).toEqual([2]);
    // subtree sizes: A has B, C, D below (3); B has 2; C has 1; D has 0.
    expect(Array.from(tree.subtreeSize)).toEqual([0, 2, 3, 1]);
  });

  it('turns a person whose manager is missing into an extra root flagged orphan', () => {
    const records = [person('A', null), person('B', 'A'), person('C', 'NOPE'), person('D', 'C')];
    const tree = buildOrgTree(records);
    expect(Array.from(tree.roots)).toEqual([0, 2]);
    expect(Array.from(tree.orphan)).toEqual([0, 0, 1, 0]);
    expect(Array.from(tree.layer)).toEqual([1, 2, 1, 2]);
  });

  it('reports two-person cycles and self-management, and still lays everyone out', () => {
    // A -> B -> A is a cycle; C manages itself; D reports into the cycle; E -> F -> G -> F has a tail.
    const records = [
      person('A', 'B'),
      person('B', 'A'),
      person('C', 'C'),
      person('D', 'A'),
      person('E', 'F'),
      person('F', 'G'),
      person('G', 'F'),
    ];
    const tree = buildOrgTree(records);
    const sorted = tree.cycles.map((c) => [...c].sort());
    expect(sorted).toEqual([['A', 'B'], ['C'], ['F', 'G']]);
    // Each cycle is cut at its earliest row: A, C and F become roots.
    expect(Array.from(tree.roots).map((i) => records[i]?.employeeId)).toEqual(['A', 'C', 'F']);
    // E reports to F (now a root), so E sits at layer 2 beside G.
    expect(layersById(records)).toEqual({ A: 1, B: 2, C: 1, D: 2, E: 2, F: 1, G: 2 });
  });

  it('finds no cycle in a forest', () => {
    expect(findCycles(Int32Array.from([-1, 0, 0, 1, -1, 4]))).toEqual([]);
  });

  it('keeps vacant posts in the tree so their reports keep their layer, with zero headcount weight', () => {
    // R -> V (vacant) -> X: X stays at layer 3.
    const records = [person('R', null), vacancy('V', 'R'), person('X', 'V')];
    const tree = buildOrgTree(records);
    expect(Array.from(tree.layer)).toEqual([1, 2, 3]);
    expect(Array.from(tree.weight)).toEqual([1, 0, 1]);
    expect(tree.kind[1]).toBe(NodeKind.vacant);
    // R's span: V is a vacant management post (it has X below), so R still runs that line: 1.
    expect(tree.span[0]).toBe(1);
    expect(tree.kind[0]).toBe(NodeKind.managerOfManagers);
    // Subtree size counts people only: X (1).
    expect(tree.subtreeSize[0]).toBe(1);
  });

  it('aggregated rows are not direct reports: they add FTE below their post, not span or headcount', () => {
    // S -> J (4.5 FTE): S has no person-level report (span 0, an IC); J sits at layer 2 with
    // weight 0; S's subtree holds 0 people and 4.5 junior FTE.
    const records = [person('S', null), group('J', 'S', 4.5)];
    const tree = buildOrgTree(records);
    expect(tree.span[0]).toBe(0);
    expect(tree.kind[0]).toBe(NodeKind.ic);
    expect(tree.layer[1]).toBe(2);
    expect(tree.kind[1]).toBe(NodeKind.ic);
    expect(Array.from(tree.weight)).toEqual([1, 0]);
    expect(tree.subtreeSize[0]).toBe(0);
    expect(Array.from(tree.fte)).toEqual([0, 4.5]);
    expect(tree.ownFte[0]).toBe(4.5);
    expect(tree.juniorFteBelow[0]).toBe(4.5);
    expect([tree.juniorFte, tree.hasAggregated]).toEqual([4.5, true]);
  });

  it('keeps the first record of a duplicated id as the manager its reports attach to', () => {
    const records = [person('A', null), person('A', null), person('B', 'A')];
    const tree = buildOrgTree(records);
    expect(tree.parent[2]).toBe(0);
    expect(tree.roots.length).toBe(2);
  });

  it('collects a subtree depth-first with the root first, as one contiguous run', () => {
    const records = [
      person('A', null),
      person('B', 'A'),
      person('C', 'B'),
      person('D', 'A'),
      person('E', null),
    ];
    const tree = buildOrgTree(records);
    // A(0) -> B(1) -> C(2); A -> D(3): preorder A, B, C, D. B's subtree is B, C.
    expect(Array.from(collectSubtree(tree, 0))).toEqual([0, 1, 2, 3]);
    expect(Array.from(collectSubtree(tree, 1))).toEqual([1, 2]);
    expect(Array.from(tree.descendantCount)).toEqual([3, 1, 0, 0, 0]);
    expect(Array.from(collectSubtree(tree, 4))).toEqual([4]);
  });

  it('handles an empty file', () => {
    const tree = buildOrgTree([]);
    expect(tree.size).toBe(0);
    expect(tree.maxLayer).toBe(0);
  });
});
