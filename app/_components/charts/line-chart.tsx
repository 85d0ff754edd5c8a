'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';
import { renderScopeMarks, type ScopeMark } from './scope-marks';

/** Lines over time (x = as-of date); each series may use the left or right axis; optional scope marks. */
export function SimpleLineChart<Row extends Record<string, unknown>>({
  data,
  x,
  series,
  marks,
}: {
  data: Row[];
  x: string;
  series: Array<{ key: string; label: string; axis?: 'left' | 'right' }>;
  marks?: readonly ScopeMark[];
}) {
  const hasRight = series.some((s) => s.axis === 'right');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis dataKey={x} minTickGap={24} />
        <YAxis yAxisId="left" allowDecimals={false} />
        {hasRight && <YAxis yAxisId="right" orientation="right" allowDecimals={false} />}
        <Tooltip />
        <Legend {...LEGEND_BELOW} />
        {renderScopeMarks(marks, 'left')}
        {series.map((s, i) => (
          <Line
            key={s.key}
            yAxisId={s.axis ?? 'left'}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={2}
            strokeDasharray={i % 2 === 1 ? '6 3' : undefined}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
