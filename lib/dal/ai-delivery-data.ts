import 'server-only';
import { rawQuery } from './raw-query';
import { IN_ORG } from './ai-data';
import { monthsSource } from './ai-usage-months';
import type { PayoffToolRow } from '@/lib/views/ai-payoff';
import type { PrAuthorCounts } from '@/lib/views/ai-figures';

/**
 * The SQL behind "is AI paying off?" (lib/views/ai-payoff.ts): everything is summed per person
 * (per identity, per tool, per PR author) in the database, so JS only joins identities to the org
 * tree and adds up the unit. Periods are inclusive days; a usage row belongs to the period that
 * holds its last day, a pull request to the period that holds its merge (UTC).
 */

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const utc = (day: string) => `${day}T00:00:00Z`;
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const hours = (s: string | null): number[] => (s ? s.split(',').map(Number) : []);

/** One identity's use of one tool over the period, summed. */
export type ToolUseRow = PayoffToolRow;

/**
 * Person rows of the period per tool and identity. Active days: the reported active_days (period
 * totals such as Copilot's 28-day users report) or the distinct days with an active daily row,
 * whichever is larger: a tool can store several rows for one day (Copilot's users report and
 * billing, Cursor's daily usage and AI-code commits, Windsurf's autocomplete and chat) and daily
 * billing rows usually fall inside a 28-day total, so neither is added to the other. Lines by AI: the lines the tool reports as accepted in the editor, or,
 * where it reports none, the AI lines of its commits (Cursor AI-code commits count lines already
 * accepted in the editor, so the two are never added). AI credits: Copilot gives a person's credits
 * both in the users report (`ai_credits_used`) and in the billing files (rows with an amount), for
 * the same use, so the larger of the two sums counts, never both.
 */
