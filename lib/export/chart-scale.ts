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
