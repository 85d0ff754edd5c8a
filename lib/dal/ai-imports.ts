import 'server-only';
import { can } from '@/lib/auth/permissions';
import { getDatabase, type DbHandle } from '@/db';
import { copyValue, withRawTransaction, type RawTx } from '@/db/raw';
import type { AiParseResult, AiSeatRecord, AiUsageRecord } from '@/lib/ai-ingest/types';
import { identityKey } from '@/lib/metrics/ai-identity';
import { assertRole, type Actor } from './actor';
import { rawQuery } from './raw-query';
import { summariseImportIdentities, type ImportIdentitySummary } from './ai-identity';
import { NotFoundError, ValidationError } from './errors';
import { storePullRequests } from './pull-requests';
import { storeIdentityFile } from './ai-identity-map';

const USAGE_COLUMNS = [
  'import_id',
  'row_no',
  'tool',
  'period_start',
  'period_end',
  'subject_kind',
  'subject_key',
  'employee_id',
  'github_login',
  'email',
  'team_manager_id',
  'org_key',
  'engineers',
  'ai_active_users',
  'active',
  'suggestions',
  'acceptances',
  'lines_suggested',
  'lines_accepted',
  'prs_merged',
  'ai_assisted_prs',
  'spend_usd',
  'active_days',
  'agent_uses',
  'lines_total',
  'ai_credits',
  'commits_by_ai',
  'extra',
] as const;

const SEAT_COLUMNS = [
  'import_id',
  'row_no',
  'tool',
  'github_login',
  'email',
  'assigned_at',
  'last_activity_at',
  'plan',
  'monthly_cost_usd',
  'as_of',
] as const;

/**
 * The subject key: who a row is about, and which feature of the tool it covers when it covers one
 * ('~' + feature: a Copilot billing day and a Copilot users-report day of one person are two rows,
 * not one replacing the other). Replacement and de-duplication compare it.
 */
export function subjectKey(r: AiUsageRecord): string {
  const s = r.subject;
  const who =
    s.kind === 'team' ? `team:${s.teamManagerId}` : s.kind === 'org' ? `org:${s.orgKey}` : identityKey(s);
  return r.feature ? `${who}~${r.feature}` : who;
}

const n = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** The extra counters as JSON for COPY (finite numbers only), or null. */
function extraJson(extra: AiUsageRecord['extra']): string | null {
  if (!extra) return null;
  const kept = Object.entries(extra).filter(([, v]) => Number.isFinite(v));
  return kept.length === 0 ? null : JSON.stringify(Object.fromEntries(kept));
}

function usageLine(importId: number, r: AiUsageRecord, rowNo: number): string {
  const s = r.subject;
  return [
    importId,
    rowNo,
    copyValue(r.tool),
    r.periodStart,
    r.periodEnd,
    s.kind,
    copyValue(subjectKey(r)),
    copyValue(s.kind === 'person' ? s.employeeId : null),
    copyValue(s.kind === 'person' ? s.githubLogin : null),
    copyValue(s.kind === 'person' ? s.email : null),
    copyValue(s.kind === 'team' ? s.teamManagerId : null),
    copyValue(s.kind === 'org' ? s.orgKey : null),
    copyValue(n(r.engineers)),
    copyValue(n(r.aiActiveUsers)),
    copyValue(r.active),
    copyValue(n(r.suggestions)),
    copyValue(n(r.acceptances)),
    copyValue(n(r.linesSuggested)),
    copyValue(n(r.linesAccepted)),
    copyValue(n(r.prsMerged)),
    copyValue(n(r.aiAssistedPrs)),
    copyValue(n(r.spendUsd)),
    copyValue(n(r.activeDays)),
    copyValue(n(r.agentUses)),
    copyValue(n(r.linesTotal)),
    copyValue(n(r.aiCredits)),
    copyValue(n(r.commitsByAi)),
    copyValue(extraJson(r.extra)),
  ].join('\t');
}

