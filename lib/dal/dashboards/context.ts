import 'server-only';
import { can } from '@/lib/auth/permissions';
import { z } from 'zod';
import { paramsReader, readFilters } from '@/lib/query/dashboard';
import { isSuppressed, type SuppressedMarker } from '@/lib/query/suppressed';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { Actor } from '../actor';
import { ValidationError } from '../errors';
import { resolveUnit, type Unit } from '../scope';
import { readSettings, type OrgSettings } from '../settings';
import { loadPrepared, resolveSnapshot, type SnapshotRef } from '../snapshot-data';
import { planFloor } from '@/lib/privacy/floor';
import { isUnitHidden, readerFloor, type ReaderFloor } from './floor';
import { dataVersion } from './result-cache';

/** The global dashboard controls, as they appear in the URL (?asOf=&department=&subtree=). */
export const dashboardQuerySchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD.')
    .optional(),
  department: z.string().max(300).optional(),
  subtree: z.string().max(300).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * Reads the dashboard query from URL search params (empty values = not set): the client's reader
 * (lib/query/dashboard.ts readFilters), validated. One URL-filter parser for pages, routes and hooks.
 */
export function parseDashboardQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): DashboardQuery {
  const { asOf, department, subtree } = readFilters(paramsReader(params));
  const r = dashboardQuerySchema.safeParse({ asOf, department, subtree });
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'Invalid dashboard filter.');
  return r.data;
}

/** Everything a dashboard computation needs, with the actor's scope already applied. */
export interface DashboardContext {
  actor: Actor;
  settings: OrgSettings;
  ref: SnapshotRef;
  snap: PreparedSnapshot;
  unit: Unit;
  /** leaders and viewers: groups under settings.minGroupSize are suppressed. */
  suppress: boolean;
  /** leaders and viewers: which units may show figures at all (the floor under subtraction). */
  floor: ReaderFloor | null;
  /** the unit asked for is hidden by the floor: every figure about it is suppressed. */
  hidden: boolean;
  /** the floor on IC counts hides the unit: figures about its ICs are suppressed. */
  icHidden: boolean;
  /** hr/admin anywhere, leaders inside their scope; never viewers. */
  canSeePeople: boolean;
  /** the data version read with the settings (keys the answer cache); see result-cache.ts. */
  dataVersion: string;
}

/** Resolves snapshot, scope and unit for a dashboard request (404 outside scope, 422 bad input). */
export async function loadDashboardContext(actor: Actor, query: DashboardQuery): Promise<DashboardContext> {
  // Three independent reads in parallel: each dashboard request waits for one round trip, not three.
  const [settings, ref, version] = await Promise.all([
    readSettings(actor.orgId),
    resolveSnapshot(actor.orgId, query.asOf),
    dataVersion(actor.orgId),
  ]);
  const snap = await loadPrepared(ref, settings);
  const unit = resolveUnit(actor, snap, query);
  const suppress = !can.seeSmallGroups(actor);
  const floor = suppress ? readerFloor(snap.tree, actor.scopeEmployeeId, settings.minGroupSize) : null;
  return {
    actor,
    settings,
    ref,
    snap,
    unit,
    suppress,
    floor,
    hidden: floor !== null && isUnitHidden(floor, snap.tree, unit),
    icHidden: floor !== null && isUnitHidden({ ...floor, plan: floor.icPlan }, snap.tree, unit),
    canSeePeople: can.seePeople(actor),
    dataVersion: version,
  };
}

export type Suppressed = SuppressedMarker;
export { isSuppressed };

/**
 * Returns the value, or a suppression marker when the group is too small for this actor or the
 * unit it belongs to is hidden by the privacy floor (a unit's figures are shown or hidden together).
 */
export function guardGroup<T>(ctx: DashboardContext, groupSize: number, value: T): T | Suppressed {
  return isGroupHidden(ctx, groupSize) ? hiddenMarker(ctx) : value;
}

/** True when figures about a group of the unit are suppressed: too small, or the unit is hidden. */
export function isGroupHidden(ctx: DashboardContext, groupSize: number): boolean {
  return ctx.suppress && (ctx.hidden || groupSize < ctx.settings.minGroupSize);
}

/**
 * For a flat breakdown of the unit shown beside its total (departments, levels, bands): which rows
 * may show figures, so the hidden rows cannot be had as the total minus the shown ones.
 */
export function partitionShown(
  ctx: DashboardContext,
  sizes: readonly number[],
  total: number | null,
  departments?: ReadonlyArray<string | null>,
  floor: ReaderFloor | null = ctx.floor,
): boolean[] {
  // Rows that are departments follow the reader's department plan (departments x subtrees), which
  // already keeps every department breakdown of a shown unit safe; a second plan would hide more.
  if (departments && floor !== null && ctx.suppress)
    return ctx.hidden ? sizes.map(() => false) : departments.map((d) => floor.departments.has(d ?? ''));
  return familyShown(ctx, new Array<number>(sizes.length).fill(-1), sizes, total);
}

/** The same for nested breakdowns (a department row and its level cells): parent index per row, -1 = top. */
export function familyShown(
  ctx: DashboardContext,
  parent: readonly number[],
  sizes: readonly number[],
  total: number | null,
): boolean[] {
  if (!ctx.suppress) return sizes.map(() => true);
  if (ctx.hidden) return sizes.map(() => false);
  const plan = planFloor({ parent, size: sizes, total, min: ctx.settings.minGroupSize });
  return sizes.map((_, k) => plan.visible[k] === 1);
}

/** The marker shown in place of figures hidden for this actor. */
export function hiddenMarker(ctx: DashboardContext): Suppressed {
  return { suppressed: true, minGroupSize: ctx.settings.minGroupSize };
}
