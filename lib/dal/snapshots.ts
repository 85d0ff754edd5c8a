import 'server-only';
import { can } from '@/lib/auth/permissions';
import { and, eq } from 'drizzle-orm';
import { getDatabase, schema, type DbHandle } from '@/db';
import { copyValue, withRawTransaction, type RawTx } from '@/db/raw';
import { stat } from 'node:fs/promises';
import { parseOrgUpload } from '@/lib/ingest';
import type { ParseOptions, ParsedSnapshot, UploadFile, UploadResult } from '@/lib/ingest/types';
import { computeSnapshotResults, type MetricResultRow } from '@/lib/metrics/snapshot-results';
import type { OrgRecord } from '@/lib/metrics/types';
import { assertRole, type Actor } from './actor';
import { ValidationError, NotFoundError } from './errors';
import { ChunkQueue } from './chunk-queue';
import { peopleOrderFactsRow, readStepChain, storePeopleOrder } from './people-order';
import { PeopleCopyWriter, peopleCopyChunks, PEOPLE_COLUMNS } from './people-copy';
import { rawQuery } from './raw-query';
import { readSnapshotRecords, writePack } from './snapshot-pack';
import { readSettings } from './settings';
import { floorRows, floorScopesOf } from './dashboards/floor';
import { computeLadderRows, ladderKey } from '@/lib/views/ladder-facts';
import { RISK_OPTIONS } from '@/lib/views/ladder-history';
import { computeOverviewRows } from '@/lib/views/overview-facts';
import { readLadder } from './ladder-config';
import { asVersionConflict, lockVersionDates } from './version-lock';

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
    'insert into audit_log (actor_user_id, actor_email, action, target, details, org_id) values ($1, $2, $3, $4, $5::jsonb, $6)',
    [actor.userId, actor.email, action, target, JSON.stringify(details), actor.orgId || null],
  );
}

async function storeMetricRows(tx: RawTx, snapshotId: number, rows: MetricResultRow[]): Promise<void> {
  // COPY (the JSON text as it was sent to ::jsonb before), not 200-row inserts: a million-person
  // snapshot has about 500k rows.
  await tx.copyIn('metric_results', METRIC_COLUMNS, metricCopyChunks(snapshotId, rows));
}

const METRIC_COLUMNS = ['snapshot_id', 'family', 'scope_type', 'scope_key', 'data'] as const;

/** The metric rows as COPY text, in chunks of about 1 MB. */
function* metricCopyChunks(snapshotId: number, rows: readonly MetricResultRow[]): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    chunk += `${snapshotId}\t${copyValue(r.family)}\t${copyValue(r.scopeType)}\t${copyValue(r.scopeKey)}\t${copyValue(JSON.stringify(r.data))}\n`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** From this many records an upload runs its transaction off-thread, so COPY and metrics overlap. */
const OFF_THREAD_MIN_RECORDS = 20_000;

/** People of the upload's first snapshot already loaded by a streamed import (see importOrgFiles). */
interface Preloaded {
  snapshotId: number;
  copying: Promise<void>;
  /** session_replication_role was set to replica for the COPY and must be reset after it. */
  replica: boolean;
}

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
  assertRole(actor, can.manageData);
  assertInOrg(actor);
  assertCommittable(upload);
  const handle = opts.handle ?? (await getDatabase());
  const settings = await readSettings(actor.orgId, handle.db);
  const ladder = await readLadder(handle.db, actor.orgId);
  const floorScopes = await floorScopesOf((text, params) => rawQuery(text, params, handle), actor.orgId);
  const totalRecords = upload.snapshots.reduce((n, s) => n + s.records.length, 0);
  const committed = await withRawTransaction(
    handle,
    (tx) =>
      storeSnapshots(
        tx,
        { handle, actor, upload, settings, ladder, floorScopes, onProgress: opts.onProgress },
        null,
      ),
    { offThread: totalRecords >= OFF_THREAD_MIN_RECORDS },
  ).catch((err: unknown) => {
    throw asVersionConflict(err);
  });
  const of = upload.snapshots.length;
  opts.onProgress?.({ phase: 'done', snapshot: of, of, asOf: committed[of - 1]?.asOf ?? '' });
  return committed;
}

