import type { CeilingLeavers } from '@/lib/metrics/ceiling-risk';
import {
  countUnitCeilingLeavers,
  findFrameIndex,
  frameUnitMask,
  isInFrameSubtree,
  sumFrameWeight,
  type SnapshotFrame,
} from '@/lib/metrics/series-frames';
import type { PromotionSample } from '@/lib/metrics/time-in-level';
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
function orgFromStore(lh: LadderHistory): Omit<UnitLadderSeries, 'samples'> | null {
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
      headcount: lh.frames[k]?.weight.reduce((a, b) => a + b, 0) ?? 0,
    });
    leavers.push({ asOf: curr.asOf, from: prev.asOf, leavers: row.ceilingLeavers });
  }
  return { moves, leavers };
}