function seatLine(importId: number, s: AiSeatRecord, rowNo: number, importDate: string): string {
  return [
    importId,
    rowNo,
    copyValue(s.tool),
    copyValue(s.githubLogin),
    copyValue(s.email),
    copyValue(s.assignedAt),
    copyValue(s.lastActivityAt),
    copyValue(s.plan),
    copyValue(n(s.monthlyCostUsd)),
    s.asOf ?? importDate,
  ].join('\t');
}

function* chunks<T>(items: readonly T[], line: (item: T) => string): Generator<string> {
  for (let i = 0; i < items.length; i += 5000) {
    yield `${items
      .slice(i, i + 5000)
      .map((x) => line(x))
      .join('\n')}\n`;
  }
}

/** One usage row per tool, subject and period: a file that repeats one keeps its last. */
export function dedupeUsage(usage: readonly AiUsageRecord[]): { rows: AiUsageRecord[]; dropped: number } {
  const byKey = new Map<string, AiUsageRecord>();
  for (const r of usage) byKey.set(`${r.tool}|${subjectKey(r)}|${r.periodStart}|${r.periodEnd}`, r);
  return { rows: [...byKey.values()], dropped: usage.length - byKey.size };
}

/** Calendar months (YYYY-MM) the usage rows fall in (by the last day of their period). */
export function usageMonths(usage: readonly AiUsageRecord[]): string[] {
  return [...new Set(usage.map((r) => r.periodEnd.slice(0, 7)))].sort();
}

/**
 * Copilot billing given twice: the monthly billing JSON stores one row per person (and one per
 * organisation) and month without a feature, the daily billing usage CSV one row per day with
 * feature 'billing'. Rule: for a subject and a calendar month (or a day, for a one-day JSON), the
 * daily CSV rows win; the billing-only row of the JSON (spend, no activity counts) is set aside,
 * whichever file came first. The subjects this upload could touch on either side.
 */
function billingSubjects(rows: readonly AiUsageRecord[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) {
    if (r.tool !== 'copilot') continue;
    if (r.feature === 'billing' && r.periodStart === r.periodEnd)
      keys.add(subjectKey(r).slice(0, -'~billing'.length));
    else if (!r.feature && r.spendUsd !== null && r.spendUsd !== undefined) keys.add(subjectKey(r));
  }
  return [...keys];
}

/**
 * Sets aside the monthly billing rows (see billingSubjects) overlapped by daily billing rows, where
 * either side is of this import; looks only at the given subjects (index on tool and subject_key),
 * so it costs what the upload's own subjects cost. Returns how many rows were set aside.
 */
async function supersedeMonthlyBilling(
  tx: Pick<RawTx, 'query'>,
  importId: number,
  orgId: number,
  subjects: readonly string[],
): Promise<number> {
  if (subjects.length === 0) return 0;
  const rows = await tx.query<{ n: number }>(
    `with k as (select distinct value as key from json_array_elements_text($3::json)),
     d as (
       delete from ai_usage m using k
       where m.tool = 'copilot' and m.subject_key = k.key and m.spend_usd is not null
         and m.suggestions is null and m.acceptances is null and m.lines_suggested is null
         and m.lines_accepted is null and m.prs_merged is null and m.ai_assisted_prs is null
         and m.active_days is null and m.agent_uses is null and m.lines_total is null
         and m.commits_by_ai is null and m.engineers is null and m.ai_active_users is null
         and (m.period_start = m.period_end
           or (extract(day from m.period_start) = 1
             and m.period_end = (m.period_start + interval '1 month' - interval '1 day')::date))
         and m.import_id in (select id from ai_imports where org_id = $2)
         and exists (select 1 from ai_usage c
           where c.tool = 'copilot' and c.subject_key = k.key || '~billing'
             and c.period_start = c.period_end and c.period_start between m.period_start and m.period_end
             and (c.import_id = $1 or m.import_id = $1)
             and c.import_id in (select id from ai_imports where org_id = $2))
       returning 1)
     select count(*)::int as n from d`,
    [importId, orgId, JSON.stringify(subjects)],
  );
  return rows[0]?.n ?? 0;
}

