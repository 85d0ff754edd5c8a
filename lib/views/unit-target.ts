import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { resolveTarget, type SpanLayerTarget, type Targets } from '@/lib/metrics/targets';
import type { Unit } from './unit';

/** The target a unit's charts draw. */
export interface UnitTarget extends SpanLayerTarget {
  source: 'organisation' | 'department';
  /** plain-words caveat, e.g. how the layer limit was translated for a subtree */
  note: string | null;
}

/**
 * The effective target for a unit: the department's own (over the organisation's) when a
 * department is chosen, else the organisation's. A subtree's layers count from its root (the root
 * is layer 1), so the organisation's maximum is reduced by the layers above the root: with at most
 * 7 layers and a root on layer 3, the subtree may use 5.
 */
export function targetForUnit(
  targets: Targets | null,
  unit: Unit,
  snap: PreparedSnapshot,
): UnitTarget | null {
  return targetAtLayer(
    targets,
    unit.department,
    unit.rootIndex < 0 ? null : (snap.tree.layer[unit.rootIndex] ?? 1),
  );
}

/**
 * The same from the unit's department and its root's layer (null = no subtree root): what a view
 * answered from stored rows knows of the root (lib/metrics/unit-points.ts RootFacts).
 */
export function targetAtLayer(
  targets: Targets | null,
  department: string | null,
  rootLayer: number | null,
): UnitTarget | null {
  if (targets === null) return null;
  const t = resolveTarget(targets, department);
  const source = department !== null && targets.departments[department] ? 'department' : 'organisation';
  if (rootLayer === null) return { ...t, source, note: null };
  const above = rootLayer - 1;
  if (above === 0) return { ...t, source, note: null };
  return {
    ...t,
    maxLayers: Math.max(1, t.maxLayers - above),
    source,
    note: `Layers count from the subtree's root, which sits on layer ${above + 1}: the limit of ${t.maxLayers} becomes ${Math.max(1, t.maxLayers - above)} here.`,
  };
}
