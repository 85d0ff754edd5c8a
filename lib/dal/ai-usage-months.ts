import 'server-only';

/**
 * ai_usage_months (db/schema/ai.ts): ai_usage summed per organisation, month, tool and subject,
 * kept in step by triggers on ai_usage (monthsMigrationSql, in migration 0011). A period reads whole
 * months here and the days of a partly covered month from ai_usage, summed the same way
 * (monthsSource), so both give what summing the rows gives.
 */

/** The columns of ai_usage_months, in the order partialSelect gives them. */
const COLUMNS = [
  'org_id',
  'month',
  'tool',
  'subject_kind',
  'subject_key',
  'employee_id',
  'login',
  'email',
  'team_manager_id',
  'org_key',
  'period_start',
  'period_end',
  'rows',
  'active_rows',
  'engineers',
  'ai_active_users',
  'active',
  'suggestions_both',
  'acceptances_both',
  'lines_suggested_both',
  'lines_accepted_both',
  'prs_both',
  'ai_prs_both',
  'lines_accepted',
  'lines_accepted_no_total',
  'lines_accepted_with_total',
  'lines_total',
  'has_total',
  'prs_merged',
  'spend_usd',
  'has_spend',
  'pr_start',
  'pr_end',
  'spend_start',
  'spend_end',
  'active_days',
  'day_mask',
  'end_mask',
  'agent_uses',
  'credits_spend',
  'credits_no_spend',
] as const;

/** A row counts as active when it says so, else when it shows any activity or spend (as ai-data.ts's ACTIVE). */
const ACT = `coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0)`;

/**
 * How rows are bucketed by their period_end: per calendar month (ai_usage_months), or per week of a
 * month (ai_usage_weeks: days 1-7, 8-14, 15-21, 22-28 and 29 to the end, so weeks never straddle a
 * month and a month is exactly its weeks). `of(day)` = the bucket's first day, `end(first)` = its last.
 */
export interface Bucket {
  table: 'ai_usage_months' | 'ai_usage_weeks';
  column: 'month' | 'week';
  of: (day: string) => string;
  end: (first: string) => string;
}
const lastDayOf = (day: string) =>
  `(date_trunc('month', ${day}) + interval '1 month' - interval '1 day')::date`;
export const MONTH: Bucket = {
  table: 'ai_usage_months',
  column: 'month',
  of: (day) => `date_trunc('month', ${day})::date`,
  end: (first) => `(${first} + interval '1 month' - interval '1 day')::date`,
};
export const WEEK: Bucket = {
  table: 'ai_usage_weeks',
  column: 'week',
  of: (day) => `(date_trunc('month', ${day})::date + (least(extract(day from ${day})::int, 29) - 1) / 7 * 7)`,
  end: (first) => `least(${first} + 6, ${lastDayOf(first)})`,
};

/** The columns of a bucket's table (ai_usage_weeks has week where ai_usage_months has month). */
const columnsOf = (b: Bucket): string[] => COLUMNS.map((c) => (c === 'month' ? b.column : c));

const both = (a: string, b: string) => `filter (where ${a} is not null and ${b} is not null)`;
const bit = (day: string) => `(1 << (extract(day from ${day})::int - 1))`;

/**
 * ai_usage rows (alias u, its columns plus act) matching `where`, summed per month and subject:
 * rows of ai_usage_months for organisation `org` (an SQL expression).
 */
export function partialSelect(org: string, from: string, where: string, bucket: Bucket = MONTH): string {
  return `select ${org} as org_id, ${bucket.of('period_end')} as ${bucket.column}, tool, subject_kind, subject_key,
       employee_id, lower(github_login) as login, lower(email) as email, team_manager_id, org_key,
       min(period_start) as period_start, max(period_end) as period_end,
       count(*)::int as rows, (count(*) filter (where act))::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(act) as active,
       sum(suggestions) ${both('suggestions', 'acceptances')} as suggestions_both,
       sum(acceptances) ${both('suggestions', 'acceptances')} as acceptances_both,
       sum(lines_suggested) ${both('lines_suggested', 'lines_accepted')} as lines_suggested_both,
       sum(lines_accepted) ${both('lines_suggested', 'lines_accepted')} as lines_accepted_both,
       sum(prs_merged) ${both('prs_merged', 'ai_assisted_prs')} as prs_both,
       sum(ai_assisted_prs) ${both('prs_merged', 'ai_assisted_prs')} as ai_prs_both,
       sum(lines_accepted) as lines_accepted,
       sum(lines_accepted) filter (where lines_total is null) as lines_accepted_no_total,
       sum(lines_accepted) filter (where lines_total is not null) as lines_accepted_with_total,
       sum(lines_total) as lines_total, bool_or(lines_total is not null) as has_total,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd, bool_or(spend_usd is not null) as has_spend,
       min(period_start) filter (where prs_merged is not null) as pr_start,
       max(period_end) filter (where prs_merged is not null) as pr_end,
       min(period_start) filter (where spend_usd is not null) as spend_start,
       max(period_end) filter (where spend_usd is not null) as spend_end,
       sum(active_days) as active_days,
       coalesce(bit_or(${bit('period_start')}) filter (where act and period_start = period_end and active_days is null), 0) as day_mask,
       coalesce(bit_or(${bit('period_end')}) filter (where act), 0) as end_mask,
       sum(agent_uses) as agent_uses,
       sum(ai_credits) filter (where spend_usd is not null) as credits_spend,
       sum(ai_credits) filter (where spend_usd is null) as credits_no_spend
     from (select u.*, ${ACT} as act from ${from} where ${where}) u
     group by ${bucket.of('period_end')}, tool, subject_kind, subject_key, employee_id,
       lower(github_login), lower(email), team_manager_id, org_key`;
}

