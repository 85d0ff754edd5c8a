/**
 * Trends over a snapshot series (SPEC "Trends"): per-snapshot structure, change since the
 * previous snapshot, and change since peak, where the peak is the maximum over EARLIER snapshots
 * (SPEC: "middle managers now vs their maximum over earlier snapshots"), so a new high shows as a
 * positive change and the first snapshot has no peak. "Layers" here is depth (number of layers).
 * A snapshot marked "not comparable" (a change of scope) is never a peak and has no change since
 * peak of its own: change-since-peak skips it.
 * analyzeHistory walks the series once and keeps only two prepared snapshots alive at a time.
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { compareSnapshots, type SnapshotChanges } from '@/lib/metrics/history';
import { addSnapshotLevels, createLevelHistory, type LevelHistory } from '@/lib/metrics/time-in-level';
import { roundTo } from '@/lib/metrics/numbers';

export interface SnapshotSummary {
  asOf: string;
  headcount: number;
  managers: number;
  middleManagers: number;
  depth: number;
  managementLayers: number;
  /** marked "not comparable" by a user (a change of scope) */
  notComparable?: boolean;
}

export interface PeakChange {
  asOf: string;
  middleManagers: number;
  middleManagersPeak: number | null;
  middleManagersChangeSincePeakPct: number | null;
  depth: number;
  layersPeak: number | null;
  layersChangeSincePeak: number | null;
}

export interface TrendSummary {
  middleManagersPeak: number | null;
  middleManagersChangeSincePeakPct: number | null;
  layersChangeSincePeak: number | null;
  promotions: number | null;
  icToManager: number | null;
  managerToIc: number | null;
  joiners: number | null;
  leavers: number | null;
}

export interface HistoryAnalysis {
  series: SnapshotSummary[];
  /** changes[k] compares series[k] with series[k + 1]. */
  changes: SnapshotChanges[];
  levels: LevelHistory;
  /** The last snapshot, kept for time in level and ceiling risk. */
  latest: PreparedSnapshot | null;
}

/** Walk snapshots in as-of order: summaries, consecutive changes and level history. */
export function analyzeHistory(snapshots: Iterable<PreparedSnapshot>): HistoryAnalysis {
  const series: SnapshotSummary[] = [];
  const changes: SnapshotChanges[] = [];
  const levels = createLevelHistory();
  let prev: PreparedSnapshot | null = null;
  for (const curr of snapshots) {
    const change = prev === null ? null : compareSnapshots(prev, curr);
    if (change !== null) changes.push(change);
    addSnapshotLevels(levels, prev, curr, change);
    series.push(summarizeSnapshot(curr));
    prev = curr;
  }
  return { series, changes, levels, latest: prev };
}

/** The per-snapshot point of a trend series. */
export function summarizeSnapshot(snapshot: PreparedSnapshot): SnapshotSummary {
  const s = snapshot.structure;
  return {
    asOf: snapshot.asOf,
    headcount: s.headcount,
    managers: s.managers,
    middleManagers: s.middleManagers,
    depth: s.depth,
    managementLayers: s.managementLayers,
  };
}

/** Peak (over earlier snapshots) and change since peak for every snapshot in the series. */
export function computePeakChanges(series: readonly SnapshotSummary[]): PeakChange[] {
  let mmPeak: number | null = null;
  let depthPeak: number | null = null;
  return series.map((s) => {
    if (s.notComparable)
      return {
        asOf: s.asOf,
        middleManagers: s.middleManagers,
        middleManagersPeak: null,
        middleManagersChangeSincePeakPct: null,
        depth: s.depth,
        layersPeak: null,
        layersChangeSincePeak: null,
      };
    const row: PeakChange = {
      asOf: s.asOf,
      middleManagers: s.middleManagers,
      middleManagersPeak: mmPeak,
      middleManagersChangeSincePeakPct:
        mmPeak === null || mmPeak === 0 ? null : roundTo(((s.middleManagers - mmPeak) / mmPeak) * 100, 2),
      depth: s.depth,
      layersPeak: depthPeak,
      layersChangeSincePeak: depthPeak === null ? null : s.depth - depthPeak,
    };
    mmPeak = mmPeak === null ? s.middleManagers : Math.max(mmPeak, s.middleManagers);
    depthPeak = depthPeak === null ? s.depth : Math.max(depthPeak, s.depth);
    return row;
  });
}

export interface ChangeCounts {
  promotions: number;
  icToManager: number;
  managerToIc: number;
  joiners: number;
  leavers: number;
}

/** Count the events in one snapshot-to-snapshot comparison. */
export function countChanges(changes: SnapshotChanges): ChangeCounts {
  return {
    promotions: changes.promotions.length,
    icToManager: changes.icToManager.length,
    managerToIc: changes.managerToIc.length,
    joiners: changes.joiners.length,
    leavers: changes.leavers.length,
  };
}

/**
 * The CLI trend summary for the last snapshot of a series; lastChanges compares it with the one
 * before (null when there is none). Works from stored per-snapshot summaries, so the DAL can call
 * it without rebuilding old trees.
 */
export function summarizeTrends(
  series: readonly SnapshotSummary[],
  lastChanges: ChangeCounts | null,
): TrendSummary {
  const peaks = computePeakChanges(series);
  const last = peaks[peaks.length - 1];
  return {
    middleManagersPeak: last?.middleManagersPeak ?? null,
    middleManagersChangeSincePeakPct: last?.middleManagersChangeSincePeakPct ?? null,
    layersChangeSincePeak: last?.layersChangeSincePeak ?? null,
    promotions: lastChanges?.promotions ?? null,
    icToManager: lastChanges?.icToManager ?? null,
    managerToIc: lastChanges?.managerToIc ?? null,
    joiners: lastChanges?.joiners ?? null,
    leavers: lastChanges?.leavers ?? null,
  };
}

/** The CLI trend summary straight from a history analysis. */
export function summarizeHistory(analysis: HistoryAnalysis): TrendSummary {
  const change = analysis.changes[analysis.changes.length - 1];
  return summarizeTrends(analysis.series, change === undefined ? null : countChanges(change));
}
