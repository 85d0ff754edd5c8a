import 'server-only';
import { computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { compareSnapshots, type SnapshotChanges } from '@/lib/metrics/history';
import { buildFrameStep, buildSnapshotFrame } from '@/lib/metrics/series-frames';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { addSnapshotLevels, createLevelHistory, type LevelHistory } from '@/lib/metrics/time-in-level';
import { RISK_OPTIONS, type LadderHistory, type StoredChanges } from '@/lib/views/ladder-history';
import { processCache } from '../process-cache';
import { listSeries, loadPrepared, readStoredSeries, type SnapshotRef } from '../snapshot-data';

export { RISK_OPTIONS, type StoredChanges } from '@/lib/views/ladder-history';

/** The level history of the series up to a snapshot (lib/views/ladder-history.ts), with its refs. */
export interface SnapshotLadderHistory extends LadderHistory {
  series: SnapshotRef[];
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
