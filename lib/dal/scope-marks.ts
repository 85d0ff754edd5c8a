import 'server-only';
/**
 * Honest trends (SPEC "Posts, people and FTE"; issue #12 item 6): the "not comparable" mark a user
 * puts on a snapshot (a change of scope), and the notes every trend surface shows: snapshots whose
 * headcount or manager count moved more than 25% against the previous comparable one
 * (lib/metrics/scope-changes.ts), and the snapshots marked not comparable, which change-since-peak
 * skips. Queries here go by snapshot id, so they need no organisation filter of their own: the ids
 * come from an already scoped series; setNotComparable only marks a snapshot of the actor's organisation.
 */
import { can } from '@/lib/auth/permissions';
import { getDatabase } from '@/db';
import { withRawTransaction } from '@/db/raw';
import { scopeNotesOf, type ScopeNotes, type ScopePoint } from '@/lib/views/scope-notes';
import { assertRole, type Actor } from './actor';
import { NotFoundError } from './errors';
import { rawQuery } from './raw-query';

/** Snapshot ids among `ids` marked not comparable. */
export async function readNotComparable(ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await rawQuery<{ id: number }>(
    'select id from snapshots where not_comparable and id = any($1::int[])',
    [ids],
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Mark a snapshot version "not comparable" (or comparable again); hr and admin; audited. */
export async function setNotComparable(
  actor: Actor,
  id: number,
  notComparable: boolean,
): Promise<{ id: number; asOf: string; notComparable: boolean }> {
  assertRole(actor, can.markSnapshots);
  const handle = await getDatabase();
  return withRawTransaction(handle, async (tx) => {
    const rows = await tx.query<{ as_of: string | Date; version: number }>(
      'update snapshots set not_comparable = $2 where id = $1 and org_id = $3 returning as_of, version',
      [id, notComparable, actor.orgId],
    );
    const r = rows[0];
    if (!r) throw new NotFoundError('Snapshot not found.');
    const asOf = typeof r.as_of === 'string' ? r.as_of.slice(0, 10) : r.as_of.toISOString().slice(0, 10);
    await tx.query(
      'insert into audit_log (actor_user_id, actor_email, action, target, details, org_id) values ($1, $2, $3, $4, $5::jsonb, $6)',
      [
        actor.userId,
        actor.email,
        notComparable ? 'snapshot.mark-not-comparable' : 'snapshot.mark-comparable',
        asOf,
        JSON.stringify({ snapshotId: id, version: r.version, notComparable }),
        actor.orgId,
      ],
    );
    return { id, asOf, notComparable };
  });
}

export { smallPoints, type ScopeNotes } from '@/lib/views/scope-notes';

/**
 * The scope notes of a unit's series (oldest first): reads which of its snapshots are marked not
 * comparable, then lib/views/scope-notes.ts scopeNotesOf.
 */
export async function loadScopeNotes(
  points: readonly ScopePoint[],
  hidden: ReadonlySet<string> = new Set(),
): Promise<{ notes: ScopeNotes; marked: Set<string> }> {
  const ids = points.map((p) => p.snapshotId).filter((id): id is number => id !== undefined);
  return scopeNotesOf(points, await readNotComparable(ids), hidden);
}
