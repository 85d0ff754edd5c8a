import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { computePeopleOrder, decodeReasons, encodeReasons } from '@/lib/metrics/people-order';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { person } from './make-records';

describe('people in preorder', () => {
  // boss -> lead (Eng) -> x IC8, y IC3; boss -> z IC2 (Ops). Records in that order (tree index 0-4).
  const snap = prepareSnapshot(
    '2025-01-01',
    [
      person('boss', null, { level: 'M6', name: 'Boss' }),
      person('lead', 'boss', { level: 'M4', department: 'Eng', title: 'Lead' }),
      person('x', 'lead', { level: 'IC8', department: 'Eng', levelStartDate: '2020-01-01' }),
      person('y', 'lead', { level: 'IC3', department: 'Eng', levelStartDate: '2024-01-01' }),
      person('z', 'boss', { level: 'IC2', department: 'Ops', levelStartDate: '2022-06-01' }),
    ],
    DEFAULT_LADDER,
  );

  it('lists every node in preorder with its subtree size, layer, span and tree index', () => {
    const rows = computePeopleOrder(snap, null);
    expect(rows.map((r) => [r.pre, r.employeeId, r.size, r.layer, r.span, r.ord])).toEqual([
      [0, 'boss', 5, 1, 2, 0],
      [1, 'lead', 3, 2, 2, 1],
      [2, 'x', 1, 3, 0, 2],
      [3, 'y', 1, 3, 0, 3],
      [4, 'z', 1, 2, 0, 4],
    ]);
    // lead's subtree is the range [1, 1 + 3): lead, x, y.
    expect(rows.slice(1, 4).map((r) => r.employeeId)).toEqual(['lead', 'x', 'y']);
    expect(rows[0]).toMatchObject({ name: 'Boss', department: null, level: 'M6', risk: null });
    expect(rows[1]).toMatchObject({ title: 'Lead', department: 'Eng', level: 'M4' });
  });

  it('carries the ceiling risk of the scored ICs only, as computeCeilingRisk gave it', () => {
    const rows = computePeopleOrder(snap, computeCeilingRisk(snap, null).people);
    expect(rows.map((r) => r.risk !== null)).toEqual([false, false, true, true, true]);
    // x: Eng's ceiling (IC8, 30) + the ladder's top (20) + 60 months in level (30) = 80, plus
    // 0.9 x pressure ((60 / 84 + 1) / 2 = 0.857): 80.8.
    expect(rows[2]?.risk).toEqual({
      reasons: ['atUnitCeiling', 'atLadderTop', 'longInLevel'],
      score: 80.8,
      pressure: 0.86,
      monthsInLevel: 60,
    });
    expect(rows[3]?.risk?.score).toBe(0);
    expect(rows[2]?.rank).toBeGreaterThan(rows[3]?.rank ?? 0);
  });

  it('stores reasons as a bit mask in scoreIc order', () => {
    expect(encodeReasons(['atUnitCeiling', 'longInLevel'])).toBe(0b0101);
    expect(encodeReasons([])).toBe(0);
    expect(decodeReasons(0b1010)).toEqual(['atLadderTop', 'noPromotionInWindow']);
    expect(decodeReasons(encodeReasons(['atLadderTop', 'longInLevel']))).toEqual([
      'atLadderTop',
      'longInLevel',
    ]);
  });
});
