import { describe, expect, it } from 'vitest';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { compareSnapshots } from '@/lib/metrics/history';
import { analyzeHistory, computePeakChanges, summarizeHistory } from '@/lib/metrics/trends';
import { computePromotionVelocity, computeTimeInLevel } from '@/lib/metrics/time-in-level';
import { monthsBetween } from '@/lib/metrics/dates';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { person } from './make-records';

// S1 2024-01-01: CEO (M6) -> VP (M5) -> D1 (M3) -> EM1 (M1) -> a (IC2, in level since 2023-01-01), b (IC3)
//                                               -> EM2 (M1) -> c (IC3), d (IC2)
const s1 = prepareSnapshot(
  '2024-01-01',
  [
    person('CEO', null, { level: 'M6' }),
    person('VP', 'CEO', { level: 'M5' }),
    person('D1', 'VP', { level: 'M3' }),
    person('EM1', 'D1', { level: 'M1' }),
    person('a', 'EM1', { level: 'IC2', levelStartDate: '2023-01-01' }),
    person('b', 'EM1', { level: 'IC3' }),
    person('EM2', 'D1', { level: 'M1' }),
    person('c', 'EM2', { level: 'IC3' }),
    person('d', 'EM2', { level: 'IC2' }),
  ],
  DEFAULT_LADDER,
);
// S2 2024-07-01: D1 and d leave; EM1, EM2 report to VP; a promoted to IC3 (since 2024-06-01);
// b becomes a manager (M1) of newcomer f; newcomer e joins EM2.
const s2 = prepareSnapshot(
  '2024-07-01',
  [
    person('CEO', null, { level: 'M6' }),
    person('VP', 'CEO', { level: 'M5' }),
    person('EM1', 'VP', { level: 'M1' }),
    person('a', 'EM1', { level: 'IC3', levelStartDate: '2024-06-01' }),
    person('b', 'EM1', { level: 'M1' }),
    person('f', 'b', { level: 'IC1' }),
    person('EM2', 'VP', { level: 'M1' }),
    person('c', 'EM2', { level: 'IC3' }),
    person('e', 'EM2', { level: 'IC1' }),
  ],
  DEFAULT_LADDER,
);
// S3 2025-01-01: EM2 steps back to IC4; c and e now report to VP.
const s3 = prepareSnapshot(
  '2025-01-01',
  [
    person('CEO', null, { level: 'M6' }),
    person('VP', 'CEO', { level: 'M5' }),
    person('EM1', 'VP', { level: 'M1' }),
    person('a', 'EM1', { level: 'IC3', levelStartDate: '2024-06-01' }),
    person('b', 'EM1', { level: 'M1' }),
    person('f', 'b', { level: 'IC1' }),
    person('EM2', 'VP', { level: 'IC4' }),
    person('c', 'VP', { level: 'IC3' }),
    person('e', 'VP', { level: 'IC1' }),
  ],
  DEFAULT_LADDER,
);

describe('compareSnapshots', () => {
  it('S1 -> S2: joiners, leavers, movers, a promotion, an IC -> manager move, a delayering', () => {
    const ch = compareSnapshots(s1, s2);
    expect(ch.joiners.sort()).toEqual(['e', 'f']);
    expect(ch.leavers.sort()).toEqual(['D1', 'd']);
    expect(ch.movers.sort()).toEqual(['EM1', 'EM2']); // D1 -> VP
    expect(ch.promotions).toEqual([
      { employeeId: 'a', track: 'ic', fromCode: 'IC2', toCode: 'IC3', fromRank: 2, toRank: 3 },
    ]);
    // b went IC3 -> M1: a track move, not a promotion.
    expect(ch.icToManager).toEqual(['b']);
    expect(ch.managerToIc).toEqual([]);
    // D1 left; both former reports (EM1, EM2) moved from layer 4 to layer 3.
    expect(ch.delayering).toEqual([{ managerId: 'D1', change: 'left', formerReports: 2, reportsMovedUp: 2 }]);
    // depth: S1 a..d at layer 5; S2 f at layer 5 -> no layer removed.
    expect(ch.layersRemoved).toBe(0);
  });

  it('S2 -> S3: a manager -> IC move that is also a delayering', () => {
    const ch = compareSnapshots(s2, s3);
    expect(ch.joiners).toEqual([]);
    expect(ch.leavers).toEqual([]);
    expect(ch.movers.sort()).toEqual(['c', 'e']);
    expect(ch.promotions).toEqual([]);
    expect(ch.managerToIc).toEqual(['EM2']);
    // EM2 stayed but lost c and e, who moved from layer 4 to layer 3.
    expect(ch.delayering).toEqual([
      { managerId: 'EM2', change: 'lostReports', formerReports: 2, reportsMovedUp: 2 },
    ]);
  });
});

