import 'server-only';
import { z } from 'zod';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import { compareSnapshots } from '@/lib/metrics/history';
import { roundTo } from '@/lib/metrics/numbers';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { SPAN_BANDS } from '@/lib/metrics/spans';
import { ValidationError } from '../errors';
import { resolveUnit, type Unit } from '../scope';
import { listSeries, loadPrepared, resolveSnapshot, type SnapshotRef } from '../snapshot-data';
import { readTargets } from '../targets';
import { unitLabel } from '../unit-labels';
import type { DashboardContext, Suppressed } from './context';
import { guardGroup, partitionShown } from './context';
import { isUnitHidden, readerFloor } from './floor';
import {
  buildPeopleLists,
  LIST_CAP,
  LIST_KEYS,
  unitMembers,
  type ListKey,
  type PeopleList,
} from './compare-lists';
import { TREND_METRICS, type TrendFormat } from './trend-metrics';
import { unitStructureAt, type UnitPoint } from './unit-series';
import { targetForUnit, type UnitTarget } from './unit-target';

export type { PeopleList, PersonRow, ListKey } from './compare-lists';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'from and to must be YYYY-MM-DD.')
  .optional();
/** The comparison's own URL parameters, beside the global filters. */
export const compareQuerySchema = z.object({ from: date, to: date });

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

async function pickRefs(ctx: DashboardContext, params: URLSearchParams) {
  const q = compareQuerySchema.safeParse({
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  });
  if (!q.success) throw new ValidationError(q.error.issues[0]?.message ?? 'Invalid comparison.');
  const to = q.data.to ? await resolveSnapshot(ctx.ref.orgId, q.data.to) : ctx.ref;
  let from: SnapshotRef | null = null;
  if (q.data.from) from = await resolveSnapshot(ctx.ref.orgId, q.data.from);
  else {
    const series = await listSeries(to.orgId, to.asOf);
    from = series.filter((s) => s.asOf < to.asOf).pop() ?? null;
  }
  if (from && from.asOf >= to.asOf) throw new ValidationError('Choose a "from" snapshot earlier than "to".');
  return { from, to };
}

function headcountByDepartment(snap: PreparedSnapshot, unit: Unit): Map<string, number> {
  const t = snap.tree;
  const out = new Map<string, number>();
  const visit = (i: number) => {
    const d = t.records[i]?.department;
    const w = t.weight[i] ?? 0;
    if (d && w > 0) out.set(d, roundTo((out.get(d) ?? 0) + w, 4));
  };
  if (unit.nodes === null) for (let i = 0; i < t.size; i++) visit(i);
  else for (const i of unit.nodes) visit(i);
  return out;
}

/**
 * Two snapshots side by side for the same unit: structure and ladder metrics with their
 * differences, span bands, the pyramid, department headcounts, and the people who joined, left,
 * moved, were promoted or changed track (compareSnapshots on the two cached trees). The unit is
 * resolved in each snapshot with the actor's scope. Lists carry names only for roles that may see
 * people and are cut to LIST_CAP rows; viewers get the counts. For leaders and viewers, everything
 * is hidden when either side of the unit is under min_group_size, and so is any department that
 * is under it in either snapshot.
 */
export async function buildCompare(ctx: DashboardContext, params: URLSearchParams): Promise<Compare> {
  const { settings, actor } = ctx;
  const { from, to } = await pickRefs(ctx, params);
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  const toSnap = await loadPrepared(to);
  const toUnit = resolveUnit(actor, toSnap, want);
  const { targets } = await readTargets(ctx.ref.orgId);
  const base = {
    to: to.asOf,
    scope: {
      ...want,
      subtreeName: unitLabel(ctx, toSnap.tree, toUnit.rootIndex),
    },
    target: targetForUnit(targets, toUnit, toSnap),
    canSeePeople: ctx.canSeePeople,
    listCap: LIST_CAP,
  };
  if (from === null) {
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
  const fromSnap = await loadPrepared(from);
  const fromUnit = resolveUnit(actor, fromSnap, want);
  const point = async (ref: SnapshotRef, snap: PreparedSnapshot, unit: Unit): Promise<UnitPoint> => ({
    asOf: ref.asOf,
    structure: await unitStructureAt(ref, unit, settings.execLayers),
    ladder: computeLadderMetrics(snap.tree, snap.levels, unit.nodes),
  });
  const a = await point(from, fromSnap, fromUnit);
  const b = await point(to, toSnap, toUnit);
  // Each snapshot has its own floor: a unit hidden in either one is hidden here (SPEC "Privacy").
  const fromFloor = ctx.suppress
    ? readerFloor(fromSnap.tree, actor.scopeEmployeeId, settings.minGroupSize)
    : null;
  const hiddenThen = fromFloor !== null && isUnitHidden(fromFloor, fromSnap.tree, fromUnit);
  const size = hiddenThen ? 0 : Math.min(a.structure.headcount, b.structure.headcount);
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
  const before = headcountByDepartment(fromSnap, fromUnit);
  const after = headcountByDepartment(toSnap, toUnit);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  // Departments partition the unit on each side, whose headcount is shown: the floor on each side.
  const sides = (
    [
      [before, fromFloor],
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
    const shown = (f === 0 || sides[0]?.[k] === true) && (t === 0 || sides[1]?.[k] === true);
    const smallest = shown ? Math.min(...[f, t].filter((n) => n > 0)) : 0;
    const r = guardGroup(ctx, smallest, { department, from: f, to: t, change: roundTo(t - f, 4) });
    return 'suppressed' in r ? { ...r, department } : r;
  });
  const changes = compareSnapshots(fromSnap, toSnap);
  const rows = buildPeopleLists(
    changes,
    { snap: fromSnap, has: unitMembers(fromSnap, fromUnit) },
    { snap: toSnap, has: unitMembers(toSnap, toUnit) },
  );
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