/** Every upload goes to one organisation (the actor's current one: see resolveUploadOrg). */
function assertInOrg(actor: Actor): void {
  if (actor.orgId <= 0) throw new ValidationError('Choose the organisation this upload belongs to.');
}

function assertCommittable(upload: UploadResult): void {
  if (!upload.ok)
    throw new ValidationError('The upload has errors; fix them before committing.', upload.fileIssues);
  if (upload.snapshots.length === 0) throw new ValidationError('The upload holds no snapshot.');
}

/**
 * A file at least this big is loaded while it is parsed (PostgreSQL only; see importOrgFiles).
 * STRATA_STREAM_MIN_BYTES overrides it (0: always; tests use it to cover both paths).
 */
export function streamMinBytes(): number {
  const configured = process.env.STRATA_STREAM_MIN_BYTES?.trim();
  const bytes = configured ? Number(configured) : Number.NaN;
  return Number.isFinite(bytes) && bytes >= 0 ? bytes : 2 * 1024 * 1024;
}

/** Thrown inside the streamed import's transaction to roll it back when the upload is refused. */
class Refused extends Error {
  constructor(readonly result: UploadResult) {
    super('upload refused');
  }
}

/**
 * Parses an upload and, when it has no error, commits it (hr and admin): the path the command line
 * and the upload page's commit share. On PostgreSQL a big single CSV file is loaded WHILE it is
 * parsed: the transaction is opened first, each record is written to COPY as soon as it is read
 * (record-stream.ts decides which can be), and only the metrics remain once the parse ends. When
 * finalisation changes the records after all (duplicates dropped, managers given by name, d/m/y
 * dates), the streamed rows are rolled back to a savepoint and the finalised records are loaded as
 * commitUpload does; when the upload is refused, the whole transaction is rolled back. Either way
 * the database only ever sees the committed result or nothing.
 */
