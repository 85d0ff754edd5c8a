/**
 * Structural roles derived bottom-up from the tree: headcount weight, span, manager kind, subtree
 * size and junior-staff FTE per record. Definitions follow SPEC.md "Structure" and "Posts, people
 * and FTE":
 * - person-level rows (a person or a named post) make the tree; aggregated rows (UK organogram
 *   junior staff: N FTE of one grade under one senior post) are not direct reports.
 * - weight: what a record adds to headcount. A filled person-level row is 1; a vacant post is 0
 *   (an open position, not headcount); an aggregated row is 0: its staff are FTE, never people.
 * - fte: the junior-staff FTE an aggregated row stands for (0 for every other record).
 * - span(m) = person-level direct reports: each filled report adds 1; a vacant report adds 1 only
 *   when it is itself a management post (it has person-level rows below it): the manager still runs
 *   that line while it is unfilled. A vacant leaf is an open requisition and adds nothing, so for a
 *   fully filled tree the spans sum to headcount minus roots. Aggregated rows add nothing.
 * - manager = a filled person-level record with span > 0. A senior post whose only staff are
 *   aggregated rows has no direct reports (SPEC "manager = has at least one direct report"), so it
 *   is an IC of the person-level tree; its junior staff show as its unit's junior FTE.
 * - aggregated rows are always ICs with weight 0: they stand for groups of junior staff.
 * - manager of managers = at least one direct report is a management post (filled or vacant);
 *   manager of ICs = every person-level direct report is an IC or a vacant leaf.
 * - ownFte = aggregated FTE directly under the record; juniorFteBelow = aggregated FTE anywhere in
 *   its subtree. A unit's total FTE = its people (senior posts count 1 each) + its junior FTE.
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
  /** Junior-staff FTE the record stands for (aggregated rows only; 0 otherwise). */
  fte: Float64Array;
  /** Aggregated FTE directly under the record. */
  ownFte: Float64Array;
  /** Aggregated FTE anywhere below the record. */
  juniorFteBelow: Float64Array;
  /** Aggregated FTE of the whole snapshot. */
  juniorFte: number;
  /** True when the snapshot has at least one aggregated row. */
  hasAggregated: boolean;
}

export interface RoleInput {
  vacant: Uint8Array;
  aggregatedCount: Float64Array; // NaN for ordinary records
  childOffsets: Int32Array;
  children: Int32Array;
  /** Breadth-first order, parents before children; walked backwards so children come first. */
  order: Int32Array;
}

/** Compute weight, span, kind, subtree size and FTE for every record in one reverse breadth-first pass. */
export function computeRoles(input: RoleInput): Roles {
  const { vacant, aggregatedCount, childOffsets, children, order } = input;
  const n = vacant.length;
  const weight = new Float64Array(n);
  const fte = new Float64Array(n);
  const aggregated = new Uint8Array(n);
  let juniorFte = 0;
  for (let i = 0; i < n; i++) {
    const agg = aggregatedCount[i] ?? Number.NaN;
    if (!Number.isNaN(agg)) {
      aggregated[i] = 1;
      fte[i] = Math.max(0, agg);
      juniorFte += fte[i] ?? 0;
    } else weight[i] = vacant[i] === 1 ? 0 : 1;
  }
  const span = new Float64Array(n);
  const kind = new Uint8Array(n);
  const subtreeSize = new Float64Array(n);
  const ownFte = new Float64Array(n);
  const juniorFteBelow = new Float64Array(n);
  // A management post is any person-level record with span > 0, filled or vacant.
  const isPost = new Uint8Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    let s = 0;
    let below = 0;
    let own = 0;
    let fteBelow = 0;
    let hasPostReport = false;
    const end = childOffsets[v + 1] ?? 0;
    for (let e = childOffsets[v] ?? 0; e < end; e++) {
      const c = children[e] ?? 0;
      below += (weight[c] ?? 0) + (subtreeSize[c] ?? 0);
      fteBelow += (fte[c] ?? 0) + (juniorFteBelow[c] ?? 0);
      if (aggregated[c] === 1) {
        own += fte[c] ?? 0;
        continue;
      }
      if (vacant[c] === 1) {
        if (isPost[c] === 1) s += 1;
      } else s += 1;
      if (isPost[c] === 1) hasPostReport = true;
    }
    span[v] = s;
    subtreeSize[v] = below;
    ownFte[v] = own;
    juniorFteBelow[v] = fteBelow;
    if (aggregated[v] !== 1 && s > 0) isPost[v] = 1;
    if (vacant[v] === 1 && aggregated[v] !== 1) kind[v] = NodeKind.vacant;
    else if (aggregated[v] === 1 || s <= 0) kind[v] = NodeKind.ic;
    else kind[v] = hasPostReport ? NodeKind.managerOfManagers : NodeKind.managerOfIcs;
  }
  return {
    weight,
    span,
    kind,
    subtreeSize,
    fte,
    ownFte,
    juniorFteBelow,
    juniorFte,
    hasAggregated: juniorFte > 0 || aggregated.includes(1),
  };
}
