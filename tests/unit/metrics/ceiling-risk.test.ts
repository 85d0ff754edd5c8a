import { describe, expect, it } from 'vitest';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { analyzeHistory } from '@/lib/metrics/trends';
import {
  combineScore,
  computeCeilingLeavers,
  computeCeilingRisk,
  computePressure,
} from '@/lib/metrics/ceiling-risk';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { person } from './make-records';

describe('IC-ceiling risk', () => {
  // 2025-01-01, no history. Eng: x IC8 since 2020-01-01, y IC3 since 2024-01-01; Ops: z IC2 since 2022-06-01.
  const snap = prepareSnapshot(
    '2025-01-01',
    [
      person('boss', null, { level: 'M6' }),
      person('x', 'boss', { level: 'IC8', department: 'Eng', levelStartDate: '2020-01-01' }),
      person('y', 'boss', { level: 'IC3', department: 'Eng', levelStartDate: '2024-01-01' }),
      person('z', 'boss', { level: 'IC2', department: 'Ops', levelStartDate: '2022-06-01' }),
    ],
    DEFAULT_LADDER,
  );

  it('scores reasons with the default 30/20/30/20 weights', () => {
    const { people, units } = computeCeilingRisk(snap, null);
    expect(people).toEqual([
      // x: Eng ceiling (30) + ladder top IC8 (20) + 60 months in level > 24 (30) = 80. Pressure:
      // stay 60 / (60 + 24) = 0.7143, closeness 1 (at the ceiling): 0.8571; 80 + 0.9 x 0.8571 = 80.8.
      {
        employeeId: 'x',
        department: 'Eng',
        level: 'IC8',
        monthsInLevel: 60,
        score: 80.8,
        pressure: 0.86,
        reasons: ['atUnitCeiling', 'atLadderTop', 'longInLevel'],
      },
      // y: 12 months, below Eng's ceiling: 0. Pressure: stay 12 / 36 = 0.3333, five rungs below
      // IC8: 1 / 6 = 0.1667; 0.25 (no reason, so it adds nothing).
      {
        employeeId: 'y',
        department: 'Eng',
        level: 'IC3',
        monthsInLevel: 12,
        score: 0,
        pressure: 0.25,
        reasons: [],
      },
      // z: Ops ceiling (30) + 31 months > 24 (30) = 60. Pressure: stay 31 / 55 = 0.5636,
      // closeness 1: 0.7818; 60 + 0.7036 = 60.7.
      {
        employeeId: 'z',
        department: 'Ops',
        level: 'IC2',
        monthsInLevel: 31,
        score: 60.7,
        pressure: 0.78,
        reasons: ['atUnitCeiling', 'longInLevel'],
      },
    ]);
    // Eng: 2 ICs, 1 at ceiling, 1 at >= 60, mean (80.8 + 0) / 2 = 40.4; Ops: 1, 1, 1, 60.7.
    expect(units).toEqual([
      { department: 'Eng', ics: 2, atCeiling: 1, highRisk: 1, meanScore: 40.4 },
      { department: 'Ops', ics: 1, atCeiling: 1, highRisk: 1, meanScore: 60.7 },
    ]);
  });

  it('takes custom weights as relative shares', () => {
    const weights = { atUnitCeiling: 1, atLadderTop: 1, longInLevel: 1, noPromotionInWindow: 1 };
    const scores = computeCeilingRisk(snap, null, { weights }).people.map((p) => p.score);
    // x: 3 of 4 reasons = 75 (+ 0.77 -> 75.8); y: 0; z: 2 of 4 = 50 (+ 0.70 -> 50.7).
    expect(scores).toEqual([75.8, 0, 50.7]);
  });

  it('breaks ties between ICs with the same reasons by time in level against the typical and closeness to the ceiling', () => {
    // Same reasons (Eng ceiling IC4 + long in level = 60) for a (IC4, 48 months) and b (IC4, 30
    // months); c is IC2 (two rungs below), 40 months: long in level only (30).
    const tie = prepareSnapshot(
      '2025-01-01',
      [
        person('boss', null, { level: 'M6' }),
        person('a', 'boss', { level: 'IC4', department: 'Eng', levelStartDate: '2021-01-01' }),
        person('b', 'boss', { level: 'IC4', department: 'Eng', levelStartDate: '2022-07-01' }),
        person('c', 'boss', { level: 'IC2', department: 'Eng', levelStartDate: '2021-09-01' }),
      ],
      DEFAULT_LADDER,
    );
    const { people } = computeCeilingRisk(tie, null);
    // a: stay 48 / 72 = 0.6667, closeness 1 -> 0.8333; 60 + 0.75 = 60.75 -> 60.8 (one decimal).
    // b: stay 30 / 54 = 0.5556, closeness 1 -> 0.7778; 60 + 0.7 = 60.7.
    // c: stay 40 / 64 = 0.625, closeness 1 / 3 -> 0.4792; 30 + 0.43 = 30.4.
    expect(people.map((p) => [p.employeeId, p.score, p.pressure])).toEqual([
      ['a', 60.8, 0.83],
      ['b', 60.7, 0.78],
      ['c', 30.4, 0.48],
    ]);
  });

  it('keeps the continuous part bounded: under one point, 0 without a reason, the scale 0-100', () => {
    // stay 24 / 48 = 0.5, closeness 1 / 2: 0.5; unknown months and rungs: 0.
    expect(computePressure(24, 24, 1)).toBe(0.5);
    expect(computePressure(Number.NaN, 24, Number.NaN)).toBe(0);
    expect(combineScore(0, 1)).toBe(0);
    expect(combineScore(60, 0)).toBe(60);
    expect(combineScore(60, 1)).toBe(60.9);
    // every reason: 99.1 + 0.9 x pressure, never above 100
    expect(combineScore(100, 1)).toBe(100);
    expect(combineScore(100, 0)).toBe(99.1);
  });

  it('uses the history: time in level inferred, no promotion in the window', () => {
    // CEO -> EM -> a (IC2 then IC3 from 2024-06-01), c (IC3 throughout) over three snapshots.
    const snaps = ['2024-01-01', '2024-07-01', '2025-01-01'].map((asOf, k) =>
      prepareSnapshot(
        asOf,
        [
          person('CEO', null, { level: 'M6' }),
          person('EM', 'CEO', { level: 'M1' }),
          person(
            'a',
            'EM',
            k === 0
              ? { level: 'IC2', levelStartDate: '2023-01-01' }
              : { level: 'IC3', levelStartDate: '2024-06-01' },
          ),
          person('c', 'EM', { level: 'IC3' }),
        ],
        DEFAULT_LADDER,
      ),
    );
    const analysis = analyzeHistory(snaps);
    const latest = snaps[2];
    if (latest === undefined) throw new Error('missing snapshot');
    const { people } = computeCeilingRisk(latest, analysis.levels);
    // a: at the IC3 ceiling (30), promoted 7 months ago -> 30; pressure: stay 7 / (7 + 24)
    // = 0.2258 (one promotion: the 24-month fallback is typical), closeness 1 -> 0.6129: 30.6.
    // c: at the IC3 ceiling (30), 12 months in level (lower bound) < 24, never promoted while seen
    // 3 times (20) -> 50; pressure: stay 12 / 36 = 0.3333, closeness 1 -> 0.6667: 50.6.
    expect(people.map((p) => [p.employeeId, p.score, p.reasons])).toEqual([
      ['a', 30.6, ['atUnitCeiling']],
      ['c', 50.6, ['atUnitCeiling', 'noPromotionInWindow']],
    ]);
  });

  it('splits leavers by whether they sat at the ceiling', () => {
    // Before: a IC2, b IC3, c IC3, d IC2 (ceiling IC3: b and c). After: d has left.
    const before = prepareSnapshot(
      '2024-01-01',
      [
        person('EM', null, { level: 'M1' }),
        ...[
          ['a', 'IC2'],
          ['b', 'IC3'],
          ['c', 'IC3'],
          ['d', 'IC2'],
        ].map(([id, level]) => person(id ?? '', 'EM', { level })),
      ],
      DEFAULT_LADDER,
    );
    const after = prepareSnapshot(
      '2024-07-01',
      [
        person('EM', null, { level: 'M1' }),
        ...['a', 'b', 'c'].map((id) => person(id, 'EM', { level: 'IC3' })),
      ],
      DEFAULT_LADDER,
    );
    expect(computeCeilingLeavers(before, after)).toEqual({
      atCeiling: { ics: 2, leavers: 0, leaverRate: 0 },
      notAtCeiling: { ics: 2, leavers: 1, leaverRate: 0.5 },
    });
  });
});
