import 'server-only';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { collectSubtree } from '@/lib/metrics/tree';
import type { Actor } from './actor';
import { NotFoundError } from './errors';

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

/** True when employee `id` is `ancestorId` or sits below them in this snapshot. */
export function isWithin(snapshot: PreparedSnapshot, id: string, ancestorId: string): boolean {
  const t = snapshot.tree;
  let i = t.indexById.get(id);
  const a = t.indexById.get(ancestorId);
  if (i === undefined || a === undefined) return false;
  for (let guard = 0; i !== undefined && i >= 0 && guard <= t.size; guard++) {
    if (i === a) return true;
    i = t.parent[i];
  }
  return false;
}

/**
 * Applies the actor's scope: a scoped leader or viewer is always inside their subtree (it is
 * preselected and cannot be left); a subtree outside it, or a person not in the snapshot, is
 * NotFound (404) so the answer never reveals what lies outside.
 */
export function resolveUnit(
  actor: Actor,
  snapshot: PreparedSnapshot,
  want: { department?: string | null; subtree?: string | null },
): Unit {
  const t = snapshot.tree;
  let subtree = want.subtree || null;
  const department = want.department || null;
  if (actor.scopeEmployeeId) {
    if (!t.indexById.has(actor.scopeEmployeeId)) {
      throw new NotFoundError(
        `Your scope (employee ${actor.scopeEmployeeId}) is not in the ${snapshot.asOf} snapshot.`,
      );
    }
    if (subtree === null) subtree = actor.scopeEmployeeId;
    else if (!isWithin(snapshot, subtree, actor.scopeEmployeeId))
      throw new NotFoundError('That person is not in your scope.');
  }
  if (subtree !== null && !t.indexById.has(subtree))
    throw new NotFoundError(`Employee ${subtree} is not in the ${snapshot.asOf} snapshot.`);
  const rootIndex = subtree === null ? -1 : (t.indexById.get(subtree) ?? -1);
  let nodes: Int32Array | null = rootIndex >= 0 ? collectSubtree(t, rootIndex).slice().sort() : null;
  if (department !== null) {
    const pick: number[] = [];
    if (nodes === null) {
      for (let i = 0; i < t.size; i++) if (t.records[i]?.department === department) pick.push(i);
    } else {
      for (const i of nodes) if (t.records[i]?.department === department) pick.push(i);
    }
    nodes = Int32Array.from(pick);
  }
  let stored: Unit['stored'] = null;
  if (subtree === null && department === null) stored = { scopeType: 'org', scopeKey: '' };
  else if (subtree === null && department !== null)
    stored = { scopeType: 'department', scopeKey: department };
  else if (subtree !== null && department === null) stored = { scopeType: 'subtree', scopeKey: subtree };
  return { stored, department, subtree, nodes, rootIndex };
}
