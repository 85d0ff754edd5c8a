/** Dates as whole days since 1970-01-01 (UTC), with a cache of ISO strings for fast CSV writing. */
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD); throws on anything else. */
export function parseIsoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new Error(`Invalid date "${iso}", expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new Error(`Invalid date "${iso}"`);
  return Math.round(ms / MS_PER_DAY);
}

/** Day number of the last day of the month (year, month0) where month0 may run outside 0..11. */
export function monthEndDay(year: number, month0: number): number {
  return Math.round(Date.UTC(year, month0 + 1, 0) / MS_PER_DAY);
}

/** Day number of the first day of the month. */
export function monthStartDay(year: number, month0: number): number {
  return Math.round(Date.UTC(year, month0, 1) / MS_PER_DAY);
}

/** Year and 0-based month of a day number. */
export function yearMonthOf(day: number): { year: number; month0: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth() };
}

const isoCache = new Map<number, string>();

/** ISO string (YYYY-MM-DD) of a day number, cached. */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** Whole months between two day numbers (30.44-day months). */
export function monthsBetween(fromDay: number, toDay: number): number {
  return (toDay - fromDay) / 30.44;
}
