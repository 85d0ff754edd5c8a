/**
 * Date cells -> ISO YYYY-MM-DD. Accepts ISO dates and timestamps (the date part as written, no
 * time-zone shifting), d/m/y or m/d/y (the order is decided per column from unambiguous values,
 * day-first when nothing tells), '16-Jul-2003', 'Jul 16, 2003', YYYYMMDD and Excel serial numbers.
 */

export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Month number for an English month name or abbreviation, else null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase()] ?? null;
}

/** ISO text for a real calendar date, else null (rejects 31 June, 29 Feb 2013 ...). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of a month as ISO text. */
export function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, last) ?? '';
}

/** Two-digit years: 00-69 -> 2000s, 70-99 -> 1900s. */
export function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T].*)?$/;

/** 'dmy' or 'mdy' when a d/m/y-style value can only be read one way, else null. */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const m = NUMERIC_DMY.exec(raw.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return null;
}

/** Parse one non-empty date cell; null when it is not a date this reader understands. */
export function parseDate(raw: string, order: DateOrder = 'dmy'): string | null {
  const t = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3] ?? '')];
    return order === 'dmy' ? isoDate(y, b, a) : isoDate(y, a, b);
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? isoDate(fullYear(m[3] ?? ''), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m = /^(\d{5})(?:\.\d+)?$/.exec(t);
  if (m) {
    // Excel serial day numbers (1900 date system, epoch 1899-12-30), 1954..2119 only.
    const serial = Number(m[1]);
    if (serial < 20000 || serial > 80000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/**
 * Snapshot labels (an as_of cell, an IfG 'Back to Index' label): a full date as above, or a month
 * ('Sep-12', 'Sep 2012', 'September 2012', '2012-09'), which means the last day of that month.
 */
export function parseSnapshotLabel(raw: string): string | null {
  const t = raw.trim();
  let m = /^([A-Za-z]{3,9})[ -]?'?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? monthEnd(fullYear(m[2] ?? ''), month) : null;
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthEnd(Number(m[1]), month) : null;
  }
  return parseDate(t, 'dmy');
}
