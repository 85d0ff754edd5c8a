/**
 * Number formatting shared by the PDF pack and the tests that read it back: one function, so a
 * figure printed in the report is the figure the API returned, formatted the same way.
 */
import type { ReportCell, ValueFormat } from './report-model';

const DASH = '\u2014';

/** A value as printed: 1,234 | 6.13 | 12.5% | 14.2 mo | 10,267.2 FTE | text; null as an em dash. */
export function formatValue(v: ReportCell | undefined, format: ValueFormat): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return DASH;
  switch (format) {
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    case 'decimal':
      return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
    case 'months':
      return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
    case 'int':
      return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
    case 'fte':
      return `${v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} FTE`;
    default:
      return String(v);
  }
}

/** A change with its sign (+12, -3, ±0; percentages in points). */
export function formatChange(v: number | null | undefined, format: ValueFormat): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const sign = v > 0 ? '+' : v < 0 ? '-' : '\u00b1';
  const abs = Math.abs(v);
  if (format === 'percent') return `${sign}${(abs * 100).toFixed(1)} pts`;
  return `${sign}${abs.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

/** Short axis tick label (1.2k for thousands). */
export function formatTick(v: number, format: ValueFormat = 'int'): string {
  if (format === 'percent') return `${Math.round(v * 1000) / 10}%`;
  const abs = Math.abs(v);
  if (abs >= 10_000) return `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