export async function loadToolUse(orgId: number, from: string, to: string): Promise<ToolUseRow[]> {
  // Per month first (distinct active days of a month: the bits of its day mask), then the period.
  const params: unknown[] = [orgId];
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const rows = await rawQuery<Record<string, unknown>>(
    `select tool, employee_id, login, email, bool_or(active) as active,
       greatest(coalesce(sum(active_days), 0), sum(days)) as active_days,
       coalesce(sum(lines_accepted_no_total), sum(lines_accepted)) as lines_ai,
       sum(lines_accepted_with_total) as lines_ai_t,
       sum(lines_total) as lines_total, bool_or(has_total) as has_total,
       sum(agent_uses) as agent,
       greatest(coalesce(sum(credits_spend), 0), coalesce(sum(credits_no_spend), 0)) as credits,
       sum(spend_usd) as spend,
       bool_or(has_spend) as has_spend
     from (select tool, employee_id, login, email, month, bool_or(active) as active, sum(active_days) as active_days,
             bit_count(bit_or(day_mask)::bit(32)) as days,
             sum(lines_accepted_no_total) as lines_accepted_no_total, sum(lines_accepted) as lines_accepted,
             sum(lines_accepted_with_total) as lines_accepted_with_total, sum(lines_total) as lines_total,
             bool_or(has_total) as has_total, sum(agent_uses) as agent_uses, sum(credits_spend) as credits_spend,
             sum(credits_no_spend) as credits_no_spend, sum(spend_usd) as spend_usd, bool_or(has_spend) as has_spend
           from (${monthsSource('$1::int', from, to, param)}) s
           where subject_kind = 'person'
           group by tool, employee_id, login, email, month) u
     group by tool, employee_id, login, email
     order by tool, employee_id, login, email`,
    params,
  );
  return rows.map((r) => ({
    tool: String(r.tool),
    employeeId: (r.employee_id as string | null) ?? null,
    githubLogin: (r.login as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    active: r.active === true,
    activeDays: num(r.active_days),
    linesAi: num(r.lines_ai),
    linesAiWithTotal: num(r.lines_ai_t),
    linesTotal: num(r.lines_total),
    hasLinesTotal: r.has_total === true,
    agentUses: num(r.agent),
    aiCredits: num(r.credits),
    usageSpendUsd: num(r.spend),
    hasSpend: r.has_spend === true,
  }));
}

/** True when any AI-usage row (person, team or organisation) falls in the period. */
export async function hasUsageIn(orgId: number, from: string, to: string): Promise<boolean> {
  const rows = await rawQuery<{ n: number }>(
    `select count(*)::int as n from (select 1 from ai_usage
       where period_end between $1::date and $2::date and ${IN_ORG} limit 1) x`,
    [from, to, orgId],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Pull requests merged in the period by one author (lower-case login). */
export type PrAuthorRow = PrAuthorCounts;

const CYCLE_HOURS = `round((extract(epoch from merged_at - created_at) / 3600)::numeric, 4)::text`;

/** PRs merged in [from, to] per author, with their cycle times, and the count of all (authors or not). */
export async function loadPrAuthors(
  orgId: number,
  from: string,
  to: string,
): Promise<{ authors: PrAuthorRow[]; total: number }> {
  const rows = await rawQuery<{ login: string | null; prs: number; ai_prs: number; cycles: string | null }>(
    `select lower(author_login) as login, count(*)::int as prs,
       (count(*) filter (where ai_source is not null))::int as ai_prs,
       string_agg(${CYCLE_HOURS}, ',') as cycles
     from pull_requests
     where org_id = $1 and merged_at >= $2::timestamptz and merged_at < $3::timestamptz
     group by 1`,
    [orgId, utc(from), utc(nextDay(to))],
  );
  let total = 0;
  const authors: PrAuthorRow[] = [];
  for (const r of rows) {
    total += num(r.prs);
    if (r.login)
      authors.push({ login: r.login, prs: num(r.prs), aiPrs: num(r.ai_prs), cycles: hours(r.cycles) });
  }
  return { authors, total };
}

/**
 * PRs merged in [from, to] per calendar month (YYYY-MM, UTC) and author, for the monthly trend: the
 * same counts as loadPrAuthors month by month, without cycle times (the trend shows none).
 */
export async function loadPrAuthorsByMonth(
  orgId: number,
  from: string,
  to: string,
): Promise<Map<string, { authors: PrAuthorRow[]; total: number }>> {
  const rows = await rawQuery<{ month: string; login: string | null; prs: number; ai_prs: number }>(
    `select to_char(merged_at at time zone 'UTC', 'YYYY-MM') as month, lower(author_login) as login,
       count(*)::int as prs, (count(*) filter (where ai_source is not null))::int as ai_prs
     from pull_requests
     where org_id = $1 and merged_at >= $2::timestamptz and merged_at < $3::timestamptz
     group by 1, 2`,
    [orgId, utc(from), utc(nextDay(to))],
  );
  const out = new Map<string, { authors: PrAuthorRow[]; total: number }>();
  for (const r of rows) {
    const m = out.get(r.month) ?? { authors: [], total: 0 };
    m.total += num(r.prs);
    if (r.login) m.authors.push({ login: r.login, prs: num(r.prs), aiPrs: num(r.ai_prs), cycles: [] });
    out.set(r.month, m);
  }
  return out;
}

/** First and last merge day of the organisation's pull requests (null = none imported). */
export async function loadPrRange(orgId: number): Promise<{ from: string | null; to: string | null }> {
  const rows = await rawQuery<{ first: string | null; last: string | null }>(
    `select to_char(min(merged_at) at time zone 'UTC', 'YYYY-MM-DD') as first,
       to_char(max(merged_at) at time zone 'UTC', 'YYYY-MM-DD') as last
     from pull_requests where org_id = $1 and merged_at is not null`,
    [orgId],
  );
  return { from: rows[0]?.first ?? null, to: rows[0]?.last ?? null };
}

/** Per identity, the weeks (0 = the week starting `weekFrom`) with AI activity, up to `to`. */
export interface ActiveWeeksRow {
  employeeId: string | null;
  githubLogin: string | null;
  email: string | null;
  weeks: number[];
}

export async function loadActiveWeeks(
  orgId: number,
  weekFrom: string,
  to: string,
): Promise<ActiveWeeksRow[]> {
  // Days with an active row, per identity and month (bits of end_mask), turned into weeks here.
  const params: unknown[] = [orgId];
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const rows = await rawQuery<{
    employee_id: string | null;
    login: string | null;
    email: string | null;
    months: string;
  }>(
    `select employee_id, login, email,
       string_agg(to_char(month, 'YYYY-MM-DD') || ':' || mask::text, ',') as months
     from (select employee_id, login, email, month, bit_or(end_mask) as mask
           from (${monthsSource('$1::int', weekFrom, to, param)}) s
           where subject_kind = 'person' group by 1, 2, 3, 4) x
     where mask <> 0
     group by 1, 2, 3`,
    params,
  );
  const start = Date.parse(`${weekFrom}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return rows.map((r) => {
    const weeks = new Set<number>();
    for (const part of r.months.split(',')) {
      const [month, maskText] = part.split(':');
      const first = Date.parse(`${month}T00:00:00Z`);
      const mask = Number(maskText);
      for (let d = 0; d < 31; d++) {
        if ((mask & (1 << d)) === 0) continue;
        const day = first + d * 86_400_000;
        if (day >= start && day <= end) weeks.add(Math.floor((day - start) / (7 * 86_400_000)));
      }
    }
    return {
      employeeId: r.employee_id,
      githubLogin: r.login,
      email: r.email,
      weeks: [...weeks].sort((a, b) => a - b),
    };
  });
}

/** PRs merged in [from, to] per author and merge day (UTC), with cycle times. */
export interface PrDayRow {
  login: string;
  day: string;
  cycles: number[];
}

export async function loadPrDays(orgId: number, from: string, to: string): Promise<PrDayRow[]> {
  const rows = await rawQuery<{ login: string; day: string; cycles: string }>(
    `select lower(author_login) as login, to_char(merged_at at time zone 'UTC', 'YYYY-MM-DD') as day,
       string_agg(${CYCLE_HOURS}, ',') as cycles
     from pull_requests
     where org_id = $1 and merged_at >= $2::timestamptz and merged_at < $3::timestamptz and author_login is not null
     group by 1, 2`,
    [orgId, utc(from), utc(nextDay(to))],
  );
  return rows.map((r) => ({ login: r.login, day: r.day, cycles: hours(r.cycles) }));
}
