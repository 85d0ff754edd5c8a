/**
 * GitHub Copilot usage-metrics reports (the 2025+ API; NDJSON as downloaded, or JSON wrapping the
 * records in day_totals / user_totals). Field mapping (see README.md):
 *   suggestions    = code_generation_activity_count  (code generations shown: completions, chat/agent code)
 *   acceptances    = code_acceptance_activity_count
 *   linesSuggested = loc_suggested_to_add_sum
 *   linesAccepted  = loc_added_sum  (lines Copilot added to the code, incl. agent/CLI edits that had
 *                    no suggestion first, so lines accepted may exceed lines suggested: not warned)
 *   person active  = user_initiated_interaction_count + code_generation_activity_count > 0, or any used_* flag
 *   org rows       : aiActiveUsers = daily_active_users; prsMerged = pull_requests.total_merged;
 *                    aiAssistedPrs = pull_requests.total_merged_created_by_copilot
 * Newer fields (2026 reports), every shape:
 *   agentUses  = user_initiated_interaction_count of totals_by_feature 'chat_panel_agent_mode' +
 *                'agent_edit' (agent-mode prompts; the March-2026 shape counted them on agent_edit)
 *   aiCredits  = ai_credits_used, else its predecessor premium_requests_total (premium requests)
 *   activeDays = total_active_days (per-user totals)
 *   extra      = <feature>_interactions per totals_by_feature entry (chat modes, inline chat, CLI),
 *                cli_sessions / cli_requests / cli_prompts (totals_by_cli), used_* flags as 1/0 (daily
 *                user rows: summed they give days of agent, chat, CLI, cloud agent, code review use),
 *                org rows: daily_* user counts and pull_requests created / reviewed by Copilot.
 */
import type { AiUsageRecord } from './types';
import {
  addUsage,
  blankUsage,
  countAt,
  fileIssue,
  person,
  rowIssue,
  type FileContext,
  type RowState,
} from './context';
import { arrayAt, dayOf, isRecord, recordAt, textAt, type JsonRecord } from './json-values';

/** Report-level fields (the JSON wrapper, or each NDJSON line itself). */
export type ReportMeta = JsonRecord;

function dayField(
  ctx: FileContext,
  state: RowState,
  rec: JsonRecord,
  key: string,
  row: number,
): string | null {
  const raw = rec[key];
  const day = dayOf(raw);
  if (day === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `${key} ${JSON.stringify(raw ?? null)} is not a date (YYYY-MM-DD).`,
      key,
    );
  }
  return day;
}

const AGENT_FEATURES = new Set(['chat_panel_agent_mode', 'agent_edit']);

const CLI_COUNTS: ReadonlyArray<[string, string]> = [
  ['session_count', 'cli_sessions'],
  ['request_count', 'cli_requests'],
  ['prompt_count', 'cli_prompts'],
];

const ORG_USER_COUNTS = [
  'daily_active_cli_users',
  'daily_active_copilot_cloud_agent_users',
  'daily_active_copilot_code_review_users',
  'daily_passive_copilot_code_review_users',
] as const;

const PR_COUNTS: ReadonlyArray<[string, string]> = [
  ['total_created', 'prs_created'],
  ['total_created_by_copilot', 'prs_created_by_copilot'],
  ['total_reviewed', 'prs_reviewed'],
  ['total_reviewed_by_copilot', 'prs_reviewed_by_copilot'],
  ['total_merged_reviewed_by_copilot', 'prs_merged_reviewed_by_copilot'],
  ['total_copilot_suggestions', 'pr_copilot_review_suggestions'],
  ['total_copilot_applied_suggestions', 'pr_copilot_review_suggestions_applied'],
];

/**
 * The 2026 fields: agent use (agent-mode interactions), AI credits, chat modes / CLI / code review
 * counters in `extra`. A malformed count is an error like any other counter.
 */
