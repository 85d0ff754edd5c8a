'use client';

import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { categoryAxisWidth } from './fit-label';
import { GroupTick } from './group-tick';
import { LEGEND_BELOW } from './legend';

export interface LevelStackSeries {
  key: string;
  label: string;
  track: 'ic' | 'manager';
  /** null = unlevelled (drawn grey) */
  code: string | null;
}

// Two single-hue sequential ramps (ColorBrewer Blues and Oranges, light = junior, dark = senior):
// blue vs orange stays distinct for every common colour-vision deficiency, and the lightness order
// carries the level order without relying on hue.
const IC_RAMP = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b', '#041c40'];
const MANAGER_RAMP = ['#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603', '#7f2704'];
const UNLEVELLED = '#b8bec7';

function pick(ramp: readonly string[], k: number, n: number): string {
  if (n <= 1) return ramp[Math.floor(ramp.length / 2)] ?? '#6baed6';
  const at = Math.round((k * (ramp.length - 1)) / (n - 1));
  return ramp[at] ?? ramp[ramp.length - 1] ?? '#08306b';
}

/** Colour per series: IC levels in blues, manager levels in oranges, darker = more senior. */
export function levelColors(series: readonly LevelStackSeries[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const track of ['ic', 'manager'] as const) {
    const levelled = series.filter((s) => s.track === track && s.code !== null);
    levelled.forEach((s, k) =>
      out.set(s.key, pick(track === 'ic' ? IC_RAMP : MANAGER_RAMP, k, levelled.length)),
    );
  }
  for (const s of series) if (s.code === null) out.set(s.key, UNLEVELLED);
  return out;
}

/**
 * One horizontal stacked bar per group (department): IC-track levels first, then manager-track
 * levels, junior to senior. Data via props; the table view lives in the surrounding ChartCard.
 */
export function LadderLevelsChart<Row extends Record<string, unknown>>({
  data,
  y,
  series,
  xLabel = 'People',
}: {
  data: Row[];
  y: string;
  series: LevelStackSeries[];
  xLabel?: string;
}) {
  const colors = levelColors(series);
  const order = new Map(series.map((s, k) => [s.key, k]));
  const labels = useMemo(() => data.map((d) => String(d[y] ?? '')), [data, y]);
  const axisWidth = categoryAxisWidth(labels, 80, 180);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
        />
        {/* as wide as the longest name needs, up to 180 px: a leader's one department read "National
            Crime Ag…" beside an empty half of the card at a fixed 130 px */}
        <YAxis
          type="category"
          dataKey={y}
          width={axisWidth}
          interval={0}
          tick={<GroupTick labels={labels} maxChars={Math.floor((axisWidth - 16) / 7)} />}
        />
        {/* Legend and tooltip keep the series order (ladder order), not the alphabetical default. */}
        <Tooltip itemSorter={(item) => order.get(String(item.dataKey)) ?? 0} />
        <Legend
          {...LEGEND_BELOW}
          // Light ramp colours are unreadable as text: the swatch carries the colour, the label stays dark.
          formatter={(value: string) => <span style={{ color: '#1c2430' }}>{value}</span>}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="levels"
            fill={colors.get(s.key)}
            stroke="#ffffff"
            strokeWidth={0.5}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