export async function importOrgFiles(
  actor: Actor,
  files: readonly UploadFile[],
  options: ParseOptions,
  opts: {
    onProgress?: ImportProgress;
    handle?: DbHandle;
    streamMinBytes?: number;
    commitValid?: boolean;
  } = {},
): Promise<ImportOutcome> {
  assertRole(actor, can.manageData);
  assertInOrg(actor);
  const handle = opts.handle ?? (await getDatabase());
  const single = files.length === 1 ? files[0] : undefined;
  const streamable =
    handle.raw.kind === 'postgres' &&
    single !== undefined &&
    (await uploadSize(single)) >= (opts.streamMinBytes ?? streamMinBytes());
  if (!streamable) {
    const result = await parseOrgUpload(files, options);
    const part = committablePart(result, opts.commitValid === true);
    if (part === null) return { result, committed: [], stored: [] };
    return {
      result,
      committed: await commitUpload(actor, part.upload, { ...opts, handle }),
      stored: part.stored,
    };
  }
  const settings = await readSettings(actor.orgId, handle.db);
  const ladder = await readLadder(handle.db, actor.orgId);
  const floorScopes = await floorScopesOf((text, params) => rawQuery(text, params, handle), actor.orgId);
  // The snapshot id is taken first so the parse (and the COPY text it writes) can start at once,
  // while the transaction's worker thread starts and connects; the queue holds what it writes.
  const pool = poolQuery(handle);
  if (pool === null) throw new Error('a streamed import needs PostgreSQL');
  const reserved = await pool<{ id: number }>(
    "select nextval(pg_get_serial_sequence('snapshots', 'id'))::int as id",
  );
  const snapshotId = reserved[0]?.id;
  if (snapshotId === undefined) throw new Error('no snapshot id could be reserved');
  const queue = new ChunkQueue();
  const writer = new PeopleCopyWriter(snapshotId, (chunk) => queue.push(chunk));
  const parsing = parseOrgUpload(files, {
    ...options,
    onRecord: (record, hireDate, levelStartDate) => writer.add(record, hireDate, levelStartDate),
  }).finally(() => {
    writer.flush();
    queue.end();
  });
  parsing.catch(() => undefined); // awaited in the transaction, or below when it never opens
  try {
    const { committed, result, stored } = await withRawTransaction(
      handle,
      async (tx) => {
        const replica = await isSuperuser(tx);
        await tx.query('savepoint streamed_people');
        // A placeholder row for the people to reference; filled in (or rolled back) after the parse.
        await tx.query(
          "insert into snapshots (id, as_of, version, is_current, format, uploaded_by, org_id) values ($1, '0001-01-01', 0, false, 'pending', $2, $3)",
          [snapshotId, actor.email, actor.orgId],
        );
        if (replica) await tx.query('set local session_replication_role = replica');
        const copying = tx.copyIn('people', PEOPLE_COLUMNS, queue);
        copying.catch(() => undefined); // awaited below; this only keeps an early failure handled
        const parsed = await parsing;
        const part = committablePart(parsed, opts.commitValid === true);
        if (part === null) {
          await copying.catch(() => undefined);
          throw new Refused(parsed);
        }
        const context = {
          handle,
          actor,
          upload: part.upload,
          settings,
          ladder,
          floorScopes,
          onProgress: opts.onProgress,
        };
        if (parsed.streamed === true && parsed.ok)
          return {
            result: parsed,
            committed: await storeSnapshots(tx, context, { snapshotId, copying, replica }),
            stored: part.stored,
          };
        await copying.catch(() => undefined); // e.g. a duplicate id the finalised records drop
        await tx.query('rollback to savepoint streamed_people');
        return { result: parsed, committed: await storeSnapshots(tx, context, null), stored: part.stored };
      },
      { offThread: true },
    );
    const of = committed.length;
    opts.onProgress?.({ phase: 'done', snapshot: of, of, asOf: committed[of - 1]?.asOf ?? '' });
    return { result, committed, stored };
  } catch (error) {
    queue.discard(); // the transaction never took the COPY: stop keeping what the parse writes
    if (error instanceof Refused) return { result: error.result, committed: [], stored: [] };
    await parsing.catch(() => undefined);
    throw asVersionConflict(error);
  }
}

/** What importOrgFiles did: the parse, the snapshots committed and which of the parse's they are. */
export interface ImportOutcome {
  result: UploadResult;
  committed: CommittedSnapshot[];
  /** positions in result.snapshots of the committed snapshots (committed[k] is result.snapshots[stored[k]]). */
  stored: number[];
}

/**
 * The part of an upload to commit: all of it when it has no error; with commitValid, the snapshots
 * without errors (the others are left, with their errors in the report); null when nothing can be.
 */
export function committablePart(
  result: UploadResult,
  commitValid: boolean,
): { upload: UploadResult; stored: number[] } | null {
  if (result.ok && result.snapshots.length > 0)
    return { upload: result, stored: result.snapshots.map((_, k) => k) };
  if (!commitValid) return null;
  const stored: number[] = [];
  result.snapshots.forEach((s, k) => {
    if (!s.issues.some((i) => i.severity === 'error')) stored.push(k);
  });
  if (stored.length === 0) return null;
  const snapshots = stored.flatMap((k) => result.snapshots[k] ?? []);
  return { upload: { ...result, snapshots, ok: true, fileIssues: [] }, stored };
}

async function uploadSize(file: UploadFile): Promise<number> {
  if ('bytes' in file) return file.bytes.byteLength;
  try {
    return (await stat(file.path)).size;
  } catch {
    return 0; // the parse reports the missing file
  }
}

interface StoreContext {
  handle: DbHandle;
  actor: Actor;
  upload: UploadResult;
  settings: Awaited<ReturnType<typeof readSettings>>;
  ladder: Awaited<ReturnType<typeof readLadder>>;
  /** readers' scopes whose floor marks are stored with each snapshot (read before the transaction) */
  floorScopes: Array<string | null>;
  onProgress?: ImportProgress;
}

