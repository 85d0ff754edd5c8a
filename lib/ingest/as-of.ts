/**
 * As-of date of a snapshot: the as_of column, else the upload-form value, else a date in the file
 * name, else the error "as-of date needed" (SPEC.md "Inputs").
 *
 * File-name dates: 2012-09-30 / 2012_09_30, 20120930, month names ('Nov2011', 'Sep-12': month end),
 * and six digits as published by UK departments: '130930' (YYMMDD) and '011013', '310311' (DDMMYY).
 * Six digits are read both ways; readings in the future or before 1990 are dropped, then a reading
 * on a month boundary (first or last day) wins; when both or neither qualify the date is ambiguous.
 */
import { isoDate, monthEnd, monthNumber, fullYear } from './dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for YYYY-MM-DD text that is a real date. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return isoDate(y ?? 0, m ?? 0, d ?? 0) === value;
}

function isMonthBoundary(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  return d === 1 || monthEnd(y ?? 0, m ?? 0) === iso;
}

/** The date a file name carries, 'ambiguous' when six digits read two plausible ways, or null. */
export function dateFromFileName(fileName: string, today = new Date()): string | 'ambiguous' | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  let m = /(?:^|\D)(\d{4})[-_.](\d{2})[-_.](\d{2})(?:\D|$)/.exec(base);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|\D)((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)/.exec(base);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return iso;
  }
  m = /(?:^|\D)(\d{2})(\d{2})(\d{2})(?:\D|$)/.exec(base);
  if (m) {
    const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const todayIso = today.toISOString().slice(0, 10);
    const readings = [
      isoDate(fullYear(a), Number(b), Number(c)),
      isoDate(fullYear(c), Number(b), Number(a)),
    ].filter((d): d is string => d !== null && d >= '1990-01-01' && d <= todayIso);
    const unique = [...new Set(readings)];
    if (unique.length === 1) return unique[0] ?? null;
    if (unique.length === 2) {
      const onBoundary = unique.filter(isMonthBoundary);
      return onBoundary.length === 1 ? (onBoundary[0] ?? null) : 'ambiguous';
    }
  }
  m = /(?:^|[^A-Za-z])([A-Za-z]{3,9})[-_ ]?((?:19|20)\d{2}|\d{2})(?:\D|$)/.exec(base);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    if (month) return monthEnd(fullYear(m[2] ?? ''), month);
  }
  return null;
}

/** Where a snapshot's as-of date came from. */
export type AsOfSource = 'column' | 'form' | 'file-name';

/** Resolve the as-of date of a file that has no as_of column; explains why when it cannot. */
export function resolveFileAsOf(
  fileName: string,
  formAsOf: string | undefined,
): { ok: true; asOf: string; source: AsOfSource } | { ok: false; code: string; message: string } {
  if (formAsOf !== undefined) {
    if (isIsoDate(formAsOf)) return { ok: true, asOf: formAsOf, source: 'form' };
    return {
      ok: false,
      code: 'bad-as-of',
      message: `the as-of date "${formAsOf}" is not a YYYY-MM-DD date.`,
    };
  }
  const fromName = dateFromFileName(fileName);
  if (fromName === 'ambiguous') {
    return {
      ok: false,
      code: 'as-of-needed',
      message: 'as-of date needed: the date in the file name can be read two ways; give --as-of YYYY-MM-DD.',
    };
  }
  if (fromName) return { ok: true, asOf: fromName, source: 'file-name' };
  return {
    ok: false,
    code: 'as-of-needed',
    message:
      'as-of date needed: the file has no as-of column and no date in its name; give --as-of YYYY-MM-DD.',
  };
}
