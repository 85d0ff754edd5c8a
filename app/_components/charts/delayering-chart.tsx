'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';

/**
 * Delayering on a timeline: per snapshot, stacked bars of managers removed (left) or stripped of
 * their reports, with the unit's layers removed as points on the right axis.
 */
export function DelayeringChart({
  data,
}: {
  data: Array<{
    asOf: string;
    left: number | null;
    lostReports: number | null;
    layersRemoved: number | null;
  }>;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis dataKey="asOf" minTickGap={28} tick={{ fontSize: 12 }} />
        <YAxis yAxisId="events" width={40} allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis
          yAxisId="layers"
          orientation="right"
          width={32}
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          domain={[0, (max: number) => Math.max(1, max)]}
        />
        <Tooltip />
        <Legend {...LEGEND_BELOW} />
        <Bar
          yAxisId="events"
          dataKey="left"
          name="Managers who left"
          stackId="e"
          fill={seriesColor(0)}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="events"
          dataKey="lostReports"
          name="Managers who lost all reports"
          stackId="e"
          fill={seriesColor(1)}
          isAnimationActive={false}
        />
        <Line
          yAxisId="layers"
          dataKey="layersRemoved"
          name="Layers removed (right axis)"
          stroke={seriesColor(5)}
          strokeWidth={0}
          dot={{ r: 5, strokeWidth: 2, fill: '#fff' }}
          legendType="circle"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
