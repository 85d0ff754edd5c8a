/** Date arithmetic on ISO dates (YYYY-MM-DD), in UTC so time zones never shift a day. */

const DAY_MS = 86_400_000;
/** Average Gregorian month, so 12 months is exactly one average year. */
const MONTH_DAYS = 365.2425 / 12;

// Real data repeats a few thousand distinct dates across a million rows; parse each once.
const parsed = new Map<string, number>();

function parseDay(iso: string): number {
  let ms = parsed.get(iso);
  if (ms === undefined) {
    ms = Date.parse(`${iso}T00:00:00Z`);
    if (parsed.size < 100_000) parsed.set(iso, ms);
  }
  return ms;
}

/** Months between two ISO dates (positive when `to` is later), or null if either does not parse. */
export function monthsBetween(from: string, to: string): number | null {
  const a = parseDay(from);
  const b = parseDay(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return (b - a) / DAY_MS / MONTH_DAYS;
}
