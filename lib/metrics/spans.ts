/**
 * Span-of-control statistics over managers only (SPEC "Structure"): mean, median, p10, p90 and
 * the count of managers in each band 1 | 2-3 | 4-7 | 8-12 | 13-16 | 17+. Spans count person-level
 * reports, so they are whole numbers; bands are still decided by upper bounds (a span of 3.5
 * falls in 4-7, a span of 0.5 in 1).
 */
import { computePercentile, percentileAt, roundTo } from '@/lib/metrics/numbers';

export const SPAN_BANDS = ['1', '2-3', '4-7', '8-12', '13-16', '17+'] as const;
export type SpanBand = (typeof SPAN_BANDS)[number];
export type SpanBands = Record<SpanBand, number>;

export interface SpanStats {
  mean: number | null;
  median: number | null;
  p10: number | null;
  p90: number | null;
  bands: SpanBands;
}

const BAND_UPPER_BOUNDS: readonly number[] = [1, 3, 7, 12, 16];

/** Name the band a span falls in. */
export function findSpanBand(span: number): SpanBand {
  for (let b = 0; b < BAND_UPPER_BOUNDS.length; b++) {
    if (span <= (BAND_UPPER_BOUNDS[b] ?? 0)) return SPAN_BANDS[b] ?? '17+';
  }
  return '17+';
}

/** Summarise the spans of a set of managers (the array is sorted in place). */
export function computeSpanStats(spans: Float64Array): SpanStats {
  spans.sort();
  const bands: SpanBands = { '1': 0, '2-3': 0, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 };
  let total = 0;
  for (const s of spans) {
    total += s;
    bands[findSpanBand(s)] += 1;
  }
  const n = spans.length;
  const at = (p: number): number | null => {
    const v = computePercentile(spans, p);
    return v === null ? null : roundTo(v, 3);
  };
  return { mean: n === 0 ? null : roundTo(total / n, 3), median: at(0.5), p10: at(0.1), p90: at(0.9), bands };
}

/**
 * The same statistics from a histogram: `values` ascending and distinct, `counts[k]` managers with
 * span values[k]. Equal to computeSpanStats over the expanded spans when they are whole numbers
 * (their sum is then exact in any order).
 */
export function spanStatsOfCounts(values: readonly number[], counts: readonly number[]): SpanStats {
  const bands: SpanBands = { '1': 0, '2-3': 0, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 };
  let total = 0;
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? 0;
    const c = counts[k] ?? 0;
    total += v * c;
    n += c;
    bands[findSpanBand(v)] += c;
  }
  // value at sorted position j: walk the cumulative counts (few distinct spans)
  const at = (j: number): number => {
    let seen = 0;
    for (let k = 0; k < values.length; k++) {
      seen += counts[k] ?? 0;
      if (j < seen) return values[k] ?? 0;
    }
    return values[values.length - 1] ?? 0;
  };
  const pct = (p: number): number | null => {
    const v = percentileAt(n, at, p);
    return v === null ? null : roundTo(v, 3);
  };
  return {
    mean: n === 0 ? null : roundTo(total / n, 3),
    median: pct(0.5),
    p10: pct(0.1),
    p90: pct(0.9),
    bands,
  };
}
