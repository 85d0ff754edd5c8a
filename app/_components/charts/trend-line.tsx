'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { seriesColor } from '@/lib/palette';
import { formatMetric, formatTick, type MetricFormat } from './metric-format';
import { renderTargetMark, type TargetMark } from './target-marks';
import { renderScopeMarks, type ScopeMark } from './scope-marks';
import { dateTick, renderTimeAxis, withTime } from './time-axis';
import { niceTicks } from './value-format';

/**
 * One metric over the snapshot series (a small multiple), with an optional target band or limit.
 * Hidden (null) points leave a gap rather than being joined over. Snapshots that may be a change
 * of scope, or are marked not comparable, get a labelled dashed line. Time axis (snapshots as far
 * apart as their dates), straight segments, and a y axis from zero (or from the lowest value when
 * it is negative) so small moves are not drawn as swings.
 */
export function TrendLineChart({
  data,
  label,
  format,
  target,
  colorIndex = 0,
  marks,
}: {
  data: Array<{ asOf: string; value: number | null }>;
  label: string;
  format: MetricFormat;
  target?: TargetMark | null;
  colorIndex?: number;
  marks?: readonly ScopeMark[];
}) {
  const rows = withTime(data);
  const ticks = yTicks(data, format, target);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 16, right: 36, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        {renderTimeAxis(rows, 4)}
        <YAxis
          width={52}
          tick={{ fontSize: 12 }}
          allowDecimals={format !== 'int'}
          {...(ticks
            ? { ticks, domain: [0, ticks[ticks.length - 1] ?? 1] }
            : { domain: [(min: number) => Math.min(0, min), 'auto'] })}
          padding={{ top: 14, bottom: 0 }}
          tickFormatter={(v: number) => formatTick(v, format)}
        />
        <Tooltip
          labelFormatter={(t) => dateTick(Number(t))}
          formatter={(v) => [formatMetric(typeof v === 'number' ? v : null, format), label]}
        />
        {renderTargetMark(target, 'y')}
        {renderScopeMarks(marks)}
        <Line
          type="linear"
          dataKey="value"
          name={label}
          stroke={seriesColor(colorIndex)}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * Round ticks from zero (0, 40, 80, 120, 160 rather than recharts' 0, 35, 70, 105, 140) up past the
 * largest value and the target; whole steps for counts. None (recharts decides) when a value is
 * negative.
 */
export function yTicks(
  data: ReadonlyArray<{ value: number | null }>,
  format: MetricFormat,
  target?: TargetMark | null,
): number[] | null {
  const values = data.flatMap((d) => (d.value === null ? [] : [d.value]));
  if (values.some((v) => v < 0)) return null;
  const marks =
    target && !target.onCategory
      ? (target.kind === 'band' ? [target.from, target.to] : [target.at]).filter(
          (v): v is number => typeof v === 'number',
        )
      : [];
  const max = Math.max(0, ...values, ...marks);
  const ticks = niceTicks(max);
  return format === 'int' && (ticks[1] ?? 1) < 1 ? niceTicks(4) : ticks;
}
