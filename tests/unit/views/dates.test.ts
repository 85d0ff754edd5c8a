import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMonth } from '@/lib/dates';

describe('date formatting (one formatter, the reader locale)', () => {
  it('writes a calendar date in the locale, never shifted by the time zone', () => {
    expect(formatDay('2026-10-31', 'en-US')).toBe('Oct 31, 2026');
    expect(formatDay('2026-10-31', 'en-GB')).toBe('31 Oct 2026');
    expect(formatDay('2024-01-01', 'de-DE')).toBe('01.01.2024');
  });

  it('writes an instant with the same date style plus the time', () => {
    expect(formatDateTime('2024-06-30T09:15:00Z', 'en-GB', 'UTC')).toBe('30 Jun 2024, 09:15');
    expect(formatDateTime('2024-06-30T09:15:00Z', 'en-US', 'UTC')).toMatch(/^Jun 30, 2024, 9:15\s?AM$/);
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDay('Q3 export', 'en-GB')).toBe('Q3 export');
  });

  it('writes a month in the locale', () => {
    expect(formatMonth('2026-06', 'en-US')).toBe('June 2026');
    expect(formatMonth('2026-06', 'de-DE')).toBe('Juni 2026');
    expect(formatMonth('custom', 'en-US')).toBe('custom');
  });
});
