'use client';

import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { seriesColor } from '@/lib/palette';
import { formatValue, niceTicks, type ValueFormat } from './value-format';

export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  /** bubble size (e.g. people) */
  z?: number;
}

function PointTip({
  active,
  payload,
  xLabel,
  yLabel,
  xFormat,
  yFormat,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: ScatterPoint }>;
  xLabel: string;
  yLabel: string;
  xFormat: ValueFormat;
  yFormat: ValueFormat;
}) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="card" style={{ padding: '0.4rem 0.6rem', margin: 0, fontSize: '0.85rem' }}>
      <strong>{p.label}</strong>
      <br />
      {xLabel}: {formatValue(p.x, xFormat)}
      <br />
      {yLabel}: {formatValue(p.y, yFormat)}
      {p.z !== undefined && (
        <>
          <br />
          People: {p.z.toLocaleString('en')}
        </>
      )}
    </div>
  );
}

/** One dot per item (x against y), bubble size from z; data via props only. */
export function SimpleScatterChart({
  data,
  xLabel,
  yLabel,
  xFormat = 'decimal',
  yFormat = 'decimal',
}: {
  data: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  xFormat?: ValueFormat;
  yFormat?: ValueFormat;
}) {
  const xTicks = niceTicks(Math.max(0, ...data.map((d) => d.x)));
  const yTicks = niceTicks(Math.max(0, ...data.map((d) => d.y)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis
          type="number"
          dataKey="x"
          name={xLabel}
          domain={[0, xTicks[xTicks.length - 1] ?? 1]}
          ticks={xTicks}
          tickFormatter={(v: number) => formatValue(v, xFormat, true)}
          label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={yLabel}
          width={56}
          domain={[0, yTicks[yTicks.length - 1] ?? 1]}
          ticks={yTicks}
          tickFormatter={(v: number) => formatValue(v, yFormat, true)}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
        />
        <ZAxis type="number" dataKey="z" range={[40, 320]} />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={<PointTip xLabel={xLabel} yLabel={yLabel} xFormat={xFormat} yFormat={yFormat} />}
        />
        <Scatter data={data} fill={seriesColor(0)} fillOpacity={0.7} isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
