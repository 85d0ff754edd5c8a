/**
 * The privacy floor on an org tree: the units are the subtrees of records with reports (managers
 * and vacant posts with reports), seen from the reader's top (their scope root, or the whole
 * organisation with its total). One plan per reader, snapshot, minimum and population, so every
 * answer the reader can get (any subtree filter, any table) shows the same units: the figures of
 * all answers together stay safe, not only each answer on its own.
 */
import { collectSubtree, type OrgTree } from '@/lib/metrics/tree';
import { NodeKind } from '@/lib/metrics/roles';
import { planFloor } from './floor';

export interface TreePlan {
  /** per record index: 1 = the subtree's figures may be shown */
  visible: Uint8Array;
  /** the reader's top: the whole organisation's figures may be shown (top = -1) */
  totalVisible: boolean;
}

/** Sums a per-record population over every subtree (the record included), children first. */
export function subtreeSums(tree: OrgTree, own: (i: number) => number): Float64Array {
  const sum = new Float64Array(tree.size);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const v = tree.order[k] ?? 0;
    sum[v] = (sum[v] ?? 0) + own(v);
    const p = tree.parent[v] ?? -1;
    if (p >= 0) sum[p] = (sum[p] ?? 0) + (sum[v] ?? 0);
  }
  return sum;
}

/** Headcount of each subtree (the record's own weight included). */
export function headcountSums(tree: OrgTree): Float64Array {
  return subtreeSums(tree, (i) => tree.weight[i] ?? 0);
}

/** Individual contributors in each subtree. */
export function icSums(tree: OrgTree): Float64Array {
  return subtreeSums(tree, (i) => (tree.kind[i] === NodeKind.ic ? (tree.weight[i] ?? 0) : 0));
}

/**
 * Plans which subtrees below `top` (-1 = whole organisation, whose total is shown) may be shown
 * when their figures are about `sizes` (subtree sums of one population).
 */
export function planTree(tree: OrgTree, top: number, sizes: ArrayLike<number>, min: number): TreePlan {
  const members = top < 0 ? Int32Array.from({ length: tree.size }, (_, i) => i) : collectSubtree(tree, top);
  const local = new Map<number, number>();
  const units: number[] = [];
  for (const i of members) {
    const hasReports = (tree.childOffsets[i + 1] ?? 0) > (tree.childOffsets[i] ?? 0);
    if (hasReports && tree.aggregated[i] !== 1) {
      local.set(i, units.length);
      units.push(i);
    }
  }
  const parent = units.map((i) => {
    if (i === top) return -1;
    for (let v = tree.parent[i] ?? -1, g = 0; v >= 0 && g <= tree.size; v = tree.parent[v] ?? -1, g++) {
      const l = local.get(v);
      if (l !== undefined) return l;
      if (v === top) break;
    }
    return -1;
  });
  let total = 0;
  if (top < 0) for (const r of tree.roots) total += sizes[r] ?? 0;
  const plan = planFloor({
    parent,
    size: units.map((i) => sizes[i] ?? 0),
    total: top < 0 ? total : null,
    min,
  });
  const visible = new Uint8Array(tree.size);
  units.forEach((i, l) => (visible[i] = plan.visible[l] ?? 0));
  return { visible, totalVisible: top < 0 ? plan.totalVisible : visible[top] === 1 };
}

/** Keeps only what every plan shows: hiding more units never breaks a safe plan. */
export function intersectPlans(a: TreePlan, b: TreePlan): TreePlan {
  return {
    visible: a.visible.map((v, i) => v & (b.visible[i] ?? 0)),
    totalVisible: a.totalVisible && b.totalVisible,
  };
}
