import 'server-only';
import { computeSeriesChanges, type SeriesChange } from '@/lib/metrics/series-changes';
import { loadScopeNotes, type ScopeNotes } from '../scope-marks';
import { readTargets } from '../targets';
import { unitLabel } from '../unit-labels';
import type { DashboardContext, Suppressed } from './context';
import { guardGroup } from './context';
import { hiddenSnapshots } from './floor';
import { loadDelayering, type DelayeringStep } from './delayering';
import { TREND_METRICS, type TrendMetricDef } from './trend-metrics';
import { loadUnitSeries } from './unit-series';
import { targetForUnit, type UnitTarget } from './unit-target';

export type { TrendMetricDef } from './trend-metrics';
export type { DelayeringStep, DelayeredManager } from './delayering';

/** One row per snapshot of the delayering timeline, with the unit's layers removed. */
export type DelayeringRow = DelayeringStep & { layersRemoved: number | null; hidden: boolean };

export interface Trends {
  asOf: string;
  scope: { department: string | null; subtree: string | null; subtreeName: string | null };
  metrics: TrendMetricDef[];
  /** per metric key: one entry per snapshot, oldest first, with change vs previous and vs peak */
  series: Record<string, SeriesChange[]> | Suppressed;
  /** snapshots where the unit was under the privacy floor (their values are hidden) */
  hiddenPoints: string[];
  /** possible changes of scope and snapshots marked not comparable (a note on every chart) */
  scopeNotes: ScopeNotes | Suppressed;
  delayering: DelayeringRow[] | Suppressed;
  target: UnitTarget | null;
  canSeePeople: boolean;
}

/**
 * Trends: every structure and ladder metric of the unit over the snapshot series (stored rows
 * where available), each with change since the previous snapshot and since the peak of earlier
 * snapshots; delayering events on a timeline; the unit's span and layer targets. For leaders and
 * viewers a snapshot where the unit had fewer than min_group_size people is hidden before any
 * change is computed, so no hidden value can be recovered from a difference.
 */
export async function buildTrends(ctx: DashboardContext): Promise<Trends> {
  const { unit, settings, snap } = ctx;
  const points = await loadUnitSeries(
    ctx.actor,
    ctx.ref,
    { department: unit.department ?? undefined, subtree: unit.subtree ?? undefined },
    unit,
    settings.execLayers,
  );
  // A snapshot is hidden when the unit was under the minimum then, or its floor hid the unit then.
  const hidden = await hiddenSnapshots(ctx);
  for (const p of points)
    if (ctx.suppress && p.structure.headcount < settings.minGroupSize) hidden.add(p.asOf);
  const current = points.find((p) => p.asOf === ctx.ref.asOf);
  const size = current?.structure.headcount ?? 0;
  const { notes, marked } = await loadScopeNotes(points, hidden);
  const series: Record<string, SeriesChange[]> = {};
  for (const m of TREND_METRICS) {
    series[m.key] = computeSeriesChanges(
      points.map((p) => ({
        asOf: p.asOf,
        value: hidden.has(p.asOf) ? null : m.value(p),
        notComparable: marked.has(p.asOf),
      })),
    );
  }
  const depthAt = new Map(points.map((p) => [p.asOf, p.structure.depth]));
  const floor = guardGroup(ctx, size, true);
  const steps = floor === true ? await loadDelayering(ctx) : floor;
  const delayering = Array.isArray(steps)
    ? steps.map((s): DelayeringRow => {
        const isHidden = hidden.has(s.asOf) || hidden.has(s.from);
        if (isHidden)
          return {
            asOf: s.asOf,
            from: s.from,
            events: 0,
            left: 0,
            lostReports: 0,
            reportsMovedUp: 0,
            layersRemoved: null,
            hidden: true,
          };
        const before = depthAt.get(s.from);
        const after = depthAt.get(s.asOf);
        return {
          ...s,
          layersRemoved: before === undefined || after === undefined ? null : Math.max(0, before - after),
          hidden: false,
        };
      })
    : steps;
  const { targets } = await readTargets(ctx.ref.orgId);
  const rootIndex = unit.rootIndex;
  return {
    asOf: ctx.ref.asOf,
    scope: {
      department: unit.department,
      subtree: unit.subtree,
      subtreeName: unitLabel(ctx, snap.tree, rootIndex),
    },
    metrics: TREND_METRICS.map(({ key, label, group, format, definition, target }) => ({
      key,
      label,
      group,
      format,
      definition,
      ...(target ? { target } : {}),
    })),
    series: guardGroup(ctx, size, series),
    hiddenPoints: [...hidden],
    scopeNotes: guardGroup(ctx, size, notes),
    delayering,
    target: targetForUnit(targets, unit, snap),
    canSeePeople: ctx.canSeePeople,
  };
}
