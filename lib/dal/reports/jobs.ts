import 'server-only';
import { can } from '@/lib/auth/permissions';
import { and, desc, eq, inArray, lt, notInArray } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from '../actor';
import { DalError, ForbiddenError, NotFoundError } from '../errors';
import { loadActor } from '../login';
import { assertReportAccess } from './access';
import { loadReportContext } from './context';
import { generateReport } from './generate';
import { parseReportParams, type ReportParams } from './params';

/** A report request as the Reports page lists it (no file bytes). */
export interface ReportJobDto {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string;
  createdAt: string;
  createdByEmail: string;
  params: ReportParams;
  summary: { scopeLabel?: string; asOf?: string; sections?: string[] };
  filename: string | null;
  bytes: number | null;
  error: string | null;
  /** a finished report the user may no longer download with their current rights: why */
  unavailable: string | null;
}

const KEEP_DAYS = 7;
const KEEP_PER_USER = 20;
/** A job whose row has not moved for this long was lost (e.g. the server restarted mid-run). */
const STALE_MS = 10 * 60 * 1000;
const LOST = 'The report was interrupted (the server restarted). Start it again.';

// One report at a time per process: big reports hold whole trees in memory. `strataReportPending`
// holds the ids this process has queued and not finished (the others' rows may be marked lost).
const globalQueue = globalThis as unknown as {
  strataReportQueue?: Promise<void>;
  strataReportPending?: Set<number>;
};
const pending = (globalQueue.strataReportPending ??= new Set<number>());

const t = schema.reportJobs;
const listColumns = {
  id: t.id,
  status: t.status,
  progress: t.progress,
  stage: t.stage,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  createdBy: t.createdBy,
  createdByEmail: t.createdByEmail,
  params: t.params,
  summary: t.summary,
  filename: t.filename,
  bytes: t.bytes,
  error: t.error,
  access: t.access,
  orgId: t.orgId,
};
type JobRow = Pick<typeof t.$inferSelect, keyof typeof listColumns>;

function toDto(r: JobRow, now = Date.now()): ReportJobDto {
  const stale =
    (r.status === 'queued' || r.status === 'running') &&
    now - r.updatedAt.getTime() > STALE_MS &&
    !pending.has(r.id); // still waiting in this process's queue (behind a long report) is not lost
  return {
    id: r.id,
    status: stale ? 'failed' : r.status,
    progress: r.progress,
    stage: stale ? '' : r.stage,
    createdAt: r.createdAt.toISOString(),
    createdByEmail: r.createdByEmail,
    params: r.params as ReportParams,
    summary: (r.summary ?? {}) as ReportJobDto['summary'],
    filename: r.filename,
    bytes: r.bytes,
    error: stale ? LOST : r.error,
    unavailable: null,
  };
}

/** The DTO, with the reason a finished file is refused to this user now (see assertReportAccess). */
async function toDtoFor(actor: Actor, r: JobRow): Promise<ReportJobDto> {
  const dto = toDto(r);
  if (dto.status !== 'done') return dto;
  try {
    await assertReportAccess(actor, r.access, r.orgId);
  } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
    dto.unavailable = err.message;
  }
  return dto;
}

function ownedBy(actor: Actor) {
  return actor.userId === null ? eq(t.createdByEmail, actor.email) : eq(t.createdBy, actor.userId);
}

/** Resolves on the next turn of the event loop (after pending I/O callbacks). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The requester's rights when the job runs, re-read from the users table (the role or scope may
 * have changed, or the account been disabled, since it was queued); the command line keeps its own.
 */
async function rightsNow(actor: Actor): Promise<Actor> {
  if (actor.userId === null) return actor;
  const now = await loadActor(actor.userId, String(actor.orgId));
  if (now === null)
    throw new ForbiddenError('Your account no longer has access, so the report was not made.');
  return now;
}

async function runJob(id: number, queuedBy: Actor, params: ReportParams): Promise<void> {
  const { db } = await getDatabase();
  const update = (values: Partial<typeof t.$inferInsert>) =>
    db
      .update(t)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(t.id, id));
  let last = -1;
  let progressWrites: Promise<void> = Promise.resolve();
  try {
    // Only a job still queued starts (one marked lost in the meantime stays failed, with its reason).
    const started = await db
      .update(t)
      .set({ status: 'running', progress: 1, stage: 'Starting', updatedAt: new Date() })
      .where(and(eq(t.id, id), eq(t.status, 'queued')))
      .returning({ id: t.id });
    if (started.length === 0) return;
    const actor = await rightsNow(queuedBy);
    const report = await generateReport(actor, params, {
      onProgress: (pct, stage) => {
        // Progress writes are chained so they land in order and all before the final 'done'.
        // Report building is CPU work in this process: let pending requests (page loads, progress
        // polls) through between steps so the server stays responsive while a report is built.
        progressWrites = progressWrites.then(async () => {
          await yieldToEventLoop();
          if (pct === last) return;
          last = pct;
          await update({ progress: Math.min(99, pct), stage });
        });
        return progressWrites;
      },
    });
    await progressWrites;
    await update({
      status: 'done',
      progress: 100,
      stage: 'Done',
      file: report.bytes,
      filename: report.filename,
      contentType: report.contentType,
      bytes: report.bytes.length,
      access: report.access,
      summary: {
        scopeLabel: report.document.meta.scopeLabel,
        asOf: report.document.meta.asOf,
        sections: report.document.sections.map((s) => s.title),
      },
    });
  } catch (err) {
    if (!(err instanceof DalError)) console.error('[strata] report job failed', err);
    await update({
      status: 'failed',
      stage: '',
      error: err instanceof DalError ? err.message : 'The report could not be generated.',
    }).catch(() => undefined);
  }
}

