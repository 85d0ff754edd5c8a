import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import { parseOrgUpload, previewFile, type FilePreview } from '@/lib/ingest';
import { normaliseHeader } from '@/lib/ingest/header-synonyms';
import type { Issue, MappingOverride, UploadResult } from '@/lib/ingest/types';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { resolveUploadOrg } from './organisations';
import { NotFoundError, ValidationError } from './errors';
import { importOrgFiles, type CommittedSnapshot, type ImportProgress } from './snapshots';
import { refuseOverLimit, uploadLimits } from './upload-limits';

export { uploadLimits } from './upload-limits';

export interface UploadOptions {
  asOf?: string;
  skipDuplicates?: boolean;
  mapping?: MappingOverride;
  /** the organisation's name (SPEC "Organisations"); none: the request's organisation */
  org?: string;
}

export interface FileView {
  name: string;
  size: number;
  preview: FilePreview | null;
  /** the preview failed: the file-level error. */
  error: string | null;
  /** a mapping saved for files with these headers was applied. */
  savedMappingApplied: boolean;
}

/** What the upload screen shows: previews, mapping, and the validation report. */
export interface UploadView {
  id: string;
  options: UploadOptions;
  files: FileView[];
  report: {
    ok: boolean;
    fileIssues: Issue[];
    snapshots: Array<{
      asOf: string;
      label: string | null;
      format: string;
      sourceFiles: string[];
      stats: UploadResult['snapshots'][number]['stats'];
      duplicatePolicy: string;
      errorCount: number;
      warningCount: number;
      /** the first 2,000 issues; the CSV download has them all. */
      issues: Issue[];
    }>;
  };
}

