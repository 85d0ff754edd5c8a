'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor } from '@/lib/palette';
import { formatMetric, formatTick, type MetricFormat } from './metric-format';
import { renderTargetMark, type TargetMark } from './target-marks';
import { renderScopeMarks, type ScopeMark } from './scope-marks';

/**
 * One metric over the snapshot series (a small multiple), with an optional target band or limit.
 * Hidden (null) points leave a gap rather than being joined over. Snapshots that may be a change
 * of scope, or are marked not comparable, get a labelled dashed line.
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
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis dataKey="asOf" minTickGap={28} tick={{ fontSize: 12 }} />
        <YAxis
          width={52}
          tick={{ fontSize: 12 }}
          allowDecimals={format !== 'int'}
          domain={['auto', 'auto']}
          padding={{ top: 14, bottom: 14 }}
          tickFormatter={(v: number) => formatTick(v, format)}
        />
        <Tooltip formatter={(v) => [formatMetric(typeof v === 'number' ? v : null, format), label]} />
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
