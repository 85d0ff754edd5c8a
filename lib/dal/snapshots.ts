import { getDatabase, type DbHandle } from '@/db';
import { withRawTransaction, type RawTx } from '@/db/raw';
import type { ParsedSnapshot, UploadResult } from '@/lib/ingest/types';
import { computeSnapshotResults, type MetricResultRow } from '@/lib/metrics/snapshot-results';
import type { OrgRecord } from '@/lib/metrics/types';
import { assertRole, type Actor } from './actor';
import { ValidationError, NotFoundError } from './errors';
import {
  peopleCopyChunks,
  PEOPLE_COLUMNS,
  rowToRecord,
  shareRepeatedValues,
  type PeopleRow,
} from './people-copy';
import { readSettings } from './settings';
import { readLadder } from './ladder-config';

/** One committed snapshot as the CLI and the upload page report it. */
export interface CommittedSnapshot {
  id: number;
  asOf: string;
  version: number;
  replacedVersion: number | null;
  headcount: number;
  roots: number;
  orphans: number;
  errors: ParsedSnapshot['issues'];
  warnings: ParsedSnapshot['issues'];
}

export type ImportPhase = 'storing' | 'metrics' | 'committing' | 'done';
export type ImportProgress = (p: { phase: ImportPhase; snapshot: number; of: number; asOf: string }) => void;

async function audit(
  tx: RawTx,
  actor: Actor,
  action: string,
  target: string,
  details: unknown,
): Promise<void> {
  await tx.query(
    'insert into audit_log (actor_user_id, actor_email, action, target, details) values ($1, $2, $3, $4, $5::jsonb)',
    [actor.userId, actor.email, action, target, JSON.stringify(details)],
  );
}

async function storeMetricRows(tx: RawTx, snapshotId: number, rows: MetricResultRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const params: unknown[] = [];
    const values = batch.map((r, k) => {
      params.push(snapshotId, r.family, r.scopeType, r.scopeKey, JSON.stringify(r.data));
      const b = k * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
    });
    await tx.query(
      `insert into metric_results (snapshot_id, family, scope_type, scope_key, data) values ${values.join(', ')}`,
      params,
    );
  }
}

/** From this many records an upload runs its transaction off-thread, so COPY and metrics overlap. */
const OFF_THREAD_MIN_RECORDS = 20_000;

/**
 * Commits a validated upload: every snapshot in it, its people (COPY) and its metric results, in
 * ONE transaction. Re-uploading an as-of date adds a new version and keeps the earlier one.
 * hr and admin only; audited.
 *
 * For speed, per snapshot: the snapshot row goes in first, then the people are streamed with COPY
 * while the metrics are computed on this thread (on PostgreSQL the transaction's connection lives
 * in a worker thread for big uploads, so the two really run at once); the headcount is filled in
 * when the metrics are done. The previous snapshot is taken from this upload when it is in it.
 */
export async function commitUpload(
  actor: Actor,
  upload: UploadResult,
  opts: { onProgress?: ImportProgress; handle?: DbHandle } = {},
): Promise<CommittedSnapshot[]> {
  assertRole(actor, ['admin', 'hr']);
  if (!upload.ok)
    throw new ValidationError('The upload has errors; fix them before committing.', upload.fileIssues);
  if (upload.snapshots.length === 0) throw new ValidationError('The upload holds no snapshot.');
  const handle = opts.handle ?? (await getDatabase());
  const settings = await readSettings(handle.db);
  const ladder = await readLadder(handle.db);
  const of = upload.snapshots.length;
  const totalRecords = upload.snapshots.reduce((n, s) => n + s.records.length, 0);
  const committed = await withRawTransaction(
    handle,
    async (tx) => {
      const out: CommittedSnapshot[] = [];
      const storedHere = new Map<number, readonly OrgRecord[]>();
      const skipForeignKeyChecks = await isSuperuser(tx);
      for (const [k, snap] of upload.snapshots.entries()) {
        opts.onProgress?.({ phase: 'storing', snapshot: k + 1, of, asOf: snap.asOf });
        const prev = await tx.query<{ v: number | null }>(
          'select max(version) as v from snapshots where as_of = $1',
          [snap.asOf],
        );
        const replacedVersion = prev[0]?.v ?? null;
        const version = (replacedVersion ?? 0) + 1;
        await tx.query('update snapshots set is_current = false where as_of = $1 and is_current', [
          snap.asOf,
        ]);
        const previous = await loadPreviousRecords(tx, handle, snap.asOf, storedHere);
        const warnings = snap.issues.filter((i) => i.severity === 'warning');
        const inserted = await tx.query<{ id: number }>(
          `insert into snapshots (as_of, version, is_current, label, format, source_files, uploaded_by, skip_duplicates,
             headcount, records, stats, issues, warning_count)
           values ($1, $2, true, $3, $4, $5::jsonb, $6, $7, 0, $8, $9::jsonb, $10::jsonb, $11) returning id`,
          [
            snap.asOf,
            version,
            snap.label ?? null,
            snap.format,
            JSON.stringify(snap.sourceFiles),
            actor.email,
            snap.duplicatePolicy === 'keep-first',
            snap.records.length,
            JSON.stringify(snap.stats),
            JSON.stringify(snap.issues.slice(0, 5000)),
            warnings.length,
          ],
        );
        const id = inserted[0]?.id;
        if (id === undefined) throw new Error('snapshot insert returned no id');
        // Every row references the snapshot row inserted just above, in this transaction, so the
        // per-row foreign-key check can only pass; skipping it (superuser only) halves the COPY.
        if (skipForeignKeyChecks) await tx.query('set local session_replication_role = replica');
        const copying = tx.copyIn('people', PEOPLE_COLUMNS, peopleCopyChunks(id, snap.records));
        copying.catch(() => undefined); // awaited below; this only keeps an early failure handled
        opts.onProgress?.({ phase: 'metrics', snapshot: k + 1, of, asOf: snap.asOf });
        let results: ReturnType<typeof computeSnapshotResults>;
        try {
          results = computeSnapshotResults(snap.records, {
            execLayers: settings.execLayers,
            ladder,
            previous,
            asOf: snap.asOf,
          });
        } catch (err) {
          await copying.catch(() => undefined); // let the COPY settle before the rollback
          throw err;
        }
        await copying;
        if (skipForeignKeyChecks) await tx.query('set local session_replication_role = default');
        storedHere.set(id, snap.records);
        await tx.query('update snapshots set headcount = $1 where id = $2', [results.summary.headcount, id]);
        await storeMetricRows(tx, id, results.rows);
        await audit(tx, actor, 'snapshot.import', snap.asOf, {
          snapshotId: id,
          version,
          files: snap.sourceFiles,
          records: snap.records.length,
          warnings: warnings.length,
          skipDuplicates: snap.duplicatePolicy === 'keep-first',
        });
        out.push({
          id,
          asOf: snap.asOf,
          version,
          replacedVersion,
          headcount: results.summary.headcount,
          roots: results.summary.roots,
          orphans: results.summary.orphans,
          errors: snap.issues.filter((i) => i.severity === 'error'),
          warnings,
        });
      }
      opts.onProgress?.({
        phase: 'committing',
        snapshot: of,
        of,
        asOf: upload.snapshots[of - 1]?.asOf ?? '',
      });
      return out;
    },
    { offThread: totalRecords >= OFF_THREAD_MIN_RECORDS },
  );
  opts.onProgress?.({ phase: 'done', snapshot: of, of, asOf: committed[of - 1]?.asOf ?? '' });
  return committed;
}