/**
 * Jobs queued or running in a process that is gone (a restart, another instance that stopped) never
 * finish: their rows are marked failed, with the reason, instead of staying "queued" until pruned.
 */
async function markLostJobs(): Promise<void> {
  const { db } = await getDatabase();
  const ours = [...pending];
  await db
    .update(t)
    .set({ status: 'failed', stage: '', error: LOST, updatedAt: new Date() })
    .where(
      and(
        inArray(t.status, ['queued', 'running']),
        lt(t.updatedAt, new Date(Date.now() - STALE_MS)),
        ...(ours.length ? [notInArray(t.id, ours)] : []),
      ),
    );
}

/**
 * Deletes reports finished (done or failed) more than KEEP_DAYS ago, and beyond the newest
 * KEEP_PER_USER of this user; a queued or running job is never deleted, and a lost one is kept,
 * failed with its reason, for KEEP_DAYS after it was marked so its owner sees what happened.
 */
async function pruneJobs(actor: Actor): Promise<void> {
  const { db } = await getDatabase();
  await markLostJobs();
  await db
    .delete(t)
    .where(
      and(
        lt(t.updatedAt, new Date(Date.now() - KEEP_DAYS * 86_400_000)),
        inArray(t.status, ['done', 'failed']),
      ),
    );
  const keep = await db
    .select({ id: t.id })
    .from(t)
    .where(ownedBy(actor))
    .orderBy(desc(t.id))
    .limit(KEEP_PER_USER);
  if (keep.length === KEEP_PER_USER) {
    const oldest = keep[keep.length - 1]?.id ?? 0;
    await db.delete(t).where(and(ownedBy(actor), lt(t.id, oldest), inArray(t.status, ['done', 'failed'])));
  }
}

/**
 * Starts a report in the background and returns at once. Scope, role and input are checked
 * before anything is queued (404 outside scope, 403 person-level pages for viewers, 422 bad
 * input); the job then runs in this process and records its progress in report_jobs.
 */
export async function startReportJob(actor: Actor, input: unknown): Promise<ReportJobDto> {
  const params = parseReportParams(input);
  await loadReportContext(actor, params);
  await pruneJobs(actor);
  const { db } = await getDatabase();
  const [row] = await db
    .insert(t)
    .values({
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdByEmail: actor.email,
      params,
      stage: 'Waiting to start',
    })
    .returning(listColumns);
  if (!row) throw new Error('report job insert returned no row');
  const previous = globalQueue.strataReportQueue ?? Promise.resolve();
  pending.add(row.id);
  // Start after this response has gone out (a macrotask later), one report at a time. The chain
  // never rejects, so one failure cannot keep every later job from running.
  globalQueue.strataReportQueue = previous
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))
    .then(() => runJob(row.id, actor, params))
    .catch((err: unknown) => console.error('[strata] report job failed', err))
    .finally(() => pending.delete(row.id));
  return toDto(row);
}

/** The actor's recent reports of the current organisation, newest first. */
export async function listReportJobs(actor: Actor, limit = KEEP_PER_USER): Promise<ReportJobDto[]> {
  await markLostJobs();
  const { db } = await getDatabase();
  const rows = await db
    .select(listColumns)
    .from(t)
    .where(and(ownedBy(actor), eq(t.orgId, actor.orgId)))
    .orderBy(desc(t.id))
    .limit(limit);
  return Promise.all(rows.map((r) => toDtoFor(actor, r)));
}

async function findJob(actor: Actor, id: number): Promise<JobRow> {
  const { db } = await getDatabase();
  const [row] = await db.select(listColumns).from(t).where(eq(t.id, id));
  const mine =
    row && (actor.userId === null ? row.createdByEmail === actor.email : row.createdBy === actor.userId);
  // Only in an organisation the user may (still) see; a link may lack ?org, so any of theirs counts.
  if (!row || !(mine || can.readOthersReports(actor)) || !actor.orgIds.includes(row.orgId))
    throw new NotFoundError('No such report.');
  return row;
}

/** One report's status (its creator or an admin). */
export async function getReportJob(actor: Actor, id: number): Promise<ReportJobDto> {
  return toDtoFor(actor, await findJob(actor, id));
}

/**
 * The finished file (its creator or an admin); 404 until it is done, 403 when the user's CURRENT
 * role or scope no longer covers what it holds (see assertReportAccess).
 */
export async function getReportFile(
  actor: Actor,
  id: number,
): Promise<{ bytes: Uint8Array; filename: string; contentType: string }> {
  await findJob(actor, id);
  const { db } = await getDatabase();
  const [row] = await db
    .select({
      file: t.file,
      filename: t.filename,
      contentType: t.contentType,
      status: t.status,
      access: t.access,
      orgId: t.orgId,
    })
    .from(t)
    .where(eq(t.id, id));
  if (!row || row.status !== 'done' || !row.file || !row.filename)
    throw new NotFoundError('This report is not ready yet.');
  await assertReportAccess(actor, row.access, row.orgId);
  return {
    bytes: row.file,
    filename: row.filename,
    contentType: row.contentType ?? 'application/octet-stream',
  };
}

/** Waits for this process's queued reports (tests and the command line). */
export async function drainReportQueue(): Promise<void> {
  await (globalQueue.strataReportQueue ?? Promise.resolve());
}
