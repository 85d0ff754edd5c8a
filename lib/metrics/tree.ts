/**
 * Index-based org tree. Records keep their input position as their index; links are typed arrays
 * (parent indices, children in CSR form) so a million-person org costs a few tens of MB and every
 * walk is an iterative loop: no recursion anywhere, so a 100,000-deep chain cannot overflow the stack.
 */
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import { findCycles } from '@/lib/metrics/cycles';
import { computeRoles, type Roles } from '@/lib/metrics/roles';

export interface OrgTree extends Roles {
  records: readonly OrgRecord[];
  size: number;
  /** First record index per employee id (the ingest validator reports duplicates). */
  indexById: ReadonlyMap<string, number>;
  /** Manager index, -1 for a root. */
  parent: Int32Array;
  /** Children of i are children[childOffsets[i] .. childOffsets[i + 1]), in input order. */
  childOffsets: Int32Array;
  children: Int32Array;
  /** 1-based layer: roots are 1. */
  layer: Int32Array;
  /** Breadth-first order from the roots: parents always before their reports. */
  order: Int32Array;
  /**
   * Depth-first preorder: every subtree is one contiguous run, so a subtree is the slice
   * preorder[preorderIndex[i] .. preorderIndex[i] + descendantCount[i] + 1) with no walk at all.
   */
  preorder: Int32Array;
  preorderIndex: Int32Array;
  /** Number of records (of any kind) below each record. */
  descendantCount: Int32Array;
  roots: Int32Array;
  /** 1 when the manager id was not found: the person became an extra root. */
  orphan: Uint8Array;
  vacant: Uint8Array;
  aggregated: Uint8Array;
  /** Reporting cycles as employee ids. Each cycle is broken at its earliest row, which becomes a root. */
  cycles: string[][];
  /** Largest layer of any record (vacant posts included). */
  maxLayer: number;
}

/**
 * Rows of another tree whose record objects may be the very same: `rows[i]` is a row of `tree`
 * (or -1); where `tree.records[rows[i]] === records[i]` the record's own flags (vacant,
 * aggregated) are copied from that row instead of read from the record again. A scenario's changed
 * copy shares almost every record object with its starting snapshot, so this skips a pass over
 * 100k objects in memory per operation.
 */
/**
 * The per-record columns a unit's figures read: the whole tree, or the columns of one unit's
 * people read from the rows stored in preorder (lib/views/people-rows.ts unitColumnsOf).
 */
export type UnitColumns = Pick<
  OrgTree,
  | 'records'
  | 'size'
  | 'kind'
  | 'layer'
  | 'span'
  | 'weight'
  | 'aggregated'
  | 'fte'
  | 'subtreeSize'
  | 'maxLayer'
>;

export interface SameRecords {
  tree: Pick<OrgTree, 'records' | 'vacant' | 'aggregated'>;
  rows: Int32Array;
}

/** Build the tree: resolve managers, flag orphans, break and report cycles, lay out layers and roles. */
export function buildOrgTree(
  records: readonly OrgRecord[],
  links?: RecordLinks,
  same?: SameRecords,
): OrgTree {
  const n = records.length;
  const known = links !== undefined && links.parent.length === n && links.indexById.size <= n ? links : null;
  let indexById: ReadonlyMap<string, number>;
  if (known !== null) indexById = known.indexById;
  else {
    const built = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const id = records[i]?.employeeId ?? '';
      if (!built.has(id)) built.set(id, i);
    }
    indexById = built;
  }
  const parent = known === null ? new Int32Array(n).fill(-1) : known.parent.slice();
  const orphan = new Uint8Array(n);
  const vacant = new Uint8Array(n);
  const aggregated = new Uint8Array(n);
  const aggregatedCount = new Float64Array(n).fill(Number.NaN);
  const reuse = known !== null && same !== undefined && same.rows.length === n ? same : null;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (r === undefined) continue;
    if (reuse !== null) {
      const k = reuse.rows[i] ?? -1;
      if (k >= 0 && reuse.tree.records[k] === r && reuse.tree.aggregated[k] !== 1) {
        // the very same record: its flags are the other tree's; a manager id that did not resolve
        // (an orphan) is the only thing left to read, and only on a row without a parent
        vacant[i] = reuse.tree.vacant[k] ?? 0;
        if (parent[i] === -1 && r.managerId !== null) orphan[i] = 1;
        continue;
      }
    }
    if (r.status === 'vacant') vacant[i] = 1;
    if (r.aggregatedCount !== null) {
      aggregated[i] = 1;
      aggregatedCount[i] = r.aggregatedCount;
    }
    if (r.managerId === null) continue;
    if (known !== null) {
      if (parent[i] === -1) orphan[i] = 1;
      continue;
    }
    const m = indexById.get(r.managerId);
    if (m === undefined) orphan[i] = 1;
    else parent[i] = m;
  }
  const cycleIndices = findCycles(parent);
  const cycles: string[][] = [];
  for (const cycle of cycleIndices) {
    cycles.push(cycle.map((i) => records[i]?.employeeId ?? ''));
    // Cutting at the earliest row keeps metrics defined (every record reachable) even though the
    // import itself is refused; the cut is deterministic so reruns agree.
    let cut = cycle[0] ?? 0;
    for (const i of cycle) if (i < cut) cut = i;
    parent[cut] = -1;
  }
  const { childOffsets, children } = buildChildren(parent);
  const { order, layer, roots, maxLayer } = layOut(parent, childOffsets, children);
  const roles = computeRoles({ vacant, aggregatedCount, childOffsets, children, order });
  const { preorder, preorderIndex, descendantCount } = layOutPreorder(roots, childOffsets, children, order);
  return {
    records,
    size: n,
    indexById,
    parent,
    childOffsets,
    children,
    layer,
    order,
    preorder,
    preorderIndex,
    descendantCount,
    roots,
    orphan,
    vacant,
    aggregated,
    cycles,
    maxLayer,
    ...roles,
  };
}

