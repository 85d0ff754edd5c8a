/** How a chart or table shows a number. */
export type ValueFormat = 'int' | 'percent' | 'decimal' | 'usd';

/** Formats a value for display; `short` drops decimals for axis ticks. null = an em dash. */
export function formatValue(v: number | null | undefined, format: ValueFormat, short = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  switch (format) {
    case 'percent':
      return `${(v * 100).toFixed(short ? 0 : 1)}%`;
    case 'usd':
      // Axis ticks of small amounts keep their cents, so $0.50 and $1 never both read "$1".
      return `$${v.toLocaleString('en', {
        minimumFractionDigits: short ? 0 : 2,
        maximumFractionDigits: short && Math.abs(v) >= 10 ? 0 : 2,
      })}`;
    case 'int':
      return v.toLocaleString('en', { maximumFractionDigits: short ? 0 : 1 });
    default:
      return v.toLocaleString('en', { maximumFractionDigits: short ? 1 : 2 });
  }
}
