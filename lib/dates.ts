/**
 * How dates read on screen: one formatter for the whole app, in the reader's locale (the browser's
 * when `locale` is omitted on the client). Files, CSV and the API keep ISO dates (YYYY-MM-DD).
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date such as a snapshot's as-of ("2024-06-30") in the locale: "Jun 30, 2024", "30 Jun 2024". */
export function formatDay(isoDay: string, locale?: string): string {
  if (!ISO_DAY.test(isoDay)) return isoDay;
  const d = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDay;
  // A calendar date has no time zone: format it in UTC so it never shifts by a day.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An instant (an upload, a sign-in) in the locale and the reader's time zone: "Jun 30, 2024, 9:15 AM". */
export function formatDateTime(iso: string | Date, locale?: string, timeZone?: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** A month ("2026-06") in the locale: "June 2026", "juin 2026"; short: "Jun 2026" (chart ticks). */
export function formatMonth(isoMonth: string, locale?: string, short = false): string {
  if (!/^\d{4}-\d{2}$/.test(isoMonth)) return isoMonth;
  const d = new Date(`${isoMonth}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoMonth;
  return new Intl.DateTimeFormat(locale, {
    month: short ? 'short' : 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** A period of AI figures: one calendar month ("June 2026") or a range of days, in the locale. */
export function formatPeriod(w: { from: string; to: string; month: string | null }, locale?: string): string {
  return w.month
    ? formatMonth(w.month, locale)
    : `${formatDay(w.from, locale)} to ${formatDay(w.to, locale)}`;
}

/**
 * A snapshot as a picker option reads: its as-of in the locale, and its label only when it says
 * something else ("Sep 30, 2026", not "Sep 30, 2026 (2026-09-30)").
 */
export function snapshotText(s: { asOf: string; label: string | null }, locale?: string): string {
  return `${formatDay(s.asOf, locale)}${s.label && s.label !== s.asOf ? ` (${s.label})` : ''}`;
}

/** ISO calendar dates inside a sentence (not inside a file name such as org-2026-01-31.csv). */
const ISO_DAY_IN_TEXT = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\w)/g;

/** A sentence written with ISO dates (a finding, a note) with each date as formatDay writes it. */
export function formatDaysIn(text: string, locale?: string): string {
  return text.replace(ISO_DAY_IN_TEXT, (d) => formatDay(d, locale));
}
