'use client';

import { useMemo } from 'react';
import { GroupTick } from './group-tick';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';
import { renderTargetMark, type TargetMark } from './target-marks';

/**
 * Grouped bars (e.g. two snapshots side by side, or one value per department) with target marks:
 * a band or limit on the value axis, or a band over categories (e.g. layers beyond the limit).
 * `layout="vertical"` puts categories on the y axis (long names, many rows).
 */
export function TargetBarChart<Row extends object>({
  data,
  category,
  series,
  layout = 'horizontal',
  marks = [],
  valueLabel,
  categoryWidth = 90,
}: {
  data: Row[];
  category: string;
  series: Array<{ key: string; label: string; colorIndex?: number }>;
  layout?: 'horizontal' | 'vertical';
  marks?: Array<TargetMark | null>;
  valueLabel?: string;
  categoryWidth?: number;
}) {
  const vertical = layout === 'vertical';
  const labels = useMemo(
    () => data.map((d) => String((d as Record<string, unknown>)[category] ?? '')),
    [data, category],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout={layout}
        margin={{ top: 16, right: 16, bottom: valueLabel ? 20 : 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        {vertical ? (
          <>
            <XAxis
              type="number"
              tick={{ fontSize: 12 }}
              label={valueLabel ? { value: valueLabel, position: 'insideBottom', offset: -12 } : undefined}
            />
            {/* one line per name, cut to the room left of the axis (full name in its tooltip): about 100
                departments of an organogram overlapped as wrapped labels */}
            <YAxis
              type="category"
              dataKey={category}
              width={categoryWidth}
              interval={0}
              tick={<GroupTick labels={labels} />}
            />
          </>
        ) : (
          <>
            <XAxis dataKey={category} tick={{ fontSize: 12 }} />
            <YAxis
              width={48}
              tick={{ fontSize: 12 }}
              label={valueLabel ? { value: valueLabel, angle: -90, position: 'insideLeft' } : undefined}
            />
          </>
        )}
        <Tooltip />
        {series.length > 1 && <Legend {...LEGEND_BELOW} />}
        {marks.map((m, i) => renderTargetMark(m, vertical ? 'x' : 'y', `mark-${i}`))}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={seriesColor(s.colorIndex ?? i)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