const sumOf = (c: string) => `coalesce(m.${c} + excluded.${c}, m.${c}, excluded.${c})`;
const MERGE: Record<string, string> = {
  period_start: 'least(m.period_start, excluded.period_start)',
  period_end: 'greatest(m.period_end, excluded.period_end)',
  rows: 'm.rows + excluded.rows',
  active_rows: 'm.active_rows + excluded.active_rows',
  engineers: 'greatest(m.engineers, excluded.engineers)',
  ai_active_users: 'greatest(m.ai_active_users, excluded.ai_active_users)',
  active: 'm.active or excluded.active',
  has_total: 'm.has_total or excluded.has_total',
  has_spend: 'm.has_spend or excluded.has_spend',
  pr_start: 'least(m.pr_start, excluded.pr_start)',
  pr_end: 'greatest(m.pr_end, excluded.pr_end)',
  spend_start: 'least(m.spend_start, excluded.spend_start)',
  spend_end: 'greatest(m.spend_end, excluded.spend_end)',
  day_mask: 'm.day_mask | excluded.day_mask',
  end_mask: 'm.end_mask | excluded.end_mask',
};

/** partialSelect over `rows` (ai_usage rows with an org_of column), grouped per organisation too. */
const perOrg = (rows: string, b: Bucket) =>
  partialSelect('u.org_of', rows, 'true', b).replace(
    /team_manager_id, org_key$/,
    'team_manager_id, org_key, org_of',
  );

/** (bucket, tool, subject) of the rows of transition table `t`, any organisation. */
const keysOf = (t: string, b: Bucket) =>
  `select distinct ${b.of('period_end')} as m, tool as t, subject_key as sk from ${t} x`;

/** Recomputes, for every organisation, the (bucket, tool, subject) of the rows of transition table `t`. */
const recompute = (t: string, b: Bucket) => `
  with k as (${keysOf(t, b)})
  delete from ${b.table} a using k where a.${b.column} = k.m and a.tool = k.t and a.subject_key = k.sk;
  with k as (${keysOf(t, b)})
  insert into ${b.table} (${columnsOf(b).join(', ')})
  ${perOrg(
    `(select a.*, i.org_id as org_of from ai_usage a
       join k on a.tool = k.t and a.subject_key = k.sk
         and a.period_end between k.m and ${b.end('k.m')}
       join ai_imports i on i.id = a.import_id) u`,
    b,
  )};`;

/**
 * The migration that keeps ai_usage_months in step with ai_usage whatever writes it (the import's
 * COPY, a replacement, a cascade from a deleted import or organisation, a hand insert): statement
 * triggers with transition tables. Inserted rows are added to their month's sums; the months and
 * subjects of deleted or updated rows are recomputed from the rows left (bool_or, min and max do
 * not subtract). Then every row already stored is summed in. `b` = WEEK gives the same for
 * ai_usage_weeks (migration 0012).
 */
export function monthsMigrationSql(b: Bucket = MONTH): string {
  const cols = columnsOf(b);
  const updates = cols
    .slice(10)
    .map((c) => `${c} = ${MERGE[c] ?? sumOf(c)}`)
    .join(',\n    ');
  const t = b.table;
  return `CREATE FUNCTION ${t}_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  insert into ${t} as m (${cols.join(', ')})
  ${perOrg('(select n.*, i.org_id as org_of from new_rows n join ai_imports i on i.id = n.import_id) u', b)}
  on conflict on constraint ${t}_key do update set
    ${updates};
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION ${t}_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${recompute('old_rows', b)}
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION ${t}_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${recompute('(select * from old_rows union all select * from new_rows)', b)}
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER ${t}_insert AFTER INSERT ON ai_usage REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${t}_add();
--> statement-breakpoint
CREATE TRIGGER ${t}_delete AFTER DELETE ON ai_usage REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${t}_remove();
--> statement-breakpoint
CREATE TRIGGER ${t}_update AFTER UPDATE ON ai_usage REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${t}_change();
--> statement-breakpoint
insert into ${t} (${cols.join(', ')})
${perOrg('(select a.*, i.org_id as org_of from ai_usage a join ai_imports i on i.id = a.import_id) u', b)};
`;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const lastOfMonth = (day: string) =>
  iso(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1) - DAY_MS);

