import { describe, expect, it } from 'vitest';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { analyzeHistory } from '@/lib/metrics/trends';
import { computeCeilingLeavers, computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
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
      // x: Eng ceiling (30) + ladder top IC8 (20) + 60 months in level > 24 (30) = 80.
      {
        employeeId: 'x',
        department: 'Eng',
        level: 'IC8',
        monthsInLevel: 60,
        score: 80,
        reasons: ['atUnitCeiling', 'atLadderTop', 'longInLevel'],
      },
      // y: 12 months, below Eng's ceiling: 0.
      { employeeId: 'y', department: 'Eng', level: 'IC3', monthsInLevel: 12, score: 0, reasons: [] },
      // z: Ops ceiling (30) + 31 months > 24 (30) = 60.
      {
        employeeId: 'z',
        department: 'Ops',
        level: 'IC2',
        monthsInLevel: 31,
        score: 60,
        reasons: ['atUnitCeiling', 'longInLevel'],
      },
    ]);
    // Eng: 2 ICs, 1 at ceiling, 1 at >= 60, mean (80 + 0) / 2 = 40; Ops: 1, 1, 1, 60.
    expect(units).toEqual([
      { department: 'Eng', ics: 2, atCeiling: 1, highRisk: 1, meanScore: 40 },
      { department: 'Ops', ics: 1, atCeiling: 1, highRisk: 1, meanScore: 60 },
    ]);
  });

  it('takes custom weights as relative shares', () => {
    const weights = { atUnitCeiling: 1, atLadderTop: 1, longInLevel: 1, noPromotionInWindow: 1 };
    const scores = computeCeilingRisk(snap, null, { weights }).people.map((p) => p.score);
    // x: 3 of 4 reasons = 75; y: 0; z: 2 of 4 = 50.
    expect(scores).toEqual([75, 0, 50]);
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
    // a: at the IC3 ceiling (30), promoted 6 months ago -> 30.
    // c: at the IC3 ceiling (30), 12 months in level (lower bound) < 24, never promoted while seen 3 times (20) -> 50.
    expect(people.map((p) => [p.employeeId, p.score, p.reasons])).toEqual([
      ['a', 30, ['atUnitCeiling']],
      ['c', 50, ['atUnitCeiling', 'noPromotionInWindow']],
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
