/** How a metric is written: whole numbers, decimals or a share shown in %. */
export type MetricFormat = 'int' | 'decimal' | 'percent';

/** A metric value for display ('—' when undefined or hidden). */
export function formatMetric(v: number | null | undefined, format: MetricFormat): string {
  if (v === null || v === undefined) return '—';
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'decimal') return v.toLocaleString('en', { maximumFractionDigits: 2 });
  return v.toLocaleString('en', { maximumFractionDigits: 1 });
}

/** A signed change: percentage points for shares, plain units otherwise. */
export function formatDelta(v: number | null | undefined, format: MetricFormat): string {
  if (v === null || v === undefined) return 'n/a';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const abs = Math.abs(v);
  if (format === 'percent') return `${sign}${(abs * 100).toFixed(1)} pts`;
  return `${sign}${abs.toLocaleString('en', { maximumFractionDigits: 2 })}`;
}

/** A signed percentage (already in %). */
export function formatPct(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'n/a';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${Math.abs(v).toLocaleString('en', { maximumFractionDigits: 1 })}%`;
}

/** Axis tick text for a metric. */
export function formatTick(v: number, format: MetricFormat): string {
  if (format === 'percent') return `${Math.round(v * 1000) / 10}%`;
  return v.toLocaleString('en', { maximumFractionDigits: format === 'decimal' ? 2 : 1 });
}
