/** Okabe-Ito colour-blind-safe series colours (kept in step with the CSS variables in globals.css). */
export const SERIES = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;

/** Colour of the nth series. */
export function seriesColor(n: number): string {
  return SERIES[n % SERIES.length] ?? '#0072b2';
}
