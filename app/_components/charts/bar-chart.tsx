'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { categoryAxisWidth } from './fit-label';
import { LEGEND_BELOW } from './legend';
import { formatDaysIn } from '@/lib/dates';

/** A category label; a snapshot date reads as every date on screen (lib/dates.ts). */
const categoryTick = (v: unknown): string => formatDaysIn(String(v));
import { seriesColor } from '@/lib/palette';

export interface BarSeries {
  key: string;
  label: string;
}

/** Vertical (or horizontal) bars, stacked when `stacked`; data via props only. */
export function SimpleBarChart<Row extends Record<string, unknown>>({
  data,
  x,
  series,
  stacked = false,
  layout = 'horizontal',
  xLabel,
  yLabel,
  valueFormat,
  everyTick = false,
  children,
}: {
  data: Row[];
  x: string;
  series: BarSeries[];
  stacked?: boolean;
  layout?: 'horizontal' | 'vertical';
  xLabel?: string;
  yLabel?: string;
  /** formats values on the value axis and in the tooltip (e.g. compact amounts: 2.5M) */
  valueFormat?: (v: number) => string;
  /** label every category (few, short categories that must all be named) */
  everyTick?: boolean;
  children?: React.ReactNode;
}) {
  const vertical = layout === 'vertical';
  const categoryWidth = vertical ? categoryAxisWidth(data.map((r) => categoryTick(r[x]))) : 0;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        {vertical ? (
          <>
            <XAxis
              type="number"
              allowDecimals={false}
              tickFormatter={valueFormat}
              label={yLabel ? { value: yLabel, position: 'insideBottom', offset: -12 } : undefined}
            />
            <YAxis
              type="category"
              dataKey={x}
              tickFormatter={categoryTick}
              width={categoryWidth}
              reversed
              label={xLabel ? { value: xLabel, angle: -90, position: 'insideLeft' } : undefined}
            />
          </>
        ) : (
          <>
            <XAxis
              dataKey={x}
              tickFormatter={categoryTick}
              interval={everyTick ? 0 : undefined}
              label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -12 } : undefined}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={valueFormat}
              label={yLabel ? { value: yLabel, angle: -90, position: 'insideLeft' } : undefined}
            />
          </>
        )}
        <Tooltip
          labelFormatter={categoryTick}
          formatter={valueFormat ? (v) => (typeof v === 'number' ? valueFormat(v) : String(v)) : undefined}
        />
        {series.length > 1 && <Legend {...LEGEND_BELOW} />}
        {children}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={seriesColor(i)}
            stackId={stacked ? 'a' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
