'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { LEGEND_BELOW } from './legend';
import { seriesColor } from '@/lib/palette';
import { dateTick, renderTimeAxis, withTime } from './time-axis';

type Row = { asOf: string; left: number | null; lostReports: number | null; layersRemoved: number | null };

/**
 * Delayering on a timeline, as two small multiples on one time axis (one y axis each, from zero):
 * stacked bars of managers who left or were stripped of their reports, and layers removed.
 */
export function DelayeringChart({ data }: { data: Row[] }) {
  const rows = withTime(data);
  const margin = { top: 8, right: 36, bottom: 4, left: 0 };
  // an empty plot is never left unexplained
  const noLayersRemoved = data.every((r) => !r.layersRemoved);
  return (
    <div className="delayering-multiples" data-testid="delayering-multiples">
      <figure className="small-multiple">
        <figcaption>Delayering events (managers)</figcaption>
        <div className="delayering-plot">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={margin}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
              {renderTimeAxis(rows, 6, true)}
              <YAxis width={40} allowDecimals={false} tick={{ fontSize: 12 }} domain={[0, 'auto']} />
              <Tooltip labelFormatter={(t) => dateTick(Number(t))} />
              <Legend {...LEGEND_BELOW} />
              <Bar
                dataKey="left"
                name="Managers who left"
                stackId="e"
                fill={seriesColor(0)}
                isAnimationActive={false}
                maxBarSize={48}
              />
              <Bar
                dataKey="lostReports"
                name="Managers who lost all reports"
                stackId="e"
                fill={seriesColor(1)}
                isAnimationActive={false}
                maxBarSize={48}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="small-multiple">
        <figcaption>Layers removed{noLayersRemoved ? ': none in this history' : ''}</figcaption>
        <div className="delayering-plot-small">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={margin}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
              {renderTimeAxis(rows, 6, true)}
              <YAxis
                width={40}
                allowDecimals={false}
                tick={{ fontSize: 12 }}
                domain={[0, (max: number) => Math.max(1, max)]}
              />
              <Tooltip labelFormatter={(t) => dateTick(Number(t))} />
              <Bar
                dataKey="layersRemoved"
                name="Layers removed"
                fill={seriesColor(5)}
                isAnimationActive={false}
                maxBarSize={48}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
