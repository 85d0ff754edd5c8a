/**
 * The comparison of two snapshots for one unit from loaded data (SPEC "Compare"): metric changes,
 * span bands, pyramid, department headcounts and the people lists, under each side's privacy floor.
 */
import { roundTo } from '@/lib/metrics/numbers';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { SPAN_BANDS } from '@/lib/metrics/spans';
import type { Targets } from '@/lib/metrics/targets';
import {
  LIST_CAP,
  LIST_KEYS,
  peopleListsOf,
  treeListSide,
  unitMembers,
  type ListKey,
  type ListSide,
  type PeopleList,
} from './compare-lists';
import {
  guardGroup,
  guardRow,
  partitionShown,
  type FloorDepartments,
  type PrivacyContext,
  type ScopedViewContext,
  type Suppressed,
} from './context';
import { isUnitHidden, readerFloor } from './floor';
import type { FullPoint } from './points';
import { TREND_METRICS, type TrendFormat } from './trend-metrics';
import { visitUnit, type Unit } from './unit';
import { unitLabel, type LabelViewer } from './unit-labels';
import { targetForUnit, type UnitTarget } from './unit-target';

export type { PeopleList, PersonRow, ListKey } from './compare-lists';

export interface CompareMetric {
  key: string;
  label: string;
  format: TrendFormat;
  definition: string;
  from: number | null;
  to: number | null;
  change: number | null;
  changePct: number | null;
}

export type DepartmentChange =
  { department: string; from: number; to: number; change: number } | (Suppressed & { department: string });

export interface Compare {
  from: string | null;
  to: string;
  scope: { department: string | null; subtree: string | null; subtreeName: string | null };
  metrics: CompareMetric[] | Suppressed;
  spanBands: Array<{ band: string; from: number; to: number }> | Suppressed;
  pyramid: Array<{ layer: number; from: number; to: number }> | Suppressed;
  departments: DepartmentChange[] | Suppressed;
  lists: Record<ListKey, PeopleList> | Suppressed;
  layersRemoved: number | Suppressed | null;
  target: UnitTarget | null;
  canSeePeople: boolean;
  listCap: number;
}

/** A unit's headcount per department: the weights (filled people 1) of its records with a department. */
export function departmentHeadcounts(
  records: Iterable<{ department: string | null; weight: number }>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const { department: d, weight: w } of records)
    if (d && w > 0) out.set(d, roundTo((out.get(d) ?? 0) + w, 4));
  return out;
}

export function headcountByDepartment(snap: PreparedSnapshot, unit: Unit): Map<string, number> {
  const t = snap.tree;
  const records: Array<{ department: string | null; weight: number }> = [];
  visitUnit(t.size, unit.nodes, (i) => {
    records.push({ department: t.records[i]?.department ?? null, weight: t.weight[i] ?? 0 });
  });
  return departmentHeadcounts(records);
}

/** One side of a comparison: its date, tree, the unit resolved in it and the unit's point. */
export interface CompareSide {
  asOf: string;
  snap: PreparedSnapshot;
  unit: Unit;
}

/** What the comparison is computed from, loaded by lib/dal/dashboards/compare.ts. */
export interface CompareInput {
  to: CompareSide;
  /** null when no snapshot precedes `to` */
  from: (CompareSide & { point: FullPoint }) | null;
  /** the unit's point in `to` (needed only when `from` is set) */
  toPoint: FullPoint | null;
  targets: Targets | null;
}

/** One side of a comparison as both paths give it (tree or stored rows): what compareFrom reads. */
export interface ComparedSide {
  asOf: string;
  point: FullPoint;
  /** the unit's headcount per department (departmentHeadcounts) */
  departments: Map<string, number>;
  people: ListSide;
}

/** What the comparison reads, from the trees (assembleCompare) or from stored rows. */
export interface CompareData {
  to: string;
  /** the root's label for this reader and the unit's target, in the 'to' snapshot */
  subtreeName: string | null;
  target: UnitTarget | null;
  /** both sides, or null when no snapshot precedes `to` */
  sides: {
    from: ComparedSide & {
      /** the reader's floor in the 'from' snapshot (its department plan; null: none) */
      floor: FloorDepartments | null;
      /** that floor hides the unit there */
      hidden: boolean;
    };
    to: ComparedSide;
  } | null;
}

/** The reader of a comparison: the privacy of the unit in the request's snapshot, and the label rule. */
export type CompareReader = PrivacyContext &
  LabelViewer & { unit: { department: string | null; subtree: string | null } };

/**
 * Two snapshots side by side for the same unit: structure and ladder metrics with their
 * differences, span bands, the pyramid, department headcounts, and the people who joined, left,
 * moved, were promoted or changed track (compare-lists.ts peopleListsOf). Lists carry names only
 * for roles that may see people and are cut to LIST_CAP rows; viewers get the counts. For leaders
 * and viewers, everything is hidden when either side of the unit is under min_group_size, and so
 * is any department that is under it in either snapshot. One definition for both paths.
 */
