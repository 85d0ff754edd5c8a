import type { CeilingLeavers } from '@/lib/metrics/ceiling-risk';
import {
  countUnitCeilingLeavers,
  findFrameIndex,
  frameUnitMask,
  isInFrameSubtree,
  sumFrameWeight,
  type SnapshotFrame,
} from '@/lib/metrics/series-frames';
import type { StoredLadderStep } from '@/lib/metrics/ladder-steps';
import { divideOrNull } from '@/lib/metrics/numbers';
import type { PromotionSample } from '@/lib/metrics/time-in-level';
import type { PointStep } from '@/lib/metrics/unit-points';
import type { LadderHistory } from './ladder-history';
import type { Unit } from './unit';

/** The reader whose unit the series follows: the unit asked for, and their scope root (null = org). */
export interface SeriesReader {
  unit: Pick<Unit, 'nodes' | 'department' | 'subtree'>;
  actor: { scopeEmployeeId: string | null };
}

export interface MovesPoint {
  /** the later snapshot of the pair (where the move shows) */
  asOf: string;
  from: string;
  icToManager: number;
  managerToIc: number;
  /** people in the unit in the later snapshot (for the privacy floor) */
  headcount: number;
}

export interface LeaversPoint {
  asOf: string;
  from: string;
  leavers: CeilingLeavers;
}

/** A unit's ladder changes over the snapshot series (one point per consecutive pair). */
export interface UnitLadderSeries {
  moves: MovesPoint[];
  leavers: LeaversPoint[];
  /** promotions of people who were in the unit in the snapshot where the promotion showed */
  samples: PromotionSample[];
}

/**
 * The unit's records in one snapshot under the same rules as resolveUnit: a scoped actor's scope
 * root must exist and the requested subtree must sit inside it; otherwise the unit did not exist
 * for this actor then (null), and the snapshot gives no point.
 */
function unitMaskAt(
  frame: SnapshotFrame,
  actor: SeriesReader['actor'],
  want: { department: string | null; subtree: string | null },
): Uint8Array | null {
  let subtree = want.subtree;
  if (actor.scopeEmployeeId) {
    const scope = findFrameIndex(frame, actor.scopeEmployeeId);
    if (scope < 0) return null;
    if (subtree === null) subtree = actor.scopeEmployeeId;
    else {
      const r = findFrameIndex(frame, subtree);
      if (r < 0 || !isInFrameSubtree(frame, r, scope)) return null;
    }
  }
  const root = subtree === null ? -1 : findFrameIndex(frame, subtree);
  if (subtree !== null && root < 0) return null;
  return frameUnitMask(frame, root, want.department);
}

/**
 * IC <-> manager moves, ICs leaving at the ceiling vs others, and promotion samples for the
 * dashboard's unit over the series. The org answers from the stored 'changes' rows; a department or
 * subtree filters the stored id lists (resolved to frame indices when the history was built) by
 * membership in the unit of each snapshot.
 */
export function computeUnitLadderSeries(ctx: SeriesReader, lh: LadderHistory): UnitLadderSeries {
  if (lh.unitSeries) return lh.unitSeries;
  if (ctx.unit.nodes === null) {
    const org = orgFromStore(lh);
    if (org) return { ...org, samples: lh.history.samples };
  }
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  const masks = lh.frames.map((f) => unitMaskAt(f, ctx.actor, want));
  const out: UnitLadderSeries = { moves: [], leavers: [], samples: [] };
  lh.steps.forEach((step, k) => {
    const prevFrame = lh.frames[k];
    const currFrame = lh.frames[k + 1];
    const prevMask = masks[k];
    const mask = masks[k + 1];
    if (!prevFrame || !currFrame || !mask) return;
    const inUnit = (i: number) => mask[i] === 1;
    for (const s of step.samples) if (inUnit(s.index)) out.samples.push(s.sample);
    if (!prevMask) return;
    out.moves.push({
      asOf: step.asOf,
      from: step.from,
      icToManager: step.icToManager.filter(inUnit).length,
      managerToIc: step.managerToIc.filter(inUnit).length,
      headcount: sumFrameWeight(currFrame, mask),
    });
    out.leavers.push({
      asOf: step.asOf,
      from: step.from,
      leavers: countUnitCeilingLeavers(prevFrame, step, prevMask),
    });
  });
  return out;
}