/** Stores every snapshot of a validated upload inside the caller's transaction. */
async function storeSnapshots(
  tx: RawTx,
  { handle, actor, upload, settings, ladder, floorScopes, onProgress }: StoreContext,
  preloaded: Preloaded | null,
): Promise<CommittedSnapshot[]> {
  const of = upload.snapshots.length;
  const out: CommittedSnapshot[] = [];
  const storedHere = new Map<number, readonly OrgRecord[]>();
  const skipForeignKeyChecks = preloaded === null && (await isSuperuser(tx));
  const dates = upload.snapshots.map((s) => s.asOf);
  // Every date of the upload is locked at once, in order (a streamed import's connection is busy
  // with its COPY until the parse ends, so it locks as soon as the COPY is done, below).
  const orgId = actor.orgId;
  if (preloaded === null) await lockVersionDates(tx, orgId, dates);
  for (const [k, snap] of upload.snapshots.entries()) {
    onProgress?.({ phase: 'storing', snapshot: k + 1, of, asOf: snap.asOf });
    const warnings = snap.issues.filter((i) => i.severity === 'warning');
    const values = [
      snap.asOf,
      snap.label ?? null,
      snap.format,
      JSON.stringify(snap.sourceFiles),
      actor.email,
      snap.duplicatePolicy === 'keep-first',
      snap.records.length,
      JSON.stringify(snap.stats),
      JSON.stringify(snap.issues.slice(0, 5000)),
      warnings.length,
    ];
    const streamed = k === 0 ? preloaded : null;
    let id: number;
    let copying: Promise<void>;
    let version: { version: number; replaced: number | null } | null = null;
    let resetRole = skipForeignKeyChecks;
    let previous: Awaited<ReturnType<typeof loadPreviousRecords>>;
    // The promotions along the previous step's chain: the people in preorder are scored with them.
    let stepsBefore: Awaited<ReturnType<typeof readStepChain>>;
    if (streamed !== null) {
      // The connection is still busy with the COPY: nothing may be sent on it until the COPY ends,
      // so the previous snapshot is looked up on the pool (it is committed data either way).
      id = streamed.snapshotId;
      copying = streamed.copying;
      resetRole = streamed.replica;
      previous = await loadPreviousRecords(
        poolQuery(handle) ?? tx.query,
        handle,
        orgId,
        snap.asOf,
        storedHere,
      );
      stepsBefore = await readStepChain(poolQuery(handle) ?? tx.query, previous);
    } else {
      version = await takeVersion(tx, orgId, snap.asOf);
      previous = await loadPreviousRecords(tx.query, handle, orgId, snap.asOf, storedHere);
      // Before the COPY below starts: the connection takes no other statement during it.
      stepsBefore = await readStepChain(tx.query, previous);
      const inserted = await tx.query<{ id: number }>(
        `insert into snapshots (as_of, version, is_current, label, format, source_files, uploaded_by, skip_duplicates,
           headcount, records, stats, issues, warning_count, resolutions, org_id)
         values ($1, $11, true, $2, $3, $4::jsonb, $5, $6, 0, $7, $8::jsonb, $9::jsonb, $10, $12::jsonb, $13) returning id`,
        [...values, version.version, JSON.stringify(snap.resolutions), orgId],
      );
      const insertedId = inserted[0]?.id;
      if (insertedId === undefined) throw new Error('snapshot insert returned no id');
      id = insertedId;
      // Every row references the snapshot row inserted just above, in this transaction, so the
      // per-row foreign-key check can only pass; skipping it (superuser only) halves the COPY.
      if (skipForeignKeyChecks) await tx.query('set local session_replication_role = replica');
      copying = tx.copyIn('people', PEOPLE_COLUMNS, peopleCopyChunks(id, snap.records));
      copying.catch(() => undefined); // awaited below; this only keeps an early failure handled
    }
    onProgress?.({ phase: 'metrics', snapshot: k + 1, of, asOf: snap.asOf });
    let results: ReturnType<typeof computeSnapshotResults>;
    try {
      results = computeSnapshotResults(snap.records, {
        stepsBefore,
        ceilingRisk: RISK_OPTIONS,
        execLayers: settings.execLayers,
        ladder,
        previous,
        asOf: snap.asOf,
        links: snap.links,
        extraRows: (prepared, rows) => [
          ...floorRows(prepared, floorScopes, settings.minGroupSize),
          ...computeOverviewRows(prepared, rows, settings.execLayers),
          ...computeLadderRows(prepared, rows),
        ],
      });
    } catch (err) {
      await copying.catch(() => undefined); // let the COPY settle before the rollback
      throw err;
    }
    await copying;
    if (streamed !== null) await lockVersionDates(tx, orgId, dates);
    if (resetRole) await tx.query('set local session_replication_role = default');
    if (version === null) {
      version = await takeVersion(tx, orgId, snap.asOf);
      await tx.query(
        `update snapshots set as_of = $1, version = $11, is_current = true, label = $2, format = $3,
           source_files = $4::jsonb, uploaded_by = $5, skip_duplicates = $6, records = $7, stats = $8::jsonb,
           issues = $9::jsonb, warning_count = $10, resolutions = $13::jsonb where id = $12`,
        [...values, version.version, id, JSON.stringify(snap.resolutions)],
      );
    }
    storedHere.set(id, snap.records);
    await tx.query('update snapshots set headcount = $1 where id = $2', [results.summary.headcount, id]);
    await storeMetricRows(tx, id, [
      ...results.rows,
      peopleOrderFactsRow(results.people, ladderKey(results.ladder)),
    ]);
    await storePeopleOrder(tx, id, results.people);
    // The records as one packed value (lib/dal/snapshot-pack.ts), in the same transaction: the
    // next import's previous snapshot and the first view of this one read it instead of the rows.
    await writePack(tx.query, id, inRowOrder(snap.records));
    await audit(tx, actor, 'snapshot.import', snap.asOf, {
      snapshotId: id,
      version: version.version,
      files: snap.sourceFiles,
      records: snap.records.length,
      warnings: warnings.length,
      skipDuplicates: snap.duplicatePolicy === 'keep-first',
      resolutions: snap.resolutions,
    });
    out.push({
      id,
      asOf: snap.asOf,
      version: version.version,
      replacedVersion: version.replaced,
      headcount: results.summary.headcount,
      roots: results.summary.roots,
      orphans: results.summary.orphans,
      errors: snap.issues.filter((i) => i.severity === 'error'),
      warnings,
    });
  }
  onProgress?.({ phase: 'committing', snapshot: of, of, asOf: upload.snapshots[of - 1]?.asOf ?? '' });
  return out;
}

