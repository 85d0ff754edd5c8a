/**
 * The Trends dashboard from loaded data (SPEC "Trends"): every structure and ladder metric of a
 * unit over its series with change since the previous snapshot and since the peak, the delayering
 * timeline, and the unit's targets.
 */
import { computeSeriesChanges, type SeriesChange } from '@/lib/metrics/series-changes';
import { guardGroup, type Suppressed, type ViewContext } from './context';
import type { Unit } from './unit';
import type { UnitPoint } from './points';
import type { ScopeNotes } from './scope-notes';
import { TREND_METRICS, type TrendMetricDef } from './trend-metrics';
import type { UnitTarget } from './unit-target';

export type { TrendMetricDef } from './trend-metrics';

export interface DelayeredManager {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  change: 'left' | 'lostReports';
  formerReports: number;
  reportsMovedUp: number;
}

/** The delayering events of one snapshot (compared with the one before), inside the unit. */
export interface DelayeringStep {
  asOf: string;
  from: string;
  events: number;
  left: number;
  lostReports: number;
  reportsMovedUp: number;
  /** only for roles that may see people (never viewers) */
  managers?: DelayeredManager[];
}

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
  /**
   * the hidden snapshots where the unit had the minimum or more people: hidden so a smaller group
   * cannot be worked out (complementary suppression), not because the unit was small then
   */
  complementPoints: string[];
  /** the reader's minimum group size (for the wording of hidden points) */
  minGroupSize: number;
  /** possible changes of scope and snapshots marked not comparable (a note on every chart) */
  scopeNotes: ScopeNotes | Suppressed;
  delayering: DelayeringRow[] | Suppressed;
  target: UnitTarget | null;
  canSeePeople: boolean;
}

/**
 * The snapshots whose values are hidden from this reader: those where the privacy floor hid the
 * unit (`floorHidden`, per snapshot's own tree), and, for leaders and viewers, those where the unit
 * had fewer than min_group_size people. Adds to and returns `floorHidden`.
 */
export function trendHiddenPoints(
  ctx: Pick<ViewContext, 'suppress' | 'settings'>,
  points: readonly UnitPoint[],
  floorHidden: Set<string>,
): Set<string> {
  for (const p of points)
    if (ctx.suppress && p.structure.headcount < ctx.settings.minGroupSize) floorHidden.add(p.asOf);
  return floorHidden;
}

/** The unit's headcount at the snapshot asked for (0 when the series has no point there). */
export function trendUnitSize(ctx: Pick<ViewContext, 'ref'>, points: readonly UnitPoint[]): number {
  return points.find((p) => p.asOf === ctx.ref.asOf)?.structure.headcount ?? 0;
}

/** What the Trends dashboard is computed from, loaded by lib/dal/dashboards/trends.ts. */
export interface TrendsInput {
  points: UnitPoint[];
  /** trendHiddenPoints */
  hidden: Set<string>;
  scope: { notes: ScopeNotes; marked: ReadonlySet<string> };
  /** the delayering steps, or null when the unit's figures are hidden (not loaded) */
  steps: DelayeringStep[] | null;
  /** the unit root's label for this reader (null: no root, or no label for this role) */
  subtreeName: string | null;
  /** the unit's span and layer target (lib/views/unit-target.ts) */
  target: UnitTarget | null;
}

/** What the Trends view reads of its request: the unit, the snapshot, the reader's privacy (no tree). */
export type TrendsViewContext = Pick<
  ViewContext,
  'settings' | 'ref' | 'suppress' | 'hidden' | 'canSeePeople'
> & {
  unit: Pick<Unit, 'department' | 'subtree'>;
};

/**
 * Trends: every structure and ladder metric of the unit over the snapshot series (stored rows
 * where available), each with change since the previous snapshot and since the peak of earlier
 * snapshots; delayering events on a timeline; the unit's span and layer targets. For leaders and
 * viewers a snapshot where the unit had fewer than min_group_size people is hidden before any
 * change is computed, so no hidden value can be recovered from a difference.
 */
export function assembleTrends(ctx: TrendsViewContext, input: TrendsInput): Trends {
  const { unit } = ctx;
  const { points, hidden } = input;
  const size = trendUnitSize(ctx, points);
  const { notes, marked } = input.scope;
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
  const steps = floor === true ? (input.steps ?? []) : floor;
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
  return {
    asOf: ctx.ref.asOf,
    scope: {
      department: unit.department,
      subtree: unit.subtree,
      subtreeName: input.subtreeName,
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
    complementPoints: ctx.suppress
      ? points
          .filter((p) => hidden.has(p.asOf) && p.structure.headcount >= ctx.settings.minGroupSize)
          .map((p) => p.asOf)
      : [],
    minGroupSize: ctx.settings.minGroupSize,
    scopeNotes: guardGroup(ctx, size, notes),
    delayering,
    target: input.target,
    canSeePeople: ctx.canSeePeople,
  };
}
