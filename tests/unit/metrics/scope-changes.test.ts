import { describe, expect, it } from 'vitest';
import { describeScopeFlag, findScopeChanges } from '@/lib/metrics/scope-changes';
import { computeSeriesChanges } from '@/lib/metrics/series-changes';
import { computePeakChanges, summarizeTrends, type SnapshotSummary } from '@/lib/metrics/trends';

const pt = (asOf: string, headcount: number | null, managers: number | null, notComparable = false) => ({
  asOf,
  headcount,
  managers,
  notComparable,
});

describe('possible changes of scope (> 25% against the previous comparable snapshot)', () => {
  it('flags headcount or manager moves over 25% either way, not at exactly 25%', () => {
    const flags = findScopeChanges([
      pt('2024-01-31', 100, 10),
      pt('2024-02-29', 125, 12), // +25% and +20%: not over the threshold
      pt('2024-03-31', 160, 12), // 125 -> 160 = +28%: flagged
      pt('2024-04-30', 150, 8), // headcount -6.25%; managers 12 -> 8 = -33.33%: flagged
      pt('2024-05-31', 150, 8),
    ]);
    expect(flags).toEqual([
      {
        asOf: '2024-03-31',
        from: '2024-02-29',
        moves: [{ metric: 'headcount', before: 125, after: 160, changePct: 28 }],
      },
      {
        asOf: '2024-04-30',
        from: '2024-03-31',
        moves: [{ metric: 'managers', before: 12, after: 8, changePct: -33.33 }],
      },
    ]);
  });

  it('compares with the last comparable snapshot: a marked one is skipped, and is not flagged itself', () => {
    const flags = findScopeChanges([
      pt('2024-01-31', 100, 10),
      pt('2024-02-29', 300, 30, true), // a change of scope, marked: no flag, no comparison
      pt('2024-03-31', 110, 11), // against January: +10%, +10%
      pt('2024-04-30', null, null), // hidden: skipped like a marked one
      pt('2024-05-31', 150, 11), // against March: 110 -> 150 = +36.36%
    ]);
    expect(flags).toEqual([
      {
        asOf: '2024-05-31',
        from: '2024-03-31',
        moves: [{ metric: 'headcount', before: 110, after: 150, changePct: 36.36 }],
      },
    ]);
  });

  it('a unit that had no managers and now has some is flagged without a percentage', () => {
    const [flag] = findScopeChanges([pt('2024-01-31', 4, 0), pt('2024-02-29', 4, 1)]);
    expect(flag?.moves).toEqual([{ metric: 'managers', before: 0, after: 1, changePct: null }]);
    expect(findScopeChanges([pt('2024-01-31', 0, 0), pt('2024-02-29', 0, 0)])).toEqual([]);
  });

  it('describes a flag in plain words', () => {
    const [flag] = findScopeChanges([pt('2012-09-30', 1202, 30), pt('2013-03-31', 2400, 31)]);
    expect(flag && describeScopeFlag(flag)).toBe(
      '2013-03-31: headcount 1,202 \u2192 2,400 (+99.67%) against 2012-09-30 \u2014 possibly a change of scope, not a real change; mark it "not comparable" on the Data page if so.',
    );
  });
});

describe('change since peak skips snapshots marked not comparable', () => {
  it('series changes: a marked point is no peak and no previous value, and has no change of its own', () => {
    const rows = computeSeriesChanges([
      { asOf: 'a', value: 10 },
      { asOf: 'b', value: 40, notComparable: true },
      { asOf: 'c', value: 8 },
    ]);
    expect(rows[1]).toMatchObject({
      value: 40,
      previous: null,
      changeVsPrevious: null,
      peak: null,
      changeVsPeakPct: null,
    });
    // c against a (10): -2, and -20% since the peak of 10, not -80% against b's 40.
    expect(rows[2]).toMatchObject({
      previous: 10,
      changeVsPrevious: -2,
      peak: 10,
      peakAsOf: 'a',
      changeVsPeakPct: -20,
    });
  });

  it('middle managers and layers since peak (the CLI trend summary)', () => {
    const s = (
      asOf: string,
      middleManagers: number,
      depth: number,
      notComparable = false,
    ): SnapshotSummary => ({
      asOf,
      headcount: 100,
      managers: 10,
      middleManagers,
      depth,
      managementLayers: depth - 1,
      notComparable,
    });
    const series = [s('a', 20, 6), s('b', 50, 9, true), s('c', 15, 5)];
    const peaks = computePeakChanges(series);
    expect(peaks[1]).toMatchObject({ middleManagersPeak: null, layersChangeSincePeak: null });
    // c: 15 vs the peak 20 of a = -25%; depth 5 vs 6 = -1 (b's 50 and 9 are skipped).
    expect(peaks[2]).toMatchObject({
      middleManagersPeak: 20,
      middleManagersChangeSincePeakPct: -25,
      layersChangeSincePeak: -1,
    });
    expect(summarizeTrends(series, null)).toMatchObject({
      middleManagersPeak: 20,
      middleManagersChangeSincePeakPct: -25,
    });
  });
});
