/** A risk reason quotes the months in level as the "Months in level" column does (issue #16). */
import { describe, expect, it } from 'vitest';
import type { IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { describeReason } from '@/lib/views/risk-reasons';

const person = (monthsInLevel: number): IcCeilingRisk => ({
  employeeId: 'E000063',
  department: 'Marketing',
  level: 'IC4',
  monthsInLevel,
  score: 80.8,
  pressure: 0.9,
  reasons: ['longInLevel'],
});
const rc = { asOf: '2026-10-31', historyFrom: '2026-05-31', p75ByLevel: new Map<string | null, number>() };

describe('describeReason: longInLevel', () => {
  it('says 61.7 months where the column says 61.7 (it said 62)', () => {
    expect(describeReason('longInLevel', person(61.7), rc)).toBe(
      '61.7 months in IC4: over 24 months (too few promotions from IC4 to compare).',
    );
    expect(describeReason('longInLevel', person(43), rc)).toMatch(/^43 months in IC4/);
    expect(describeReason('longInLevel', person(1), rc)).toMatch(/^1 month in IC4/);
  });
});
