'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';

export interface PyramidSeries {
  key: string;
  label: string;
}

/**
 * Horizontal stacked bars, one per layer, top layer first (data via props only). The legend sizes
 * itself, so on a phone it wraps onto two lines instead of covering the bars.
 */
export function PyramidChart<Row extends Record<string, unknown>>({
  data,
  y,
  series,
  xLabel,
}: {
  data: Row[];
  y: string;
  series: PyramidSeries[];
  xLabel?: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis
          type="number"
          allowDecimals={false}
          label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -12 } : undefined}
        />
        <YAxis type="category" dataKey={y} width={64} reversed interval={0} />
        <Tooltip
          itemStyle={{ color: 'var(--c-text)' }}
          itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
        />
        <Legend
          {...LEGEND_BELOW}
          formatter={(value) => <span style={{ color: 'var(--c-text)' }}>{value}</span>}
        />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={seriesColor(i)}
            stackId="a"
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
