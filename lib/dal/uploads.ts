import 'server-only';
import { warmSnapshots } from './warm';
import { can } from '@/lib/auth/permissions';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import { parseOrgUpload, previewFile, type FilePreview } from '@/lib/ingest';
import { normaliseHeader } from '@/lib/ingest/header-synonyms';
import type { Issue, MappingOverride, ParsedSnapshot, UploadResult } from '@/lib/ingest/types';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { findUploadOrg, resolveUploadOrg } from './organisations';
import { NotFoundError, ValidationError } from './errors';
import {
  findCurrentSnapshot,
  importOrgFiles,
  readDiffRecords,
  type CommittedSnapshot,
  type ImportProgress,
} from './snapshots';
import { errorsFirst } from '@/lib/ingest/issue-order';
import type { ResolutionOffer, Resolutions } from '@/lib/ingest/resolutions';
import { diffSnapshots, type SnapshotDiff } from '@/lib/ingest/snapshot-diff';
import { refuseOverLimit, uploadLimits } from './upload-limits';

export { uploadLimits } from './upload-limits';

export interface UploadOptions {
  asOf?: string;
  skipDuplicates?: boolean;
  mapping?: MappingOverride;
  /** the organisation's name (SPEC "Organisations"); none: the request's organisation */
  org?: string;
  /** the resolution chosen per defect class (upload screen radio groups). */
  resolutions?: Resolutions;
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
      /** the defect classes with their actions, row counts and choices; the choices applied. */
      offers: ResolutionOffer[];
      resolutions: Resolutions;
      /** the current stored version of this date and what storing this one would change. */
      existing: { version: number; diff: SnapshotDiff } | null;
      errorCount: number;
      warningCount: number;
      /** the first 2,000 issues, errors first; the CSV download has them all. */
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
  actor: Actor,
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
  const fileIssues = errorsFirst(result.fileIssues);
  // A date is compared with the current version in the organisation the upload goes to (none when new).
  const target = await findUploadOrg(actor, options.org);
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
      fileIssues,
      snapshots: await Promise.all(
        result.snapshots.map(async (s) => ({
          asOf: s.asOf,
          label: s.label ?? null,
          format: s.format,
          sourceFiles: s.sourceFiles,
          stats: s.stats,
          duplicatePolicy: s.duplicatePolicy,
          offers: s.offers,
          resolutions: s.resolutions,
          existing: await existingVersion(target, s),
          errorCount: s.issues.filter((i) => i.severity === 'error').length,
          warningCount: s.issues.filter((i) => i.severity === 'warning').length,
          issues: errorsFirst(s.issues).slice(0, 2000),
        })),
      ),
    },
  };
  return { view, result };
}

/** The stored current version of a snapshot's date and the difference the upload would make. */
async function existingVersion(
  orgId: number | null,
  s: ParsedSnapshot,
): Promise<{ version: number; diff: SnapshotDiff } | null> {
  if (orgId === null) return null;
  const current = await findCurrentSnapshot(orgId, s.asOf);
  if (current === null) return null;
  return { version: current.version, diff: diffSnapshots(await readDiffRecords(current.id), s.records) };
}

/** hr/admin: stores the files of a new upload and returns previews plus the validation report. Nothing is imported yet. */
export async function createUpload(
  actor: Actor,
  files: Array<{ name: string; bytes: Uint8Array }>,
  options: UploadOptions,
): Promise<UploadView> {
  assertRole(actor, can.manageData);
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
  const built = await buildView(actor, id, files, options);
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
  assertRole(actor, can.manageData);
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
  return (await buildView(actor, id, await loadFiles(id), options)).view;
}

/** hr/admin: the full validation report as rows for the CSV download. */
export async function getUploadReport(actor: Actor, id: string): Promise<Issue[]> {
  const row = await requireUpload(actor, id);
  const { result } = await buildView(actor, id, await loadFiles(id), row.options as UploadOptions);
  return errorsFirst([
    ...result.fileIssues,
    ...result.snapshots.flatMap((s) =>
      s.issues.map((i) => ({ ...i, file: i.file ?? s.sourceFiles.join(' + ') })),
    ),
  ]);
}

/**
 * hr/admin: commits the upload in one transaction, saves the mapping for these headers, clears the
 * pending files. `resolutions` (when given) replace the stored choices; `commitValid` commits the
 * snapshots without errors and leaves the others.
 */
export async function commitPendingUpload(
  actor: Actor,
  id: string,
  onProgress?: ImportProgress,
  choice: { resolutions?: Resolutions; commitValid?: boolean } = {},
): Promise<CommittedSnapshot[]> {
  const row = await requireUpload(actor, id);
  const stored = row.options as UploadOptions;
  const options: UploadOptions =
    choice.resolutions === undefined ? stored : { ...stored, resolutions: choice.resolutions };
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
    { onProgress, commitValid: choice.commitValid === true },
  );
  if (committed.length === 0)
    throw new ValidationError(
      result.snapshots.length > 1 && choice.commitValid !== true
        ? 'The upload has errors; choose resolutions, or commit only the snapshots without errors.'
        : 'The upload has errors; choose a resolution for each error class before committing.',
    );
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
  // The upload's newest snapshot is what its readers open next: load it now, behind the answer.
  const newest = committed.reduce<CommittedSnapshot | null>(
    (a, c) => (a === null || c.asOf > a.asOf ? c : a),
    null,
  );
  if (newest) warmSnapshots([{ id: newest.id, asOf: newest.asOf, orgId }]);
  return committed;
}

/** hr/admin: abandons an upload. */
export async function cancelUpload(actor: Actor, id: string): Promise<void> {
  await requireUpload(actor, id);
  const { db } = await getDatabase();
  await db.delete(schema.pendingUploads).where(eq(schema.pendingUploads.id, id));
}
