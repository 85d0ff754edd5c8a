'use client';

import type { MetricFormat } from './metric-format';
import type { ScopeMark } from './scope-marks';
import { TrendLineChart } from './trend-line';

/**
 * Several metrics over the same snapshots, one small chart each (own y axis from zero, shared time
 * axis), instead of one chart with a second y axis: each line is read against its own scale.
 */
export function SmallMultiples<Row extends { asOf: string }>({
  rows,
  series,
  marks,
}: {
  rows: readonly Row[];
  series: Array<{ key: keyof Row & string; label: string; format?: MetricFormat }>;
  marks?: readonly ScopeMark[];
}) {
  return (
    <div className="small-multiples" data-testid="small-multiples">
      {series.map((s, i) => (
        <figure key={s.key} className="small-multiple" data-testid={`small-multiple-${s.key}`}>
          <figcaption>{s.label}</figcaption>
          <div className="small-multiple-plot">
            <TrendLineChart
              data={rows.map((r) => {
                const v = r[s.key];
                return { asOf: r.asOf, value: typeof v === 'number' ? v : null };
              })}
              label={s.label}
              format={s.format ?? 'int'}
              colorIndex={i}
              marks={marks}
            />
          </div>
        </figure>
      ))}
    </div>
  );
}
