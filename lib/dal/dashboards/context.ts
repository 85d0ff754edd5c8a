import 'server-only';
import { can } from '@/lib/auth/permissions';
import { z } from 'zod';
import { paramsReader, readFilters } from '@/lib/query/dashboard';
import type { ViewContext } from '@/lib/views/context';
import type { Actor } from '../actor';
import { ValidationError } from '../errors';
import { resolveUnit, type Unit } from '../scope';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { readSettings, type OrgSettings } from '../settings';
import { loadPrepared, resolveSnapshot, type SnapshotRef } from '../snapshot-data';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
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

/**
 * Everything a dashboard computation needs, with the actor's scope already applied: the plain
 * view context (lib/views/context.ts) plus the actor and the snapshot's database reference.
 */
export interface DashboardContext extends ViewContext {
  actor: Actor;
  settings: OrgSettings;
  ref: SnapshotRef;
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
  return { ...readerContext(actor, settings, ref, snap, unit), dataVersion: version };
}

/**
 * The context of a reader over a prepared snapshot and a unit of it: the privacy floor of the
 * actor's scope in that tree, and what they may see. Dashboards use it over a stored snapshot,
 * scenarios over their changed copy.
 */
export function readerContext(
  actor: Actor,
  settings: OrgSettings,
  ref: SnapshotRef,
  snap: PreparedSnapshot,
  unit: Unit,
): Omit<DashboardContext, 'dataVersion'> {
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
  };
}

export {
  familyShown,
  guardGroup,
  hiddenMarker,
  isGroupHidden,
  isSuppressed,
  partitionShown,
  type Suppressed,
} from '@/lib/views/context';
