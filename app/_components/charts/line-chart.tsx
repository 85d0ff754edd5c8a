'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';
import { renderScopeMarks, type ScopeMark } from './scope-marks';
import { dateTick, renderTimeAxis, withTime } from './time-axis';

/**
 * Lines in one unit over time (x = as-of date on a time axis, straight segments, y from zero);
 * optional scope marks. Series in different units belong in SmallMultiples, not a second axis.
 */
export function SimpleLineChart<Row extends { asOf: string }>({
  data,
  series,
  marks,
}: {
  data: Row[];
  series: Array<{ key: string; label: string }>;
  marks?: readonly ScopeMark[];
}) {
  const rows = withTime(data);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 36, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        {renderTimeAxis(rows)}
        <YAxis allowDecimals={false} domain={[(min: number) => Math.min(0, min), 'auto']} />
        <Tooltip labelFormatter={(t) => dateTick(Number(t))} />
        <Legend {...LEGEND_BELOW} />
        {renderScopeMarks(marks)}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={2}
            strokeDasharray={i % 2 === 1 ? '6 3' : undefined}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
