/**
 * The department index (lib/metrics/departments.ts): every row's department, computed directly or
 * derived from a starting tree for a scenario's changed copy, and the unit's rows grouped per
 * department exactly as a plain grouping of the records gives them.
 */
import { describe, expect, it } from 'vitest';
import { random, randomOp } from '@/cli/bench/scenario-ops';
import { annualCostColumn, departmentIndex, groupUnitByDepartment } from '@/lib/metrics/record-columns';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { collectSubtree, type OrgTree } from '@/lib/metrics/tree';
import { applyOperations, prepareScenario, type ScenarioOp } from '@/lib/scenarios';
import { randomTree } from '../scenarios/random-tree';
import { defaultLadder } from '../scenarios/small-tree';

function plainGroups(t: OrgTree, nodes: ArrayLike<number> | null) {
  const groups = new Map<string, number[]>();
  const count = nodes === null ? t.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const d = t.records[i]?.department ?? null;
    if (d === null) continue;
    groups.set(d, [...(groups.get(d) ?? []), i]);
  }
  return [...groups.keys()].sort().map((department) => ({ department, rows: groups.get(department) }));
}

const asLists = (gs: Array<{ department: string; rows: Int32Array }>) =>
  gs.map((g) => ({ department: g.department, rows: [...g.rows] }));

describe('record columns', () => {
  it.each([1, 2, 3, 4])('matches the records for a snapshot and its changed copy (seed %i)', (seed) => {
    const records = randomTree(300, seed);
    // a few rows without a department, and one named "" (kept: it is not missing)
    records.forEach((r, i) => {
      if (i % 37 === 5) r.department = null;
      if (i % 53 === 7) r.department = '';
      r.annualCost = i % 3 === 0 ? null : 40_000 + i;
    });
    const from = prepareSnapshot('2024-06-30', records, defaultLadder());
    const rnd = random(seed * 7);
    const ops: ScenarioOp[] = [];
    for (let n = 0; ops.length < 10 && n < 200; n++) {
      const op = randomOp(from, rnd, n);
      if (applyOperations(from.tree.records, [...ops, op]).ok) ops.push(op);
    }
    const applied = applyOperations(from.tree.records, ops);
    if (!applied.ok) throw new Error(applied.refusal.message);
    // a changed department on a kept row, so the derived index must read that record
    const moved = applied.records.map((r, j) =>
      j === 11 ? { ...r, department: 'Moved here' } : j === 12 ? { ...r, annualCost: 1 } : r,
    );
    const after = prepareScenario(from, moved);
    for (const snap of [from, after]) {
      const { ids, names } = departmentIndex(snap.tree);
      snap.tree.records.forEach((r, j) => expect(names[ids[j] ?? -1]).toBe(r.department ?? null));
      const costs = annualCostColumn(snap.tree);
      snap.tree.records.forEach((r, j) => expect(costs[j]).toBe(r.annualCost ?? Number.NaN));
      expect(asLists(groupUnitByDepartment(snap.tree, null))).toEqual(plainGroups(snap.tree, null));
      const sub = collectSubtree(snap.tree, snap.tree.indexById.get('P2') ?? 0);
      expect(asLists(groupUnitByDepartment(snap.tree, sub))).toEqual(plainGroups(snap.tree, sub));
    }
  });
});
