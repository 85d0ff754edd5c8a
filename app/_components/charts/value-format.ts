import { formatAmount } from '@/lib/cost-format';

/** How a chart or table shows a number. */
export type ValueFormat = 'int' | 'percent' | 'decimal' | 'usd';

/** Formats a value for display; `short` drops decimals for axis ticks. null = an em dash. */
export function formatValue(v: number | null | undefined, format: ValueFormat, short = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  switch (format) {
    case 'percent':
      return `${(v * 100).toFixed(short ? 0 : 1)}%`;
    case 'usd':
      // One money format on screen (lib/cost-format.ts): whole dollars from 100, cents below.
      return formatAmount(v, 'USD', { compact: short });
    case 'int':
      return v.toLocaleString('en', { maximumFractionDigits: short ? 0 : 1 });
    default:
      return v.toLocaleString('en', { maximumFractionDigits: short ? 1 : 2 });
  }
}

/** Round axis ticks from 0 to just above `max` (steps of 1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / (count - 1);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-12; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}