/** The saved-mapping key of a header row: its normalised headers, sorted. */
export function sourceKey(headers: readonly string[]): string {
  return headers.map(normaliseHeader).filter(Boolean).sort().join('|');
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

async function savedMappings(keys: string[]): Promise<Map<string, Record<string, string>>> {
  const { db } = await getDatabase();
  const out = new Map<string, Record<string, string>>();
  for (const key of new Set(keys)) {
    const [row] = await db
      .select()
      .from(schema.headerMappings)
      .where(eq(schema.headerMappings.sourceKey, key));
    if (row) out.set(key, row.mapping);
  }
  return out;
}

/** Previews of the files (as read without a mapping) and the mapping to parse them with. */
async function resolveMapping(files: Array<{ name: string; bytes: Uint8Array }>, options: UploadOptions) {
  // First pass: previews, to find saved mappings for these header rows.
  const firstPreviews = await Promise.all(
    files.map(async (f) => {
      try {
        return {
          preview: await previewFile(f.bytes, f.name, options.mapping, uploadLimits().parser),
          error: null,
        };
      } catch (err) {
        return { preview: null, error: err instanceof Error ? err.message : 'The file could not be read.' };
      }
    }),
  );
  const keys = firstPreviews.map((p) => (p.preview ? sourceKey(p.preview.headers) : ''));
  const saved = await savedMappings(keys.filter(Boolean));
  const mapping: MappingOverride = {};
  for (const k of keys) Object.assign(mapping, (saved.get(k) ?? {}) as MappingOverride);
  Object.assign(mapping, options.mapping ?? {});
  return { firstPreviews, keys, saved, mapping };
}

async function buildView(
  id: string,
  files: Array<{ name: string; bytes: Uint8Array }>,
  options: UploadOptions,
): Promise<{ view: UploadView; result: UploadResult }> {
  const limits = uploadLimits();
  const { firstPreviews, keys, saved, mapping } = await resolveMapping(files, options);
  const result = await parseOrgUpload(files, {
    ...options,
    mapping,
    maxRows: limits.maxRows,
    limits: limits.parser,
  });
  const previews = await Promise.all(
    files.map(async (f, i) => {
      const first = firstPreviews[i];
      if (!first?.preview) return first ?? { preview: null, error: 'The file could not be read.' };
      return { preview: await previewFile(f.bytes, f.name, mapping, limits.parser), error: null };
    }),
  );
  const view: UploadView = {
    id,
    options,
    files: files.map((f, i) => ({
      name: f.name,
      size: f.bytes.byteLength,
      preview: previews[i]?.preview ?? null,
      error: previews[i]?.error ?? null,
      savedMappingApplied: saved.has(keys[i] ?? ''),
    })),
    report: {
      ok: result.ok,
      fileIssues: result.fileIssues,
      snapshots: result.snapshots.map((s) => ({
        asOf: s.asOf,
        label: s.label ?? null,
        format: s.format,
        sourceFiles: s.sourceFiles,
        stats: s.stats,
        duplicatePolicy: s.duplicatePolicy,
        errorCount: s.issues.filter((i) => i.severity === 'error').length,
        warningCount: s.issues.filter((i) => i.severity === 'warning').length,
        issues: s.issues.slice(0, 2000),
      })),
    },
  };
  return { view, result };
}

/** hr/admin: stores the files of a new upload and returns previews plus the validation report. Nothing is imported yet. */
export async function createUpload(
  actor: Actor,
  files: Array<{ name: string; bytes: Uint8Array }>,
  options: UploadOptions,
): Promise<UploadView> {
  assertRole(actor, ['admin', 'hr']);
  if (files.length === 0) throw new ValidationError('Choose at least one file to upload.');
  const { maxBytes } = uploadLimits();
  const total = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  if (total > maxBytes) {
    throw new ValidationError(
      `The upload is ${(total / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB (STRATA_MAX_UPLOAD_MB).`,
    );
  }
  const id = randomUUID();
  // Read before storing: a file over a parser limit is refused without writing its bytes anywhere.
  const built = await buildView(id, files, options);
  refuseOverLimit(built.result.fileIssues);
  const { db } = await getDatabase();
  // Abandoned uploads are cleared after a day.
  await db
    .delete(schema.pendingUploads)
    .where(lt(schema.pendingUploads.createdAt, new Date(Date.now() - 86_400_000)));
  await db.transaction(async (tx) => {
    await tx.insert(schema.pendingUploads).values({ id, createdBy: actor.email, options });
    for (const [idx, f] of files.entries()) {
      await tx.insert(schema.pendingUploadFiles).values({ uploadId: id, idx, name: f.name, bytes: f.bytes });
    }
  });
  return built.view;
}

async function requireUpload(actor: Actor, id: string) {
  assertRole(actor, ['admin', 'hr']);
  const { db } = await getDatabase();
  const [row] = await db.select().from(schema.pendingUploads).where(eq(schema.pendingUploads.id, id));
  if (!row)
    throw new NotFoundError('That upload is gone (uploads are kept for a day). Upload the files again.');
  return row;
}

/** hr/admin: validates again with a hand mapping, a form as-of date or the keep-first-duplicate choice. */
export async function revalidateUpload(
  actor: Actor,
  id: string,
  options: UploadOptions,
): Promise<UploadView> {
  const row = await requireUpload(actor, id);
  // The organisation chosen with the files stays unless the new options name another.
  options = { ...options, org: options.org ?? (row.options as UploadOptions).org };
  const { db } = await getDatabase();
  await db.update(schema.pendingUploads).set({ options }).where(eq(schema.pendingUploads.id, id));
  return (await buildView(id, await loadFiles(id), options)).view;
}

/** hr/admin: the full validation report as rows for the CSV download. */
export async function getUploadReport(actor: Actor, id: string): Promise<Issue[]> {
  const row = await requireUpload(actor, id);
  const { result } = await buildView(id, await loadFiles(id), row.options as UploadOptions);
  return [
    ...result.fileIssues,
    ...result.snapshots.flatMap((s) =>
      s.issues.map((i) => ({ ...i, file: i.file ?? s.sourceFiles.join(' + ') })),
    ),
  ];
}

/** hr/admin: commits the upload in one transaction, saves the mapping for these headers, clears the pending files. */
export async function commitPendingUpload(
  actor: Actor,
  id: string,
  onProgress?: ImportProgress,
): Promise<CommittedSnapshot[]> {
  const row = await requireUpload(actor, id);
  const options = row.options as UploadOptions;
  const files = await loadFiles(id);
  // The same parse as the report's, run by importOrgFiles so a big file is loaded while it is read.
  const { firstPreviews, mapping: resolved } = await resolveMapping(files, options);
  const limits = uploadLimits();
  // The upload goes to the organisation chosen on the form (created when new), else the current one.
  const orgId = await resolveUploadOrg(actor, options.org);
  const { result, committed } = await importOrgFiles(
    { ...actor, orgId },
    files,
    { ...options, mapping: resolved, maxRows: limits.maxRows, limits: limits.parser },
    { onProgress },
  );
  if (!result.ok) throw new ValidationError('The upload has errors; fix them before committing.');
  const { db } = await getDatabase();
  const hand = options.mapping ?? {};
  if (Object.keys(hand).length) {
    for (const [i, f] of files.entries()) {
      const preview = firstPreviews[i]?.preview;
      if (!preview) continue;
      const key = sourceKey(preview.headers);
      const mapping = Object.fromEntries(
        Object.entries(hand).filter(([h]) => preview.headers.includes(h)),
      ) as Record<string, string>;
      if (!Object.keys(mapping).length) continue;
      await db
        .insert(schema.headerMappings)
        .values({ sourceKey: key, mapping })
        .onConflictDoUpdate({
          target: schema.headerMappings.sourceKey,
          set: { mapping, updatedAt: new Date() },
        });
      await writeAudit(db, actor, 'mapping.save', f.name, { mapping });
    }
  }
  await db.delete(schema.pendingUploads).where(and(eq(schema.pendingUploads.id, id)));
  return committed;
}

/** hr/admin: abandons an upload. */
export async function cancelUpload(actor: Actor, id: string): Promise<void> {
  await requireUpload(actor, id);
  const { db } = await getDatabase();
  await db.delete(schema.pendingUploads).where(eq(schema.pendingUploads.id, id));
}
