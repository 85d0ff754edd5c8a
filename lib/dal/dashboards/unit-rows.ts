import 'server-only';
import { NodeKind } from '@/lib/metrics/roles';
import { floorMarksKey } from '@/lib/views/floor';
import { readColumnsFacts, unitColumnsOf, type UnitRows } from '@/lib/views/people-rows';
import { PEOPLE_ORDER_FAMILY, readPeopleRange } from '../people-order';
import { rawQuery } from '../raw-query';
import { isPreparedCached, readStored } from '../snapshot-data';
import { readUnitPoints } from './unit-series';
import type { DashboardRequest } from './context';
import { FLOOR_FAMILY } from './floor';

/** A manager's subtree read from people_order, as the views read it from the tree. */
export interface StoredUnitRows extends UnitRows {
  /** the snapshot carries costs (the Cost card shows) */
  costs: boolean;
  /** layers above the unit's root */
  layerShift: number;
}

/**
 * The people of a manager's subtree from the rows stored in preorder at import (one range of the
 * primary key) as tree columns (lib/views/people-rows.ts unitColumnsOf), or null when they cannot
 * stand in for the tree: a unit that is not a subtree resolved from its stored point, or rows
 * stored before they carried FTE and cost (or none at all). Also null when the snapshot's tree is
 * in memory already: walking it beats reading a range (a large one by far), and the answer is the
 * same either way.
 */
export async function storedUnitRows(req: DashboardRequest): Promise<StoredUnitRows | null> {
  const { unit, rootPoint, ref } = req;
  if (rootPoint === undefined) return null;
  if (unit.stored?.scopeType !== 'subtree' || unit.subtree === null || unit.department !== null) return null;
  if (isPreparedCached(ref, req.settings)) return null;
  const [data, rows] = await Promise.all([
    readStored<unknown>(ref.id, PEOPLE_ORDER_FAMILY, 'org', ''),
    readPeopleRange(ref.id, rootPoint.pre, rootPoint.size),
  ]);
  const facts = readColumnsFacts(data);
  const root = rows[0];
  if (facts === null || root === undefined || root.employeeId !== unit.subtree) return null;
  const columns = unitColumnsOf(rows);
  if (columns === null) return null;
  return { ...columns, costs: facts.costs, layerShift: root.layer - 1 };
}

/**
 * Whether every filled person-level record under the reader's top (their scope root's subtree, or
 * the whole snapshot) has a cost (lib/views/cost.ts fullyCosted), from the stored rows; null when
 * the scope root has no stored point (the tree answers then).
 */
export async function storedFullyCosted(req: DashboardRequest): Promise<boolean | null> {
  const scope = req.actor.scopeEmployeeId;
  let from = 0;
  let to = 2 ** 31 - 1;
  if (scope !== null) {
    const point =
      req.unit.subtree === scope
        ? req.rootPoint
        : (await readUnitPoints([req.ref.id], [scope])).get(`${req.ref.id}:${scope}`);
    if (point === undefined) return null;
    from = point.pre;
    to = point.pre + point.size - 1;
  }
  const rows = await rawQuery<{ full: boolean }>(
    `select not exists (select 1 from people_order where snapshot_id = $1 and pre between $2 and $3
       and annual_cost is null and fte is null and kind <> ${NodeKind.vacant}) as full`,
    [req.ref.id, from, to],
  );
  return rows[0]?.full ?? null;
}

/**
 * Of these employee ids, those whose unit the reader's stored floor marks show (lib/views/floor.ts
 * FloorMarks.shown: every shown unit but the reader's top), tested in the database.
 */
export async function shownInMarks(req: DashboardRequest, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await rawQuery<{ id: string }>(
    `select x as id from metric_results, unnest($3::text[]) x
     where snapshot_id = $1 and family = '${FLOOR_FAMILY}' and scope_type = 'org' and scope_key = $2
       and (data->'shown') ? x`,
    [req.ref.id, floorMarksKey(req.actor.scopeEmployeeId, req.settings.minGroupSize), ids],
  );
  return new Set(rows.map((r) => r.id));
}