function readNewerFields(
  ctx: FileContext,
  state: RowState,
  rec: JsonRecord,
  row: number,
  out: AiUsageRecord,
): void {
  const extra: Record<string, number> = {};
  const features = arrayAt(rec, 'totals_by_feature');
  let agent: number | null = Array.isArray(rec.totals_by_feature) ? 0 : null;
  features.forEach((f, i) => {
    if (!isRecord(f)) return;
    const name = textAt(f, 'feature');
    const path = `totals_by_feature[${i}].user_initiated_interaction_count`;
    const n = countAt(ctx, state, f, 'user_initiated_interaction_count', row, path);
    if (name === null || n === null) return;
    if (name !== 'code_completion') extra[`${name}_interactions`] = (extra[`${name}_interactions`] ?? 0) + n;
    if (AGENT_FEATURES.has(name)) agent = (agent ?? 0) + n;
  });
  out.agentUses = agent;
  const cli = recordAt(rec, 'totals_by_cli');
  for (const [key, name] of CLI_COUNTS) {
    const v = countAt(ctx, state, cli, key, row, `totals_by_cli.${key}`);
    if (v !== null) extra[name] = v;
  }
  for (const [k, v] of Object.entries(rec))
    if (k.startsWith('used_') && typeof v === 'boolean') extra[k] = v ? 1 : 0;
  for (const key of ORG_USER_COUNTS) {
    const v = countAt(ctx, state, rec, key, row);
    if (v !== null) extra[key] = v;
  }
  const prs = recordAt(rec, 'pull_requests');
  for (const [key, name] of PR_COUNTS) {
    const v = countAt(ctx, state, prs, key, row, `pull_requests.${key}`);
    if (v !== null) extra[name] = v;
  }
  out.aiCredits =
    countAt(ctx, state, rec, 'ai_credits_used', row) ??
    countAt(ctx, state, rec, 'premium_requests_total', row);
  out.extra = Object.keys(extra).length > 0 ? extra : null;
}

/** The counters every new-API record has, in canonical names. */
function readCounters(
  ctx: FileContext,
  state: RowState,
  rec: JsonRecord,
  row: number,
  out: AiUsageRecord,
): number | null {
  const c = (key: string) => countAt(ctx, state, rec, key, row);
  const interactions = c('user_initiated_interaction_count');
  out.suggestions = c('code_generation_activity_count');
  out.acceptances = c('code_acceptance_activity_count');
  // generated_loc_sum / accepted_loc_sum: the names of the first version of the users report.
  out.linesSuggested = c('loc_suggested_to_add_sum') ?? c('generated_loc_sum');
  out.linesAccepted = c('loc_added_sum') ?? c('accepted_loc_sum');
  readNewerFields(ctx, state, rec, row, out);
  return interactions;
}

/** One users-report record (one user, one day). */
export function readCopilotUserDay(ctx: FileContext, rec: JsonRecord, row: number): void {
  const state: RowState = { bad: false };
  const login = textAt(rec, 'user_login');
  if (login === null) {
    rowIssue(ctx, 'error', 'missing-subject', row, 'user_login is missing.', 'user_login');
    return;
  }
  const day = dayField(ctx, state, rec, 'day', row) ?? '';
  const out = blankUsage(ctx, row, 'copilot', day, day, person({ githubLogin: login }));
  const interactions = readCounters(ctx, state, rec, row, out);
  if (state.bad) return;
  const flags = Object.entries(rec).filter(([k, v]) => k.startsWith('used_') && typeof v === 'boolean');
  const known = interactions !== null || out.suggestions !== null || flags.length > 0;
  out.active = known
    ? (interactions ?? 0) + (out.suggestions ?? 0) > 0 || flags.some(([, v]) => v === true)
    : null;
  addUsage(ctx, out, { checkLines: false });
}

/** The report period of a wrapper: report_start_day..report_end_day, or report_day. */
function reportPeriod(meta: ReportMeta): { start: string; end: string } | null {
  const day = dayOf(meta.report_day);
  const start = dayOf(meta.report_start_day) ?? day;
  const end = dayOf(meta.report_end_day) ?? day;
  return start && end ? { start, end } : null;
}

