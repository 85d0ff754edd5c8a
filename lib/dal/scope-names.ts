import 'server-only';
import { ValidationError, NotFoundError } from './errors';
import { loadPrepared, resolveSnapshot } from './snapshot-data';
import { labelScope } from '@/lib/views/scope-label';
import type { Actor } from './actor';

/** The organisation's newest snapshot tree, or null before its first import. */
async function newestTree(orgId: number) {
  if (orgId <= 0) return null;
  try {
    return (await loadPrepared(await resolveSnapshot(orgId))).tree;
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** Names of the given scope ids in the organisation's newest snapshot (ids not in it are left out). */
export async function nameScopes(
  orgId: number,
  employeeIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const tree = employeeIds.length ? await newestTree(orgId) : null;
  if (!tree) return names;
  for (const id of employeeIds) {
    const i = tree.indexById.get(id);
    const name = i === undefined ? undefined : tree.records[i]?.name;
    if (name) names.set(id, name);
  }
  return names;
}

/** The signed-in user's scope as the header and account page show it, or null for the whole organisation. */
export async function describeActorScope(actor: Actor): Promise<string | null> {
  const id = actor.scopeEmployeeId;
  if (id === null) return null;
  return labelScope(id, (await nameScopes(actor.orgId, [id])).get(id));
}

/**
 * Refuses a scope id that is nobody in the organisation's newest snapshot (a typo would give a
 * leader an empty scope). Before the first import there is nothing to check against.
 */
export async function assertScopeExists(orgId: number, employeeId: string | null): Promise<void> {
  if (employeeId === null) return;
  const tree = await newestTree(orgId);
  if (tree && !tree.indexById.has(employeeId))
    throw new ValidationError(
      `Nobody has employee id ${employeeId} in the organisation's newest snapshot: choose the person with the people search.`,
      [{ field: 'scopeEmployeeId', message: `No employee ${employeeId} in the newest snapshot.` }],
    );
}
