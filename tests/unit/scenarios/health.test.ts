/**
 * Health flags of a scenario (lib/views/scenario-health.ts) on the hand-drawn small tree
 * (tests/unit/scenarios/small-tree.ts), default ladder ranks M1 = 3, M2 = 4, M3 = 5, M5 = 7, ICn = n:
 *
 *   A (M5, L1) ── B (M2, L2) ── D (IC2), E (IC2), F (IC3)        [L3]
 *               ├─ C (M3, L2) ── G (M1, L3) ── H (IC1), I (IC2)   [L4]
 *               │              └─ J (IC2)                         [L3]
 *               └─ K (M2, L2, Sales) ── L (IC2)                   [L3]
 *
 * Target span 2-2, at most 3 layers:
 * - deepChain: chain ends on layer 4: H, I (2);
 * - narrowSpan (1 or 2 reports): C (2), G (2), K (1) = 3;
 * - wideSpan (> 2): A (3), B (3) = 2;
 * - levelInversion: none (every manager's rank is above each report's);
 * - median span of A B C G K = 3 3 2 2 1 -> 2 (within 2-2); depth 4 > 3 (fails).
 */
import { describe, expect, it } from 'vitest';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { Targets } from '@/lib/metrics/targets';
import type { OrgRecord } from '@/lib/metrics/types';
import { applyOperations, type ScenarioOp } from '@/lib/scenarios';
import { computeScenarioHealth, type HealthInput, type ScenarioHealth } from '@/lib/views/scenario-health';
import { unitOf } from '@/lib/views/unit';
import { targetForUnit } from '@/lib/views/unit-target';
import { AS_OF, defaultLadder, documentOf, readSmallTree } from './small-tree';

const TARGETS: Targets = { org: { spanMin: 2, spanMax: 2, maxLayers: 3 }, departments: {} };

function side(records: readonly OrgRecord[], subtree: string | null, targets: Targets | null): HealthInput {
  const snap: PreparedSnapshot = prepareSnapshot(AS_OF, records, defaultLadder(), { execLayers: 2 });
  const unit = unitOf(snap.tree, subtree, null);
  const doc = documentOf(records, subtree);
  return {
    snap,
    unit,
    target: targetForUnit(targets, unit, snap),
    medianSpan: doc.span.median,
    depth: doc.depth,
  };
}

async function health(
  ops: ScenarioOp[],
  subtree: string | null = null,
  targets: Targets | null = TARGETS,
): Promise<ScenarioHealth> {
  const records = await readSmallTree();
  const applied = applyOperations(records, ops);
  if (!applied.ok) throw new Error(applied.refusal.message);
  return computeScenarioHealth(side(records, subtree, targets), side(applied.records, subtree, targets));
}

/** kind -> [count, ids] of one side. */
function flags(h: ScenarioHealth, which: 'before' | 'after') {
  return Object.fromEntries(h[which].flags.map((f) => [f.kind, [f.count, f.items.map((i) => i.id).sort()]]));
}

describe('scenario health flags (hand-computed)', () => {
  it('the small tree before any operation, both sides alike', async () => {
    const h = await health([]);
    const expected = {
      deepChain: [2, ['H', 'I']],
      narrowSpan: [3, ['C', 'G', 'K']],
      wideSpan: [2, ['A', 'B']],
      levelInversion: [0, []],
      ceilingDown: [null, []],
    };
    expect(flags(h, 'before')).toEqual(expected);
    expect(flags(h, 'after')).toEqual({ ...expected, ceilingDown: [0, []] });
    expect(h.targets.span.before).toEqual({ value: 2, status: 'within', pass: true });
    expect(h.targets.layers.before).toEqual({ value: 4, status: 'above', pass: false });
  });

  it('merge G into C: the chain is 3 deep, C has 3 reports, G none', async () => {
    // After: A -> B (D E F), C (G, J, H, I), K (L). Spans A 3, B 3, C 4, K 1; G is an IC.
    // median of 1 3 3 4 = 3 (above 2); depth 3 (within).
    const h = await health([{ op: 'merge', from: 'G', into: 'C' }]);
    expect(flags(h, 'after')).toEqual({
      deepChain: [0, []],
      narrowSpan: [1, ['K']],
      wideSpan: [3, ['A', 'B', 'C']],
      levelInversion: [0, []],
      ceilingDown: [0, []],
    });
    expect(h.targets.span.after).toEqual({ value: 3, status: 'above', pass: false });
    expect(h.targets.layers.after).toEqual({ value: 3, status: 'within', pass: true });
  });

  it('a promotion past the manager is an inversion; removing the top IC lowers the ceiling', async () => {
    // F to IC4 (rank 4) under B (M2, rank 4): same level. Eng's IC ceiling was IC3 (F): removing F
    // leaves IC2, so Eng's ICs D, E, H, I, J see their ceiling go down (Sales' L keeps IC2).
    const promoted = await health([{ op: 'set-level', id: 'F', level: 'IC4' }]);
    const inv = promoted.after.flags.find((f) => f.kind === 'levelInversion');
    expect(inv?.count).toBe(1);
    expect(inv?.items).toEqual([{ id: 'B', name: 'Ben Lead', detail: 'M2 manages Fay Dev at IC4' }]);
    const removed = await health([{ op: 'remove', id: 'F' }]);
    expect(flags(removed, 'after').ceilingDown).toEqual([5, ['D', 'E', 'H', 'I', 'J']]);
  });

  it('a subtree counts layers from its root; no targets: target flags are not checked', async () => {
    // Unit C: C [1], G J [2], H I [3]; the limit of 3 becomes 2 (C sits on layer 2).
    const h = await health([], 'C');
    expect(flags(h, 'before').deepChain).toEqual([2, ['H', 'I']]);
    expect(h.targets.target?.maxLayers).toBe(2);
    const none = await health([], null, null);
    expect(flags(none, 'before').deepChain).toEqual([null, []]);
    expect(flags(none, 'before').wideSpan).toEqual([null, []]);
    expect(none.targets.span.before.pass).toBeNull();
  });
});