/** The org's points straight from stored rows, or null when a pair's row is missing or stale. */
export function orgFromStore(
  lh: Pick<LadderHistory, 'series' | 'stored' | 'frames' | 'ladderSteps'>,
): Omit<UnitLadderSeries, 'samples'> | null {
  const moves: MovesPoint[] = [];
  const leavers: LeaversPoint[] = [];
  for (let k = 1; k < lh.series.length; k++) {
    const prev = lh.series[k - 1];
    const curr = lh.series[k];
    const row = curr ? lh.stored.get(curr.id) : undefined;
    if (!prev || !curr || !row || row.from !== prev.asOf) return null;
    moves.push({
      asOf: curr.asOf,
      from: prev.asOf,
      icToManager: row.counts.icToManager,
      managerToIc: row.counts.managerToIc,
      headcount: lh.frames[k]?.weight.reduce((a, b) => a + b, 0) ?? lh.ladderSteps?.[k]?.headcount ?? 0,
    });
    leavers.push({ asOf: curr.asOf, from: prev.asOf, leavers: row.ceilingLeavers });
  }
  return { moves, leavers };
}

/**
 * A subtree unit in one snapshot of the series, as the stored unit points and ladder steps give it:
 * a root with reports (its preorder range and its point's step counts), or a root that was one
 * record then (a leaf: matched by id, with its own IC flag), or null when the unit did not exist
 * for the reader then.
 */
export type UnitAt =
  | { kind: 'subtree'; pre: number; size: number; headcount: number; step: PointStep | null }
  | { kind: 'leaf'; id: string; headcount: number; ic: 'none' | 'below' | 'at' };

/**
 * The unit's ladder series from stored ladder steps (oldest first, chained along the series) and
 * the unit in each snapshot; null when a pair needs what is not stored (a root with reports whose
 * point has no step, or one who had reports before and is a leaf now): then fold the trees.
 */
export function unitLadderSeriesFromSteps(
  series: ReadonlyArray<{ asOf: string; step: StoredLadderStep; unit: UnitAt | null }>,
): UnitLadderSeries | null {
  const out: UnitLadderSeries = { moves: [], leavers: [], samples: [] };
  const shape = (ics: number, leavers: number) => ({ ics, leavers, leaverRate: divideOrNull(leavers, ics) });
  for (let k = 1; k < series.length; k++) {
    const prev = series[k - 1];
    const curr = series[k];
    const unit = curr?.unit;
    if (!prev || !curr || !unit) continue;
    const { step } = curr;
    if (unit.kind === 'leaf') {
      for (const s of step.samples) if (s.employeeId === unit.id) out.samples.push(s);
    } else {
      const end = unit.pre + unit.size;
      step.samples.forEach((s, j) => {
        const p = step.samplePre[j] ?? -1;
        if (p >= unit.pre && p < end) out.samples.push(s);
      });
    }
    const before = prev.unit;
    if (!before) continue;
    let moves: { icToManager: number; managerToIc: number };
    let leavers: CeilingLeavers;
    if (unit.kind === 'subtree') {
      const st = unit.step;
      if (!st || !st.prevExists) return null;
      moves = { icToManager: st.icToManager, managerToIc: st.managerToIc };
      leavers = {
        atCeiling: shape(st.prevIcsAt, st.leaversAt),
        notAtCeiling: shape(st.prevIcsBelow, st.leaversBelow),
      };
    } else {
      if (before.kind !== 'leaf') return null;
      moves = {
        icToManager: step.icToManagerIds.includes(unit.id) ? 1 : 0,
        managerToIc: step.managerToIcIds.includes(unit.id) ? 1 : 0,
      };
      // The unit is the one person, here now: they did not leave.
      leavers = {
        atCeiling: shape(before.ic === 'at' ? 1 : 0, 0),
        notAtCeiling: shape(before.ic === 'below' ? 1 : 0, 0),
      };
    }
    out.moves.push({ asOf: curr.asOf, from: prev.asOf, ...moves, headcount: unit.headcount });
    out.leavers.push({ asOf: curr.asOf, from: prev.asOf, leavers });
  }
  return out;
}
