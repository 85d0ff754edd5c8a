import 'server-only';
import type { LadderUnitMetrics } from '@/lib/metrics/ladder';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import type { UnitCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { countAtCeiling } from '@/lib/views/overview';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { StructureMetrics } from '@/lib/metrics/structure';
import type { OrgRecord } from '@/lib/metrics/types';
import {
  computeLeafPoint,
  decodeUnitPoint,
  isPointWithin,
  type StoredUnitPoint,
} from '@/lib/metrics/unit-points';
import type { UnitPoint } from '@/lib/views/points';
import type { Actor } from '../actor';
import { PEOPLE_COLUMNS, rowToRecord, type PeopleRow } from '../people-copy';
import { rawQuery } from '../raw-query';
import { resolveUnit, type Unit } from '../scope';
import {
  ladderFor,
  listSeries,
  loadPrepared,
  readStored,
  readStoredSeries,
  type SnapshotRef,
} from '../snapshot-data';
import { computeUnitStructure } from '../unit-metrics';
import type { DashboardQuery } from './context';

export type { UnitPoint } from '@/lib/views/points';

/** Structure of a unit in one snapshot: the stored row when one exists, else computed from the tree. */
export async function unitStructureAt(
  ref: SnapshotRef,
  unit: Unit,
  execLayers: number,
): Promise<StructureMetrics | StoredStructure> {
  if (unit.stored) {
    const s = await readStored<StoredStructure>(
      ref.id,
      'structure',
      unit.stored.scopeType,
      unit.stored.scopeKey,
    );
    if (s) return s;
  }
  return computeUnitStructure(await loadPrepared(ref), unit, execLayers);
}

/** The unit's point in one snapshot computed from its tree; null when the unit is not in it (for this actor). */
async function computedPoint(
  actor: Actor,
  s: SnapshotRef,
  query: DashboardQuery,
  execLayers: number,
): Promise<UnitPoint | null> {
  const snap = await loadPrepared(s);
  let unit: Unit;
  try {
    unit = resolveUnit(actor, snap, query);
  } catch {
    return null;
  }
  return {
    asOf: s.asOf,
    snapshotId: s.id,
    structure: await unitStructureAt(s, unit, execLayers),
    ladder: computeLadderMetrics(snap.tree, snap.levels, unit.nodes),
    icsAtCeiling: countAtCeiling({ snap, unit }),
  };
}

/** The stored unit points (lib/metrics/unit-points.ts) of these roots in these snapshots. */
export async function readUnitPoints(ids: number[], roots: string[]): Promise<Map<string, StoredUnitPoint>> {
  // One primary-key probe per (snapshot, root): the lateral subquery with OFFSET 0 keeps the
  // planner from a scan of every point row when the table's statistics predate the import.
  const rows = await rawQuery<{ snapshot_id: number; scope_key: string; data: unknown }>(
    `select m.snapshot_id, m.scope_key, m.data
     from unnest($1::int[]) s(id) cross join unnest($2::text[]) k(key),
     lateral (select snapshot_id, scope_key, data from metric_results
              where snapshot_id = s.id and family = 'point' and scope_type = 'subtree' and scope_key = k.key
              offset 0) m`,
    [ids, roots],
  );
  const out = new Map<string, StoredUnitPoint>();
  for (const r of rows) {
    const p = decodeUnitPoint(r.data);
    if (p !== null) out.set(`${r.snapshot_id}:${r.scope_key}`, p);
  }
  return out;
}

/** The records with this employee id in the snapshots of ids, by snapshot id. */
export async function recordsOf(ids: number[], employeeId: string): Promise<Map<number, OrgRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await rawQuery<PeopleRow & { snapshot_id: number }>(
    `select snapshot_id, ${PEOPLE_COLUMNS.slice(1).join(', ')} from people
     where snapshot_id = any($1::int[]) and employee_id = $2`,
    [ids, employeeId],
  );
  return new Map(rows.map((r) => [r.snapshot_id, rowToRecord(r)]));
}

/**
 * A subtree's series from stored unit points: one read for every snapshot, plus one for the
 * snapshots without a point (the root absent, or a leaf then, or a snapshot stored before points
 * existed). A leaf's point comes from its record alone; only a snapshot stored before points, or
 * a leaf a scoped reader asks for, is computed from its tree. An actor's scope is checked by
 * preorder arithmetic on the scope root's own point, as resolveUnit does on a tree.
 */
