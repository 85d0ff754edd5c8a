/**
 * The Ladder dashboard from loaded data (SPEC "Ladder"): level distribution, velocity and moves of
 * one unit, with the level history lib/dal/dashboards/level-history.ts built.
 */
import { computePromotionVelocity } from '@/lib/metrics/time-in-level';
import {
  guardGroup,
  guardRow,
  isGroupHidden,
  partitionShown,
  type ScopedViewContext,
  type Suppressed,
  type ViewContext,
} from './context';
import {
  groupUnitByDepartment,
  listLevelSeries,
  summarizeLadderGroup,
  type LadderGroup,
  type LevelSeries,
} from './ladder-distribution';
import type { LadderHistory } from './ladder-history';
import { unitLabel } from './unit-labels';
import { computeUnitLadderSeries } from './unit-ladder-series';

export interface DashboardScope {
  department: string | null;
  subtree: string | null;
  subtreeName: string | null;
}

export interface LadderDepartmentRow {
  /** null = people with no department in the data */
  department: string | null;
  group: LadderGroup | Suppressed;
}

export interface VelocityRow {
  track: 'ic' | 'manager';
  /** level promoted from */
  level: string | null;
  values: { promotions: number; medianMonths: number | null; p75Months: number | null } | Suppressed;
}

export interface MovesRow {
  asOf: string;
  from: string;
  values: { icToManager: number; managerToIc: number } | Suppressed;
}

export interface LadderDashboard {
  asOf: string;
  scope: DashboardScope;
  ladderName: string;
  /** the first snapshot of the history behind velocity and moves */
  historyFrom: string | null;
  snapshots: number;
  summary: LadderGroup | Suppressed;
  levels: LevelSeries[];
  departments: LadderDepartmentRow[];
  velocity: VelocityRow[];
  moves: MovesRow[] | Suppressed;
}

/** The unit's scope labels (department, subtree root and name) for page headers and exports. */
export function describeScope(
  ctx: Pick<ViewContext, 'unit' | 'snap' | 'canSeePeople' | 'settings'>,
): DashboardScope {
  const { unit, snap } = ctx;
  return {
    department: unit.department,
    subtree: unit.subtree,
    subtreeName: unitLabel(ctx, snap.tree, unit.rootIndex),
  };
}

/**
 * The Ladder dashboard (SPEC "Ladder"): per department of the unit, headcount per level split by
 * declared track, IC ladder depth, IC ceiling, short ladder, parity gap and senior IC share; median
 * months in level before promotion per level and track over the snapshot history; IC -> manager and
 * manager -> IC moves per snapshot. Departments, velocity rows and points under the minimum group
 * size are suppressed for leaders and viewers; nothing here names a person.
 */
export function assembleLadder(ctx: ScopedViewContext, lh: LadderHistory): LadderDashboard {
  const { snap, unit } = ctx;
  const summary = summarizeLadderGroup(snap, unit.nodes);
  const unitSeries = computeUnitLadderSeries(ctx, lh);
  const tooSmall = isGroupHidden(ctx, summary.people);
  const velocity: VelocityRow[] = tooSmall
    ? []
    : computePromotionVelocity(unitSeries.samples).map((r) => ({
        track: r.track,
        level: r.level,
        // not guardRow: "0 promotions" from a level would say something about the people in it
        values: guardGroup(ctx, r.promotions, {
          promotions: r.promotions,
          medianMonths: r.medianMonths,
          p75Months: r.p75Months,
        }),
      }));
  return {
    asOf: ctx.ref.asOf,
    scope: describeScope(ctx),
    ladderName: snap.levels.ladder.name,
    historyFrom: lh.series[0]?.asOf ?? null,
    snapshots: lh.series.length,
    summary: guardGroup(ctx, summary.people, summary),
    levels: tooSmall ? [] : listLevelSeries(snap, unit.nodes),
    departments: tooSmall ? [] : departmentRows(ctx, summary.people),
    velocity,
    moves: guardGroup(
      ctx,
      summary.people,
      unitSeries.moves.map((m) => ({
        asOf: m.asOf,
        from: m.from,
        // m.headcount 0: nobody in the unit then, so its 0 moves are shown (guardRow)
        values: guardRow(ctx, m.headcount, true, { icToManager: m.icToManager, managerToIc: m.managerToIc }),
      })),
    ),
  };
}

/** Ladder groups per department of the unit; departments form a flat partition shown with its total. */
function departmentRows(ctx: ViewContext, total: number): LadderDepartmentRow[] {
  const groups = groupUnitByDepartment(ctx.snap, ctx.unit.nodes).map(({ department, nodes }) => ({
    department,
    group: summarizeLadderGroup(ctx.snap, nodes),
  }));
  const shown = partitionShown(
    ctx,
    groups.map((g) => g.group.people),
    total,
    groups.map((g) => g.department),
  );
  return groups.map(({ department, group }, k) => ({
    department,
    group: guardRow(ctx, group.people, shown[k] === true, group),
  }));
}
