import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { monthsSource, splitWindow } = await import('@/lib/dal/ai-usage-months');

describe('splitWindow', () => {
  it('reads whole calendar months from the monthly sums', () => {
    expect(splitWindow('2026-04-01', '2026-04-30')).toEqual({
      months: ['2026-04-01', '2026-04-01'],
      edges: [],
    });
    expect(splitWindow('2026-01-01', '2026-03-31')).toEqual({
      months: ['2026-01-01', '2026-03-01'],
      edges: [],
    });
    expect(splitWindow('2024-02-01', '2024-02-29')).toEqual({
      months: ['2024-02-01', '2024-02-01'],
      edges: [],
    });
  });

  it('reads the days of partly covered months from the rows', () => {
    expect(splitWindow('2026-04-01', '2026-04-28')).toEqual({
      months: null,
      edges: [['2026-04-01', '2026-04-28']],
    });
    expect(splitWindow('2026-03-20', '2026-04-10')).toEqual({
      months: null,
      edges: [['2026-03-20', '2026-04-10']],
    });
    expect(splitWindow('2026-03-20', '2026-06-10')).toEqual({
      months: ['2026-04-01', '2026-05-01'],
      edges: [
        ['2026-03-20', '2026-03-31'],
        ['2026-06-01', '2026-06-10'],
      ],
    });
    expect(splitWindow('2026-03-01', '2026-04-15')).toEqual({
      months: ['2026-03-01', '2026-03-01'],
      edges: [['2026-04-01', '2026-04-15']],
    });
    expect(splitWindow('2025-12-31', '2026-01-31')).toEqual({
      months: ['2026-01-01', '2026-01-01'],
      edges: [['2025-12-31', '2025-12-31']],
    });
    expect(splitWindow('2026-05-02', '2026-05-01')).toEqual({ months: null, edges: [] });
  });

  it('builds one source with a placeholder per date', () => {
    const params: string[] = [];
    const sql = monthsSource('$1::int', '2026-03-20', '2026-06-10', (v) => {
      params.push(v);
      return `$${params.length + 1}`;
    });
    expect(params).toEqual([
      '2026-04-01',
      '2026-05-01',
      '2026-03-20',
      '2026-03-31',
      '2026-06-01',
      '2026-06-10',
    ]);
    expect(sql.match(/union all/g)).toHaveLength(2);
  });
});
