/** The Compare page's department chart on a large organisation (pure; the client imports it). */

/** How many departments the Compare chart draws before "Show all" (a real organogram has about 100). */
export const CHARTED_DEPARTMENTS = 20;

/**
 * The departments the chart draws first: the `n` whose headcount changed most (then the larger, then
 * by name), kept in the rows' own order so the chart reads as the table does.
 */
export function mostChanged<T extends { department: string; from: number; to: number }>(
  rows: readonly T[],
  n = CHARTED_DEPARTMENTS,
): T[] {
  if (rows.length <= n) return [...rows];
  const rank = [...rows].sort(
    (a, b) =>
      Math.abs(b.to - b.from) - Math.abs(a.to - a.from) ||
      Math.max(b.from, b.to) - Math.max(a.from, a.to) ||
      a.department.localeCompare(b.department),
  );
  const keep = new Set(rank.slice(0, n));
  return rows.filter((r) => keep.has(r));
}
