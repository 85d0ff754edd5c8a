import 'server-only';
import { rawQuery } from './raw-query';
import { ACTIVE, IN_ORG } from './ai-data';
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

/** One identity and tool: the columns every step below groups and orders by. */
const WHO = 'tool, employee_id, login, email';
/** A span giving active days: a reported total, or an active day. */
const GIVES_DAYS = '(days_reported is not null or day_active)';
/** A span giving AI credits, from either source (billing rows have an amount, users-report rows none). */
const GIVES_CREDITS = '(credits_billed is not null or credits_reported is not null)';

/**
 * From the person rows of the period (`u`), one row per identity, tool and span of days (`g`: the
 * sources of the same days side by side, such as users report and billing, or daily usage and
 * AI-code commits), each numbered by stretch, for active days and for AI credits apart (`s`; gaps
 * and islands: a span starts a new stretch when it begins after the last day of every earlier span
 * giving that measure), and each stretch's figure on one of its rows (`t`: the larger source).
 * Identities and tools whose spans are all single days (`gd`: daily, the common case) skip the
 * stretches: there every span giving a measure is a stretch of its own, so its figure is the span's
 * larger source, summed directly (loadToolUse's `d`), which gives the same figures without the
 * three window passes over every row of the period.
 */
const STRETCHES = `
  g as (
    select ${WHO}, ps, pe, bool_or(act) as act,
      sum(active_days) as days_reported, bool_or(act and ps = pe and active_days is null) as day_active,
      sum(ai_credits) filter (where spend_usd is not null) as credits_billed,
      sum(ai_credits) filter (where spend_usd is null) as credits_reported,
      sum(lines_accepted) filter (where lines_total is null) as lines_ai_nt, sum(lines_accepted) as lines_ai_all,
      sum(lines_accepted) filter (where lines_total is not null) as lines_ai_t, sum(lines_total) as lines_total,
      sum(agent_uses) as agent, sum(spend_usd) as spend
    from u group by ${WHO}, ps, pe),
  gd as (select *, bool_and(ps = pe) over (partition by ${WHO}) as daily from g),
  e as (
    select *, max(pe) filter (where ${GIVES_DAYS}) over earlier as days_end,
      max(pe) filter (where ${GIVES_CREDITS}) over earlier as credits_end
    from gd where not daily window earlier as (partition by ${WHO} order by ps, pe rows between unbounded preceding and 1 preceding)),
  s as (
    select *, count(*) filter (where ${GIVES_DAYS} and (days_end is null or ps > days_end)) over upto as days_no,
      count(*) filter (where ${GIVES_CREDITS} and (credits_end is null or ps > credits_end)) over upto as credits_no
    from e window upto as (partition by ${WHO} order by ps, pe rows unbounded preceding)),
  t as (
    select *, row_number() over by_days = 1 as days_first,
      greatest(coalesce(sum(days_reported) over by_days, 0), count(*) filter (where day_active) over by_days) as days_n,
      row_number() over by_credits = 1 as credits_first,
      greatest(coalesce(sum(credits_billed) over by_credits, 0), coalesce(sum(credits_reported) over by_credits, 0)) as credits_n
    from s window by_days as (partition by ${WHO}, days_no), by_credits as (partition by ${WHO}, credits_no))`;

/** The sums of one identity and tool over its spans (`g` rows), whatever their stretches. */
const TOOL_SUMS = `bool_or(act) as active,
       coalesce(sum(lines_ai_nt), sum(lines_ai_all)) as lines_ai, sum(lines_ai_t) as lines_ai_t,
       sum(lines_total) as lines_total, sum(agent) as agent, sum(spend) as spend,
       bool_or(${GIVES_CREDITS}) as has_credits`;

