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
import { describeScopeFlag, findScopeChanges, type ScopeFlag } from '@/lib/metrics/scope-changes';
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

/**
 * Dates of a series where a suppressed reader (leader, viewer) may not see the unit's figures
 * because it had fewer than the minimum people then: a scope note must not quote them. (The
 * Trends page also hides dates where the floor hid the unit, and passes those itself.)
 */
export function smallPoints(
  reader: { suppress: boolean; settings: { minGroupSize: number } },
  points: ReadonlyArray<{ asOf: string; structure: { headcount: number } }>,
): Set<string> {
  if (!reader.suppress) return new Set();
  return new Set(
    points.filter((p) => p.structure.headcount < reader.settings.minGroupSize).map((p) => p.asOf),
  );
}

/** What a trend chart, the findings and reports say about the scope of the series. */
export interface ScopeNotes {
  /** possible changes of scope, oldest first, each with a plain-words note */
  flagged: Array<ScopeFlag & { note: string }>;
  /** as-of dates of the snapshots marked not comparable */
  notComparable: string[];
}

/**
 * The scope notes of a unit's series (oldest first). `hidden` dates (privacy floor) count as
 * missing values: neither flagged nor compared with. Also returns the marked dates as a set, for
 * the callers that skip them in change-since-peak.
 */
export async function loadScopeNotes(
  points: ReadonlyArray<{
    asOf: string;
    snapshotId?: number;
    structure: { headcount: number; managers: number };
  }>,
  hidden: ReadonlySet<string> = new Set(),
): Promise<{ notes: ScopeNotes; marked: Set<string> }> {
  const ids = points.map((p) => p.snapshotId).filter((id): id is number => id !== undefined);
  const markedIds = await readNotComparable(ids);
  const marked = new Set(points.filter((p) => markedIds.has(p.snapshotId ?? -1)).map((p) => p.asOf));
  const flags = findScopeChanges(
    points.map((p) => ({
      asOf: p.asOf,
      headcount: hidden.has(p.asOf) ? null : p.structure.headcount,
      managers: hidden.has(p.asOf) ? null : p.structure.managers,
      notComparable: marked.has(p.asOf),
    })),
  );
  return {
    notes: {
      flagged: flags.map((f) => ({ ...f, note: describeScopeFlag(f) })),
      notComparable: points.filter((p) => marked.has(p.asOf) && !hidden.has(p.asOf)).map((p) => p.asOf),
    },
    marked,
  };
}
