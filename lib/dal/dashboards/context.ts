import 'server-only';
import { can } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/roles';
import { z } from 'zod';
import { paramsReader, readFilters } from '@/lib/query/dashboard';
import type { ViewContext } from '@/lib/views/context';
import type { Actor } from '../actor';
import { ValidationError } from '../errors';
import { resolveUnit, type Unit } from '../scope';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { settingsFromRows, type OrgSettings } from '../settings';
import { loadPrepared, type SnapshotRef } from '../snapshot-data';
import { NotFoundError } from '../errors';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { rawQuery } from '../raw-query';
import { ACTOR_COLUMNS, actorFromRow, type ActorRow } from '../login';
import type { OrgRequest } from '../organisations';
import type { StoredUnitPoint } from '@/lib/metrics/unit-points';
import { storedRequest } from './stored-request';

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
 * A dashboard request with the actor's scope applied, answered from stored rows where they can
 * answer (issue #13): who asks, the settings, the snapshot, the unit (its stored-results key,
 * department and subtree), whether the privacy floor hides it, and the tree only on demand.
 * Families that read stored rows (trends) use these fields; families that still need the
 * snapshot's tree call `withTree()` (loaded once per request, from the process cache).
 */
export interface DashboardRequest {
  actor: Actor;
  settings: OrgSettings;
  ref: SnapshotRef;
  /** the data version read with the settings (keys the answer cache); see result-cache.ts. */
  dataVersion: string;
  unit: Pick<Unit, 'stored' | 'department' | 'subtree'>;
  /** leaders and viewers: groups under settings.minGroupSize are suppressed. */
  suppress: boolean;
  /** the unit asked for is hidden by the privacy floor: every figure about it is suppressed. */
  hidden: boolean;
  canSeePeople: boolean;
  canSeeCost?: boolean;
  /** a subtree unit's stored point in this snapshot, when the request was resolved from it */
  rootPoint?: StoredUnitPoint;
  /**
   * leaders and viewers resolved from their stored floor marks: the floor's department plan
   * (ReaderFloor.departments), when the marks hold it
   */
  floorDepartments?: ReadonlySet<string>;
  /**
   * leaders and viewers resolved from their stored floor marks: the floor's plan on IC counts
   * (whether it shows the unit, and the departments whose IC figures may show), read in the same
   * query; null when the marks were stored before they held it
   */
  icFloor?: { shown: boolean; departments: ReadonlySet<string> } | null;
  /** the full context with the snapshot's tree, the unit's records and the reader's floor */
  withTree(): Promise<DashboardContext>;
}

/**
 * Everything a dashboard computation over the tree needs, with the actor's scope already applied:
 * the plain view context (lib/views/context.ts) plus the actor and the snapshot's database
 * reference. It is a DashboardRequest too (its `withTree` gives itself).
 */
export interface DashboardContext
  extends ViewContext, Omit<DashboardRequest, 'unit' | 'rootPoint' | 'floorDepartments'> {
  actor: Actor;
  settings: OrgSettings;
  ref: SnapshotRef;
  /** the data version read with the settings (keys the answer cache); see result-cache.ts. */
  dataVersion: string;
}

/**
 * SQL for a string that changes whenever the organisation's stored data or settings change ($1 =
 * the organisation): it keys the answer cache (result-cache.ts), so any import, deletion, identity
 * mapping, settings change or "not comparable" mark, from any app instance or the command line,
 * makes the next request recompute.
 */
const dataVersionSql = (org: string) => `concat_ws('|', ${org},
      (select count(*) || ':' || coalesce(max(id), 0) from snapshots where org_id = ${org}),
      (select count(*) || ':' || coalesce(max(id), 0) from ai_imports where org_id = ${org}),
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from ai_identity_map where org_id = ${org}),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from settings where org_id = ${org}),
      (select coalesce(string_agg(id::text, ',' order by id), '') from snapshots where org_id = ${org} and not_comparable))`;

/** A string that changes whenever the organisation's stored data or settings change. */
export async function dataVersion(orgId: number): Promise<string> {
  const rows = await rawQuery<{ v: string }>(`select ${dataVersionSql('$1::int')} as v`, [orgId]);
  return rows[0]?.v ?? '';
}

/** A dashboard request before its tree: who asks, the filters, the settings, the snapshot, the data version. */
export interface DashboardHead {
  actor: Actor;
  query: DashboardQuery;
  settings: OrgSettings;
  ref: SnapshotRef;
  dataVersion: string;
}

const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The head's columns as one statement reads them (headColumns). */
interface HeadRow {
  settings: Array<{ key: string; value: unknown }> | null;
  snapshot_id: number | null;
  as_of: string | Date | null;
  v: string;
}

/**
 * The head's select list and join over an organisation id expression `org` and a date parameter
 * `asOf`: the organisation's settings, the snapshot asked for (its current version dated asOf,
 * else the latest) and the data version.
 */
const headSql = (org: string, asOf: string) => ({
  columns: `(select json_agg(json_build_object('key', key, 'value', value)) from settings where org_id = ${org}) as settings,
       s.id as snapshot_id, s.as_of, ${dataVersionSql(org)} as v`,
  join: `left join lateral (
       select id, as_of from snapshots
       where org_id = ${org} and is_current and (${asOf}::date is null or as_of = ${asOf}::date)
       order by as_of desc limit 1
     ) s on true`,
});

