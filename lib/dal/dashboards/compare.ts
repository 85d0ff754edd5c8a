import 'server-only';
import { z } from 'zod';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { PersonOrderRow } from '@/lib/metrics/people-order';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import { isPointWithin, type RootFacts, type StoredUnitPoint } from '@/lib/metrics/unit-points';
import { assembleCompare, compareFrom, departmentHeadcounts, type Compare } from '@/lib/views/compare';
import { rowListSide } from '@/lib/views/compare-lists';
import type { FloorDepartments } from '@/lib/views/context';
import { floorMarksKey } from '@/lib/views/floor';
import { ladderKey } from '@/lib/views/ladder-facts';
import { readPeopleOrderFacts } from '@/lib/views/people-rows';
import type { FullPoint } from '@/lib/views/points';
import { storedRootLabel } from '@/lib/views/unit-root';
import { targetAtLayer } from '@/lib/views/unit-target';
import { ValidationError } from '../errors';
import { PEOPLE_ORDER_FAMILY, readPeopleByIds, readPeopleRange } from '../people-order';
import { resolveUnit, type Unit } from '../scope';
import {
  ladderFor,
  listSeries,
  loadPrepared,
  readStored,
  resolveSnapshot,
  type SnapshotRef,
} from '../snapshot-data';
import { readTargets } from '../targets';
import type { DashboardRequest } from './context';
import { storedFloor, storedShown } from './stored-request';
import { readUnitPoints, unitStructureAt } from './unit-series';

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

async function pickRefs(ctx: Pick<DashboardRequest, 'ref'>, params: URLSearchParams) {
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
 * Two snapshots side by side for the same unit (SPEC "Compare"): from the stored rows of both
 * snapshots when they can answer (a manager's subtree: its unit points, structure rows and people
 * in preorder), else from both trees. Both paths end in lib/views/compare.ts compareFrom.
 */
export async function buildCompare(req: DashboardRequest, params: URLSearchParams): Promise<Compare> {
  const stored = await storedCompare(req, params);
  return stored ?? compareFromTree(req, params);
}

/** The comparison from the two snapshots' trees: loads both, resolves the unit in each with the actor's scope. */
export async function compareFromTree(req: DashboardRequest, params: URLSearchParams): Promise<Compare> {
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

/** How often the stored path answered (for tests and diagnostics). */
export const comparePaths = { stored: 0 };

/**
 * A snapshot's stored side of a subtree: its unit point (with the root's facts) inside the reader's
 * scope, its structure row and people in preorder with the comparison's columns, or null when
 * stored rows cannot stand in for the tree there (the tree then answers, or refuses, as before).
 */
async function storedSide(
  req: DashboardRequest,
  ref: SnapshotRef,
  subtree: string,
): Promise<{ point: StoredUnitPoint; root: RootFacts; structure: StoredStructure; key: string } | null> {
  const scope = req.actor.scopeEmployeeId;
  const roots = scope !== null && scope !== subtree ? [subtree, scope] : [subtree];
  const [points, structure, facts, ladder] = await Promise.all([
    readUnitPoints([ref.id], roots),
    readStored<StoredStructure>(ref.id, 'structure', 'subtree', subtree),
    readStored<unknown>(ref.id, PEOPLE_ORDER_FAMILY, 'org', ''),
    ladderFor(ref),
  ]);
  const point = points.get(`${ref.id}:${subtree}`);
  if (point?.root === undefined || !structure) return null;
  if (scope !== null && scope !== subtree) {
    const scopePoint = points.get(`${ref.id}:${scope}`);
    if (scopePoint === undefined || !isPointWithin(point, scopePoint)) return null;
  }
  const key = ladderKey(ladder);
  if (readPeopleOrderFacts(facts, key)?.changes !== true) return null;
  return { point, root: point.root, structure, key };
}

/**
 * The comparison of a manager's subtree from stored rows, or null when they cannot answer exactly
 * as the trees would: another unit, a side without the subtree's unit point, structure row or
 * people rows with the comparison's columns (stored before migration 0015, with another ladder, or
 * with a repeated employee id), or a reader's floor not stored for the 'from' snapshot. Each side
 * reads its subtree's range of people_order, and the other snapshot's rows of only those people
 * who are in one range and not the other.
 */
async function storedCompare(req: DashboardRequest, params: URLSearchParams): Promise<Compare | null> {
  const { unit, settings, actor } = req;
  if (unit.stored?.scopeType !== 'subtree' || unit.subtree === null || unit.department !== null) return null;
  const subtree = unit.subtree;
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  const { from, to } = await pickRefs(req, params);
  const [toSide, fromSide, targets] = await Promise.all([
    storedSide(req, to, subtree),
    from === null ? null : storedSide(req, from, subtree),
    readTargets(req.ref.orgId),
  ]);
  if (toSide === null || (from !== null && fromSide === null)) return null;
  let fromFloor: { floor: FloorDepartments | null; hidden: boolean } = { floor: null, hidden: false };
  if (from !== null && req.suppress) {
    const scope = actor.scopeEmployeeId;
    const marks = await storedShown(
      from.id,
      floorMarksKey(scope, settings.minGroupSize),
      subtree === scope ? null : subtree,
      null,
    );
    if (marks?.departments === undefined) return null;
    fromFloor = { floor: { departments: marks.departments }, hidden: !marks.shown };
  }
  const [toRows, fromRows] = await Promise.all([
    readPeopleRange(to.id, toSide.point.pre, toSide.point.size),
    from === null || fromSide === null
      ? null
      : readPeopleRange(from.id, fromSide.point.pre, fromSide.point.size),
  ]);
  const root = toRows[0];
  if (root?.employeeId !== subtree) return null;
  const reader = { ...req, floor, unit: { department: null, subtree } };
  const head = {
    to: to.asOf,
    subtreeName: storedRootLabel(reader, toSide.root, root.name),
    target: targetAtLayer(targets.targets, null, toSide.root.layer),
  };
  if (from === null || fromSide === null || fromRows === null) {
    comparePaths.stored++;
    return compareFrom(reader, { ...head, sides: null });
  }
  // The people of one range who are not in the other, looked up in the other snapshot by id.
  const outside = (rows: PersonOrderRow[], other: PersonOrderRow[]) => {
    const ids = new Set(other.map((r) => r.employeeId));
    return rows.filter((r) => r.person === true && !ids.has(r.employeeId)).map((r) => r.employeeId);
  };
  const [toOthers, fromOthers] = await Promise.all([
    readPeopleByIds(to.id, outside(fromRows, toRows)),
    readPeopleByIds(from.id, outside(toRows, fromRows)),
  ]);
  const side = (
    ref: SnapshotRef,
    s: NonNullable<typeof toSide>,
    rows: PersonOrderRow[],
    others: PersonOrderRow[],
  ) => ({
    asOf: ref.asOf,
    point: { asOf: ref.asOf, structure: s.structure, ladder: s.point.ladder },
    departments: departmentHeadcounts(
      rows.map((r) => ({ department: r.department, weight: r.person === true ? 1 : 0 })),
    ),
    people: rowListSide(rows, others),
  });
  comparePaths.stored++;
  return compareFrom(reader, {
    ...head,
    sides: {
      from: { ...side(from, fromSide, fromRows, fromOthers), ...fromFloor },
      to: side(to, toSide, toRows, toOthers),
    },
  });
}