/**
 * The next version number of an as-of date; the current version (if any) stops being current.
 * Takes the date's version lock first, so a concurrent commit for the same date waits for this
 * transaction and then numbers its version after this one (see lockVersionDates).
 */
async function takeVersion(
  tx: RawTx,
  orgId: number,
  asOf: string,
): Promise<{ version: number; replaced: number | null }> {
  await lockVersionDates(tx, orgId, [asOf]);
  // Versions are counted within the organisation: another organisation's date is never replaced.
  const prev = await tx.query<{ v: number | null }>(
    'select max(version) as v from snapshots where org_id = $2 and as_of = $1',
    [asOf, orgId],
  );
  const replaced = prev[0]?.v ?? null;
  await tx.query('update snapshots set is_current = false where org_id = $2 and as_of = $1 and is_current', [
    asOf,
    orgId,
  ]);
  return { version: (replaced ?? 0) + 1, replaced };
}

/** Queries on the pool, outside any transaction (PostgreSQL only). */
function poolQuery(handle: DbHandle): RawTx['query'] | null {
  if (handle.raw.kind !== 'postgres') return null;
  return <R>(text: string, params: unknown[] = []) => rawQuery<R>(text, params, handle);
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
  query: RawTx['query'],
  handle: DbHandle,
  orgId: number,
  asOf: string,
  storedHere: ReadonlyMap<number, readonly OrgRecord[]>,
): Promise<{ id: number; asOf: string; records: readonly OrgRecord[]; ladderStep: unknown } | null> {
  const prev = await query<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where org_id = $2 and is_current and as_of < $1 order by as_of desc limit 1',
    [asOf, orgId],
  );
  const p = prev[0];
  if (!p) return null;
  const d = typeof p.as_of === 'string' ? p.as_of.slice(0, 10) : p.as_of.toISOString().slice(0, 10);
  // Its stored ladder step (lib/metrics/ladder-steps.ts): the level history is folded on from it.
  const steps = await query<{ data: unknown }>(
    "select data from metric_results where snapshot_id = $1 and family = 'ladder-step' and scope_type = 'org'",
    [p.id],
  );
  const ladderStep = steps[0]?.data ?? null;
  const inMemory = storedHere.get(p.id);
  if (inMemory) return { id: p.id, asOf: d, records: inRowOrder(inMemory), ladderStep };
  const records = await readSnapshotRecords(
    p.id,
    handle.raw.kind === 'postgres'
      ? <T>(text: string, params: unknown[]) => rawQuery<T>(text, params, handle)
      : query,
  );
  return { id: p.id, asOf: d, records, ladderStep };
}

