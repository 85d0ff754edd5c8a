import { computeLadderMetrics, type DepartmentLadderRow } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { summarizeStructure, unitRootsAndOrphans, type StructureMetrics } from '@/lib/metrics/structure';
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
  // the stored units' rule (an org-wide count here also took junior-staff rows as roots: a scenario
  // with no operations read "Roots 5 -> 20" on the Home Office)
  const { roots, orphans } = unitRootsAndOrphans(t, nodes, unit.subtree === null ? -1 : unit.rootIndex);
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
  unit: Pick<Unit, 'nodes'>,
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
