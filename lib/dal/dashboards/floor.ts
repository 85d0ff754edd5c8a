import 'server-only';
import { floorMarks, floorMarksKey, isUnitHidden, readerFloor, type FloorMarks } from '@/lib/views/floor';
import { getDatabase } from '@/db';
import { can } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/roles';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { MetricResultRow } from '@/lib/metrics/snapshot-results';
import { rawQuery } from '../raw-query';
import { resolveUnit, type Unit } from '../scope';
import { listSeries, loadPrepared, type SnapshotRef } from '../snapshot-data';
import type { DashboardRequest } from './context';

/** Stored floor marks (lib/views/floor.ts FloorMarks) live in metric_results under this family. */
export const FLOOR_FAMILY = 'reader-floor';

/**
 * Whether the reader's floor shows the unit in each of these snapshots, from the stored marks (one
 * primary-key probe per snapshot; the test runs in the database, so no list of ids travels): the
 * subtree of `unitRoot`, the reader's top (`isTop`), or with `department` the unit of that
 * department at the reader's top (the marks' topDepartments). Snapshots without stored marks (or,
 * for a department, marks without topDepartments) are absent from the answer.
 */
async function storedShown(
  ids: number[],
  key: string,
  unit: { root: string; isTop: boolean; department: string | null },
): Promise<Map<number, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await rawQuery<{ snapshot_id: number; shown: boolean }>(
    `select m.snapshot_id,
            case when $5::text is not null then (m.data->'topDepartments') ? $5::text
                 when $3::boolean then (m.data->>'total')::boolean else (m.data->'shown') ? $4::text end as shown
     from unnest($1::int[]) s(id),
     lateral (select snapshot_id, data from metric_results
              where snapshot_id = s.id and family = '${FLOOR_FAMILY}' and scope_type = 'org' and scope_key = $2
              offset 0) m
     where $5::text is null or m.data ? 'topDepartments'`,
    [ids, key, unit.isTop, unit.root, unit.department],
  );
  return new Map(rows.map((r) => [r.snapshot_id, r.shown === true]));
}

/**
 * Keeps a snapshot's floor marks for the next request (behind the answer; a race or a deleted
 * snapshot keeps none). Marks stored before they held the departments shown at the reader's top
 * are replaced (the same floor, planned on the same snapshot, with them added); others are kept.
 */
export function storeMarks(ref: Pick<SnapshotRef, 'id'>, key: string, marks: FloorMarks): void {
  setImmediate(() => {
    void (async () => {
      try {
        await rawQuery(
          `insert into metric_results (snapshot_id, family, scope_type, scope_key, data)
           values ($1, '${FLOOR_FAMILY}', 'org', $2, $3::jsonb)
           on conflict (snapshot_id, family, scope_type, scope_key) do update set data = excluded.data
           where not (metric_results.data ? 'icDepartments')`,
          [ref.id, key, JSON.stringify(marks)],
          await getDatabase(),
        );
      } catch {
        // the snapshot was deleted meanwhile or the database closed: nothing to keep
      }
    })();
  });
}

/**
 * Snapshots (as-of dates up to the context's) in which the reader's floor hides the unit asked
 * for. Each snapshot has its own tree and so its own floor; the whole organisation needs no tree
 * (its floor is its headcount). A manager's subtree is answered from the floor marks stored at
 * import (for the scopes of the organisation's leaders and viewers) or by the first request that
 * planned them, and so is a department of the whole organisation; only snapshots without marks,
 * and departments inside a subtree, load their trees.
 */
export async function hiddenSnapshots(ctx: DashboardRequest): Promise<Set<string>> {
  const out = new Set<string>();
  if (!ctx.suppress || (ctx.unit.subtree === null && ctx.unit.department === null)) return out;
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  const scope = ctx.actor.scopeEmployeeId;
  const key = floorMarksKey(scope, ctx.settings.minGroupSize);
  const series = await listSeries(ctx.ref.orgId, ctx.ref.asOf);
  // A subtree, or a department of the whole organisation (a reader without a scope): stored marks.
  const byMarks = want.department === null ? want.subtree !== null : want.subtree === null && scope === null;
  const stored = byMarks
    ? await storedShown(
        series.map((s) => s.id),
        key,
        { root: want.subtree ?? '', isTop: want.subtree === scope, department: want.department },
      )
    : new Map<number, boolean>();
  for (const ref of series) {
    const shown = stored.get(ref.id);
    if (shown !== undefined) {
      if (!shown) out.add(ref.asOf);
      continue;
    }
    const snap = await loadPrepared(ref);
    const floor = readerFloor(snap.tree, scope, ctx.settings.minGroupSize);
    storeMarks(ref, key, floorMarks(floor, snap.tree));
    let unit: Unit;
    try {
      unit = resolveUnit(ctx.actor, snap, want);
    } catch {
      continue;
    }
    if (isUnitHidden(floor, snap.tree, unit)) out.add(ref.asOf);
  }
  return out;
}

/** At most this many readers' scopes get floor marks at import; others are planned by their first request. */
const IMPORT_FLOOR_SCOPES = 20;

/**
 * The scopes whose floors an import stores marks for: those of the organisation's enabled users
 * whose figures are suppressed (roles without can.seeSmallGroups; '' = whole organisation), most
 * recently signed in first. An organisation without such users stores none.
 */
export async function floorScopesOf(
  query: <T>(text: string, params: unknown[]) => Promise<T[]>,
  orgId: number,
): Promise<Array<string | null>> {
  const roles = ROLES.filter((r) => !can.seeSmallGroups(r));
  const rows = await query<{ scope: string }>(
    `select coalesce(u.scope_employee_id, '') as scope from users u
     join user_organisations g on g.user_id = u.id and g.org_id = $1
     where not u.disabled and u.role::text = any($2::text[])
     group by 1 order by max(u.last_login_at) desc nulls last limit ${IMPORT_FLOOR_SCOPES}`,
    [orgId, roles],
  );
  return rows.map((r) => (r.scope === '' ? null : r.scope));
}

/** The floor marks rows of a prepared snapshot for these scopes (stored with its other metric rows). */
export function floorRows(
  snap: PreparedSnapshot,
  scopes: ReadonlyArray<string | null>,
  min: number,
): MetricResultRow[] {
  return scopes.map((scope) => ({
    family: FLOOR_FAMILY,
    scopeType: 'org' as const,
    scopeKey: floorMarksKey(scope, min),
    data: floorMarks(readerFloor(snap.tree, scope, min), snap.tree),
  }));
}
