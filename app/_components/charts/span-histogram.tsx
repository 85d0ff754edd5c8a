'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { seriesColor } from '@/lib/palette';

export interface HistogramBar {
  /** category label on the x axis ("7", "40+", "2-3") */
  span: string;
  /** bar height */
  value: number;
}

export interface ReferenceBand {
  key: string;
  label: string;
  /** first and last x category covered (inclusive) */
  from: string;
  to: string;
  fill: string;
}

/**
 * Bars per span category (managers per span, or the share in each span band), with optional
 * shaded reference bands behind the bars (data via props only).
 */
export function SpanHistogramChart({
  data,
  bands = [],
  xLabel = 'Direct reports (span)',
  yLabel = 'Managers',
  valueLabel = 'Managers',
  everyTick = false,
}: {
  data: HistogramBar[];
  bands?: ReferenceBand[];
  xLabel?: string;
  yLabel?: string;
  valueLabel?: string;
  /** label every category (few categories) instead of thinning the ticks */
  everyTick?: boolean;
}) {
  const present = new Set(data.map((d) => d.span));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 24, left: 8 }} barCategoryGap={1}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" vertical={false} />
        {bands
          .filter((b) => present.has(b.from) && present.has(b.to))
          .map((b) => (
            <ReferenceArea
              key={b.key}
              x1={b.from}
              x2={b.to}
              fill={b.fill}
              fillOpacity={0.22}
              stroke={b.fill}
              strokeOpacity={0.6}
              ifOverflow="visible"
            />
          ))}
        <XAxis
          dataKey="span"
          interval={everyTick ? 0 : 'preserveStartEnd'}
          minTickGap={4}
          tick={{ fontSize: 12 }}
          label={{ value: xLabel, position: 'insideBottom', offset: -14 }}
        />
        <YAxis allowDecimals={false} label={{ value: yLabel, angle: -90, position: 'insideLeft' }} />
        <Tooltip
          itemStyle={{ color: 'var(--c-text)' }}
          formatter={(v) => [v, valueLabel]}
          labelFormatter={(l) => `Span ${String(l)}`}
        />
        <Bar dataKey="value" name={valueLabel} fill={seriesColor(0)} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