export function compareFrom(ctx: CompareReader, data: CompareData): Compare {
  const base = {
    to: data.to,
    scope: { department: ctx.unit.department, subtree: ctx.unit.subtree, subtreeName: data.subtreeName },
    target: data.target,
    canSeePeople: ctx.canSeePeople,
    listCap: LIST_CAP,
  };
  const sides = data.sides;
  if (sides === null) {
    return {
      ...base,
      from: null,
      metrics: [],
      spanBands: [],
      pyramid: [],
      departments: [],
      lists: Object.fromEntries(LIST_KEYS.map((k) => [k, { total: 0 }])) as Record<ListKey, PeopleList>,
      layersRemoved: null,
    };
  }
  const from = sides.from;
  const a = from.point;
  const b = sides.to.point;
  // Each snapshot has its own floor: a unit hidden in either one is hidden here (SPEC "Privacy").
  const size = from.hidden ? 0 : Math.min(a.structure.headcount, b.structure.headcount);
  const metrics: CompareMetric[] = TREND_METRICS.map((m) => {
    const x = m.value(a);
    const y = m.value(b);
    return {
      key: m.key,
      label: m.label,
      format: m.format,
      definition: m.definition,
      from: x,
      to: y,
      change: x === null || y === null ? null : roundTo(y - x, 4),
      changePct: x === null || y === null || x === 0 ? null : roundTo(((y - x) / x) * 100, 2),
    };
  });
  const layers = Math.max(a.structure.pyramid.length, b.structure.pyramid.length);
  const pyramid = Array.from({ length: layers }, (_, k) => ({
    layer: k + 1,
    from: a.structure.pyramid[k]?.headcount ?? 0,
    to: b.structure.pyramid[k]?.headcount ?? 0,
  }));
  const spanBands = SPAN_BANDS.map((band) => ({
    band,
    from: a.structure.span.bands[band],
    to: b.structure.span.bands[band],
  }));
  const before = from.departments;
  const after = sides.to.departments;
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  // Departments partition the unit on each side, whose headcount is shown: the floor on each side.
  const shownOn = (
    [
      [before, from.floor],
      [after, ctx.floor],
    ] as const
  ).map(([m, floor]) => {
    const sizes = names.map((d) => m.get(d) ?? 0);
    return partitionShown(
      ctx,
      sizes,
      sizes.reduce((s, x) => s + x, 0),
      names,
      floor,
    );
  });
  const departments = names.map((department, k) => {
    const f = before.get(department) ?? 0;
    const t = after.get(department) ?? 0;
    // A department absent on one side (0) is not a small group there; the smaller real side decides.
    const shown = (f === 0 || shownOn[0]?.[k] === true) && (t === 0 || shownOn[1]?.[k] === true);
    const real = [f, t].filter((n) => n > 0);
    const smallest = real.length > 0 ? Math.min(...real) : 0;
    const r = guardRow(ctx, smallest, shown, { department, from: f, to: t, change: roundTo(t - f, 4) });
    return 'suppressed' in r ? { ...r, department } : r;
  });
  const rows = peopleListsOf(from.people, sides.to.people);
  const lists = Object.fromEntries(
    LIST_KEYS.map((k) => {
      const all = rows[k];
      const list: PeopleList = { total: all.length };
      if (ctx.canSeePeople) list.rows = all.slice(0, LIST_CAP);
      return [k, list];
    }),
  ) as Record<ListKey, PeopleList>;
  return {
    ...base,
    from: from.asOf,
    metrics: guardGroup(ctx, size, metrics),
    spanBands: guardGroup(ctx, size, spanBands),
    pyramid: guardGroup(ctx, size, pyramid),
    departments: guardGroup(ctx, size, departments),
    lists: guardGroup(ctx, size, lists),
    layersRemoved: guardGroup(ctx, size, Math.max(0, a.structure.depth - b.structure.depth)),
  };
}

/**
 * The comparison from the two snapshots' trees (see compareFrom): the unit resolved in each with
 * the actor's scope, the 'from' floor planned on its tree.
 */
export function assembleCompare(ctx: ScopedViewContext, input: CompareInput): Compare {
  const { settings, actor } = ctx;
  const { snap: toSnap, unit: toUnit } = input.to;
  const side = (s: CompareSide, point: FullPoint): ComparedSide => ({
    asOf: s.asOf,
    point,
    departments: headcountByDepartment(s.snap, s.unit),
    people: treeListSide(s.snap, unitMembers(s.snap, s.unit), s.unit.nodes),
  });
  const from = input.from;
  let sides: CompareData['sides'] = null;
  if (from !== null && input.toPoint !== null) {
    const fromFloor = ctx.suppress
      ? readerFloor(from.snap.tree, actor.scopeEmployeeId, settings.minGroupSize)
      : null;
    sides = {
      from: {
        ...side(from, from.point),
        floor: fromFloor,
        hidden: fromFloor !== null && isUnitHidden(fromFloor, from.snap.tree, from.unit),
      },
      to: side(input.to, input.toPoint),
    };
  }
  return compareFrom(ctx, {
    to: input.to.asOf,
    subtreeName: unitLabel(ctx, toSnap.tree, toUnit.rootIndex),
    target: targetForUnit(input.targets, toUnit, toSnap),
    sides,
  });
}