async function subtreeSeries(
  actor: Actor,
  series: SnapshotRef[],
  query: DashboardQuery,
  subtree: string,
  execLayers: number,
): Promise<UnitPoint[]> {
  const scope = actor.scopeEmployeeId;
  const ids = series.map((s) => s.id);
  const points = await readUnitPoints(ids, scope && scope !== subtree ? [subtree, scope] : [subtree]);
  const without = series.filter((s) => !points.has(`${s.id}:${subtree}`)).map((s) => s.id);
  const records = await recordsOf(without, subtree);
  const withPoints = await snapshotsWithPoints(without.filter((id) => records.has(id)));
  const leafScope = scope && scope !== subtree ? await leafScopes(points, records, scope) : null;
  const out: UnitPoint[] = [];
  for (const s of series) {
    let p = points.get(`${s.id}:${subtree}`);
    if (p === undefined) {
      const record = records.get(s.id);
      if (record === undefined) continue; // not in this snapshot
      const inScope = leafScope === null ? true : leafScope.get(s.id);
      if (!withPoints.has(s.id) || inScope === undefined) {
        const computed = await computedPoint(actor, s, query, execLayers);
        if (computed) out.push(computed);
        continue;
      }
      if (!inScope) continue;
      const leaf = computeLeafPoint(s.asOf, record, await ladderFor(s), { execLayers });
      if (leaf === null) continue;
      p = leaf;
    } else if (scope && scope !== subtree) {
      const sp = points.get(`${s.id}:${scope}`);
      // A scope root with no point has no reports (or is absent): no other subtree lies inside it.
      if (sp === undefined || !isPointWithin(p, sp)) continue;
    }
    out.push({ asOf: s.asOf, snapshotId: s.id, structure: p.structure, ladder: p.ladder });
  }
  // A point's step holds the previous snapshot's ICs at the ceiling inside the root's subtree then,
  // so snapshot k's count is read from snapshot k+1's point (the current one is computed by the view).
  for (let k = 0; k < out.length; k++) {
    const o = out[k];
    const next = series[series.findIndex((s) => s.id === o?.snapshotId) + 1];
    const step = next ? points.get(`${next.id}:${subtree}`)?.step : undefined;
    if (o && o.icsAtCeiling === undefined) o.icsAtCeiling = step?.prevExists ? step.prevIcsAt : null;
  }
  return out;
}

/**
 * For a scoped reader asking for a subtree that is a leaf in some snapshots (a record without a
 * point): whether the leaf lies in the scope there, by its manager, per snapshot id. A leaf other
 * than the scope root lies inside the scope exactly when its manager is the scope root or lies
 * inside it, which the manager's and the scope root's points tell by preorder arithmetic. Absent
 * (undefined) when the points cannot tell (no manager, or the manager's or the scope root's point
 * not stored: a leaf, absent, or a subtree left out of the points): the tree answers.
 */
async function leafScopes(
  points: ReadonlyMap<string, StoredUnitPoint>,
  records: ReadonlyMap<number, OrgRecord>,
  scope: string,
): Promise<Map<number, boolean>> {
  const managers = [...new Set([...records.values()].flatMap((r) => (r.managerId ? [r.managerId] : [])))];
  const theirs = await readUnitPoints([...records.keys()], managers);
  const out = new Map<number, boolean>();
  for (const [id, record] of records) {
    const m = record.managerId;
    if (!m) continue;
    if (m === scope) {
      out.set(id, true);
      continue;
    }
    const sp = points.get(`${id}:${scope}`);
    const mp = theirs.get(`${id}:${m}`);
    if (sp !== undefined && mp !== undefined) out.set(id, isPointWithin(mp, sp));
  }
  return out;
}

/** The snapshots (of ids) whose unit points were stored at import (every one imported since they exist). */
async function snapshotsWithPoints(ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  // One index probe per snapshot (a scan of every point row would read thousands per snapshot).
  const rows = await rawQuery<{ snapshot_id: number }>(
    `select s.id as snapshot_id from unnest($1::int[]) s(id),
     lateral (select 1 from metric_results m
              where m.snapshot_id = s.id and m.family = 'point' and m.scope_type = 'subtree'
              order by m.snapshot_id, m.family, m.scope_type, m.scope_key limit 1) found`,
    [ids],
  );
  return new Set(rows.map((r) => r.snapshot_id));
}

/**
 * The unit's structure and ladder metrics for every current snapshot up to ref, oldest first.
 * Stored rows answer the org and departments in one query each, stored unit points any manager's
 * subtree; a department within a subtree is computed per snapshot from cached trees. Snapshots
 * where the unit did not exist (or lay outside the actor's scope) are skipped.
 */
export async function loadUnitSeries(
  actor: Actor,
  ref: SnapshotRef,
  query: DashboardQuery,
  unitNow: Pick<Unit, 'stored' | 'department' | 'subtree'>,
  execLayers: number,
): Promise<UnitPoint[]> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const ids = series.map((s) => s.id);
  if (unitNow.stored && unitNow.stored.scopeType !== 'subtree') {
    const { scopeType, scopeKey } = unitNow.stored;
    const structures = await readStoredSeries<StoredStructure>(ids, 'structure', scopeType, scopeKey);
    const ladders = await readStoredSeries<LadderUnitMetrics>(ids, 'ladder', scopeType, scopeKey);
    const risks = await readStoredSeries<{ units?: UnitCeilingRisk[] }>(ids, 'ceiling-risk', 'org');
    return series.flatMap((s) => {
      const st = structures.get(s.id);
      const units = risks.get(s.id)?.units;
      // The stored per-department aggregates: the org sums them, a department reads its own.
      const icsAtCeiling = !units
        ? null
        : scopeType === 'org'
          ? units.reduce((a, u) => a + u.atCeiling, 0)
          : (units.find((u) => u.department === scopeKey)?.atCeiling ?? 0);
      return st
        ? [{ asOf: s.asOf, snapshotId: s.id, structure: st, ladder: ladders.get(s.id) ?? null, icsAtCeiling }]
        : [];
    });
  }
  if (unitNow.subtree !== null && unitNow.department === null)
    return subtreeSeries(actor, series, query, unitNow.subtree, execLayers);
  const out: UnitPoint[] = [];
  for (const s of series) {
    const p = await computedPoint(actor, s, query, execLayers);
    if (p) out.push(p);
  }
  return out;
}
