import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { monthsSource, splitWeeks, splitWindow } = await import('@/lib/dal/ai-usage-months');

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
    // whole months, then per edge its whole weeks and the days left over
    expect(params).toEqual([
      '2026-04-01',
      '2026-05-01',
      '2026-03-22',
      '2026-03-29',
      '2026-03-20',
      '2026-03-21',
      '2026-06-01',
      '2026-06-01',
      '2026-06-08',
      '2026-06-10',
    ]);
    expect(sql.match(/union all/g)).toHaveLength(4);
    expect(sql.match(/from ai_usage_weeks/g)).toHaveLength(2);
  });
});

describe('splitWeeks', () => {
  it('keeps whole weeks of months (1-7, 8-14, 15-21, 22-28, 29 to the end) and at most six days at each end', () => {
    expect(splitWeeks('2026-09-24', '2026-10-21')).toEqual({
      weeks: ['2026-09-29', '2026-10-15'],
      days: [['2026-09-24', '2026-09-28']],
    });
    expect(splitWeeks('2026-02-20', '2026-03-10')).toEqual({
      weeks: ['2026-02-22', '2026-03-01'],
      days: [
        ['2026-02-20', '2026-02-21'],
        ['2026-03-08', '2026-03-10'],
      ],
    });
    expect(splitWeeks('2024-02-26', '2024-03-02')).toEqual({
      weeks: ['2024-02-29', '2024-02-29'],
      days: [
        ['2024-02-26', '2024-02-28'],
        ['2024-03-01', '2024-03-02'],
      ],
    });
    expect(splitWeeks('2026-01-29', '2026-01-31')).toEqual({ weeks: ['2026-01-29', '2026-01-29'], days: [] });
    expect(splitWeeks('2026-10-03', '2026-10-05')).toEqual({
      weeks: null,
      days: [['2026-10-03', '2026-10-05']],
    });
    expect(splitWeeks('2026-10-06', '2026-10-09')).toEqual({
      weeks: null,
      days: [['2026-10-06', '2026-10-09']],
    });
    expect(splitWeeks('2026-10-02', '2026-10-01')).toEqual({ weeks: null, days: [] });
  });
});