/** hr and admin: deletes one snapshot version (people and metrics cascade), audited. */
export async function deleteSnapshot(actor: Actor, id: number): Promise<void> {
  assertRole(actor, can.manageData);
  const handle = await getDatabase();
  await withRawTransaction(handle, async (tx) => {
    const rows = await tx.query<{ as_of: string | Date; version: number; is_current: boolean }>(
      'select as_of, version, is_current from snapshots where id = $1 and org_id = $2',
      [id, actor.orgId],
    );
    const found = rows[0];
    if (!found) throw new NotFoundError('Snapshot not found.');
    const asOf =
      typeof found.as_of === 'string' ? found.as_of.slice(0, 10) : found.as_of.toISOString().slice(0, 10);
    // A commit for this date may be choosing the current version right now: wait for it, re-read.
    await lockVersionDates(tx, actor.orgId, [asOf]);
    const s = (
      await tx.query<{ version: number; is_current: boolean }>(
        'select version, is_current from snapshots where id = $1',
        [id],
      )
    )[0];
    if (!s) throw new NotFoundError('Snapshot not found.');
    await tx.query('delete from snapshots where id = $1', [id]);
    if (s.is_current) {
      // The newest remaining version of that date becomes current again.
      await tx.query(
        `update snapshots set is_current = true where id = (select id from snapshots where org_id = $2 and as_of = $1 order by version desc limit 1)`,
        [asOf, actor.orgId],
      );
    }
    await audit(tx, actor, 'snapshot.delete', asOf, { snapshotId: id, version: s.version });
  });
}

/**
 * The current version stored for an as-of date, or null. The one place that looks it up for the
 * upload screen's difference view (the organisation filter belongs here).
 */
export async function findCurrentSnapshot(
  orgId: number,
  asOf: string,
): Promise<{ id: number; version: number } | null> {
  const { db } = await getDatabase();
  const [row] = await db
    .select({ id: schema.snapshots.id, version: schema.snapshots.version })
    .from(schema.snapshots)
    .where(
      and(
        eq(schema.snapshots.orgId, orgId),
        eq(schema.snapshots.asOf, asOf),
        eq(schema.snapshots.isCurrent, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The people of a stored snapshot as the difference view compares them (id, manager, name, kind). */
export async function readDiffRecords(
  snapshotId: number,
): Promise<Array<Pick<OrgRecord, 'employeeId' | 'managerId' | 'name' | 'status' | 'aggregatedCount'>>> {
  const { db } = await getDatabase();
  const p = schema.people;
  const rows = await db
    .select({
      employeeId: p.employeeId,
      managerId: p.managerId,
      name: p.name,
      status: p.status,
      aggregatedCount: p.aggregatedCount,
    })
    .from(p)
    .where(eq(p.snapshotId, snapshotId));
  return rows.map((r) => ({
    ...r,
    status: r.status === 'vacant' ? 'vacant' : 'filled',
    aggregatedCount: r.aggregatedCount === null ? null : Number(r.aggregatedCount),
  }));
}
