import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from '../actor';
import { DalError, NotFoundError } from '../errors';
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
}

const KEEP_DAYS = 7;
const KEEP_PER_USER = 20;
/** A job whose row has not moved for this long was lost (e.g. the server restarted mid-run). */
const STALE_MS = 10 * 60 * 1000;

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
};
type JobRow = Pick<typeof t.$inferSelect, keyof typeof listColumns>;

function toDto(r: JobRow, now = Date.now()): ReportJobDto {
  const stale = (r.status === 'queued' || r.status === 'running') && now - r.updatedAt.getTime() > STALE_MS;
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
    error: stale ? 'The report was interrupted (the server restarted). Start it again.' : r.error,
  };
}

function ownedBy(actor: Actor) {
  return actor.userId === null ? eq(t.createdByEmail, actor.email) : eq(t.createdBy, actor.userId);
}

/** Resolves on the next turn of the event loop (after pending I/O callbacks). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// One report at a time per process: big reports hold whole trees in memory.
const globalQueue = globalThis as unknown as { strataReportQueue?: Promise<void> };

async function runJob(id: number, actor: Actor, params: ReportParams): Promise<void> {
  const { db } = await getDatabase();
  const update = (values: Partial<typeof t.$inferInsert>) =>
    db
      .update(t)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(t.id, id));
  let last = -1;
  let progressWrites: Promise<void> = Promise.resolve();
  try {
    await update({ status: 'running', progress: 1, stage: 'Starting' });
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

/** Deletes reports older than KEEP_DAYS, and beyond the newest KEEP_PER_USER of this user. */
async function pruneJobs(actor: Actor): Promise<void> {
  const { db } = await getDatabase();
  await db.delete(t).where(lt(t.createdAt, new Date(Date.now() - KEEP_DAYS * 86_400_000)));
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
    .values({ createdBy: actor.userId, createdByEmail: actor.email, params, stage: 'Waiting to start' })
    .returning(listColumns);
  if (!row) throw new Error('report job insert returned no row');
  const previous = globalQueue.strataReportQueue ?? Promise.resolve();
  // Start after this response has gone out (a macrotask later), one report at a time.
  globalQueue.strataReportQueue = previous
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))
    .then(() => runJob(row.id, actor, params));
  return toDto(row);
}

/** The actor's recent reports, newest first. */
export async function listReportJobs(actor: Actor, limit = KEEP_PER_USER): Promise<ReportJobDto[]> {
  const { db } = await getDatabase();
  const rows = await db.select(listColumns).from(t).where(ownedBy(actor)).orderBy(desc(t.id)).limit(limit);
  return rows.map((r) => toDto(r));
}

async function findJob(actor: Actor, id: number): Promise<JobRow> {
  const { db } = await getDatabase();
  const [row] = await db.select(listColumns).from(t).where(eq(t.id, id));
  const mine =
    row && (actor.userId === null ? row.createdByEmail === actor.email : row.createdBy === actor.userId);
  if (!row || !(mine || actor.role === 'admin')) throw new NotFoundError('No such report.');
  return row;
}

/** One report's status (its creator or an admin). */
export async function getReportJob(actor: Actor, id: number): Promise<ReportJobDto> {
  return toDto(await findJob(actor, id));
}

/** The finished file (its creator or an admin); 404 until it is done. */
export async function getReportFile(
  actor: Actor,
  id: number,
): Promise<{ bytes: Uint8Array; filename: string; contentType: string }> {
  await findJob(actor, id);
  const { db } = await getDatabase();
  const [row] = await db
    .select({ file: t.file, filename: t.filename, contentType: t.contentType, status: t.status })
    .from(t)
    .where(eq(t.id, id));
  if (!row || row.status !== 'done' || !row.file || !row.filename)
    throw new NotFoundError('This report is not ready yet.');
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
