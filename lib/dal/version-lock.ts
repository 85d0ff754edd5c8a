import 'server-only';
import type { RawTx } from '@/db/raw';
import { ConflictError } from './errors';

/**
 * The advisory-lock key of one organisation's snapshot versions of one as-of date (the only place
 * that names it): commits for the same date in other organisations do not wait. Hashed to a bigint
 * by the database.
 */
export function versionLockKey(orgId: number, asOf: string): string {
  return `snapshot-versions:${orgId}:${asOf}`;
}

/**
 * Takes the transaction-scoped version locks of these as-of dates (held until commit or rollback),
 * in a fixed order so two uploads of several dates never deadlock. A second commit for a date waits
 * here until the first has committed, then sees its version and numbers itself after it. Works on
 * PostgreSQL (any connection, including the import's worker-thread one) and PGlite.
 */
export async function lockVersionDates(tx: RawTx, orgId: number, dates: readonly string[]): Promise<void> {
  for (const key of [...new Set(dates.map((d) => versionLockKey(orgId, d)))].sort())
    await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))::text as locked', [key]);
}

/** The partial unique index that keeps one current version per organisation and as-of date (db/schema/org.ts). */
const ONE_CURRENT_INDEX = 'snapshots_one_current_idx';

/**
 * Turns the database's "two current versions" refusal (a writer that bypassed the lock) into a
 * clear 409; any other error is returned unchanged.
 */
export function asVersionConflict(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const e = err as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  const constraint = e.constraint_name ?? e.constraint;
  if (e.code !== '23505' || constraint !== ONE_CURRENT_INDEX) return err;
  return new ConflictError(
    'Another upload for the same date was committed at the same moment, so this one was not saved. ' +
      'Reload the Data page to see the current version, then commit again if you still need to.',
  );
}
