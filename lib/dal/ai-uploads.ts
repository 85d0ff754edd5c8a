import 'server-only';
import { can } from '@/lib/auth/permissions';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import { parseAiFiles } from '@/lib/ai-ingest';
import type { AiParseResult } from '@/lib/ai-ingest/types';
import type { Issue } from '@/lib/ingest/types';
import { assertRole, type Actor } from './actor';
import { commitAiImport, usageMonths, type AiImportResult } from './ai-imports';
import { summariseImportIdentities, type ImportIdentitySummary } from './ai-identity';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { refuseOverLimit, uploadLimits } from './upload-limits';
import { identityFileIssues } from './ai-identity-map';

const KIND = 'ai';

/** What the AI upload screen shows before anything is stored: formats found, totals, how people join, every problem. */
export interface AiUploadView {
  id: string;
  ok: boolean;
  files: Array<{
    name: string;
    size: number;
    format: string | null;
    label: string | null;
    usage: number;
    seats: number;
    /** pull requests (GitHub JSON or PR CSV) and identity-file lines read from the file */
    pullRequests: number;
    identities: number;
  }>;
  errorCount: number;
  warningCount: number;
  /** the first 2,000 issues; the CSV download has them all */
  issues: Issue[];
  records: number;
  seats: number;
  /** pull requests to store: all, merged, AI-assisted */
  pullRequests: number;
  mergedPullRequests: number;
  aiAssistedPullRequests: number;
  /** identity-file lines (employee -> identities) to store as mappings */
  identityLines: number;
  periods: string[];
  tools: string[];
  identities: ImportIdentitySummary;
}

async function loadFiles(id: string): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const { db } = await getDatabase();
  const rows = await db
    .select()
    .from(schema.pendingUploadFiles)
    .where(eq(schema.pendingUploadFiles.uploadId, id))
    .orderBy(asc(schema.pendingUploadFiles.idx));
  return rows.map((r) => ({ name: r.name, bytes: new Uint8Array(r.bytes) }));
}

/** Parses with the configured line, cell and JSON limits. */
function parse(files: Array<{ name: string; bytes: Uint8Array }>): Promise<AiParseResult> {
  return parseAiFiles(files, { limits: uploadLimits().parser });
}

async function view(
  orgId: number,
  id: string,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<{ view: AiUploadView; parsed: AiParseResult }> {
  const parsed = await parse(files);
  const prs = parsed.pullRequests ?? [];
  const idLines = parsed.identities ?? [];
  parsed.issues.push(...(await identityFileIssues(orgId, idLines)));
  const sizes = new Map(files.map((f) => [f.name, f.bytes.byteLength]));
  return {
    parsed,
    view: {
      id,
      ok: parsed.ok,
      files: parsed.files.map((f) => ({
        name: f.name,
        size: sizes.get(f.name) ?? 0,
        format: f.format,
        label: f.label ?? null,
        usage: f.usage,
        seats: f.seats,
        pullRequests: f.pullRequests ?? 0,
        identities: f.identities ?? 0,
      })),
      errorCount: parsed.issues.filter((i) => i.severity === 'error').length,
      warningCount: parsed.issues.filter((i) => i.severity === 'warning').length,
      issues: parsed.issues.slice(0, 2000),
      records: parsed.usage.length,
      seats: parsed.seats.length,
      pullRequests: prs.length,
      mergedPullRequests: prs.filter((p) => p.mergedAt !== null).length,
      aiAssistedPullRequests: prs.filter((p) => p.aiSource !== null).length,
      identityLines: idLines.length,
      periods: usageMonths(parsed.usage),
      tools: [...new Set([...parsed.usage.map((u) => u.tool), ...parsed.seats.map((s) => s.tool)])].sort(),
      identities: await summariseImportIdentities(orgId, parsed.usage, parsed.seats),
    },
  };
}

/** hr/admin: stores the files of a new AI upload and returns the validation report. Nothing is imported yet. */
export async function createAiUpload(
  actor: Actor,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<AiUploadView> {
  assertRole(actor, can.manageData);
  if (files.length === 0) throw new ValidationError('Choose at least one file to upload.');
  const { maxBytes } = uploadLimits();
  const total = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  if (total > maxBytes)
    throw new ValidationError(
      `The upload is ${(total / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB (STRATA_MAX_UPLOAD_MB).`,
    );
  const id = randomUUID();
  // Read before storing: a file over a parser limit is refused without writing its bytes anywhere.
  const built = await view(actor.orgId, id, files);
  refuseOverLimit(built.parsed.issues);
  const { db } = await getDatabase();
  await db
    .delete(schema.pendingUploads)
    .where(lt(schema.pendingUploads.createdAt, new Date(Date.now() - 86_400_000)));
  await db.transaction(async (tx) => {
    await tx
      .insert(schema.pendingUploads)
      .values({ id, kind: KIND, createdBy: actor.email, options: { orgId: actor.orgId } });
    for (const [idx, f] of files.entries())
      await tx.insert(schema.pendingUploadFiles).values({ uploadId: id, idx, name: f.name, bytes: f.bytes });
  });
  return built.view;
}

/** The pending AI upload's actor: in the organisation it was validated for (403 if no longer visible). */
async function requireAiUpload(actor: Actor, id: string): Promise<Actor> {
  assertRole(actor, can.manageData);
  const { db } = await getDatabase();
  const [row] = await db
    .select()
    .from(schema.pendingUploads)
    .where(and(eq(schema.pendingUploads.id, id), eq(schema.pendingUploads.kind, KIND)));
  if (!row)
    throw new NotFoundError('That upload is gone (uploads are kept for a day). Upload the files again.');
  const orgId = (row.options as { orgId?: number }).orgId ?? actor.orgId;
  if (!actor.orgIds.includes(orgId)) throw new ForbiddenError('You do not have access to that organisation.');
  return { ...actor, orgId };
}

/** hr/admin: every problem of a pending AI upload, for the CSV download. */
export async function getAiUploadIssues(actor: Actor, id: string): Promise<Issue[]> {
  await requireAiUpload(actor, id);
  return (await parse(await loadFiles(id))).issues;
}

/** hr/admin: imports a pending AI upload in one transaction and clears it. */
export async function commitAiUpload(actor: Actor, id: string): Promise<AiImportResult> {
  const inOrg = await requireAiUpload(actor, id);
  const parsed = await parse(await loadFiles(id));
  const result = await commitAiImport(inOrg, parsed);
  const { db } = await getDatabase();
  await db.delete(schema.pendingUploads).where(eq(schema.pendingUploads.id, id));
  return result;
}

/** hr/admin: abandons a pending AI upload. */
export async function cancelAiUpload(actor: Actor, id: string): Promise<void> {
  await requireAiUpload(actor, id);
  const { db } = await getDatabase();
  await db.delete(schema.pendingUploads).where(eq(schema.pendingUploads.id, id));
}