/**
 * Person rows of the period per tool and identity. Overlap between sources is judged per stretch of
 * days (rows sharing a day, directly or through a chain of overlapping rows), never over the whole
 * period, so a source covering March and another covering April add up. Active days: per stretch,
 * the reported active_days (period totals such as Copilot's 28-day users report) or the distinct
 * days with an active daily row, whichever is larger: a tool can store several rows for one day
 * (Copilot's users report and billing, Cursor's daily usage and AI-code commits, Windsurf's
 * autocomplete and chat) and daily rows inside a 28-day total are already in it. Lines by AI: the
 * lines the tool reports as accepted in the editor, or, where it reports none, the AI lines of its
 * commits (Cursor AI-code commits count lines already accepted in the editor, so the two are never
 * added). AI credits: Copilot gives a person's credits both in the users report
 * (`ai_credits_used`) and in the billing files (rows with an amount) for the same use, so per
 * stretch the larger of the two sums counts, never both; hasCredits is false when no row gives any.
 */
export async function loadToolUse(orgId: number, from: string, to: string): Promise<ToolUseRow[]> {
  // The index probe first: a period holding a multi-day row (a 28-day report) reads the rows, so
  // the sums are not read for nothing.
  if (!(await hasMultiDayRows(orgId, from, to))) {
    const summed = await toolUseFromSums(orgId, from, to);
    if (summed.every((r) => r.days_reported === null && r.both_credits !== true))
      return summed.map(toolUseRow);
  }
  return (await toolUseFromRows(orgId, from, to)).map(toolUseRow);
}

/** loadToolUse as read from the rows alone, whatever the sums could give (for tests comparing both). */
export async function loadToolUseFromRows(orgId: number, from: string, to: string): Promise<ToolUseRow[]> {
  return (await toolUseFromRows(orgId, from, to)).map(toolUseRow);
}

