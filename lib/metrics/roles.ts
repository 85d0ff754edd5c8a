/**
 * Structural roles derived bottom-up from the tree: headcount weight, span, manager kind and
 * subtree size per record. Definitions follow SPEC.md "Structure":
 * - weight: what a record adds to headcount. A person is 1; a vacant post is 0 (an open position,
 *   not headcount); an aggregated row (UK organogram junior staff: N FTE of one grade under one
 *   senior post) is N, fractional FTE allowed.
 * - span(m) = direct reports, counted in people: each filled report adds its weight, so an
 *   aggregated row of N adds N (it stands for N people who all report to m). A vacant report adds 1
 *   only when it is itself a management post (it has people or posts below it): the manager still
 *   runs that line while it is unfilled. A vacant leaf is an open requisition and adds nothing, so
 *   for a fully filled, non-aggregated tree the spans sum to headcount minus roots.
 * - manager = a filled, non-aggregated record with span > 0; vacant posts are never counted as
 *   managers or ICs (they are not headcount) but keep their place in the structure.
 * - aggregated rows are always ICs: they stand for groups of junior staff, never a line manager.
 * - manager of managers = at least one direct report is a management post (filled or vacant);
 *   manager of ICs = every direct report is an IC or a vacant leaf.
 */

/** Managerial kind per record; executives are decided per view because they depend on the layer. */
export const NodeKind = { vacant: 0, ic: 1, managerOfIcs: 2, managerOfManagers: 3 } as const;
export type NodeKindValue = (typeof NodeKind)[keyof typeof NodeKind];

export interface Roles {
  weight: Float64Array;
  span: Float64Array;
  kind: Uint8Array;
  /** Headcount weight of everyone below the record (not counting the record itself). */
  subtreeSize: Float64Array;
}

export interface RoleInput {
  vacant: Uint8Array;
  aggregatedCount: Float64Array; // NaN for ordinary records
  childOffsets: Int32Array;
  children: Int32Array;
  /** Breadth-first order, parents before children; walked backwards so children come first. */
  order: Int32Array;
}

/** Compute weight, span, kind and subtree size for every record in one reverse breadth-first pass. */
export function computeRoles(input: RoleInput): Roles {
  const { vacant, aggregatedCount, childOffsets, children, order } = input;
  const n = vacant.length;
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const agg = aggregatedCount[i] ?? Number.NaN;
    weight[i] = vacant[i] === 1 ? 0 : Number.isNaN(agg) ? 1 : Math.max(0, agg);
  }
  const span = new Float64Array(n);
  const kind = new Uint8Array(n);
  const subtreeSize = new Float64Array(n);
  // A management post is any non-aggregated record with span > 0, filled or vacant.
  const isPost = new Uint8Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    let s = 0;
    let below = 0;
    let hasPostReport = false;
    const end = childOffsets[v + 1] ?? 0;
    for (let e = childOffsets[v] ?? 0; e < end; e++) {
      const c = children[e] ?? 0;
      const w = weight[c] ?? 0;
      below += w + (subtreeSize[c] ?? 0);
      if (vacant[c] === 1) {
        if (isPost[c] === 1) s += 1;
      } else {
        s += w;
      }
      if (isPost[c] === 1) hasPostReport = true;
    }
    span[v] = s;
    subtreeSize[v] = below;
    const aggregated = !Number.isNaN(aggregatedCount[v] ?? Number.NaN);
    if (!aggregated && s > 0) isPost[v] = 1;
    if (vacant[v] === 1) kind[v] = NodeKind.vacant;
    else if (aggregated || s <= 0) kind[v] = NodeKind.ic;
    else kind[v] = hasPostReport ? NodeKind.managerOfManagers : NodeKind.managerOfIcs;
  }
  return { weight, span, kind, subtreeSize };
}
