/**
 * The Ladder dashboard from loaded data (SPEC "Ladder"): level distribution, velocity and moves of
 * one unit, with the level history lib/dal/dashboards/level-history.ts built.
 */
import { computePromotionVelocity } from '@/lib/metrics/time-in-level';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  guardGroup,
  guardRow,
  isGroupHidden,
  partitionShown,
  type PrivacyContext,
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
import { computeUnitLadderSeries, type UnitLadderSeries } from './unit-ladder-series';

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
 * What the Ladder shows of its unit in one snapshot, before the privacy floor: the unit's level
 * counts and ladder metrics, its level segments and the same per department (sorted, null last).
 * Computed from the tree per request, or stored at import (lib/views/ladder-facts.ts).
 */
export interface LadderFacts {
  summary: LadderGroup;
  levels: LevelSeries[];
  departments: Array<{ department: string | null; group: LadderGroup }>;
}

/** The unit's ladder facts from its snapshot's tree. */
export function computeLadderFacts(snap: PreparedSnapshot, nodes: Int32Array | null): LadderFacts {
  return {
    summary: summarizeLadderGroup(snap, nodes),
    levels: listLevelSeries(snap, nodes),
    departments: groupUnitByDepartment(snap, nodes).map(({ department, nodes: members }) => ({
      department,
      group: summarizeLadderGroup(snap, members),
    })),
  };
}

/** Who reads the Ladder and of which unit: enough to guard its figures and label it. */
export type LadderReader = PrivacyContext & { ref: { asOf: string } };

/**
 * The Ladder dashboard (SPEC "Ladder"): per department of the unit, headcount per level split by
 * declared track, IC ladder depth, IC ceiling, short ladder, parity gap and senior IC share; median
 * months in level before promotion per level and track over the snapshot history; IC -> manager and
 * manager -> IC moves per snapshot. Departments, velocity rows and points under the minimum group
 * size are suppressed for leaders and viewers; nothing here names a person.
 */
export function assembleLadder(ctx: ScopedViewContext, lh: LadderHistory): LadderDashboard {
  const { snap, unit } = ctx;
  return ladderFromFacts(ctx, computeLadderFacts(snap, unit.nodes), {
    scope: describeScope(ctx),
    ladderName: snap.levels.ladder.name,
    series: lh.series,
    unitSeries: computeUnitLadderSeries(ctx, lh),
  });
}

/**
 * The Ladder from its unit's facts (computed from the tree or stored at import), the series behind
 * the history and the unit's ladder series over it.
 */
export function ladderFromFacts(
  ctx: LadderReader,
  facts: LadderFacts,
  input: {
    scope: DashboardScope;
    ladderName: string;
    series: ReadonlyArray<{ asOf: string }>;
    unitSeries: UnitLadderSeries;
  },
): LadderDashboard {
  const { summary } = facts;
  const { unitSeries } = input;
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
    scope: input.scope,
    ladderName: input.ladderName,
    historyFrom: input.series[0]?.asOf ?? null,
    snapshots: input.series.length,
    summary: guardGroup(ctx, summary.people, summary),
    levels: tooSmall ? [] : facts.levels,
    departments: tooSmall ? [] : departmentRows(ctx, facts.departments, summary.people),
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
function departmentRows(
  ctx: PrivacyContext,
  groups: LadderFacts['departments'],
  total: number,
): LadderDepartmentRow[] {
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