describe('trends over the series', () => {
  const analysis = analyzeHistory([s1, s2, s3]);

  it('summarises the latest snapshot for the CLI', () => {
    // Middle managers: S1 D1; S2 EM1 (manages b, a manager); S3 EM1 -> 1, 1, 1.
    expect(analysis.series.map((s) => s.middleManagers)).toEqual([1, 1, 1]);
    expect(analysis.series.map((s) => s.depth)).toEqual([5, 5, 5]);
    // Peak over earlier snapshots = 1; change (1 - 1) / 1 = 0 %; depth 5 - 5 = 0; counts from S2 -> S3.
    expect(summarizeHistory(analysis)).toEqual({
      middleManagersPeak: 1,
      middleManagersChangeSincePeakPct: 0,
      layersChangeSincePeak: 0,
      promotions: 0,
      icToManager: 0,
      managerToIc: 1,
      joiners: 0,
      leavers: 0,
    });
  });

  it('has no peak and no counts for a single snapshot', () => {
    expect(summarizeHistory(analyzeHistory([s1]))).toEqual({
      middleManagersPeak: null,
      middleManagersChangeSincePeakPct: null,
      layersChangeSincePeak: null,
      promotions: null,
      icToManager: null,
      managerToIc: null,
      joiners: null,
      leavers: null,
    });
  });

  it('measures change since the peak of earlier snapshots', () => {
    const series = [10, 12, 9, 11].map((mm, k) => ({
      asOf: `2024-0${k + 1}-01`,
      headcount: 100,
      managers: 20,
      middleManagers: mm,
      depth: [6, 7, 5, 5][k] ?? 0,
      managementLayers: 4,
    }));
    const peaks = computePeakChanges(series);
    // (12 - 10) / 10 = +20 %; (9 - 12) / 12 = -25 %; (11 - 12) / 12 = -8.33 %.
    expect(peaks.map((p) => p.middleManagersChangeSincePeakPct)).toEqual([null, 20, -25, -8.33]);
    expect(peaks.map((p) => p.middleManagersPeak)).toEqual([null, 10, 12, 12]);
    // depth 7 - 6 = 1; 5 - 7 = -2 (two layers removed since the peak); 5 - 7 = -2.
    expect(peaks.map((p) => p.layersChangeSincePeak)).toEqual([null, 1, -2, -2]);
  });

  it('time in level: from level_start_date, else from the history', () => {
    const t = computeTimeInLevel(s3, analysis.levels);
    const at = (id: string) => {
      const i = s3.tree.indexById.get(id) ?? -1;
      return { months: Number((t.months[i] ?? Number.NaN).toFixed(3)), censored: t.censored[i] };
    };
    // a: level_start_date 2024-06-01 -> 2025-01-01 = 214 days / 30.437 = 7.031 months.
    expect(at('a')).toEqual({ months: 7.031, censored: 0 });
    // c: IC3 since the first snapshot (2024-01-01): 366 days = 12.025 months, only a lower bound.
    expect(at('c')).toEqual({ months: 12.025, censored: 1 });
    // e: joined at IC1 in S2 (2024-07-01): 184 days = 6.045 months.
    expect(at('e')).toEqual({ months: 6.045, censored: 0 });
    // EM2: IC4 first seen in S3 -> 0.
    expect(at('EM2')).toEqual({ months: 0, censored: 0 });
  });

  it('promotion velocity: months in level before promotion per level and track', () => {
    // a: IC2 from 2023-01-01 to the IC3 start 2024-06-01 = 517 days = 16.99 -> 17.0 months.
    expect(computePromotionVelocity(analysis.levels.samples)).toEqual([
      { track: 'ic', level: 'IC2', promotions: 1, medianMonths: 17, p75Months: 17 },
    ]);
    expect(analysis.levels.lastPromotion.get('a')).toBe('2024-07-01');
  });

  it('skips promotions whose start is unknown (spell already running at the first snapshot)', () => {
    const later = prepareSnapshot(
      '2025-07-01',
      [person('CEO', null, { level: 'M6' }), person('c', 'CEO', { level: 'IC4' })],
      DEFAULT_LADDER,
    );
    const a = analyzeHistory([s1, s2, s3, later]);
    // c was promoted IC3 -> IC4, but IC3 was already held in S1 with no start date.
    expect(a.changes[2]?.promotions.map((p) => p.employeeId)).toEqual(['c']);
    expect(a.levels.samples.map((s) => s.employeeId)).toEqual(['a']);
  });

  it('counts months on the average Gregorian month', () => {
    expect(monthsBetween('2024-01-01', '2025-01-01')).toBeCloseTo(12.025, 3);
    expect(monthsBetween('bad', '2025-01-01')).toBeNull();
  });
});
