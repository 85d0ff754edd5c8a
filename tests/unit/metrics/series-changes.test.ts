import { describe, expect, it } from 'vitest';
import { computeSeriesChanges } from '@/lib/metrics/series-changes';
import { computePeakChanges, type SnapshotSummary } from '@/lib/metrics/trends';
import { classifyLayers, classifySpan, resolveTarget } from '@/lib/metrics/targets';

const summary = (asOf: string, middleManagers: number, depth: number): SnapshotSummary => ({
  asOf,
  headcount: 0,
  managers: 0,
  middleManagers,
  depth,
  managementLayers: 0,
});

describe('computeSeriesChanges', () => {
  it('agrees with computePeakChanges: the peak is the maximum over EARLIER snapshots', () => {
    const series = [summary('a', 10, 6), summary('b', 12, 7), summary('c', 9, 6), summary('d', 13, 5)];
    const peaks = computePeakChanges(series);
    const mm = computeSeriesChanges(series.map((s) => ({ asOf: s.asOf, value: s.middleManagers })));
    const depth = computeSeriesChanges(series.map((s) => ({ asOf: s.asOf, value: s.depth })));
    peaks.forEach((p, k) => {
      expect(mm[k]?.peak).toBe(p.middleManagersPeak);
      expect(mm[k]?.changeVsPeakPct).toBe(p.middleManagersChangeSincePeakPct);
      expect(depth[k]?.peak).toBe(p.layersPeak);
      expect(depth[k]?.changeVsPeak).toBe(p.layersChangeSincePeak);
    });
    // c: 9 vs the earlier peak 12 (b) = -3, -25%; d: a new high 13 vs 12 = +1, +8.33%.
    expect(mm[2]).toMatchObject({
      previous: 12,
      changeVsPrevious: -3,
      peak: 12,
      peakAsOf: 'b',
      changeVsPeakPct: -25,
    });
    expect(mm[3]).toMatchObject({ peak: 12, changeVsPeak: 1, changeVsPeakPct: 8.33 });
  });

  it('skips missing values: never a previous value, never a peak', () => {
    const rows = computeSeriesChanges([
      { asOf: 'a', value: 100 },
      { asOf: 'b', value: null },
      { asOf: 'c', value: 50 },
    ]);
    expect(rows[1]).toMatchObject({ value: null, changeVsPrevious: null, changeVsPeak: null, peak: 100 });
    expect(rows[2]).toMatchObject({
      previous: null,
      changeVsPrevious: null,
      peak: 100,
      changeVsPeakPct: -50,
    });
  });
});

describe('targets', () => {
  const targets = { org: { spanMin: 4, spanMax: 10, maxLayers: 6 }, departments: { Sales: { spanMax: 14 } } };
  it('a department inherits what it does not override', () => {
    expect(resolveTarget(targets, 'Sales')).toEqual({ spanMin: 4, spanMax: 14, maxLayers: 6 });
    expect(resolveTarget(targets, 'Eng')).toEqual(targets.org);
    expect(resolveTarget(targets, null)).toEqual(targets.org);
  });
  it('classifies spans against the range (bounds inclusive) and layers against the limit', () => {
    const t = targets.org;
    expect([3.9, 4, 10, 10.5].map((s) => classifySpan(s, t))).toEqual(['below', 'within', 'within', 'above']);
    expect(classifySpan(null, t)).toBeNull();
    expect([6, 7].map((l) => classifyLayers(l, t))).toEqual(['within', 'above']);
  });
});
