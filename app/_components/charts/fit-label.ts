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

/**
 * Names alike at both ends ("Strategic Centre for Organised Crime", "... on Organised Crime"):
 * the first word, then from the word where this name first differs from the others, cut to fit
 * ("Strategic…for Organis…", "Strategic…on Organise…"); null when even that does not fit.
 */
function windowed(
  full: string,
  alike: readonly string[],
  maxWidth: number,
  measure: (text: string) => number,
): string | null {
  let d = 0;
  for (const l of alike) {
    let k = 0;
    while (k < full.length && k < l.length && full[k] === l[k]) k++;
    d = Math.max(d, k);
  }
  const from = full.lastIndexOf(' ', d) + 1;
  const firstWord = full.indexOf(' ');
  const head = full.slice(0, firstWord > 0 ? Math.min(firstWord, from) : from).trimEnd();
  if (!head || from <= 0) return null;
  const rest = full.slice(from);
  const form = (n: number) => `${head}…${rest.slice(0, n).trimEnd()}${n < rest.length ? '…' : ''}`;
  if (measure(form(2)) > maxWidth) return null;
  let lo = 2;
  let hi = rest.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(form(mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return form(lo);
}

/**
 * Like fitLabel, but a name cut to the same start as another label of the chart keeps its end
 * too ("Immigration…South" beside "Immigration…North"): about 100 organogram departments such as
 * "Immigration Enforcement North" and "Immigration Enforcement South" both read
 * "Immigration Enforc…" when only their start was kept. The end kept is the shortest one no
 * other such label ends with, widened to the start of its word when that still fits.
 */
export function fitLabelAmong(
  full: string,
  labels: readonly string[],
  maxWidth: number,
  measure: (text: string) => number,
): string {
  const start = fitLabel(full, maxWidth, measure);
  if (start === full) return start;
  const prefix = start.slice(0, -1);
  const alike = labels.filter((l) => l !== full && l.startsWith(prefix));
  if (alike.length === 0) return start;
  // the shortest end of `full` that none of the alike labels ends with
  let t = 1;
  while (t < full.length && alike.some((l) => l.endsWith(full.slice(-t)))) t++;
  let tail = full.slice(-t);
  const word = full.lastIndexOf(' ', full.length - t);
  if (word >= 0 && measure(`${full[0]}…${full.slice(word + 1)}`) <= maxWidth) tail = full.slice(word + 1);
  if (measure(`${full[0]}…${tail}`) > maxWidth) return windowed(full, alike, maxWidth, measure) ?? start;
  let lo = 1;
  let hi = full.length - tail.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${full.slice(0, mid).trimEnd()}…${tail}`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${full.slice(0, lo).trimEnd()}…${tail}`;
}

/**
 * Pixels a category axis needs for its longest name (about 7 px a character at the tick size, plus
 * the tick and a gap), between `min` and `max`; a longer name is then cut by fitLabel. A fixed width
 * cut short names too: the users/non-users bars read "on-users" at 70 px.
 */
export function categoryAxisWidth(labels: readonly string[], min = 56, max = 200): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.min(max, Math.max(min, longest * 7 + 16));
}
