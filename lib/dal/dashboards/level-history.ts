import 'server-only';
import {
  computeCeilingRisk,
  type CeilingRiskOptions,
  type IcCeilingRisk,
  type UnitCeilingRisk,
} from '@/lib/metrics/ceiling-risk';
import { compareSnapshots, type SnapshotChanges } from '@/lib/metrics/history';
import {
  buildFrameStep,
  buildSnapshotFrame,
  type FrameStep,
  type SnapshotFrame,
} from '@/lib/metrics/series-frames';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { CeilingLeavers } from '@/lib/metrics/ceiling-risk';
import { addSnapshotLevels, createLevelHistory, type LevelHistory } from '@/lib/metrics/time-in-level';
import { processCache } from '../process-cache';
import { listSeries, loadPrepared, readStoredSeries, type SnapshotRef } from '../snapshot-data';

/**
 * Ceiling-risk options used everywhere a reason is scored or explained, so the words shown beside
 * a score always match the rule that produced it (these are computeCeilingRisk's defaults).
 */
export const RISK_OPTIONS = {
  minSamples: 5,
  fallbackMonths: 24,
  windowMonths: 24,
  highRiskScore: 60,
} as const satisfies CeilingRiskOptions;

/** The stored 'changes' row (org), as far as the ladder dashboards read it. */
export interface StoredChanges {
  from: string;
  to: string;
  icToManager: string[];
  managerToIc: string[];
  counts: { icToManager: number; managerToIc: number };
  ceilingLeavers: CeilingLeavers;
}

/** The level history of the series up to a snapshot, and every IC's ceiling risk scored with it. */
export interface SnapshotLadderHistory {
  /** The snapshots folded in, oldest first (the last one is the snapshot itself). */
  series: SnapshotRef[];
  history: LevelHistory;
  risk: { people: IcCeilingRisk[]; units: UnitCeilingRisk[] };
  /** one compact frame per snapshot of the series, for unit trends */
  frames: SnapshotFrame[];
  /** steps[k] = changes from frames[k] to frames[k + 1] */
  steps: FrameStep[];
  /** the stored 'changes' rows per snapshot id (org fast path) */
  stored: Map<number, StoredChanges>;
}

// One entry per snapshot and the exact series behind it (a re-import or delete that changes the
// series misses). Entries hold compact frames, not trees.
// A history holds one map per person (about 10 MB per 100k people); a year of monthly snapshots
// is kept, and a history extends the longest cached prefix of its series.
const cache = processCache<SnapshotLadderHistory>('ladder-histories', { max: 12 });
const seriesKey = (series: readonly SnapshotRef[]) => series.map((s) => s.id).join(',');

/** The pair's track moves: the stored id lists when complete and current, else recomputed. */
function movesFor(
  row: StoredChanges | undefined,
  computed: SnapshotChanges,
): Pick<SnapshotChanges, 'icToManager' | 'managerToIc'> {
  const complete = (r: StoredChanges) =>
    r.icToManager.length >= r.counts.icToManager && r.managerToIc.length >= r.counts.managerToIc;
  return row !== undefined && row.from === computed.from && complete(row) ? row : computed;
}

/** A copy that later folds can extend without changing the cached original. */
function cloneHistory(h: LevelHistory): LevelHistory {
  // addSnapshotLevels replaces spells, but appends to samples and lastPromotion.
  return { ...h, samples: [...h.samples], lastPromotion: new Map(h.lastPromotion) };
}

async function build(ref: SnapshotRef, series: SnapshotRef[]): Promise<SnapshotLadderHistory> {
  const stored = await readStoredSeries<StoredChanges>(
    series.map((s) => s.id),
    'changes',
    'org',
  );
  // Extend the longest cached prefix of this series (moving one snapshot on costs two trees).
  let base: SnapshotLadderHistory | null = null;
  for (let m = series.length - 1; m >= 1 && base === null; m--) {
    const prefix = series.slice(0, m);
    const last = prefix[m - 1];
    const hit = last ? cache.peek(`${last.id}:${seriesKey(prefix)}`) : undefined;
    if (hit) base = await hit.catch(() => null);
  }
  const history = base ? cloneHistory(base.history) : createLevelHistory();
  const frames = base ? [...base.frames] : [];
  const steps = base ? [...base.steps] : [];
  let prev: PreparedSnapshot | null = null;
  if (base) {
    const last = base.series[base.series.length - 1];
    if (last) prev = await loadPrepared(last);
  }
  for (const s of series.slice(frames.length)) {
    const curr = await loadPrepared(s);
    const changes = prev === null ? null : compareSnapshots(prev, curr);
    const before = history.samples.length;
    addSnapshotLevels(history, prev, curr, changes);
    if (prev !== null && changes !== null)
      steps.push(
        buildFrameStep(prev, curr, movesFor(stored.get(s.id), changes), history.samples.slice(before)),
      );
    frames.push(buildSnapshotFrame(curr));
    prev = curr;
  }
  const snap = prev ?? (await loadPrepared(ref));
  return { series, history, risk: computeCeilingRisk(snap, history, RISK_OPTIONS), frames, steps, stored };
}

/**
 * Level history (time in level, promotions with months in level before them, last promotion per
 * person) folded over every current snapshot up to `ref`, the ceiling risk of `ref`'s ICs scored
 * with it, and compact frames for unit trends. Built once per snapshot, kept in a small cache.
 */
export async function loadLadderHistory(ref: SnapshotRef): Promise<SnapshotLadderHistory> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const key = `${ref.id}:${seriesKey(series)}`;
  return cache.get(key, () => build(ref, series));
}
