/**
 * The longest form of `full` that fits in `maxWidth` pixels as measured by `measure`: the whole
 * name when it fits, else its start with an ellipsis (at least one character and the ellipsis).
 * Axis labels are cut by their drawn width, not a character count: "Economic Developm…" is wider
 * than "Policy & Internat…" and ran off the chart's edge at the same count.
 */
export function fitLabel(full: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(full) <= maxWidth) return full;
  // Binary search for the longest prefix whose "prefix…" fits.
  let lo = 1;
  let hi = full.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${full.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${full.slice(0, lo).trimEnd()}…`;
}

/** A measure of text drawn in `el`'s font (a canvas context: no layout, works before paint). */
export function textMeasure(el: Element): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (t) => t.length * 7;
  const style = getComputedStyle(el);
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return (t) => ctx.measureText(t).width;
}
