'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';
import { formatValue, niceTicks, type ValueFormat } from './value-format';
import { formatMonth } from '@/lib/dates';

/** A month on the axis as the reader's locale writes it ("Jun 2026"), not "2026-06". */
const monthTick = (v: unknown): string => formatMonth(String(v), undefined, true);

/** Monthly lines of one kind of figure (rates, PRs per week, dollars), gaps where a month has no value. */
export function AiLineChart<Row extends Record<string, unknown>>({
  data,
  x,
  series,
  format,
}: {
  data: Row[];
  x: string;
  series: Array<{ key: string; label: string }>;
  format: ValueFormat;
}) {
  let max = 0;
  for (const row of data)
    for (const s of series) {
      const v = row[s.key];
      if (typeof v === 'number' && v > max) max = v;
    }
  const ticks = niceTicks(max);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 32, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis dataKey={x} minTickGap={24} tickFormatter={monthTick} />
        <YAxis
          width={56}
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          tickFormatter={(v: number) => formatValue(v, format, true)}
        />
        <Tooltip
          labelFormatter={monthTick}
          formatter={(v) => formatValue(typeof v === 'number' ? v : null, format)}
        />
        {series.length > 1 && <Legend {...LEGEND_BELOW} />}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={2}
            strokeDasharray={i % 2 === 1 ? '6 3' : undefined}
            dot
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