/** True when a person row of the period spans more than one day (a partial index finds them). */
async function hasMultiDayRows(orgId: number, from: string, to: string): Promise<boolean> {
  const rows = await rawQuery<{ n: number }>(
    `select count(*)::int as n from (select 1 from ai_usage
       where period_start <> period_end and period_end between $1::date and $2::date
         and subject_kind = 'person' and ${IN_ORG} limit 1) x`,
    [from, to, orgId],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * loadToolUse from the monthly and weekly sums (monthsSource: whole months, whole weeks, at most six
 * days at each end from the rows), which gives the same figures when every person row of the period
 * is one day long, none reports active_days and no identity has credits from both sources: then
 * every day is a stretch of its own, its active day is a day with an active row (day_mask, or-ed
 * over the identity's subjects per month) and its credits the one source's. The caller checks those
 * conditions (days_reported, both_credits) and else reads the rows.
 */
async function toolUseFromSums(
  orgId: number,
  from: string,
  to: string,
): Promise<Array<Record<string, unknown>>> {
  const params: unknown[] = [orgId];
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  return rawQuery<Record<string, unknown>>(
    `select ${WHO}, sum(bit_count(mask::bit(32))) as active_days, sum(days_reported) as days_reported,
       coalesce(sum(credits_spend), sum(credits_no_spend), 0) as credits,
       bool_or(credits_spend is not null) and bool_or(credits_no_spend is not null) as both_credits,
       bool_or(active) as active, coalesce(sum(lines_nt), sum(lines_all)) as lines_ai, sum(lines_t) as lines_ai_t,
       sum(lines_total) as lines_total, sum(agent) as agent, sum(spend) as spend,
       bool_or(credits_spend is not null or credits_no_spend is not null) as has_credits
     from (select ${WHO}, month, bit_or(day_mask) as mask, sum(active_days) as days_reported,
             sum(credits_spend) as credits_spend, sum(credits_no_spend) as credits_no_spend, bool_or(active) as active,
             sum(lines_accepted_no_total) as lines_nt, sum(lines_accepted) as lines_all,
             sum(lines_accepted_with_total) as lines_t, sum(lines_total) as lines_total,
             sum(agent_uses) as agent, sum(spend_usd) as spend
           from (${monthsSource('$1::int', from, to, param)}) s
           where subject_kind = 'person' group by ${WHO}, month) m
     group by ${WHO}
     order by ${WHO}`,
    params,
  );
}

/** loadToolUse from the rows themselves: overlap between sources is judged per stretch of days. */
async function toolUseFromRows(
  orgId: number,
  from: string,
  to: string,
): Promise<Array<Record<string, unknown>>> {
  return rawQuery<Record<string, unknown>>(
    `with u as (
       select tool, employee_id, lower(github_login) as login, lower(email) as email, period_start as ps,
         period_end as pe, active_days, lines_accepted, lines_total, agent_uses, ai_credits, spend_usd, ${ACTIVE} as act
       from ai_usage
       where subject_kind = 'person' and period_end between $1::date and $2::date and ${IN_ORG}),
     ${STRETCHES}
     select ${WHO}, sum(days_n) filter (where days_first) as active_days,
       sum(credits_n) filter (where credits_first) as credits, ${TOOL_SUMS}
     from t group by ${WHO}
     union all
     select ${WHO},
       coalesce(sum(greatest(coalesce(days_reported, 0), case when day_active then 1 else 0 end)) filter (where ${GIVES_DAYS}), 0) as active_days,
       coalesce(sum(greatest(coalesce(credits_billed, 0), coalesce(credits_reported, 0))) filter (where ${GIVES_CREDITS}), 0) as credits,
       ${TOOL_SUMS}
     from gd where daily group by ${WHO}
     order by 1, 2, 3, 4`,
    [from, to, orgId],
  );
}

function toolUseRow(r: Record<string, unknown>): ToolUseRow {
  return {
    tool: String(r.tool),
    employeeId: (r.employee_id as string | null) ?? null,
    githubLogin: (r.login as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    active: r.active === true,
    activeDays: num(r.active_days),
    linesAi: num(r.lines_ai),
    linesAiWithTotal: num(r.lines_ai_t),
    linesTotal: num(r.lines_total),
    hasLinesTotal: r.lines_total !== null && r.lines_total !== undefined,
    agentUses: num(r.agent),
    aiCredits: num(r.credits),
    hasCredits: r.has_credits === true,
    usageSpendUsd: num(r.spend),
    hasSpend: r.spend !== null && r.spend !== undefined,
  };
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

/** Per identity, its active days as bitmasks per month (bit d-1 = an active row ending day d). */
export interface ActiveMonthsRow {
  employeeId: string | null;
  githubLogin: string | null;
  email: string | null;
  /** "YYYY-MM-01:mask" per month, comma-separated (as the database gives it) */
  months: string;
}

/**
 * The active days of every person identity in the whole months from `firstMonth` to `lastMonth`
 * (first days), read from the monthly sums alone (no ai_usage rows): any period inside those months
 * takes its weeks from them (activeWeeksOf), so periods ending in the same month share one read.
 */
export async function loadActiveMonths(
  orgId: number,
  firstMonth: string,
  lastMonth: string,
): Promise<ActiveMonthsRow[]> {
  const params: unknown[] = [orgId];
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const lastDay = new Date(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  const rows = await rawQuery<{
    employee_id: string | null;
    login: string | null;
    email: string | null;
    months: string;
  }>(
    `select employee_id, login, email,
       string_agg(to_char(month, 'YYYY-MM-DD') || ':' || mask::text, ',') as months
     from (select employee_id, login, email, month, bit_or(end_mask) as mask
           from (${monthsSource('$1::int', firstMonth, lastDay, param)}) s
           where subject_kind = 'person' group by 1, 2, 3, 4) x
     where mask <> 0
     group by 1, 2, 3`,
    params,
  );
  return rows.map((r) => ({
    employeeId: r.employee_id,
    githubLogin: r.login,
    email: r.email,
    months: r.months,
  }));
}

/**
 * Per identity, the weeks (0 = the week starting `weekFrom`) with AI activity in [weekFrom, to],
 * from its monthly day masks; identities with no active day there are left out.
 */
export function activeWeeksOf(
  rows: readonly ActiveMonthsRow[],
  weekFrom: string,
  to: string,
): ActiveWeeksRow[] {
  const start = Date.parse(`${weekFrom}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const out: ActiveWeeksRow[] = [];
  for (const r of rows) {
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
    if (weeks.size === 0) continue;
    out.push({
      employeeId: r.employeeId,
      githubLogin: r.githubLogin,
      email: r.email,
      weeks: [...weeks].sort((a, b) => a - b),
    });
  }
  return out;
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