/**
 * A period [from, to] (inclusive days) as whole calendar months (the first day of the first and of
 * the last, null when none) and at most two edge ranges of days in partly covered months.
 */
export function splitWindow(
  from: string,
  to: string,
): { months: [string, string] | null; edges: Array<[string, string]> } {
  if (to < from) return { months: null, edges: [] };
  const firstWhole =
    from === monthStart(from) ? from : iso(Date.parse(`${lastOfMonth(from)}T00:00:00Z`) + DAY_MS);
  const lastWhole =
    to === lastOfMonth(to) ? monthStart(to) : iso(Date.parse(`${monthStart(to)}T00:00:00Z`) - DAY_MS);
  const lastWholeStart = monthStart(lastWhole);
  if (firstWhole > lastWholeStart) {
    // no whole month: one range (inside one month, or across the end of one and the start of the next)
    return { months: null, edges: [[from, to]] };
  }
  const edges: Array<[string, string]> = [];
  if (from < firstWhole) edges.push([from, iso(Date.parse(`${firstWhole}T00:00:00Z`) - DAY_MS)]);
  if (to > lastOfMonth(lastWholeStart))
    edges.push([iso(Date.parse(`${lastOfMonth(lastWholeStart)}T00:00:00Z`) + DAY_MS), to]);
  return { months: [firstWhole, lastWholeStart], edges };
}

const weekStart = (day: string) => {
  const d = Number(day.slice(8, 10));
  return `${day.slice(0, 8)}${String(Math.min(Math.floor((d - 1) / 7), 4) * 7 + 1).padStart(2, '0')}`;
};
const weekEnd = (first: string) => {
  const d = Number(first.slice(8, 10));
  return d === 29 ? lastOfMonth(first) : `${first.slice(0, 8)}${String(d + 6).padStart(2, '0')}`;
};
const dayAfter = (day: string) => iso(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
const dayBefore = (day: string) => iso(Date.parse(`${day}T00:00:00Z`) - DAY_MS);

/**
 * A range of days [from, to] as whole weeks of months (the first days of the first and of the last,
 * null when none; see WEEK) and at most two ranges of days left over, of at most six days each.
 */
export function splitWeeks(
  from: string,
  to: string,
): { weeks: [string, string] | null; days: Array<[string, string]> } {
  if (to < from) return { weeks: null, days: [] };
  const first = weekStart(from) === from ? from : dayAfter(weekEnd(weekStart(from)));
  const last = weekEnd(weekStart(to)) === to ? weekStart(to) : weekStart(dayBefore(weekStart(to)));
  if (first > to || last < from || first > last) return { weeks: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < first) days.push([from, dayBefore(first)]);
  if (weekEnd(last) < to) days.push([dayAfter(weekEnd(last)), to]);
  return { weeks: [first, last], days };
}

/**
 * SQL of the rows of ai_usage_months (all columns) for organisation $n (`org`) and period [from,
 * to]: whole months read from ai_usage_months, whole weeks of the partly covered months from
 * ai_usage_weeks (their month in the month column), and the days left over (at most six at each
 * end of the period) summed from ai_usage the same way. `param(value)` adds a query parameter and
 * returns its placeholder.
 */
export function monthsSource(org: string, from: string, to: string, param: (v: string) => string): string {
  const { months, edges } = splitWindow(from, to);
  const parts: string[] = [];
  if (months)
    parts.push(
      `select ${COLUMNS.join(', ')} from ai_usage_months
       where org_id = ${org} and month between ${param(months[0])}::date and ${param(months[1])}::date`,
    );
  const weekColumns = COLUMNS.map((c) => (c === 'month' ? `date_trunc('month', week)::date as month` : c));
  for (const [a, b] of edges) {
    const { weeks, days } = splitWeeks(a, b);
    if (weeks)
      parts.push(
        `select ${weekColumns.join(', ')} from ai_usage_weeks
         where org_id = ${org} and week between ${param(weeks[0])}::date and ${param(weeks[1])}::date`,
      );
    for (const [x, y] of days)
      parts.push(
        partialSelect(
          org,
          'ai_usage u',
          `period_end between ${param(x)}::date and ${param(y)}::date and import_id in (select id from ai_imports where org_id = ${org})`,
        ),
      );
  }
  if (parts.length === 0) parts.push(`select ${COLUMNS.join(', ')} from ai_usage_months where false`);
  return parts.map((p) => `(${p})`).join('\nunion all\n');
}
