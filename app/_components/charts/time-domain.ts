/**
 * The x domain of a time axis (milliseconds). Points sit on their dates; bars are centred on them,
 * so with `bars` the domain reaches half the smallest gap between dates beyond the first and last
 * snapshot, and the end bars are drawn whole instead of cut at the plot's edge. One date: a
 * fortnight each side (a month for bars) so the mark is not drawn on the axis line. Pure.
 */
const DAY = 86_400_000;

export function timeDomain(times: readonly number[], bars = false): [number, number] | null {
  if (times.length === 0) return null;
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (min === max) return [min - (bars ? 30 : 14) * DAY, max + (bars ? 30 : 14) * DAY];
  if (!bars) return [min, max];
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  return [min - gap / 2, max + gap / 2];
}
