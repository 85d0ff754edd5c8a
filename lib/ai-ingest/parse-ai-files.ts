/**
 * parseAiFiles: the AI-usage upload (SPEC.md "AI usage", "What happens to bad input"). Every file
 * is detected and read into canonical records; problems become Issues (never exceptions), and
 * any error makes the whole upload not ok, so nothing is half-imported.
 */
import { toFileIssue } from '@/lib/ingest/errors';
import { boundIssue, type InputLimits } from '@/lib/ingest/limits';
import type { Issue } from '@/lib/ingest/types';
import type { AiParseResult, AiParsedFile, AiSeatRecord, AiTeamMembership, AiUsageRecord } from './types';
import { AiRefusal, readAiFile, type AiUploadFile } from './read-file';
import { dedupeSeats, dropDuplicateUsage, warnOverlaps } from './upload-checks';
import { resolveApiKeys, type PendingApiKey } from './windsurf';
import { finishDelivery, type DeliveryParts } from './delivery';

/** Options of parseAiFiles. */
export interface AiParseOptions {
  /** YYYY-MM-DD import date: the as-of of seat listings without dates. Default: today (UTC). */
  today?: string;
  /** per-file size limit in bytes; default 1 GiB. */
  maxBytes?: number;
  /** line, cell, column and JSON-document limits (defaults: lib/ingest/limits.ts). */
  limits?: Partial<InputLimits>;
}

const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

function seatCheck(seats: AiSeatRecord[], declared: number | null, issues: Issue[]): void {
  const copilot = seats.filter((s) => s.tool === 'copilot').length;
  if (declared !== null && declared > copilot) {
    issues.push({
      severity: 'warning',
      code: 'partial-listing',
      message: `the Copilot seat listing says total_seats = ${declared} but ${copilot} distinct seat(s) were uploaded; upload every page of the listing.`,
    });
  }
}

/** Parse AI-usage files of any supported format into canonical records; never throws for bad input. */
export async function parseAiFiles(
  files: AiUploadFile[],
  options: AiParseOptions = {},
): Promise<AiParseResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const parsed: AiParsedFile[] = [];
  let usage: AiUsageRecord[] = [];
  let seats: AiSeatRecord[] = [];
  const memberships: AiTeamMembership[] = [];
  const issues: Issue[] = [];
  let declaredSeats: number | null = null;
  const pendingApiKeys: PendingApiKey[] = [];
  const apiKeyEmails = new Map<string, string>();
  const delivery: DeliveryParts[] = [];

  for (const file of files) {
    try {
      const { ctx, detection } = await readAiFile(file, today, maxBytes, options.limits);
      parsed.push({
        name: file.name,
        format: detection.format,
        usage: ctx.usage.length,
        seats: ctx.seats.length,
        memberships: ctx.memberships.length,
        label: detection.label,
      });
      usage = usage.concat(ctx.usage);
      seats = seats.concat(ctx.seats);
      for (const m of ctx.memberships) memberships.push(m);
      delivery.push(ctx.delivery);
      issues.push(...ctx.issues.toArray());
      if (ctx.declaredSeats !== null) declaredSeats = Math.max(declaredSeats ?? 0, ctx.declaredSeats);
      pendingApiKeys.push(...ctx.pendingApiKeys);
      for (const [k, v] of ctx.apiKeyEmails) apiKeyEmails.set(k, v);
    } catch (error) {
      const label = error instanceof AiRefusal ? error.detection.label : 'unreadable file';
      parsed.push({ name: file.name, format: null, usage: 0, seats: 0, memberships: 0, label });
      issues.push(toFileIssue(error, file.name));
    }
  }

  // Rows that name people by api key only get their email from a user list of the same upload.
  if (pendingApiKeys.length > 0) usage = usage.concat(resolveApiKeys(pendingApiKeys, apiKeyEmails, issues));
  usage = dropDuplicateUsage(usage, issues);
  warnOverlaps(usage, issues);
  seats = dedupeSeats(seats, issues);
  // Per-file counts after repeats were dropped: what the upload will actually store from each file.
  const kept = new Map<string, { usage: number; seats: number }>();
  for (const r of usage)
    kept.set(r.file, { usage: (kept.get(r.file)?.usage ?? 0) + 1, seats: kept.get(r.file)?.seats ?? 0 });
  for (const s of seats)
    kept.set(s.file, { usage: kept.get(s.file)?.usage ?? 0, seats: (kept.get(s.file)?.seats ?? 0) + 1 });
  for (const f of parsed) {
    f.usage = kept.get(f.name)?.usage ?? 0;
    f.seats = kept.get(f.name)?.seats ?? 0;
  }
  seatCheck(seats, declaredSeats, issues);
  const { pullRequests, identities, commitsByFile } = finishDelivery(delivery, issues);
  const count = (rows: ReadonlyArray<{ file: string }>) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.file, (m.get(r.file) ?? 0) + 1);
    return m;
  };
  const prsByFile = count(pullRequests);
  const idsByFile = count(identities);
  for (const f of parsed) {
    if (f.format === 'github-pulls' || f.format === 'pull-requests-csv') {
      f.pullRequests = prsByFile.get(f.name) ?? 0;
      if (commitsByFile.has(f.name)) f.commits = commitsByFile.get(f.name);
    }
    if (f.format === 'identity-file') f.identities = idsByFile.get(f.name) ?? 0;
  }
  return {
    files: parsed,
    usage,
    seats,
    memberships,
    pullRequests,
    identities,
    issues: issues.map(boundIssue),
    ok: !issues.some((i) => i.severity === 'error'),
  };
}
