import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { computeCeilingLeavers } from '@/lib/metrics/ceiling-risk';
import { compareSnapshots } from '@/lib/metrics/history';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import {
  buildFrameStep,
  buildSnapshotFrame,
  countUnitCeilingLeavers,
  findFrameIndex,
  frameUnitMask,
  IcFlag,
} from '@/lib/metrics/series-frames';
import { person } from './make-records';

// Jan: boss -> a (Eng lead, M1) -> a1 IC3, a2 IC2, a3 IC2 ; boss -> b (Ops lead, M1) -> b1 IC2, b2 IC1.
// Feb: a1 (at Eng's ceiling) and b2 left; a2 became a manager (IC -> manager) of a3.
const jan = prepareSnapshot(
  '2025-01-31',
  [
    person('boss', null, { level: 'M6', track: 'manager', department: 'Exec' }),
    person('a', 'boss', { level: 'M1', track: 'manager', department: 'Eng' }),
    person('a1', 'a', { level: 'IC3', track: 'ic', department: 'Eng' }),
    person('a2', 'a', { level: 'IC2', track: 'ic', department: 'Eng' }),
    person('a3', 'a', { level: 'IC2', track: 'ic', department: 'Eng' }),
    person('b', 'boss', { level: 'M1', track: 'manager', department: 'Ops' }),
    person('b1', 'b', { level: 'IC2', track: 'ic', department: 'Ops' }),
    person('b2', 'b', { level: 'IC1', track: 'ic', department: 'Ops' }),
  ],
  DEFAULT_LADDER,
);
const feb = prepareSnapshot(
  '2025-02-28',
  [
    person('boss', null, { level: 'M6', track: 'manager', department: 'Exec' }),
    person('a', 'boss', { level: 'M1', track: 'manager', department: 'Eng' }),
    person('a2', 'a', { level: 'M1', track: 'manager', department: 'Eng' }),
    person('a3', 'a2', { level: 'IC2', track: 'ic', department: 'Eng' }),
    person('b', 'boss', { level: 'M1', track: 'manager', department: 'Ops' }),
    person('b1', 'b', { level: 'IC2', track: 'ic', department: 'Ops' }),
  ],
  DEFAULT_LADDER,
);

describe('series frames', () => {
  const f0 = buildSnapshotFrame(jan);
  const f1 = buildSnapshotFrame(feb);
  const step = buildFrameStep(jan, feb, compareSnapshots(jan, feb), []);
  const all = (f: typeof f0) => new Uint8Array(f.size).fill(1);

  it('flags ICs at their department ceiling', () => {
    const flag = (id: string) => f0.icFlag[findFrameIndex(f0, id)];
    expect(flag('a1')).toBe(IcFlag.atCeiling); // Eng ceiling IC3
    expect(flag('a2')).toBe(IcFlag.ic);
    expect(flag('b1')).toBe(IcFlag.atCeiling); // Ops ceiling IC2
    expect(flag('b')).toBe(IcFlag.none);
  });

  it('counts leavers at the ceiling exactly as computeCeilingLeavers for the whole org', () => {
    // at ceiling a1, b1: a1 left -> 1/2; others a2, a3, b2: b2 left -> 1/3.
    expect(countUnitCeilingLeavers(f0, step, all(f0))).toEqual(computeCeilingLeavers(jan, feb));
    expect(countUnitCeilingLeavers(f0, step, all(f0))).toEqual({
      atCeiling: { ics: 2, leavers: 1, leaverRate: 0.5 },
      notAtCeiling: { ics: 3, leavers: 1, leaverRate: 0.3333 },
    });
  });

  it('limits to a subtree and a department through the preorder', () => {
    const aMask = frameUnitMask(f0, findFrameIndex(f0, 'a'), null);
    expect([...aMask].reduce((s, v) => s + v, 0)).toBe(4); // a, a1, a2, a3
    expect(countUnitCeilingLeavers(f0, step, aMask)).toEqual({
      atCeiling: { ics: 1, leavers: 1, leaverRate: 1 },
      notAtCeiling: { ics: 2, leavers: 0, leaverRate: 0 },
    });
    const ops = frameUnitMask(f0, -1, 'Ops');
    expect(countUnitCeilingLeavers(f0, step, ops).notAtCeiling).toEqual({
      ics: 1,
      leavers: 1,
      leaverRate: 1,
    });
    expect([...frameUnitMask(f0, -1, 'Nowhere')].some((v) => v === 1)).toBe(false);
    // The IC -> manager move shows in February, at a2's February index, inside a's subtree then.
    const febA = frameUnitMask(f1, findFrameIndex(f1, 'a'), null);
    expect([...step.icToManager].map((i) => f1.ids[i])).toEqual(['a2']);
    expect([...step.icToManager].filter((i) => febA[i] === 1)).toHaveLength(1);
    expect(frameUnitMask(f1, findFrameIndex(f1, 'b'), null)[findFrameIndex(f1, 'a2')]).toBe(0);
  });
});
