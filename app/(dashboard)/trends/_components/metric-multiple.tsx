'use client';

import { formatDay } from '@/lib/dates';
import type { SeriesChange } from '@/lib/metrics/series-changes';
import type { TrendMetricDef } from '@/lib/dal/dashboards/trends';
import type { UnitTarget } from '@/lib/views/unit-target';
import { ChartCard, type Column } from '@/app/_components/charts/chart-card';
import { formatDelta, formatMetric, formatPct } from '@/app/_components/charts/metric-format';
import { TrendLineChart } from '@/app/_components/charts/trend-line';
import { targetMark } from '@/app/_components/ui/target-note';
import type { ScopeMark } from '@/app/_components/charts/scope-marks';
import styles from './trends.module.css';

/** The row of the latest snapshot in the series. */
export function latestOf(rows: SeriesChange[]): SeriesChange | undefined {
  return rows[rows.length - 1];
}

/** One small multiple: the metric over time with its target, and its change since previous and peak. */
export function MetricMultiple({
  metric,
  rows,
  target,
  asOf,
  colorIndex,
  marks,
}: {
  metric: TrendMetricDef;
  rows: SeriesChange[];
  target: UnitTarget | null;
  asOf: string;
  colorIndex: number;
  marks?: readonly ScopeMark[];
}) {
  const last = latestOf(rows);
  const mark = targetMark(metric.target, target);
  const f = metric.format;
  const columns: Column<SeriesChange>[] = [
    { key: 'asOf', label: 'As of', value: (r) => r.asOf },
    { key: 'value', label: metric.label, value: (r) => r.value, numeric: true },
    { key: 'changeVsPrevious', label: 'Change vs previous', value: (r) => r.changeVsPrevious, numeric: true },
    { key: 'peak', label: 'Peak of earlier snapshots', value: (r) => r.peak, numeric: true },
    { key: 'peakAsOf', label: 'Peak as of', value: (r) => r.peakAsOf },
    { key: 'changeVsPeak', label: 'Change vs peak', value: (r) => r.changeVsPeak, numeric: true },
    { key: 'changeVsPeakPct', label: 'Change vs peak (%)', value: (r) => r.changeVsPeakPct, numeric: true },
  ];
  if (mark && target) {
    if (metric.target === 'span') {
      columns.push({ key: 'spanMin', label: 'Target min', value: () => target.spanMin, numeric: true });
      columns.push({ key: 'spanMax', label: 'Target max', value: () => target.spanMax, numeric: true });
    } else {
      columns.push({
        key: 'maxLayers',
        label: 'Target max layers',
        value: () => target.maxLayers,
        numeric: true,
      });
    }
  }
  return (
    <ChartCard
      title={metric.label}
      definition={metric.definition}
      rows={rows}
      columns={columns}
      filename={`trend-${metric.key}-${asOf}`}
    >
      <div className={styles.multiple} data-testid={`multiple-${metric.key}`}>
        <p className={styles.summary}>
          <strong data-testid={`now-${metric.key}`}>{formatMetric(last?.value, f)}</strong> now · vs previous{' '}
          <span data-testid={`prev-${metric.key}`}>{formatDelta(last?.changeVsPrevious, f)}</span> · vs peak
          {last?.peak !== null && last?.peak !== undefined
            ? ` (${formatMetric(last.peak, f)}, ${formatDay(last.peakAsOf ?? '')})`
            : ''}{' '}
          <span data-testid={`peak-${metric.key}`}>
            {formatDelta(last?.changeVsPeak, f)}
            {last?.changeVsPeakPct !== null && last?.changeVsPeakPct !== undefined && f !== 'percent'
              ? ` (${formatPct(last.changeVsPeakPct)})`
              : ''}
          </span>
        </p>
        {marks && marks.length > 0 && (
          <p className={styles.scope} data-testid={`scope-${metric.key}`}>
            {marks

              .map(
                (m) =>
                  `${formatDay(m.asOf)}: ${m.kind === 'scope' ? 'possible change of scope' : 'not comparable'}`,
              )
              .join(' · ')}
          </p>
        )}
        <div className={styles.plot}>
          <TrendLineChart
            data={rows.map((r) => ({ asOf: r.asOf, value: r.value }))}
            label={metric.label}
            format={f}
            target={mark}
            colorIndex={colorIndex}
            marks={marks}
          />
        </div>
      </div>
    </ChartCard>
  );
}