/** Whether the transaction may set session_replication_role (a superuser, as PGlite always is). */
async function isSuperuser(tx: RawTx): Promise<boolean> {
  const rows = await tx.query<{ su: string }>("select current_setting('is_superuser') as su");
  return rows[0]?.su === 'on';
}

/** Records in row order, as reading them back from the people table would give them. */
function inRowOrder(records: readonly OrgRecord[]): readonly OrgRecord[] {
  for (let i = 1; i < records.length; i++) {
    if ((records[i]?.row ?? 0) < (records[i - 1]?.row ?? 0))
      return [...records].sort((a, b) => a.row - b.row);
  }
  return records;
}

/**
 * The current snapshot dated just before asOf, for history metrics (joiners, promotions...): the
 * records in memory when that snapshot was stored earlier in this upload; otherwise it is a
 * committed snapshot this transaction has not touched, so on PostgreSQL its people are read on the
 * pool (one query and rows on this thread, not a million rows passed between threads).
 */
async function loadPreviousRecords(
  tx: RawTx,
  handle: DbHandle,
  asOf: string,
  storedHere: ReadonlyMap<number, readonly OrgRecord[]>,
): Promise<{ asOf: string; records: readonly OrgRecord[] } | null> {
  const prev = await tx.query<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where is_current and as_of < $1 order by as_of desc limit 1',
    [asOf],
  );
  const p = prev[0];
  if (!p) return null;
  const d = typeof p.as_of === 'string' ? p.as_of.slice(0, 10) : p.as_of.toISOString().slice(0, 10);
  const inMemory = storedHere.get(p.id);
  if (inMemory) return { asOf: d, records: inRowOrder(inMemory) };
  const text = `select ${PEOPLE_COLUMNS.slice(1).join(', ')} from people where snapshot_id = $1 order by row_no`;
  const rows =
    handle.raw.kind === 'postgres'
      ? ((await handle.raw.sql.unsafe(text, [p.id])) as unknown as PeopleRow[])
      : await tx.query<PeopleRow>(text, [p.id]);
  const records = rows.map(rowToRecord);
  shareRepeatedValues(records);
  return { asOf: d, records };
}

/** hr and admin: deletes one snapshot version (people and metrics cascade), audited. */
export async function deleteSnapshot(actor: Actor, id: number): Promise<void> {
  assertRole(actor, ['admin', 'hr']);
  const handle = await getDatabase();
  await withRawTransaction(handle, async (tx) => {
    const rows = await tx.query<{ as_of: string | Date; version: number; is_current: boolean }>(
      'select as_of, version, is_current from snapshots where id = $1',
      [id],
    );
    const s = rows[0];
    if (!s) throw new NotFoundError('Snapshot not found.');
    const asOf = typeof s.as_of === 'string' ? s.as_of.slice(0, 10) : s.as_of.toISOString().slice(0, 10);
    await tx.query('delete from snapshots where id = $1', [id]);
    if (s.is_current) {
      // The newest remaining version of that date becomes current again.
      await tx.query(
        `update snapshots set is_current = true where id = (select id from snapshots where as_of = $1 order by version desc limit 1)`,
        [asOf],
      );
    }
    await audit(tx, actor, 'snapshot.delete', asOf, { snapshotId: id, version: s.version });
  });
}
