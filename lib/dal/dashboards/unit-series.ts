import 'server-only';
import type { LadderUnitMetrics } from '@/lib/metrics/ladder';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { StructureMetrics } from '@/lib/metrics/structure';
import type { Actor } from '../actor';
import { resolveUnit, type Unit } from '../scope';
import { listSeries, loadPrepared, readStored, readStoredSeries, type SnapshotRef } from '../snapshot-data';
import { computeUnitStructure } from '../unit-metrics';
import type { DashboardQuery } from './context';

export interface UnitPoint {
  asOf: string;
  /** the snapshot version the point comes from (series points; see scope-marks.ts) */
  snapshotId?: number;
  structure: StructureMetrics | StoredStructure;
  ladder: LadderUnitMetrics | null;
}

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

/**
 * The unit's structure and ladder metrics for every current snapshot up to ref, oldest first.
 * Stored rows answer the org, departments and top-layer subtrees in one query each; other units
 * are computed per snapshot from cached trees. Snapshots where the unit did not exist are skipped.
 */
export async function loadUnitSeries(
  actor: Actor,
  ref: SnapshotRef,
  query: DashboardQuery,
  unitNow: Unit,
  execLayers: number,
): Promise<UnitPoint[]> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const ids = series.map((s) => s.id);
  if (unitNow.stored) {
    const { scopeType, scopeKey } = unitNow.stored;
    const structures = await readStoredSeries<StoredStructure>(ids, 'structure', scopeType, scopeKey);
    const ladders = await readStoredSeries<LadderUnitMetrics>(ids, 'ladder', scopeType, scopeKey);
    if (structures.size === ids.length || scopeType !== 'subtree') {
      return series.flatMap((s) => {
        const st = structures.get(s.id);
        return st
          ? [{ asOf: s.asOf, snapshotId: s.id, structure: st, ladder: ladders.get(s.id) ?? null }]
          : [];
      });
    }
  }
  const out: UnitPoint[] = [];
  for (const s of series) {
    const snap = await loadPrepared(s);
    let unit: Unit;
    try {
      unit = resolveUnit(actor, snap, query);
    } catch {
      continue;
    }
    out.push({
      asOf: s.asOf,
      snapshotId: s.id,
      structure: await unitStructureAt(s, unit, execLayers),
      ladder: computeLadderMetrics(snap.tree, snap.levels, unit.nodes),
    });
  }
  return out;
}
