/**
 * The unit a view is about (the whole organisation, a department, a manager's subtree, or a
 * department inside a subtree), and the one walk over its records every view uses.
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { collectSubtree, visitUnit, type OrgTree } from '@/lib/metrics/tree';

export { visitUnit };

/** The unit a request is about, after the actor's scope has been applied. */
export interface Unit {
  /** what to look up in stored results, or null when it must be computed on demand. */
  stored: { scopeType: 'org' | 'department' | 'subtree'; scopeKey: string } | null;
  department: string | null;
  subtree: string | null;
  /** record indices of the unit (null = whole org). */
  nodes: Int32Array | null;
  /** subtree root index (for layer shift), or -1. */
  rootIndex: number;
}

/** True when record i is record `ancestor` or sits below it. */
export function isBelow(tree: OrgTree, i: number, ancestor: number): boolean {
  for (let v = i, guard = 0; v >= 0 && guard <= tree.size; guard++) {
    if (v === ancestor) return true;
    v = tree.parent[v] ?? -1;
  }
  return false;
}

/** True when employee `id` is `ancestorId` or sits below them in this snapshot. */
export function isWithin(snapshot: PreparedSnapshot, id: string, ancestorId: string): boolean {
  const t = snapshot.tree;
  const i = t.indexById.get(id);
  const a = t.indexById.get(ancestorId);
  return i !== undefined && a !== undefined && isBelow(t, i, a);
}

/** The records of a unit (null = every record) in one department, in their order. */
export function pickDepartment(t: OrgTree, nodes: Int32Array | null, department: string): Int32Array {
  const pick: number[] = [];
  visitUnit(t.size, nodes, (i) => {
    if (t.records[i]?.department === department) pick.push(i);
  });
  return Int32Array.from(pick);
}

/**
 * The unit of a subtree (employee id, or null = whole organisation) and a department (or null)
 * in a tree, the subtree known to be in it: its records, root and stored-results key.
 */
export function unitOf(t: OrgTree, subtree: string | null, department: string | null): Unit {
  const rootIndex = subtree === null ? -1 : (t.indexById.get(subtree) ?? -1);
  let nodes: Int32Array | null = rootIndex >= 0 ? collectSubtree(t, rootIndex).slice().sort() : null;
  if (department !== null) nodes = pickDepartment(t, nodes, department);
  let stored: Unit['stored'] = null;
  if (subtree === null && department === null) stored = { scopeType: 'org', scopeKey: '' };
  else if (subtree === null && department !== null)
    stored = { scopeType: 'department', scopeKey: department };
  else if (subtree !== null && department === null) stored = { scopeType: 'subtree', scopeKey: subtree };
  return { stored, department, subtree, nodes, rootIndex };
}

/** Sum of the records' weights (filled people, FTE-weighted) over a unit's records. */
export function unitWeight(t: OrgTree, nodes: Int32Array | null, pick: (i: number) => boolean = () => true) {
  let n = 0;
  visitUnit(t.size, nodes, (i) => {
    if (pick(i)) n += t.weight[i] ?? 0;
  });
  return n;
}