/** Build CSR child lists from parent indices; children keep input order. */
function buildChildren(parent: Int32Array): { childOffsets: Int32Array; children: Int32Array } {
  const n = parent.length;
  const childOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p >= 0) childOffsets[p + 1] = (childOffsets[p + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) childOffsets[i + 1] = (childOffsets[i + 1] ?? 0) + (childOffsets[i] ?? 0);
  const cursor = childOffsets.slice(0, n);
  const children = new Int32Array(childOffsets[n] ?? 0);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p < 0) continue;
    const at = cursor[p] ?? 0;
    children[at] = i;
    cursor[p] = at + 1;
  }
  return { childOffsets, children };
}

/** Breadth-first walk from the roots (in input order) assigning layers. */
function layOut(
  parent: Int32Array,
  childOffsets: Int32Array,
  children: Int32Array,
): { order: Int32Array; layer: Int32Array; roots: Int32Array; maxLayer: number } {
  const n = parent.length;
  const order = new Int32Array(n);
  const layer = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if ((parent[i] ?? -1) < 0) {
      order[tail++] = i;
      layer[i] = 1;
    }
  }
  const roots = order.slice(0, tail);
  let maxLayer = tail > 0 ? 1 : 0;
  for (let head = 0; head < tail; head++) {
    const v = order[head] ?? 0;
    const next = (layer[v] ?? 0) + 1;
    const end = childOffsets[v + 1] ?? 0;
    for (let e = childOffsets[v] ?? 0; e < end; e++) {
      const c = children[e] ?? 0;
      layer[c] = next;
      order[tail++] = c;
    }
    if (end > (childOffsets[v] ?? 0) && next > maxLayer) maxLayer = next;
  }
  return { order, layer, roots, maxLayer };
}

/** Iterative depth-first preorder (explicit stack) and descendant counts. */
function layOutPreorder(
  roots: Int32Array,
  childOffsets: Int32Array,
  children: Int32Array,
  order: Int32Array,
): { preorder: Int32Array; preorderIndex: Int32Array; descendantCount: Int32Array } {
  const n = order.length;
  const preorder = new Int32Array(n);
  const preorderIndex = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let r = roots.length - 1; r >= 0; r--) stack[top++] = roots[r] ?? 0;
  let at = 0;
  while (top > 0) {
    const v = stack[--top] ?? 0;
    preorderIndex[v] = at;
    preorder[at++] = v;
    // Pushed in reverse so children come out in input order.
    for (let e = (childOffsets[v + 1] ?? 0) - 1; e >= (childOffsets[v] ?? 0); e--)
      stack[top++] = children[e] ?? 0;
  }
  const descendantCount = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    let count = 0;
    const end = childOffsets[v + 1] ?? 0;
    for (let e = childOffsets[v] ?? 0; e < end; e++) count += 1 + (descendantCount[children[e] ?? 0] ?? 0);
    descendantCount[v] = count;
  }
  return { preorder, preorderIndex, descendantCount };
}

/** The record indices of a person's subtree (the person first, then depth-first), as a view: no copy. */
export function collectSubtree(tree: OrgTree, root: number): Int32Array {
  const start = tree.preorderIndex[root] ?? 0;
  return tree.preorder.subarray(start, start + (tree.descendantCount[root] ?? 0) + 1);
}

/**
 * The one unit walk: calls `visit` for every record of a unit, `nodes` in their order, or every
 * record 0..size-1 when nodes is null (the whole organisation).
 */
export function visitUnit(size: number, nodes: ArrayLike<number> | null, visit: (i: number) => void): void {
  if (nodes === null) for (let i = 0; i < size; i++) visit(i);
  else for (let k = 0; k < nodes.length; k++) visit(nodes[k] ?? -1);
}
