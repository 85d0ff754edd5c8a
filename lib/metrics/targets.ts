/**
 * Span and layer targets (as Orgvue's target packs): an organisation-wide span range and maximum
 * number of layers, optionally overridden per department. A manager is off target when their span
 * (direct reports) is below spanMin or above spanMax of their department's effective target; a
 * department is off target when its median span is outside the range or its depth (deepest layer
 * held, org-wide layers: a department is a slice of the org, see structure.ts) exceeds maxLayers.
 */
import type { UnitColumns } from '@/lib/metrics/tree';
import { NodeKind } from '@/lib/metrics/roles';

export interface SpanLayerTarget {
  spanMin: number;
  spanMax: number;
  maxLayers: number;
}

export interface Targets {
  org: SpanLayerTarget;
  departments: Record<string, Partial<SpanLayerTarget>>;
}

export type TargetStatus = 'below' | 'within' | 'above';

/** The target that applies to a department (its overrides over the organisation's), or the org's. */
export function resolveTarget(targets: Targets, department: string | null): SpanLayerTarget {
  const own = department === null ? undefined : targets.departments[department];
  return {
    spanMin: own?.spanMin ?? targets.org.spanMin,
    spanMax: own?.spanMax ?? targets.org.spanMax,
    maxLayers: own?.maxLayers ?? targets.org.maxLayers,
  };
}

/** Where a span falls against a target range. */
export function classifySpan(span: number | null, t: SpanLayerTarget): TargetStatus | null {
  if (span === null) return null;
  if (span < t.spanMin) return 'below';
  if (span > t.spanMax) return 'above';
  return 'within';
}

/** Where a number of layers falls against the maximum. */
export function classifyLayers(layers: number | null, t: SpanLayerTarget): TargetStatus | null {
  if (layers === null || layers === 0) return null;
  return layers > t.maxLayers ? 'above' : 'within';
}

export interface OffTargetManager {
  index: number;
  span: number;
  target: SpanLayerTarget;
  status: 'below' | 'above';
  /** how far outside the range, in direct reports */
  distance: number;
}

/**
 * Structural managers among `nodes` (null = everyone) whose span is outside their department's
 * target range, furthest outside first.
 */
export function findOffTargetManagers(
  tree: Pick<UnitColumns, 'records' | 'size' | 'kind' | 'span'>,
  nodes: Int32Array | null,
  targets: Targets,
): OffTargetManager[] {
  const out: OffTargetManager[] = [];
  const visit = (i: number) => {
    const k = tree.kind[i];
    if (k !== NodeKind.managerOfIcs && k !== NodeKind.managerOfManagers) return;
    const span = tree.span[i] ?? 0;
    const target = resolveTarget(targets, tree.records[i]?.department ?? null);
    const status = classifySpan(span, target);
    if (status === 'below') out.push({ index: i, span, target, status, distance: target.spanMin - span });
    else if (status === 'above')
      out.push({ index: i, span, target, status, distance: span - target.spanMax });
  };
  if (nodes === null) for (let i = 0; i < tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  return out.sort((a, b) => b.distance - a.distance || a.index - b.index);
}