export interface AiImportResult {
  importId: number;
  records: number;
  seats: number;
  periods: string[];
  /** rows of earlier imports replaced by this one (same tool, subject and period) */
  replaced: number;
  /** monthly Copilot billing rows set aside because the daily billing CSV covers the same subject and month */
  billingSuperseded: number;
  /** rows repeated inside this upload (the last one was kept) */
  duplicates: number;
  identities: ImportIdentitySummary;
  /** pull requests stored, and how many of them replaced rows of earlier imports */
  pullRequests: number;
  pullRequestsReplaced: number;
  /** identity -> employee mappings stored from identity files */
  identityMappings: number;
}

async function audit(tx: RawTx, actor: Actor, action: string, target: string, details: unknown) {
  await tx.query(
    'insert into audit_log (actor_user_id, actor_email, action, target, details, org_id) values ($1, $2, $3, $4, $5::jsonb, $6)',
    [actor.userId, actor.email, action, target, JSON.stringify(details), actor.orgId || null],
  );
}

/**
 * hr/admin: stores a parsed AI upload in ONE transaction (usage and seats with COPY). A row for
 * the same tool, subject and period as an earlier import replaces it, so re-uploading a report
 * never double counts. Audited.
 */
export async function commitAiImport(
  actor: Actor,
  parsed: AiParseResult,
  opts: { handle?: DbHandle; onProgress?: (message: string) => void } = {},
): Promise<AiImportResult> {
  assertRole(actor, can.manageData);
  if (!parsed.ok)
    throw new ValidationError(
      'The upload has errors; fix them before committing.',
      parsed.issues.filter((i) => i.severity === 'error').slice(0, 50),
    );
  const prs = parsed.pullRequests ?? [];
  const idLines = parsed.identities ?? [];
  if (parsed.usage.length === 0 && parsed.seats.length === 0 && prs.length === 0 && idLines.length === 0)
    throw new ValidationError('The upload holds no AI-usage, seat, pull-request or identity rows.');
  const handle = opts.handle ?? (await getDatabase());
  const { rows, dropped } = dedupeUsage(parsed.usage);
  const periods = usageMonths(rows);
  const identities = await summariseImportIdentities(actor.orgId, rows, parsed.seats);
  const today = new Date().toISOString().slice(0, 10);
  const stats = {
    records: rows.length,
    seats: parsed.seats.length,
    periods,
    duplicates: dropped,
    pullRequests: prs.length,
    identityLines: idLines.length,
    warnings: parsed.issues.filter((i) => i.severity === 'warning').length,
    matchedUsers: identities.matchedUsers,
    unmatchedUsers: identities.unmatchedUsers,
    ambiguousUsers: identities.ambiguousUsers,
  };
  const result = await withRawTransaction(handle, async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      'insert into ai_imports (uploaded_by, files, stats, org_id) values ($1, $2::jsonb, $3::jsonb, $4) returning id',
      [actor.email, JSON.stringify(parsed.files), JSON.stringify(stats), actor.orgId],
    );
    const id = inserted[0]?.id;
    if (id === undefined) throw new Error('ai_imports insert returned no id');
    opts.onProgress?.(`storing ${rows.length} usage row(s) and ${parsed.seats.length} seat(s)`);
    if (rows.length)
      await tx.copyIn(
        'ai_usage',
        USAGE_COLUMNS,
        chunks(rows, (r) => usageLine(id, r, r.row)),
      );
    if (parsed.seats.length)
      await tx.copyIn(
        'ai_seats',
        SEAT_COLUMNS,
        chunks(parsed.seats, (s) => seatLine(id, s, s.row, today)),
      );
    if (prs.length) opts.onProgress?.(`storing ${prs.length} pull request(s)`);
    const pulls = await storePullRequests(tx, actor.orgId, id, prs);
    const identityMappings = await storeIdentityFile(tx, actor, idLines);
    const del = await tx.query<{ n: number }>(
      `with d as (
         delete from ai_usage u using (select distinct tool, subject_key, period_start, period_end from ai_usage where import_id = $1) x
         where u.import_id <> $1 and u.tool = x.tool and u.subject_key = x.subject_key
           and u.period_start = x.period_start and u.period_end = x.period_end
           and u.import_id in (select id from ai_imports where org_id = $2)
         returning 1)
       select count(*)::int as n from d`,
      [id, actor.orgId],
    );
    const replaced = del[0]?.n ?? 0;
    const billingSuperseded = await supersedeMonthlyBilling(tx, id, actor.orgId, billingSubjects(rows));
    await tx.query(`update ai_imports set stats = stats || $2::jsonb where id = $1`, [
      id,
      JSON.stringify({ replaced, billingSuperseded, pullRequestsReplaced: pulls.replaced, identityMappings }),
    ]);
    await audit(tx, actor, 'ai.import', parsed.files.map((f) => f.name).join(', '), {
      importId: id,
      ...stats,
      replaced,
      billingSuperseded,
      pullRequestsReplaced: pulls.replaced,
      identityMappings,
      formats: parsed.files.map((f) => f.format),
    });
    return {
      importId: id,
      replaced,
      billingSuperseded,
      pullRequestsReplaced: pulls.replaced,
      identityMappings,
    };
  });
  return {
    importId: result.importId,
    records: rows.length,
    seats: parsed.seats.length,
    periods,
    replaced: result.replaced,
    billingSuperseded: result.billingSuperseded,
    duplicates: dropped,
    identities,
    pullRequests: prs.length,
    pullRequestsReplaced: result.pullRequestsReplaced,
    identityMappings: result.identityMappings,
  };
}

