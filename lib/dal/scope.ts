import 'server-only';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { isWithin, unitOf, type Unit } from '@/lib/views/unit';
import type { Actor } from './actor';
import { NotFoundError } from './errors';

export { isWithin, type Unit };

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
  return unitOf(t, subtree, department);
}
