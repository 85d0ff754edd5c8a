import { describe, expect, it } from 'vitest';
import { computeMedian, computePercentile, divideOrNull, roundTo } from '@/lib/metrics/numbers';
import { computeSpanStats, findSpanBand } from '@/lib/metrics/spans';
import { findReportingCycles } from '@/lib/metrics/cycles';

describe('percentiles (linear interpolation, numpy default / PERCENTILE.INC)', () => {
  const sorted = [1, 2, 2, 2, 3, 100];
  it('interpolates between closest ranks, ties included', () => {
    // n = 6: p10 h = 0.5 -> 1 + 0.5 * (2 - 1) = 1.5; median h = 2.5 -> 2 + 0.5 * (2 - 2) = 2;
    // p90 h = 4.5 -> 3 + 0.5 * (100 - 3) = 51.5 (numpy.percentile gives the same).
    expect(computePercentile(sorted, 0.1)).toBe(1.5);
    expect(computePercentile(sorted, 0.5)).toBe(2);
    expect(computePercentile(sorted, 0.9)).toBe(51.5);
    expect(computePercentile(sorted, 0)).toBe(1);
    expect(computePercentile(sorted, 1)).toBe(100);
  });
  it('handles one value and none', () => {
    expect(computePercentile([7], 0.9)).toBe(7);
    expect(computePercentile([], 0.5)).toBeNull();
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('rounding and ratios', () => {
  it('rounds half away from zero, never to -0', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.00001, 2), 0)).toBe(true);
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
  });
  it('returns null for an undefined ratio', () => {
    expect(divideOrNull(3, 0)).toBeNull();
    expect(divideOrNull(1, 3)).toBe(0.3333);
  });
});

describe('span bands', () => {
  it('puts each span in its band by upper bound', () => {
    const cases: [number, string][] = [
      [0.5, '1'],
      [1, '1'],
      [2, '2-3'],
      [3, '2-3'],
      [3.5, '4-7'],
      [7, '4-7'],
      [8, '8-12'],
      [12, '8-12'],
      [13, '13-16'],
      [16, '13-16'],
      [17, '17+'],
      [250, '17+'],
    ];
    for (const [span, band] of cases) expect(findSpanBand(span)).toBe(band);
  });
  it('summarises spans: mean to 3 decimals', () => {
    // (1 + 1 + 2) / 3 = 1.3333 -> 1.333; median 1; p10 h = 0.2 -> 1; p90 h = 1.8 -> 1 + 0.8 * 1 = 1.8.
    expect(computeSpanStats(Float64Array.from([2, 1, 1]))).toEqual({
      mean: 1.333,
      median: 1,
      p10: 1,
      p90: 1.8,
      bands: { '1': 2, '2-3': 1, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 },
    });
  });
});

describe('findReportingCycles (for the ingest validator)', () => {
  it('lists each cycle once, self-management included', () => {
    const rows = [
      { employeeId: 'A', managerId: 'B' },
      { employeeId: 'B', managerId: 'A' },
      { employeeId: 'C', managerId: 'C' },
      { employeeId: 'D', managerId: null },
      { employeeId: 'E', managerId: 'missing' },
    ];
    expect(findReportingCycles(rows)).toEqual([['A', 'B'], ['C']]);
  });
});
