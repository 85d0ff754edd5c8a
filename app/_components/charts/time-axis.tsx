'use client';

import { XAxis } from 'recharts';
import { formatDay } from '@/lib/dates';
import { timeDomain } from './time-domain';

/** Milliseconds of an ISO date (UTC midnight), the x of a time axis. */
export const timeOf = (asOf: string): number => Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`);

/** A time-axis tick or tooltip date, as every date on screen reads (lib/dates.ts, the reader's locale). */
export const dateTick = (t: number): string => formatDay(new Date(t).toISOString().slice(0, 10));

/** Rows with their date as a number, so the x axis spaces snapshots by the time between them. */
export function withTime<R extends { asOf: string }>(rows: readonly R[]): Array<R & { t: number }> {
  return rows.map((r) => ({ ...r, t: timeOf(r.asOf) }));
}

/** At most `max` tick dates from the snapshots, first and last always kept. */
function tickDates(times: readonly number[], max: number): number[] {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length <= max) return sorted;
  const step = Math.ceil((sorted.length - 1) / (max - 1));
  const out = sorted.filter((_, i) => i % step === 0);
  const last = sorted[sorted.length - 1];
  if (last !== undefined && out[out.length - 1] !== last) out.push(last);
  return out;
}

/**
 * A time x axis (recharts XAxis type="number" scale="time") over the rows' dates: snapshots sit
 * as far apart as their dates, ticks at snapshot dates (thinned to `maxTicks`). Call it as a
 * function inside a recharts chart (recharts reads its children's element types). `bars`: the
 * domain leaves room for the end bars (time-domain.ts).
 */
export function renderTimeAxis(rows: ReadonlyArray<{ t: number }>, maxTicks = 6, bars = false) {
  const times = rows.map((r) => r.t);
  const domain = timeDomain(times, bars);
  return (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={domain ?? ['auto', 'auto']}
      ticks={tickDates(times, maxTicks)}
      tickFormatter={dateTick}
      tick={{ fontSize: 12 }}
      interval="preserveStartEnd"
    />
  );
}