export interface AiImportDto {
  id: number;
  uploadedBy: string;
  uploadedAt: string;
  files: Array<{ name: string; format: string | null; usage: number; seats: number }>;
  /** rows still in force (later imports may have replaced some) */
  usageRows: number;
  seatRows: number;
  periods: string[];
}

/** hr/admin: committed AI imports, newest first. */
export async function listAiImports(actor: Actor): Promise<AiImportDto[]> {
  assertRole(actor, can.manageData);
  const rows = await rawQuery<{
    id: number;
    uploaded_by: string;
    uploaded_at: string | Date;
    files: AiImportDto['files'];
    stats: { periods?: string[] };
    usage_rows: number;
    seat_rows: number;
  }>(
    `select i.id, i.uploaded_by, i.uploaded_at, i.files, i.stats,
       (select count(*)::int from ai_usage u where u.import_id = i.id) as usage_rows,
       (select count(*)::int from ai_seats s where s.import_id = i.id) as seat_rows
     from ai_imports i where i.org_id = $1 order by i.id desc limit 200`,
    [actor.orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    uploadedBy: r.uploaded_by,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    files: r.files,
    usageRows: r.usage_rows,
    seatRows: r.seat_rows,
    periods: r.stats.periods ?? [],
  }));
}

/** hr/admin: deletes one AI import (its usage and seat rows cascade), audited. */
export async function deleteAiImport(actor: Actor, id: number): Promise<void> {
  assertRole(actor, can.manageData);
  const handle = await getDatabase();
  await withRawTransaction(handle, async (tx) => {
    const rows = await tx.query<{ files: Array<{ name: string }> }>(
      'select files from ai_imports where id = $1 and org_id = $2',
      [id, actor.orgId],
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('That AI import does not exist.');
    await tx.query('delete from ai_imports where id = $1', [id]);
    await audit(tx, actor, 'ai.import_delete', row.files.map((f) => f.name).join(', '), { importId: id });
  });
}

/** Number of committed AI imports (demo and first-run checks). */
export async function countAiImports(orgId?: number): Promise<number> {
  const rows =
    orgId === undefined
      ? await rawQuery<{ n: number }>('select count(*)::int as n from ai_imports')
      : await rawQuery<{ n: number }>('select count(*)::int as n from ai_imports where org_id = $1', [orgId]);
  return rows[0]?.n ?? 0;
}
