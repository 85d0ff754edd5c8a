/**
 * Change since the previous snapshot and since the peak, for any metric over a snapshot series
 * (SPEC "Trends"). The peak is the maximum over EARLIER snapshots only, exactly as
 * computePeakChanges in trends.ts defines it for middle managers and layers: the first snapshot
 * has no peak, and a new high shows as a positive change. Missing values (null: undefined ratio,
 * or a point hidden for privacy) are skipped, never treated as 0, and never used as a previous
 * value or a peak, so a hidden figure cannot be recovered from a change. A snapshot a user marked
 * "not comparable" (a change of scope, SPEC "Posts, people and FTE") keeps its value but gets no
 * change of its own and is never a previous value or a peak: change-since-peak skips it.
 */
import { roundTo } from '@/lib/metrics/numbers';

export interface SeriesPoint {
  asOf: string;
  value: number | null;
  notComparable?: boolean;
}

export interface SeriesChange {
  asOf: string;
  value: number | null;
  /** the value at the comparable snapshot before (null when absent or hidden) */
  previous: number | null;
  changeVsPrevious: number | null;
  /** maximum over earlier snapshots */
  peak: number | null;
  peakAsOf: string | null;
  changeVsPeak: number | null;
  /** (value - peak) / peak in %, 2 decimals; null when the peak is 0 or absent */
  changeVsPeakPct: number | null;
}

/** Per point: previous, change vs previous, peak over earlier points and change since that peak. */
export function computeSeriesChanges(points: readonly SeriesPoint[]): SeriesChange[] {
  let peak: number | null = null;
  let peakAsOf: string | null = null;
  let previous: number | null = null;
  return points.map((p) => {
    if (p.notComparable)
      return {
        asOf: p.asOf,
        value: p.value,
        previous: null,
        changeVsPrevious: null,
        peak: null,
        peakAsOf: null,
        changeVsPeak: null,
        changeVsPeakPct: null,
      };
    const v = p.value;
    const row: SeriesChange = {
      asOf: p.asOf,
      value: v,
      previous,
      changeVsPrevious: v === null || previous === null ? null : roundTo(v - previous, 4),
      peak,
      peakAsOf,
      changeVsPeak: v === null || peak === null ? null : roundTo(v - peak, 4),
      changeVsPeakPct:
        v === null || peak === null || peak === 0 ? null : roundTo(((v - peak) / peak) * 100, 2),
    };
    if (v !== null && (peak === null || v > peak)) {
      peak = v;
      peakAsOf = p.asOf;
    }
    previous = v;
    return row;
  });
}