/** One user_totals record (one user over the whole report period). */
export function readCopilotUserTotals(
  ctx: FileContext,
  rec: JsonRecord,
  row: number,
  meta: ReportMeta,
): void {
  const state: RowState = { bad: false };
  const login = textAt(rec, 'login') ?? textAt(rec, 'user_login');
  if (login === null) {
    rowIssue(ctx, 'error', 'missing-subject', row, 'login is missing.', 'login');
    return;
  }
  const period = reportPeriod(rec) ?? reportPeriod(meta);
  if (period === null) {
    rowIssue(
      ctx,
      'error',
      'missing-period',
      row,
      'the report has no report_start_day/report_end_day or report_day; the period is unknown.',
    );
    return;
  }
  const out = blankUsage(ctx, row, 'copilot', period.start, period.end, person({ githubLogin: login }));
  const interactions = readCounters(ctx, state, rec, row, out);
  const activeDays = countAt(ctx, state, rec, 'total_active_days', row);
  out.activeDays = activeDays;
  if (state.bad) return;
  const known = activeDays !== null || interactions !== null || out.suggestions !== null;
  out.active = known ? (activeDays ?? 0) > 0 || (interactions ?? 0) + (out.suggestions ?? 0) > 0 : null;
  addUsage(ctx, out, { checkLines: false });
}

/** 'github-enterprise:<id>' for enterprise reports, else 'github-org:<id>'. */
export function copilotOrgKey(fileName: string, meta: ReportMeta): string {
  const org = textAt(meta, 'organization_id');
  const ent = textAt(meta, 'enterprise_id');
  if ((/enterprise/i.test(fileName) || org === null) && ent !== null) return `github-enterprise:${ent}`;
  if (org !== null) return `github-org:${org}`;
  return /enterprise/i.test(fileName) ? 'github-enterprise' : 'github-org';
}

/** One organization/enterprise report day. */
export function readCopilotOrgDay(ctx: FileContext, rec: JsonRecord, row: number, orgKey: string): void {
  const state: RowState = { bad: false };
  const day = dayField(ctx, state, rec, 'day', row) ?? '';
  const out = blankUsage(ctx, row, 'copilot', day, day, { kind: 'org', orgKey });
  readCounters(ctx, state, rec, row, out);
  out.aiActiveUsers = countAt(ctx, state, rec, 'daily_active_users', row);
  const prs = recordAt(rec, 'pull_requests');
  out.prsMerged = countAt(ctx, state, prs, 'total_merged', row, 'pull_requests.total_merged');
  out.aiAssistedPrs = countAt(
    ctx,
    state,
    prs,
    'total_merged_created_by_copilot',
    row,
    'pull_requests.total_merged_created_by_copilot',
  );
  if (state.bad) return;
  addUsage(ctx, out, { checkLines: false });
}

/** One user-teams record: a (user, team) membership on a day. */
export function readCopilotUserTeam(ctx: FileContext, rec: JsonRecord, row: number): void {
  const login = textAt(rec, 'user_login');
  const team = textAt(rec, 'slug') ?? textAt(rec, 'team_slug') ?? textAt(rec, 'team_id');
  if (login === null || team === null) {
    rowIssue(ctx, 'error', 'missing-subject', row, 'user_login or the team (slug/team_id) is missing.');
    return;
  }
  ctx.memberships.push({ githubLogin: login, team, day: dayOf(rec.day) });
}

/**
 * Warn once when an org report has days without pull-request numbers: some days (partial-pr-data),
 * or every day (no-pr-data: the early-2026 reports had no pull_requests block at all).
 */
export function notePrGaps(ctx: FileContext, records: AiUsageRecord[]): void {
  const missing = records.filter((r) => r.prsMerged === null).length;
  if (missing > 0 && missing < records.length) {
    fileIssue(
      ctx,
      'warning',
      'partial-pr-data',
      `${missing} of ${records.length} days have no pull_requests figures; PRs merged and AI-assisted PRs are unknown (not 0) on those days.`,
    );
  } else if (missing > 0) {
    fileIssue(
      ctx,
      'warning',
      'no-pr-data',
      `no day has pull_requests figures (an earlier version of the report); the usage counts are imported, PRs merged and AI-assisted PRs are unknown (not 0).`,
    );
  }
}
