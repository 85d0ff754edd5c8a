import { computeLadderMetrics, type DepartmentLadderRow } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { summarizeStructure, type StructureMetrics } from '@/lib/metrics/structure';
import { groupUnitByDepartment } from '@/lib/metrics/record-columns';
import type { Unit } from './unit';

/** Structure metrics of a unit computed from the in-memory tree (units without stored rows). */
export function computeUnitStructure(
  snap: PreparedSnapshot,
  unit: Unit,
  execLayers: number,
): StructureMetrics {
  const t = snap.tree;
  const nodes = unit.nodes;
  let roots = 0;
  let orphans = 0;
  if (nodes !== null) {
    const inUnit = new Uint8Array(t.size);
    for (const i of nodes) inUnit[i] = 1;
    for (const i of nodes) {
      const p = t.parent[i] ?? -1;
      if (p < 0 || inUnit[p] !== 1) roots++;
      if (unit.subtree === null) orphans += t.orphan[i] ?? 0;
    }
  } else {
    roots = t.roots.length;
    for (let i = 0; i < t.size; i++) orphans += t.orphan[i] ?? 0;
  }
  const layerShift = unit.rootIndex >= 0 ? (t.layer[unit.rootIndex] ?? 1) - 1 : 0;
  return summarizeStructure(
    t,
    { nodes, layerShift, roots, orphans },
    { execLayers, declaredTracks: snap.levels.declared },
  );
}

/** The per-department ladder table restricted to a unit's people. */
export function computeUnitLadderTable(
  snap: PreparedSnapshot,
  unit: Unit,
): { departments: Array<DepartmentLadderRow & { people: number }> } {
  const t = snap.tree;
  const departments = groupUnitByDepartment(t, unit.nodes).map(({ department, rows: idx }) => {
    const m = computeLadderMetrics(t, snap.levels, idx);
    let people = 0;
    for (const i of idx) people += t.weight[i] ?? 0;
    return {
      department,
      icLadderDepth: m.icLadderDepth,
      icCeiling: m.icCeiling,
      shortLadder: m.shortLadder,
      parityGap: m.parityGap,
      seniorIcShare: m.seniorIcShare,
      people,
    };
  });
  return { departments };
}
