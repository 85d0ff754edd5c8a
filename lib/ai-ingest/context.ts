/**
 * What every AI reader writes into: the records of one file and the upload's issue list, plus the
 * row checks shared by all sources (negative counts refuse the upload; acceptances above
 * suggestions are only suspicious, so they warn).
 */
import { IssueList } from '@/lib/ingest/issues';
import type { AiSeatRecord, AiSubject, AiTeamMembership, AiTool, AiUsageRecord } from './types';
import { numberAt, type JsonRecord } from './json-values';
import { emptyDelivery, type DeliveryParts } from './delivery';

/** One file being read. */
export interface FileContext {
  file: string;
  /** YYYY-MM-DD: the import date (seat listings without dates, Cursor spend cycle ends). */
  today: string;
  issues: IssueList;
  usage: AiUsageRecord[];
  seats: AiSeatRecord[];
  memberships: AiTeamMembership[];
  /** Seats listed as total_seats by a listing (a page may hold fewer); max over the file. */
  declaredSeats: number | null;
  /** rows that name a person by a tool api key only (Windsurf); resolved once the whole upload is read */
  pendingApiKeys: Array<{ rec: AiUsageRecord; apiKey: string; tool: string }>;
  /** api key -> email maps read from this file (Windsurf UserPageAnalytics) */
  apiKeyEmails: Map<string, string>;
  /** pull requests, trailer commits and identity lines (delivery.ts) */
  delivery: DeliveryParts;
}

/** A new context for one file. */
export function createContext(file: string, today: string, issues: IssueList): FileContext {
  return {
    file,
    today,
    issues,
    usage: [],
    seats: [],
    memberships: [],
    declaredSeats: null,
    pendingApiKeys: [],
    apiKeyEmails: new Map(),
    delivery: emptyDelivery(),
  };
}

/** Add a row-level issue ("file, row N: …"). */
export function rowIssue(
  ctx: FileContext,
  severity: 'error' | 'warning',
  code: string,
  row: number,
  text: string,
  column?: string,
): void {
  ctx.issues.add({
    severity,
    code,
    message: `${ctx.file}, row ${row}: ${text}`,
    row,
    file: ctx.file,
    ...(column === undefined ? {} : { column }),
  });
}

/** Add a file-level issue ("file: …"). */
export function fileIssue(ctx: FileContext, severity: 'error' | 'warning', code: string, text: string): void {
  ctx.issues.add({ severity, code, message: `${ctx.file}: ${text}`, file: ctx.file });
}

/** A usage record with every measure unknown (null). */
export function blankUsage(
  ctx: FileContext,
  row: number,
  tool: AiTool,
  periodStart: string,
  periodEnd: string,
  subject: AiSubject,
): AiUsageRecord {
  return {
    file: ctx.file,
    row,
    tool,
    periodStart,
    periodEnd,
    subject,
    engineers: null,
    aiActiveUsers: null,
    active: null,
    suggestions: null,
    acceptances: null,
    linesSuggested: null,
    linesAccepted: null,
    prsMerged: null,
    aiAssistedPrs: null,
    spendUsd: null,
  };
}

/** A person subject. */
export function person(ids: {
  employeeId?: string | null;
  githubLogin?: string | null;
  email?: string | null;
}): AiSubject {
  return {
    kind: 'person',
    employeeId: ids.employeeId ?? null,
    githubLogin: ids.githubLogin ?? null,
    email: ids.email ?? null,
  };
}

/** Tracks whether a row had an error, so the row can be left out. */
export interface RowState {
  bad: boolean;
}

/**
 * A count from a JSON field: null when absent, an error (and null) when it is not a number or
 * negative. `path` names the field in messages, e.g. 'pull_requests.total_merged'.
 */
export function countAt(
  ctx: FileContext,
  state: RowState,
  obj: JsonRecord | null,
  key: string,
  row: number,
  path = key,
): number | null {
  if (obj === null) return null;
  const v = numberAt(obj, key);
  if (v === null) return null;
  if (Number.isNaN(v)) {
    state.bad = true;
    rowIssue(ctx, 'error', 'bad-number', row, `${path} ${JSON.stringify(obj[key])} is not a number.`, path);
    return null;
  }
  if (v < 0) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'negative-count',
      row,
      `${path} is negative (${v}); counts cannot be below 0.`,
      path,
    );
    return null;
  }
  return v;
}

/** Sum of the non-null values; null when all are null. */
export function sumOrNull(...values: Array<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** Money sums rounded to 1e-6 so float noise (0.1 + 0.2) does not show. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Options of addUsage. */
export interface AddOptions {
  /** warn when lines accepted > lines suggested (off where the source adds lines without suggestions). */
  checkLines?: boolean;
}

/** Check the plausibility rules shared by every source and keep the record. */
export function addUsage(ctx: FileContext, rec: AiUsageRecord, options: AddOptions = {}): void {
  const { row } = rec;
  if (rec.suggestions !== null && rec.acceptances !== null && rec.acceptances > rec.suggestions) {
    rowIssue(
      ctx,
      'warning',
      'acceptances-exceed-suggestions',
      row,
      `${rec.acceptances} acceptances but only ${rec.suggestions} suggestions; check the export.`,
    );
  }
  if (
    options.checkLines !== false &&
    rec.linesSuggested !== null &&
    rec.linesAccepted !== null &&
    rec.linesAccepted > rec.linesSuggested
  ) {
    rowIssue(
      ctx,
      'warning',
      'lines-accepted-exceed-suggested',
      row,
      `${rec.linesAccepted} lines accepted but only ${rec.linesSuggested} lines suggested; check the export.`,
    );
  }
  if (rec.prsMerged !== null && rec.aiAssistedPrs !== null && rec.aiAssistedPrs > rec.prsMerged) {
    rowIssue(
      ctx,
      'warning',
      'ai-prs-exceed-merged',
      row,
      `${rec.aiAssistedPrs} AI-assisted PRs but only ${rec.prsMerged} PRs merged; check the export.`,
    );
  }
  if (rec.engineers !== null && rec.aiActiveUsers !== null && rec.aiActiveUsers > rec.engineers) {
    rowIssue(
      ctx,
      'warning',
      'active-exceed-engineers',
      row,
      `${rec.aiActiveUsers} AI-active users but only ${rec.engineers} engineers; check the export.`,
    );
  }
  ctx.usage.push(rec);
}
