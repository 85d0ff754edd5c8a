/**
 * Compact per-snapshot facts for unit-level trends (SPEC "Trends" track moves, promotion velocity,
 * "leavers broken down by whether they were at the ceiling"), so a department or any subtree can be
 * answered for every snapshot of a series without rebuilding the old trees. A frame keeps only
 * typed arrays and ids (no records); a step keeps the people who changed between two snapshots as
 * record indices into the frames. Membership uses the tree's preorder: the subtree of r is every i
 * with preorderIndex[r] <= preorderIndex[i] <= preorderIndex[r] + descendantCount[r].
 */
import { findUnitCeilings, type CeilingLeavers } from '@/lib/metrics/ceiling-risk';
import type { SnapshotChanges } from '@/lib/metrics/history';
import { divideOrNull } from '@/lib/metrics/numbers';
import { findPerson, isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { PromotionSample } from '@/lib/metrics/time-in-level';
import { TrackCode } from '@/lib/metrics/tracks';

/** IC flags: 0 = not a declared IC person, 1 = declared IC below the ceiling, 2 = at the department's IC ceiling. */
export const IcFlag = { none: 0, ic: 1, atCeiling: 2 } as const;

export interface SnapshotFrame {
  asOf: string;
  size: number;
  ids: readonly string[];
  /** index into departments, -1 for no department */
  department: Int32Array;
  departments: readonly string[];
  preorderIndex: Int32Array;
  descendantCount: Int32Array;
  /** headcount weight (0 for vacant posts) */
  weight: Float64Array;
  icFlag: Uint8Array;
}

/** Changes between two consecutive frames, as record indices. */
export interface FrameStep {
  from: string;
  asOf: string;
  /** indices in the later frame */
  icToManager: Int32Array;
  managerToIc: Int32Array;
  /** indices in the earlier frame: declared ICs who are gone from the later snapshot */
  icLeavers: Int32Array;
  /** promotions that showed in the later snapshot, with the person's index there */
  samples: Array<{ sample: PromotionSample; index: number }>;
}

/** Keep what unit trends need from a prepared snapshot. */
export function buildSnapshotFrame(snap: PreparedSnapshot): SnapshotFrame {
  const { tree, levels } = snap;
  const ceilings = findUnitCeilings(snap);
  const names = new Map<string, number>();
  const department = new Int32Array(tree.size).fill(-1);
  const icFlag = new Uint8Array(tree.size);
  const ids = new Array<string>(tree.size);
  for (let i = 0; i < tree.size; i++) {
    const r = tree.records[i];
    ids[i] = r?.employeeId ?? '';
    const d = r?.department ?? null;
    if (d !== null) {
      let k = names.get(d);
      if (k === undefined) names.set(d, (k = names.size));
      department[i] = k;
    }
    if (isPerson(tree, i) && levels.declared[i] === TrackCode.ic)
      icFlag[i] = ceilings[i] === 1 ? IcFlag.atCeiling : IcFlag.ic;
  }
  return {
    asOf: snap.asOf,
    size: tree.size,
    ids,
    department,
    departments: [...names.keys()],
    preorderIndex: tree.preorderIndex,
    descendantCount: tree.descendantCount,
    weight: tree.weight,
    icFlag,
  };
}

/** Index of the first record with this employee id (as the tree's indexById), or -1. */
export function findFrameIndex(frame: SnapshotFrame, id: string): number {
  return frame.ids.indexOf(id);
}

/** True when record i is root or sits below it. */
export function isInFrameSubtree(frame: SnapshotFrame, i: number, root: number): boolean {
  const start = frame.preorderIndex[root] ?? -1;
  const at = frame.preorderIndex[i] ?? -2;
  return at >= start && at <= start + (frame.descendantCount[root] ?? 0);
}

/** 1 for every record in the unit: the subtree of `root` (-1 = everyone), within `department` when set. */
export function frameUnitMask(frame: SnapshotFrame, root: number, department: string | null): Uint8Array {
  const mask = new Uint8Array(frame.size);
  const d = department === null ? -2 : frame.departments.indexOf(department);
  if (d === -1) return mask; // the department does not exist in this snapshot
  for (let i = 0; i < frame.size; i++) {
    if (root >= 0 && !isInFrameSubtree(frame, i, root)) continue;
    if (d >= 0 && frame.department[i] !== d) continue;
    mask[i] = 1;
  }
  return mask;
}

/** Describe the changes from prev to curr as indices (changes from compareSnapshots or stored lists). */
export function buildFrameStep(
  prev: PreparedSnapshot,
  curr: PreparedSnapshot,
  moves: Pick<SnapshotChanges, 'icToManager' | 'managerToIc'>,
  samples: readonly PromotionSample[],
): FrameStep {
  const at = (ids: readonly string[]) =>
    Int32Array.from(ids.map((id) => findPerson(curr, id)).filter((i) => i >= 0));
  const icLeavers: number[] = [];
  for (let i = 0; i < prev.tree.size; i++) {
    if (!isPerson(prev.tree, i) || prev.levels.declared[i] !== TrackCode.ic) continue;
    if (findPerson(curr, prev.tree.records[i]?.employeeId ?? '') < 0) icLeavers.push(i);
  }
  return {
    from: prev.asOf,
    asOf: curr.asOf,
    icToManager: at(moves.icToManager),
    managerToIc: at(moves.managerToIc),
    icLeavers: Int32Array.from(icLeavers),
    samples: samples
      .filter((s) => s.at === curr.asOf)
      .map((sample) => ({ sample, index: findPerson(curr, sample.employeeId) })),
  };
}

/** Declared ICs of the earlier snapshot inside the unit, and those who left, split by the ceiling. */
export function countUnitCeilingLeavers(
  prev: SnapshotFrame,
  step: FrameStep,
  prevMask: Uint8Array,
): CeilingLeavers {
  const at = { ics: 0, leavers: 0 };
  const notAt = { ics: 0, leavers: 0 };
  for (let i = 0; i < prev.size; i++) {
    if (prevMask[i] !== 1) continue;
    const f = prev.icFlag[i];
    if (f === IcFlag.atCeiling) at.ics++;
    else if (f === IcFlag.ic) notAt.ics++;
  }
  for (const i of step.icLeavers) {
    if (prevMask[i] !== 1) continue;
    if (prev.icFlag[i] === IcFlag.atCeiling) at.leavers++;
    else notAt.leavers++;
  }
  const shape = (b: { ics: number; leavers: number }) => ({
    ...b,
    leaverRate: divideOrNull(b.leavers, b.ics),
  });
  return { atCeiling: shape(at), notAtCeiling: shape(notAt) };
}

/** Headcount (weights) of the unit. */
export function sumFrameWeight(frame: SnapshotFrame, mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < frame.size; i++) if (mask[i] === 1) n += frame.weight[i] ?? 0;
  return n;
}
