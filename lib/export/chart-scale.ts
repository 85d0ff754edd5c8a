/** Axis scales for the vector charts: "nice" round ticks that cover the data. */

export interface LinearScale {
  min: number;
  max: number;
  ticks: number[];
}

function niceStep(raw: number): number {
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const f = raw / base;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * base;
}

/**
 * Ticks from 0 (or the data minimum when it is negative) to a round maximum, about `count`
 * ticks. Integer data never gets fractional ticks.
 */
export function computeLinearScale(values: readonly number[], count = 5, integer = true): LinearScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (hi === lo) return { min: lo, max: lo + 1, ticks: [lo, lo + 1] };
  let step = niceStep((hi - lo) / Math.max(1, count));
  if (integer && step < 1) step = 1;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { min, max, ticks };
}

/** Which category labels to print so they do not overlap: every k-th, always the last. */
export function pickLabelIndices(count: number, available: number, labelWidth: number): number[] {
  if (count <= 0) return [];
  const fit = Math.max(1, Math.floor(available / Math.max(1, labelWidth)));
  const every = Math.max(1, Math.ceil(count / fit));
  const out: number[] = [];
  for (let i = 0; i < count; i += every) out.push(i);
  const last = count - 1;
  if (out[out.length - 1] !== last) {
    if (out.length > 1 && last - (out[out.length - 1] ?? 0) < every) out.pop();
    out.push(last);
  }
  return out;
}

/**
 * Where each category of a line chart sits along the x axis, as a fraction 0..1: by date when
 * every category is an ISO day (YYYY-MM-DD) in increasing order, so a 12-month gap is twice a
 * 6-month one (issue #16: snapshots drawn evenly whatever the gap read as a steady pace); evenly
 * otherwise (months, labels).
 */
export function categoryPositions(categories: readonly string[]): number[] {
  const n = categories.length;
  const even = categories.map((_, i) => (n <= 1 ? 0.5 : i / (n - 1)));
  if (n < 2 || !categories.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))) return even;
  const t = categories.map((c) => Date.parse(`${c}T00:00:00Z`));
  const first = t[0] ?? 0;
  const span = (t[n - 1] ?? 0) - first;
  if (!(span > 0) || t.some((v, i) => Number.isNaN(v) || (i > 0 && v <= (t[i - 1] ?? 0)))) return even;
  return t.map((v) => (v - first) / span);
}

/**
 * Which labels to draw at these x positions (px) so that none overlaps the next (each `labelWidth`
 * wide, centred): greedily from the first, the last always kept (the one before it dropped when
 * the two would touch). For uneven positions, where pickLabelIndices' equal steps do not hold.
 */
export function pickLabelsAt(xs: readonly number[], labelWidth: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const prev = out[out.length - 1];
    if (prev === undefined || (xs[i] ?? 0) - (xs[prev] ?? 0) >= labelWidth) out.push(i);
  }
  const last = xs.length - 1;
  if (last >= 0 && out[out.length - 1] !== last) {
    while (out.length > 0 && (xs[last] ?? 0) - (xs[out[out.length - 1] ?? 0] ?? 0) < labelWidth) out.pop();
    out.push(last);
  }
  return out;
}
