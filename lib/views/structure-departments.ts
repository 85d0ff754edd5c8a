import { fteFields, summarizeStructure } from '@/lib/metrics/structure';
import { visitUnit, type UnitColumns } from '@/lib/metrics/tree';
import {
  guardRow,
  isSuppressed,
  partitionShown,
  type PrivacyContext,
  type Suppressed,
  type ViewContext,
} from './context';

/** Every structure metric of one department inside the unit (SPEC "Structure"). */
export interface DepartmentStructure {
  headcount: number;
  managers: number;
  ics: number;
  depth: number;
  managementLayers: number;
  managerRatio: number | null;
  icsPerManager: number | null;
  spanMean: number | null;
  spanMedian: number | null;
  spanP10: number | null;
  spanP90: number | null;
  middleManagers: number;
  openPositions: number;
  /** only where the source has aggregated junior-staff rows: their FTE, and people + that FTE */
  juniorFte?: number;
  totalFte?: number;
}

/** juniorFte and totalFte of a unit with aggregated rows; nothing otherwise (SPEC "Posts, people and FTE"). */
export function fteSummary(s: { headcount: number; juniorFte?: number; hasAggregated?: boolean }): {
  juniorFte?: number;
  totalFte?: number;
} {
  const f = fteFields(s);
  return f.juniorFte === undefined ? {} : { juniorFte: f.juniorFte, totalFte: f.fte };
}

export interface DepartmentRow {
  /** null = people with no department in the file */
  department: string | null;
  metrics: DepartmentStructure | Suppressed;
}

/**
 * The department table: one row per department present in the unit, computed over the unit's
 * people in that department (a department is a slice: org-wide spans and managerial levels,
 * layers counted from the top of the unit). Rows under min_group_size are suppressed for
 * leaders and viewers; hr and admin see every row. Sorted by headcount (total FTE where the
 * source has junior-staff FTE), largest first (suppressed rows last, by name).
 */
export function buildDepartmentRows(ctx: ViewContext): DepartmentRow[] {
  const { snap, unit } = ctx;
  const layerShift = unit.rootIndex >= 0 ? (snap.tree.layer[unit.rootIndex] ?? 1) - 1 : 0;
  return departmentRowsOf(ctx, {
    t: snap.tree,
    nodes: unit.nodes,
    layerShift,
    declared: snap.levels.declared,
  });
}

/** The department table of a unit's records (the tree's, or its stored rows'): see buildDepartmentRows. */
export function departmentRowsOf(
  ctx: PrivacyContext & { settings: { execLayers: number } },
  unit: { t: UnitColumns; nodes: ArrayLike<number> | null; layerShift: number; declared: Uint8Array },
): DepartmentRow[] {
  const { t, layerShift } = unit;
  const { settings } = ctx;
  const groups = new Map<string | null, number[]>();
  const visit = (i: number) => {
    const d = t.records[i]?.department ?? null;
    const g = groups.get(d);
    if (g) g.push(i);
    else groups.set(d, [i]);
  };
  visitUnit(t.size, unit.nodes, visit);
  const computed: Array<{ department: string | null; size: number; metrics: DepartmentStructure }> = [];
  for (const [department, list] of groups) {
    const nodes = Int32Array.from(list);
    const m = summarizeStructure(
      t,
      { nodes, layerShift, roots: 0, orphans: 0 },
      { execLayers: settings.execLayers, declaredTracks: unit.declared },
    );
    if (m.headcount === 0 && m.openPositions === 0 && !m.hasAggregated) continue;
    const metrics: DepartmentStructure = {
      headcount: m.headcount,
      managers: m.managers,
      ics: m.ics,
      depth: m.depth,
      managementLayers: m.managementLayers,
      managerRatio: m.managerRatio,
      icsPerManager: m.icsPerManager,
      spanMean: m.span.mean,
      spanMedian: m.span.median,
      spanP10: m.span.p10,
      spanP90: m.span.p90,
      middleManagers: m.middleManagers,
      openPositions: m.openPositions,
      ...fteSummary(m),
    };
    computed.push({ department, size: m.headcount, metrics });
  }
  // Departments partition the unit, whose headcount is shown: hidden rows must not be its remainder.
  const shown = partitionShown(
    ctx,
    computed.map((r) => r.size),
    computed.reduce((sum, r) => sum + r.size, 0),
    computed.map((r) => r.department),
  );
  const rows = computed.map(({ department, size, metrics }, k) => {
    const guarded = guardRow(ctx, size, shown[k] === true, metrics);
    // Suppressed rows sort last by name, so their order does not hint at their size. Where junior
    // staff are counted in FTE (organograms) the total FTE orders the rows: a Home Office viewer read
    // a hundred departments of junior staff only as a block of "0" people, in alphabetical order.
    return { department, size: isSuppressed(guarded) ? -1 : (metrics.totalFte ?? size), metrics: guarded };
  });
  rows.sort((a, b) => b.size - a.size || (a.department ?? '').localeCompare(b.department ?? ''));
  return rows.map(({ department, metrics }) => ({ department, metrics }));
}
