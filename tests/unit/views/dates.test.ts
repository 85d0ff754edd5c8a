import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatDaysIn,
  formatMonth,
  formatPeriod,
  snapshotText,
} from '@/lib/dates';
import { monthWindow, windowLabel } from '@/lib/views/ai-window';

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
    expect(formatMonth('2026-06', 'en-US', true)).toBe('Jun 2026');
  });

  it('rewrites the ISO dates inside a sentence, not those of file names', () => {
    expect(formatDaysIn('down 9.1% from their peak of 11 (2026-05-31): 10 now.', 'en-US')).toBe(
      'down 9.1% from their peak of 11 (May 31, 2026): 10 now.',
    );
    expect(formatDaysIn('moved at 2024-01-31, 2024-02-29.', 'en-GB')).toBe(
      'moved at 31 Jan 2024, 29 Feb 2024.',
    );
    expect(formatDaysIn('from org-2026-01-31.csv', 'en-US')).toBe('from org-2026-01-31.csv');
  });

  it('writes an AI period in the locale on screen, and ISO in a file (issue #16)', () => {
    expect(formatPeriod(monthWindow('2026-06'), 'de-DE')).toBe('Juni 2026');
    expect(formatPeriod(monthWindow('2026-06'), 'fr-FR')).toBe('juin 2026');
    expect(formatPeriod({ from: '2026-06-01', to: '2026-06-15', month: null }, 'en-US')).toBe(
      'Jun 1, 2026 to Jun 15, 2026',
    );
    // the server's label is no British month name: a file keeps ISO
    expect(windowLabel(monthWindow('2026-06'))).toBe('2026-06');
    expect(windowLabel({ from: '2026-06-01', to: '2026-06-15', month: null })).toBe(
      '2026-06-01 to 2026-06-15',
    );
  });

  it('names a snapshot option by its date once, its label only when it says more (issue #16)', () => {
    // the Reports and Scenarios pickers read "Sep 30, 2026 (2026-09-30)" before
    expect(snapshotText({ asOf: '2026-09-30', label: '2026-09-30' }, 'en-US')).toBe('Sep 30, 2026');
    expect(snapshotText({ asOf: '2026-10-31', label: null }, 'en-GB')).toBe('31 Oct 2026');
    expect(snapshotText({ asOf: '2026-09-30', label: 'Q3 close' }, 'en-US')).toBe('Sep 30, 2026 (Q3 close)');
  });
});
