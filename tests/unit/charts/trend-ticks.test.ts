import { describe, expect, it } from 'vitest';
import { yTicks } from '@/app/_components/charts/trend-line';

const of = (...values: Array<number | null>) => values.map((value) => ({ value }));

describe('trend charts: round y ticks from zero', () => {
  it('headcount 106 to 138 reads 0, 50, 100, 150 (recharts drew 0, 35, 70, 105, 140)', () => {
    expect(yTicks(of(106, 114, 138), 'int')).toEqual([0, 50, 100, 150]);
  });
  it('small counts step by whole numbers; a flat zero series still has an axis', () => {
    expect(yTicks(of(0, 1, 2), 'int')).toEqual([0, 1, 2, 3, 4]);
    expect(yTicks(of(0, 0), 'int')).toEqual([0, 1]);
  });
  it('reaches the target band and skips hidden points; none when a value is negative', () => {
    expect(yTicks(of(3, null, 4), 'decimal', { kind: 'band', from: 5, to: 8, label: 'target' })).toEqual([
      0, 2, 4, 6, 8,
    ]);
    expect(yTicks(of(-2, 3), 'int')).toBeNull();
  });
});
