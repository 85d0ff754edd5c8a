/**
 * The changed copy's ceiling risk scored incrementally (lib/scenarios/ceiling-risk.ts) equals
 * computeCeilingRisk over the whole copy, for random operations on a random tree with a level
 * history of three snapshots (promotions, level start dates, people seen once or more).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { random, randomOp } from '@/cli/bench/scenario-ops';
import { computeCeilingRisk, findDepartmentCeilings } from '@/lib/metrics/ceiling-risk';
import { NodeKind } from '@/lib/metrics/roles';
import { isPerson } from '@/lib/metrics/snapshot';
import { TrackCode } from '@/lib/metrics/tracks';
import { aggregate, riskGroup } from '@/lib/views/ceiling-risk';
import { ceilingDownFlag } from '@/lib/views/scenario-health';
import { unitOf } from '@/lib/views/unit';
import { compareSnapshots } from '@/lib/metrics/history';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { addSnapshotLevels, createLevelHistory } from '@/lib/metrics/time-in-level';
import type { OrgRecord } from '@/lib/metrics/types';
import {
  applyOperations,
  prepareScenario,
  scenarioCeilingRisk,
  scenarioCeilings,
  scenarioRiskTotals,
  type ScenarioOp,
} from '@/lib/scenarios';
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

/** The ceilingDown flag the plain way: every IC of the unit looked up by id, both sides' ceilings in full. */
function plainCeilingDown(before: PreparedSnapshot, after: PreparedSnapshot, subtree: string | null) {
  const was = findDepartmentCeilings(before);
  const now = findDepartmentCeilings(after);
  const unit = unitOf(after.tree, subtree, null);
  const t = after.tree;
  const ids: string[] = [];
  const nodes = unit.nodes ?? Array.from({ length: t.size }, (_, i) => i);
  for (const i of [...nodes].sort((a, b) => a - b)) {
    if (!isPerson(t, i) || after.levels.declared[i] !== TrackCode.ic) continue;
    const r = t.records[i];
    const bi = before.tree.indexById.get(r?.employeeId ?? '');
    if (bi === undefined || before.tree.kind[bi] === NodeKind.vacant) continue;
    const from = was.get(before.tree.records[bi]?.department ?? null) ?? null;
    const to = now.get(r?.department ?? null) ?? null;
    if (from !== null && to !== null && to < from) ids.push(r?.employeeId ?? '');
  }
  return ids.sort();
}

/** ICs flagged ceilingDown over every seed: the flag's fast path must have been exercised. */
let flagged = 0;

describe('scenario ceiling risk', () => {
  afterAll(() => expect(flagged).toBeGreaterThan(100));

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('re-scores only what the operations touched (seed %i)', (seed) => {
    const { from, history: h } = history(seed);
    const start = computeCeilingRisk(from, h, OPTIONS);
    expect(start.people.length).toBeGreaterThan(50);
    const rnd = random(seed * 13);
    const ops: ScenarioOp[] = [];
    let downs = 0;
    for (let n = 0; ops.length < 16 && n < 400; n++) {
      // every third one takes someone near the top down a level, so department ceilings move down too
      const top = from.tree.records.filter((r) => /^IC[34]$/.test(r.level ?? ''));
      const pick = top[Math.floor(rnd() * top.length)];
      const op: ScenarioOp =
        n % 3 === 2 && pick ? { op: 'set-level', id: pick.employeeId, level: 'IC1' } : randomOp(from, rnd, n);
      if (!applyOperations(from.tree.records, [...ops, op]).ok) continue;
      ops.push(op);
      const applied = applyOperations(from.tree.records, ops);
      if (!applied.ok) throw new Error(applied.refusal.message);
      const after = prepareScenario(from, applied.records, { execLayers: 2 });
      const fast = scenarioCeilingRisk(from, start.people, after, h, OPTIONS);
      const plain = computeCeilingRisk(after, h, OPTIONS);
      expect(fast?.people).toEqual(plain.people);
      expect(scenarioCeilings(from, after).ceilings).toEqual(findDepartmentCeilings(after));
      for (const subtree of [null, 'P1', 'P3']) {
        if (subtree !== null && !after.tree.indexById.has(subtree)) continue;
        const flag = ceilingDownFlag(from, {
          snap: after,
          unit: unitOf(after.tree, subtree, null),
          target: null,
          medianSpan: null,
          depth: 0,
        });
        expect(flag.items.map((x) => x.id).sort()).toEqual(plainCeilingDown(from, after, subtree));
        downs += flag.count ?? 0;
        // the unit's summary summed from kept numbers = the summary of the plain list, filtered by unit
        const unit = unitOf(after.tree, subtree, null);
        let inUnit: Uint8Array | null = null;
        if (unit.nodes !== null) {
          inUnit = new Uint8Array(after.tree.size);
          for (const i of unit.nodes) inUnit[i] = 1;
        }
        const totals = scenarioRiskTotals(from, start.people, after, h, OPTIONS, inUnit, 60);
        const mine = plain.people.filter(
          (p) => inUnit === null || inUnit[after.tree.indexById.get(p.employeeId) ?? -1] === 1,
        );
        expect(totals && riskGroup(totals)).toEqual(aggregate(mine));
      }
      expect([...(fast?.rows ?? [])].map((j) => after.tree.records[j]?.employeeId)).toEqual(
        plain.people.map((p) => p.employeeId),
      );
    }
    expect(ops.length).toBe(16);
    flagged += downs;
  });

  it('answers null when the history is not the starting snapshot', () => {
    const { from, history: h } = history(3);
    const other = prepareSnapshot(from.asOf, from.tree.records, from.levels.ladder, { execLayers: 2 });
    const people = computeCeilingRisk(other, h, OPTIONS).people;
    expect(scenarioCeilingRisk(other, people, other, h, OPTIONS)).toBeNull();
    expect(scenarioRiskTotals(other, people, other, h, OPTIONS, null, 60)).toBeNull();
  });
});
