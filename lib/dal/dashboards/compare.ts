import 'server-only';
import { z } from 'zod';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { assembleCompare, type Compare } from '@/lib/views/compare';
import { ValidationError } from '../errors';
import { resolveUnit, type Unit } from '../scope';
import { listSeries, loadPrepared, resolveSnapshot, type SnapshotRef } from '../snapshot-data';
import { readTargets } from '../targets';
import type { DashboardContext, DashboardRequest } from './context';
import { unitStructureAt } from './unit-series';
import type { FullPoint } from '@/lib/views/points';

export type {
  Compare,
  CompareMetric,
  DepartmentChange,
  ListKey,
  PeopleList,
  PersonRow,
} from '@/lib/views/compare';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'from and to must be YYYY-MM-DD.')
  .optional();
/** The comparison's own URL parameters, beside the global filters. */
export const compareQuerySchema = z.object({ from: date, to: date });

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

/**
 * Two snapshots side by side for the same unit: picks and loads both snapshots, resolves the unit
 * in each with the actor's scope, reads the targets; lib/views/compare.ts computes the comparison.
 */
export async function buildCompare(req: DashboardRequest, params: URLSearchParams): Promise<Compare> {
  const ctx = await req.withTree();
  const { settings, actor } = ctx;
  const { from, to } = await pickRefs(ctx, params);
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  const toSnap = await loadPrepared(to);
  const toUnit = resolveUnit(actor, toSnap, want);
  const { targets } = await readTargets(ctx.ref.orgId);
  const toSide = { asOf: to.asOf, snap: toSnap, unit: toUnit };
  if (from === null) return assembleCompare(ctx, { to: toSide, from: null, toPoint: null, targets });
  const fromSnap = await loadPrepared(from);
  const fromUnit = resolveUnit(actor, fromSnap, want);
  const point = async (ref: SnapshotRef, snap: PreparedSnapshot, unit: Unit): Promise<FullPoint> => ({
    asOf: ref.asOf,
    structure: await unitStructureAt(ref, unit, settings.execLayers),
    ladder: computeLadderMetrics(snap.tree, snap.levels, unit.nodes),
  });
  const a = await point(from, fromSnap, fromUnit);
  const b = await point(to, toSnap, toUnit);
  return assembleCompare(ctx, {
    to: toSide,
    from: { asOf: from.asOf, snap: fromSnap, unit: fromUnit, point: a },
    toPoint: b,
    targets,
  });
}
