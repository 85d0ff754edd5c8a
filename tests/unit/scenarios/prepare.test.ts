/**
 * The scenario fast paths give exactly what the plain ones give: applyOperations' copy-on-write
 * records and touched-only changes vs diffRecords over the whole lists, prepareScenario vs
 * prepareSnapshot, and countScenarioChanges vs countUnitChanges, for random operations on a random
 * tree with vacant posts (some with reports), unlevelled people, aggregated rows and an orphan.
 */
import { describe, expect, it } from 'vitest';
import { random, randomOp } from '@/cli/bench/scenario-ops';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  applyOperations,
  rowMapper,
  countScenarioChanges,
  diffRecords,
  prepareScenario,
  type ScenarioOp,
} from '@/lib/scenarios';
import { countUnitChanges } from '@/lib/views/metrics-document';
import { unitOf } from '@/lib/views/unit';
import { randomTree } from './random-tree';
import { defaultLadder } from './small-tree';

const strip = <T extends { op: number }>(xs: T[]) => xs.map(({ op: _op, ...rest }) => rest);

function treeFacts(s: PreparedSnapshot) {
  const t = s.tree;
  return {
    ids: [...t.indexById.entries()],
    parent: [...t.parent],
    layer: [...t.layer],
    kind: [...t.kind],
    span: [...t.span],
    orphan: [...t.orphan],
    // flags copied from the starting tree for the very same record objects (lib/metrics/tree.ts)
    vacant: [...t.vacant],
    aggregated: [...t.aggregated],
    weight: [...t.weight],
    fte: [...t.fte],
    subtreeSize: [...t.subtreeSize],
    juniorFte: t.juniorFte,
    preorder: [...t.preorder],
    declared: [...s.levels.declared],
    // resolved levels (the copy keeps the starting rows' resolution where level and title are unchanged)
    rank: [...s.levels.rank],
    code: s.levels.code,
    levelTrack: [...s.levels.levelTrack],
    source: s.levels.source,
    structure: s.structure,
  };
}

describe('scenario fast paths', () => {
  it.each([1, 2, 3, 4, 5, 6])('match the plain computations for random operations (seed %i)', (seed) => {
    const records = randomTree(400, seed);
    const from = prepareSnapshot('2024-06-30', records, defaultLadder(), { execLayers: 2 });
    const rnd = random(seed * 31);
    const ops: ScenarioOp[] = [];
    for (let n = 0; ops.length < 12 && n < 200; n++) {
      const op = randomOp(from, rnd, n);
      if (applyOperations(from.tree.records, [...ops, op]).ok) ops.push(op);
    }
    expect(ops.length).toBe(12);
    const applied = applyOperations(from.tree.records, ops);
    if (!applied.ok) throw new Error(applied.refusal.message);
    // the same records would come from a fresh copy, and the changes from a diff of the whole lists
    const fresh = applyOperations(
      from.tree.records.map((r) => ({ ...r })),
      ops,
    );
    expect(fresh.ok && fresh.records).toEqual(applied.records);
    const whole = diffRecords(from.tree.records, applied.records);
    expect({
      moved: strip(applied.changes.moved),
      removed: strip(applied.changes.removed),
      added: strip(applied.changes.added),
      levels: strip(applied.changes.levels),
    }).toEqual({
      moved: strip(whole.moved),
      removed: strip(whole.removed),
      added: strip(whole.added),
      levels: strip(whole.levels),
    });
    const fast = prepareScenario(from, applied.records, { execLayers: 2 });
    const plain = prepareSnapshot(from.asOf, applied.records, from.levels.ladder, { execLayers: 2 });
    expect(treeFacts(fast)).toEqual(treeFacts(plain));
    const map = rowMapper(from.tree, fast.tree);
    from.tree.records.forEach((r, i) => expect(map(i)).toBe(plain.tree.indexById.get(r.employeeId)));
    for (const subtree of [null, 'P1', 'P2', 'P5', 'P17']) {
      const unitIn = (s: PreparedSnapshot) =>
        s.tree.indexById.has(subtree ?? '') || subtree === null ? unitOf(s.tree, subtree, null) : null;
      expect(countScenarioChanges(from, fast, applied.changes, unitIn)).toEqual(
        countUnitChanges(from, plain, unitIn),
      );
    }
  });
});