/** The head from its row; NotFoundError when there is no such snapshot. */
function headFromRow(actor: Actor, query: DashboardQuery, r: HeadRow | undefined): DashboardHead {
  if (!r || r.snapshot_id === null || r.as_of === null)
    throw new NotFoundError(
      query.asOf ? `No snapshot is dated ${query.asOf}.` : 'No snapshot has been imported yet.',
    );
  return {
    actor,
    query,
    settings: settingsFromRows(r.settings ?? []),
    ref: { id: r.snapshot_id, asOf: iso(r.as_of), orgId: actor.orgId },
    dataVersion: r.v,
  };
}

/**
 * The head of a dashboard request in one statement (one round trip): the organisation's settings,
 * the snapshot asked for (its current version dated asOf, else the latest) and the data version.
 * NotFoundError when there is no such snapshot.
 */
export async function loadDashboardHead(actor: Actor, query: DashboardQuery): Promise<DashboardHead> {
  const head = headSql('$1::int', '$2');
  const rows = await rawQuery<HeadRow>(`select ${head.columns} from (select 1) one ${head.join}`, [
    actor.orgId,
    query.asOf ?? null,
  ]);
  return headFromRow(actor, query, rows[0]);
}

/** The roles that see every organisation (lib/auth/permissions.ts can.seeEveryOrganisation). */
const EVERY_ORGANISATION_ROLES = ROLES.filter((role) => can.seeEveryOrganisation(role));

/** An organisation id as pickOrg reads it from a request (a demand or a preference), or null. */
function orgIdOf(raw: string | null | undefined): number | null {
  const t = raw?.trim();
  if (!t) return null;
  const id = Number(t);
  return Number.isInteger(id) && Math.abs(id) <= 2_147_483_647 ? id : null;
}

/**
 * The session's actor and the head of their dashboard request in one statement (issue #13: the
 * session's rights, re-read on every request, and the head cost one round trip, not two): the user
 * row (lib/dal/login.ts ACTOR_COLUMNS) and the head of the organisation the request most likely
 * means (the demanded one, else the preferred one, else the first the user may see). The actor is
 * then made by the one rule (actorFromRow, pickOrg: 403 for an organisation the user may not see);
 * when that rule picks another organisation than the statement did, the head is read again for it.
 * Null when the user has no access (no such user, disabled, a leader without a scope).
 */
export async function loadActorHead(
  userId: number,
  requested: OrgRequest,
  query: DashboardQuery,
): Promise<DashboardHead | null> {
  const head = headSql('pick.org', '$5');
  const rows = await rawQuery<ActorRow & HeadRow & { org: number | null }>(
    `with u as (select ${ACTOR_COLUMNS} from users u where u.id = $1),
     pick as (
       select coalesce(case when $3::int = any(ids) then $3::int end,
                       case when $4::int = any(ids) then $4::int end, ids[1]) as org
       from (select case when u.role::text = any($2::text[]) then u.every else u.given end as ids from u) l
     )
     select u.*, pick.org, ${head.columns} from u cross join pick ${head.join}`,
    [
      userId,
      EVERY_ORGANISATION_ROLES,
      orgIdOf(requested.demand),
      orgIdOf(requested.preference),
      query.asOf ?? null,
    ],
  );
  const r = rows[0];
  if (r === undefined) return null;
  const actor = actorFromRow(r, requested);
  if (actor === null) return null;
  if (actor.orgId !== r.org) return loadDashboardHead(actor, query);
  return headFromRow(actor, query, r);
}

/**
 * The rest of the request: its unit and privacy floor from stored rows when they can answer
 * (./stored-request.ts: the org, a department, or a manager's subtree with a stored unit point,
 * and the reader's stored floor marks), the tree then loaded only by the families that need it;
 * otherwise the full context over the snapshot's tree, as before.
 */
export async function contextFromHead(head: DashboardHead): Promise<DashboardRequest> {
  const stored = await storedRequest(head, () => treeContextFromHead(head));
  return stored ?? treeContextFromHead(head);
}

/** The full context of a request over the snapshot's tree: the tree, the unit in it, the floor. */
export async function treeContextFromHead(head: DashboardHead): Promise<DashboardContext> {
  const { actor, query, settings, ref } = head;
  const snap = await loadPrepared(ref, settings);
  const unit = resolveUnit(actor, snap, query);
  const ctx: DashboardContext = {
    ...readerContext(actor, settings, ref, snap, unit),
    dataVersion: head.dataVersion,
    withTree: () => Promise.resolve(ctx),
  };
  return ctx;
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
): Omit<DashboardContext, 'dataVersion' | 'withTree'> {
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
    canSeeCost: can.seeCost(actor),
  };
}

/**
 * Resolves snapshot, scope and unit for a dashboard request over the snapshot's tree (404 outside
 * scope, 422 bad input): the full context, for reports, lookups and tests.
 */
export async function loadDashboardContext(actor: Actor, query: DashboardQuery): Promise<DashboardContext> {
  return treeContextFromHead(await loadDashboardHead(actor, query));
}

export {
  familyShown,
  guardGroup,
  guardRow,
  hiddenMarker,
  reasonFor,
  isGroupHidden,
  isSuppressed,
  partitionShown,
  type Suppressed,
} from '@/lib/views/context';
