/**
 * The changed copy's ceiling risk scored incrementally (lib/scenarios/ceiling-risk.ts) equals
 * computeCeilingRisk over the whole copy, for random operations on a random tree with a level
 * history of three snapshots (promotions, level start dates, people seen once or more).
 */
import { describe, expect, it } from 'vitest';
import { random, randomOp } from '@/cli/bench/scenario-ops';
import { computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { compareSnapshots } from '@/lib/metrics/history';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { addSnapshotLevels, createLevelHistory } from '@/lib/metrics/time-in-level';
import type { OrgRecord } from '@/lib/metrics/types';
import { applyOperations, prepareScenario, scenarioCeilingRisk, type ScenarioOp } from '@/lib/scenarios';
import { randomTree } from './random-tree';
import { defaultLadder } from './small-tree';

const OPTIONS = { minSamples: 1, fallbackMonths: 12, windowMonths: 18, highRiskScore: 60 };

/** Three snapshots: earlier ones with some people a level lower (promoted since) or not there yet. */
function history(seed: number) {
  const rnd = random(seed * 7);
  // many small departments, so operations move department ceilings
  const now = randomTree(300, seed, true).map((r, i) => ({ ...r, department: `D${(i * 7) % 29}` }));
  const lower = (r: OrgRecord): OrgRecord => {
    const m = /^IC([2-4])$/.exec(r.level ?? '');
    return m && rnd() < 0.3 ? { ...r, level: `IC${Number(m[1]) - 1}` } : r;
  };
  const mid = now.map(lower);
  const old = mid.map(lower).filter((r, i) => i < 5 || rnd() > 0.1 || r.managerId === null);
  const ladder = defaultLadder();
  const snaps = [
    prepareSnapshot('2022-06-30', old, ladder, { execLayers: 2 }),
    prepareSnapshot('2023-06-30', mid, ladder, { execLayers: 2 }),
    prepareSnapshot('2024-06-30', now, ladder, { execLayers: 2 }),
  ];
  const h = createLevelHistory();
  let prev: PreparedSnapshot | null = null;
  for (const s of snaps) {
    addSnapshotLevels(h, prev, s, prev === null ? null : compareSnapshots(prev, s));
    prev = s;
  }
  return { from: snaps[2] as PreparedSnapshot, history: h };
}

describe('scenario ceiling risk', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('re-scores only what the operations touched (seed %i)', (seed) => {
    const { from, history: h } = history(seed);
    const start = computeCeilingRisk(from, h, OPTIONS);
    expect(start.people.length).toBeGreaterThan(50);
    const rnd = random(seed * 13);
    const ops: ScenarioOp[] = [];
    for (let n = 0; ops.length < 16 && n < 400; n++) {
      const op = randomOp(from, rnd, n);
      if (!applyOperations(from.tree.records, [...ops, op]).ok) continue;
      ops.push(op);
      const applied = applyOperations(from.tree.records, ops);
      if (!applied.ok) throw new Error(applied.refusal.message);
      const after = prepareScenario(from, applied.records, { execLayers: 2 });
      const fast = scenarioCeilingRisk(from, start.people, after, h, OPTIONS);
      const plain = computeCeilingRisk(after, h, OPTIONS);
      expect(fast?.people).toEqual(plain.people);
      expect([...(fast?.rows ?? [])].map((j) => after.tree.records[j]?.employeeId)).toEqual(
        plain.people.map((p) => p.employeeId),
      );
    }
    expect(ops.length).toBe(16);
  });

  it('answers null when the history is not the starting snapshot', () => {
    const { from, history: h } = history(3);
    const other = prepareSnapshot(from.asOf, from.tree.records, from.levels.ladder, { execLayers: 2 });
    const people = computeCeilingRisk(other, h, OPTIONS).people;
    expect(scenarioCeilingRisk(other, people, other, h, OPTIONS)).toBeNull();
  });
});
