import { getDatabase, type DbHandle } from '@/db';
import { withRawTransaction, type RawTx } from '@/db/raw';
import type { ParsedSnapshot, UploadResult } from '@/lib/ingest/types';
import { computeSnapshotResults, type MetricResultRow } from '@/lib/metrics/snapshot-results';
import type { OrgRecord } from '@/lib/metrics/types';
import { assertRole, type Actor } from './actor';
import { ValidationError, NotFoundError } from './errors';
import { peopleCopyChunks, PEOPLE_COLUMNS, rowToRecord, type PeopleRow } from './people-copy';
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

/**
 * Commits a validated upload: every snapshot in it, its people (COPY) and its metric results, in
 * ONE transaction. Re-uploading an as-of date adds a new version and keeps the earlier one.
 * hr and admin only; audited.
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
  const committed = await withRawTransaction(handle, async (tx) => {
    const out: CommittedSnapshot[] = [];
    for (const [k, snap] of upload.snapshots.entries()) {
      opts.onProgress?.({ phase: 'storing', snapshot: k + 1, of, asOf: snap.asOf });
      const prev = await tx.query<{ v: number | null }>(
        'select max(version) as v from snapshots where as_of = $1',
        [snap.asOf],
      );
      const replacedVersion = prev[0]?.v ?? null;
      await tx.query('update snapshots set is_current = false where as_of = $1 and is_current', [snap.asOf]);
      opts.onProgress?.({ phase: 'metrics', snapshot: k + 1, of, asOf: snap.asOf });
      const previous = await loadPreviousRecords(tx, snap.asOf);
      const results = computeSnapshotResults(snap.records, {
        execLayers: settings.execLayers,
        ladder,
        previous,
        asOf: snap.asOf,
      });
      const warnings = snap.issues.filter((i) => i.severity === 'warning');
      const inserted = await tx.query<{ id: number }>(
        `insert into snapshots (as_of, version, is_current, label, format, source_files, uploaded_by, skip_duplicates,
           headcount, records, stats, issues, warning_count)
         values ($1, $2, true, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12) returning id`,
        [
          snap.asOf,
          (replacedVersion ?? 0) + 1,
          snap.label ?? null,
          snap.format,
          JSON.stringify(snap.sourceFiles),
          actor.email,
          snap.duplicatePolicy === 'keep-first',
          results.summary.headcount,
          snap.records.length,
          JSON.stringify(snap.stats),
          JSON.stringify(snap.issues.slice(0, 5000)),
          warnings.length,
        ],
      );
      const id = inserted[0]?.id;
      if (id === undefined) throw new Error('snapshot insert returned no id');
      await tx.copyIn('people', PEOPLE_COLUMNS, peopleCopyChunks(id, snap.records));
      await storeMetricRows(tx, id, results.rows);
      await audit(tx, actor, 'snapshot.import', snap.asOf, {
        snapshotId: id,
        version: (replacedVersion ?? 0) + 1,
        files: snap.sourceFiles,
        records: snap.records.length,
        warnings: warnings.length,
        skipDuplicates: snap.duplicatePolicy === 'keep-first',
      });
      out.push({
        id,
        asOf: snap.asOf,
        version: (replacedVersion ?? 0) + 1,
        replacedVersion,
        headcount: results.summary.headcount,
        roots: results.summary.roots,
        orphans: results.summary.orphans,
        errors: snap.issues.filter((i) => i.severity === 'error'),
        warnings,
      });
    }
    opts.onProgress?.({ phase: 'committing', snapshot: of, of, asOf: upload.snapshots[of - 1]?.asOf ?? '' });
    return out;
  });
  opts.onProgress?.({ phase: 'done', snapshot: of, of, asOf: committed[of - 1]?.asOf ?? '' });
  return committed;
}

/** The current snapshot dated just before asOf, for history metrics (joiners, promotions...). */
async function loadPreviousRecords(
  tx: RawTx,
  asOf: string,
): Promise<{ asOf: string; records: OrgRecord[] } | null> {
  const prev = await tx.query<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where is_current and as_of < $1 order by as_of desc limit 1',
    [asOf],
  );
  const p = prev[0];
  if (!p) return null;
  const rows = await tx.query<PeopleRow>(
    `select ${PEOPLE_COLUMNS.slice(1).join(', ')} from people where snapshot_id = $1 order by row_no`,
    [p.id],
  );
  const d = typeof p.as_of === 'string' ? p.as_of.slice(0, 10) : p.as_of.toISOString().slice(0, 10);
  return { asOf: d, records: rows.map(rowToRecord) };
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
