import 'server-only';
import type { AiAggregate } from '@/lib/metrics/ai-rollup';
import { buildIdentityIndex, type IdentityIndex } from '@/lib/metrics/ai-identity';
import type { SeatRow } from '@/lib/metrics/ai-seats';
import { buildOrgTree } from '@/lib/metrics/tree';
import { readSnapshotRecords } from './snapshot-pack';
import { rawQuery } from './raw-query';
import { processCache } from './process-cache';
import { monthsSource } from './ai-usage-months';

/** ai_usage / ai_seats rows of organisation $3 (they belong to it through their import). */
export const IN_ORG = 'import_id in (select id from ai_imports where org_id = $3)';

/** A row counts as active when it says so, else when it shows any activity or spend. */
export const ACTIVE = `coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0)`;

type AggRow = {
  month: string;
  tool: string;
  subject_kind: AiAggregate['subjectKind'];
  employee_id: string | null;
  login: string | null;
  email: string | null;
  team_manager_id: string | null;
  org_key: string | null;
  period_start: string;
  period_end: string;
  rows: number;
  active_rows: number;
  engineers: number | null;
  ai_active_users: number | null;
  active: boolean | null;
  suggestions: number | null;
  acceptances: number | null;
  lines_suggested: number | null;
  lines_accepted: number | null;
  lines_ai: number | null;
  prs_for_share: number | null;
  ai_assisted_prs: number | null;
  prs_merged: number | null;
  spend_usd: number | null;
  pr_start: string | null;
  pr_end: string | null;
  spend_start: string | null;
  spend_end: string | null;
  whole_tool: boolean | null;
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Usage rows with period end in [from, to], summed per subject (and per calendar month of the
 * period end when byMonth): a row belongs to the period that contains its last day.
 */
export async function loadAiAggregates(
  orgId: number,
  from: string,
  to: string,
  byMonth: boolean,
): Promise<Array<AiAggregate & { month: string }>> {
  // Whole months from ai_usage_months, the days of a partly covered month from ai_usage, each summed
  // the same way; summed again here per subject (every column is a sum, min, max or bool_or).
  const params: unknown[] = [orgId];
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const source = monthsSource('$1::int', from, to, param);
  const rows = await rawQuery<AggRow>(
    `select ${byMonth ? `to_char(month, 'YYYY-MM')` : `''`} as month, tool, subject_kind, employee_id,
       login, email, team_manager_id, org_key,
       to_char(min(period_start), 'YYYY-MM-DD') as period_start, to_char(max(period_end), 'YYYY-MM-DD') as period_end,
       sum(rows)::int as rows, sum(active_rows)::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(active) as active,
       sum(suggestions_both) as suggestions, sum(acceptances_both) as acceptances,
       sum(lines_suggested_both) as lines_suggested, sum(lines_accepted_both) as lines_accepted,
       sum(lines_accepted) as lines_ai,
       sum(prs_both) as prs_for_share, sum(ai_prs_both) as ai_assisted_prs,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd,
       to_char(min(pr_start), 'YYYY-MM-DD') as pr_start, to_char(max(pr_end), 'YYYY-MM-DD') as pr_end,
       to_char(min(spend_start), 'YYYY-MM-DD') as spend_start, to_char(max(spend_end), 'YYYY-MM-DD') as spend_end,
       bool_or(position('~' in subject_key) = 0) as whole_tool
     from (${source}) u
     group by 1, tool, subject_kind, employee_id, login, email, team_manager_id, org_key
     order by 1, tool, subject_kind, employee_id, login, email, team_manager_id, org_key`,
    params,
  );
  return rows.map((r) => ({
    month: r.month,
    tool: r.tool,
    subjectKind: r.subject_kind,
    employeeId: r.employee_id,
    githubLogin: r.login,
    email: r.email,
    teamManagerId: r.team_manager_id,
    orgKey: r.org_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    rows: r.rows,
    activeRows: r.active_rows,
    engineers: num(r.engineers),
    aiActiveUsers: num(r.ai_active_users),
    active: r.active === true,
    suggestions: num(r.suggestions),
    acceptances: num(r.acceptances),
    linesSuggested: num(r.lines_suggested),
    linesAccepted: num(r.lines_accepted),
    linesAi: num(r.lines_ai),
    prsForShare: num(r.prs_for_share),
    aiAssistedPrs: num(r.ai_assisted_prs),
    prsMerged: num(r.prs_merged),
    spendUsd: num(r.spend_usd),
    prStart: r.pr_start,
    prEnd: r.pr_end,
    spendStart: r.spend_start,
    spendEnd: r.spend_end,
    wholeTool: r.whole_tool !== false,
  }));
}

/** Calendar months (YYYY-MM) holding AI-usage rows, oldest first. */
export async function listAiMonths(orgId: number): Promise<string[]> {
  // One index probe per month (ai_usage_months_key starts with org_id, month), not a scan.
  const rows = await rawQuery<{ m: string }>(
    `with recursive ms as (
       select min(month) as month from ai_usage_months where org_id = $1
       union all
       select (select min(month) from ai_usage_months where org_id = $1 and month > ms.month)
       from ms where ms.month is not null)
     select to_char(month, 'YYYY-MM') as m from ms where month is not null order by 1`,
    [orgId],
  );
  return rows.map((r) => r.m);
}

/** Saved hand mappings: lower-case login/email -> employee id. */
export async function loadManualMap(orgId: number): Promise<Map<string, string>> {
  const rows = await rawQuery<{ identity: string; employee_id: string }>(
    'select identity, employee_id from ai_identity_map where org_id = $1',
    [orgId],
  );
  return new Map(rows.map((r) => [r.identity, r.employee_id]));
}

/** The seat listing in force per tool: rows of the newest listing date, from the newest import of that date. */
export async function loadCurrentSeats(orgId: number): Promise<SeatRow[]> {
  const rows = await rawQuery<{
    tool: string;
    github_login: string | null;
    email: string | null;
    assigned_at: string | null;
    last_activity_at: string | null;
    plan: string | null;
    monthly_cost_usd: number | null;
    as_of: string;
  }>(
    `with latest as (
       select distinct on (tool) tool, as_of, import_id from ai_seats
       where import_id in (select id from ai_imports where org_id = $1)
       order by tool, as_of desc, import_id desc)
     select s.tool, s.github_login, s.email, to_char(s.assigned_at, 'YYYY-MM-DD') as assigned_at,
       to_char(s.last_activity_at, 'YYYY-MM-DD') as last_activity_at, s.plan, s.monthly_cost_usd,
       to_char(s.as_of, 'YYYY-MM-DD') as as_of
     from ai_seats s join latest l on l.tool = s.tool and l.as_of = s.as_of and l.import_id = s.import_id
     order by s.tool, s.row_no`,
    [orgId],
  );
  return rows.map((r) => ({
    tool: r.tool,
    githubLogin: r.github_login,
    email: r.email,
    assignedAt: r.assigned_at,
    lastActivityAt: r.last_activity_at,
    plan: r.plan,
    monthlyCostUsd: num(r.monthly_cost_usd),
    asOf: r.as_of,
  }));
}

export interface SnapshotDate {
  id: number;
  asOf: string;
}

/** Current snapshots, oldest first. */
export async function listCurrentSnapshots(orgId: number): Promise<SnapshotDate[]> {
  const rows = await rawQuery<{ id: number; as_of: string }>(
    `select id, to_char(as_of, 'YYYY-MM-DD') as as_of from snapshots where org_id = $1 and is_current order by as_of`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, asOf: r.as_of }));
}

/** The snapshot in force on a date: the newest dated at or before it, else the earliest. */
export function snapshotInForce(list: readonly SnapshotDate[], date: string): SnapshotDate | null {
  let pick: SnapshotDate | null = null;
  for (const s of list) if (s.asOf <= date) pick = s;
  return pick ?? list[0] ?? null;
}

const cache = processCache<IdentityIndex>('identity-indexes', {
  maxSize: 3_000_000,
  sizeOf: (index) => index.tree.size,
});

/** A snapshot's tree with its login/email index, cached (bounded by total records) across requests. */
export async function loadIdentityIndex(snapshotId: number): Promise<IdentityIndex> {
  return cache.get(String(snapshotId), async () =>
    buildIdentityIndex(buildOrgTree(await readSnapshotRecords(snapshotId))),
  );
}

/** Forgets cached trees (snapshots were deleted or replaced; ids are never reused, so this is only memory). */
export function clearIdentityIndexCache(): void {
  cache.clear();
}
