/**
 * Numeric helpers shared by every metric family, so rounding and percentiles agree everywhere.
 * Rounding rule (SPEC example): ratios and shares to 4 decimals, span statistics to 3 decimals,
 * headcounts and junior-staff FTE to 4 decimals (FTE is fractional; rounding hides float noise).
 */

/** Round half away from zero to a fixed number of decimals. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return r === 0 ? 0 : r; // never emit -0 into JSON
}

/** Divide, or null when the denominator is zero (an undefined ratio must not read as 0). */
export function divideOrNull(numerator: number, denominator: number, decimals = 4): number | null {
  return denominator === 0 ? null : roundTo(numerator / denominator, decimals);
}

/**
 * Percentile of an ascending array by linear interpolation between closest ranks
 * (numpy's default, Excel's PERCENTILE.INC): h = (n - 1) * p, value = a[floor h] + frac * step.
 */
export function computePercentile(sorted: ArrayLike<number>, p: number): number | null {
  return percentileAt(sorted.length, (k) => sorted[k] ?? 0, p);
}

/** The same percentile of n ascending values read through `at` (e.g. from a histogram). */
export function percentileAt(n: number, at: (k: number) => number, p: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = at(lo);
  const b = at(hi);
  return a + (h - lo) * (b - a);
}

/** Median of an unsorted list (copies and sorts), or null when empty. */
export function computeMedian(values: readonly number[]): number | null {
  const sorted = Float64Array.from(values).sort();
  return computePercentile(sorted, 0.5);
}
