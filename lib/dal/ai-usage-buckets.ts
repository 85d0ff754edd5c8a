import 'server-only';
import { rawQuery } from './raw-query';
import { processCache } from './process-cache';
import { partialSelect, splitWeeks, splitWindow } from './ai-usage-months';

/**
 * A period's usage summed per subject, from sums kept in memory (issue #15): each whole month, whole
 * week of a month (ai_usage_weeks) and edge day the period covers is read once per organisation and
 * data version (the month and week from their tables, a day summed from ai_usage as partialSelect
 * sums it) and kept as typed arrays, one row per subject; a period adds up its buckets' rows in JS,
 * so a window runs no grouping query once its weeks and days are kept. Every kept column is a sum,
 * min, max, bool_or or bitwise or of rows, so adding buckets gives what the rows give (sums of
 * non-integer values in another order, as the monthly sums already do).
 */

type Op = 'sum' | 'min' | 'max' | 'or' | 'bits';

/** The kept columns: [name, how buckets combine, SQL giving it as a number (null = no value)]. */
const date = (c: string) => `(${c} - date '1970-01-01')`;
const COLS: ReadonlyArray<readonly [string, Op, string]> = [
  ['period_start', 'min', date('period_start')],
  ['period_end', 'max', date('period_end')],
  ['rows', 'sum', 'rows'],
  ['active_rows', 'sum', 'active_rows'],
  ['engineers', 'max', 'engineers'],
  ['ai_active_users', 'max', 'ai_active_users'],
  ['active', 'or', 'active::int'],
  ['suggestions', 'sum', 'suggestions_both'],
  ['acceptances', 'sum', 'acceptances_both'],
  ['lines_suggested', 'sum', 'lines_suggested_both'],
  ['lines_accepted', 'sum', 'lines_accepted_both'],
  ['lines_ai', 'sum', 'lines_accepted'],
  ['prs_for_share', 'sum', 'prs_both'],
  ['ai_assisted_prs', 'sum', 'ai_prs_both'],
  ['prs_merged', 'sum', 'prs_merged'],
  ['spend_usd', 'sum', 'spend_usd'],
  ['pr_start', 'min', date('pr_start')],
  ['pr_end', 'max', date('pr_end')],
  ['spend_start', 'min', date('spend_start')],
  ['spend_end', 'max', date('spend_end')],
  ['whole_tool', 'or', `(position('~' in subject_key) = 0)::int`],
  ['day_mask', 'bits', 'day_mask'],
  ['days_reported', 'sum', 'active_days'],
  ['credits_spend', 'sum', 'credits_spend'],
  ['credits_no_spend', 'sum', 'credits_no_spend'],
  ['lines_nt', 'sum', 'lines_accepted_no_total'],
  ['lines_t', 'sum', 'lines_accepted_with_total'],
  ['lines_total', 'sum', 'lines_total'],
  ['agent', 'sum', 'agent_uses'],
];
/** Values a kept row holds. */
export const C = COLS.length;
/** Column positions by name. */
export const COL: Readonly<Record<string, number>> = Object.fromEntries(COLS.map(([n], i) => [n, i]));
/** A column's position (-1 = no such column: reads give null). */
export const col = (name: string): number => COL[name] ?? -1;
/** The subject: what loadAiAggregates groups by (tool and kind first, as the tool uses need them). */
const KEY = ['tool', 'subject_kind', 'employee_id', 'login', 'email', 'team_manager_id', 'org_key'] as const;

/** A subject (one per organisation and data version, shared by the buckets that hold it). */
export interface Subject {
  /** JSON of KEY's values */
  key: string;
  /** KEY's values: tool, subject_kind, employee_id, login, email, team_manager_id, org_key */
  values: ReadonlyArray<string | null>;
  /** person rows: JSON of (tool, employee_id, login, email), what the tool uses group by; else null */
  who: string | null;
}

/** One bucket's rows: their subjects and C values a row (NaN = null). */
export interface BucketSums {
  /** the first day of the bucket's month (YYYY-MM-DD) */
  month: string;
  subjects: Subject[];
  values: Float64Array;
}

const OPS: readonly Op[] = COLS.map(([, op]) => op);

/** Adds value v into slot i of acc as op combines them (NaN = null, skipped as SQL aggregates do). */
function combine(acc: Float64Array, i: number, v: number, op: Op): void {
  if (Number.isNaN(v)) return;
  const a = acc[i] ?? Number.NaN;
  if (Number.isNaN(a)) acc[i] = v;
  else if (op === 'sum') acc[i] = a + v;
  else if (op === 'min') acc[i] = v < a ? v : a;
  else if (op === 'max' || op === 'or') acc[i] = v > a ? v : a;
  else acc[i] = a | v;
}

/** The buckets' rows added up per subject: keys and one row of C values each (NaN = null). */
export function sumBuckets(buckets: readonly BucketSums[]): { subjects: Subject[]; values: Float64Array } {
  const at = new Map<string, number>();
  const subjects: Subject[] = [];
  let values = new Float64Array(0);
  for (const b of buckets)
    for (let r = 0; r < b.subjects.length; r++) {
      const subject = b.subjects[r];
      if (subject === undefined) continue;
      let k = at.get(subject.key);
      if (k === undefined) {
        k = subjects.length;
        at.set(subject.key, k);
        subjects.push(subject);
        if (values.length < subjects.length * C) {
          const grown = new Float64Array(Math.max(1024, subjects.length * 2) * C).fill(Number.NaN);
          grown.set(values);
          values = grown;
        }
      }
      for (let c = 0; c < C; c++)
        combine(values, k * C + c, b.values[r * C + c] ?? Number.NaN, OPS[c] ?? 'sum');
    }
  return { subjects, values: values.subarray(0, subjects.length * C) };
}

/** Interned subject keys per organisation and data version (the same strings in every bucket). */
const keyCache = processCache<Map<string, Subject>>('ai-usage-subject-keys', { max: 8 });

async function readBucket(
  orgId: number,
  version: string,
  kind: 'month' | 'week' | 'day',
  first: string,
): Promise<BucketSums> {
  const exprs = [...KEY, ...COLS.map(([n, , sql]) => `${sql} as ${n}`)].join(', ');
  const from =
    kind === 'month'
      ? `ai_usage_months where org_id = $1 and month = $2::date`
      : kind === 'week'
        ? `ai_usage_weeks where org_id = $1 and week = $2::date`
        : `(${partialSelect('$1::int', 'ai_usage u', 'period_end = $2::date and import_id in (select id from ai_imports where org_id = $1)')}) s`;
  const rows = await rawQuery<Record<string, unknown>>(`select ${exprs} from ${from}`, [orgId, first]);
  const intern = await keyCache.get(`${orgId}|${version}`, async () => new Map());
  const subjects: Subject[] = [];
  const values = new Float64Array(rows.length * C);
  rows.forEach((r, i) => {
    const vals = KEY.map((k) => (r[k] ?? null) as string | null);
    const key = JSON.stringify(vals);
    let subject = intern.get(key);
    if (subject === undefined) {
      const [tool, kind, employee, login, email] = vals;
      const who = kind === 'person' ? JSON.stringify([tool, employee, login, email]) : null;
      subject = { key, values: vals, who };
      intern.set(key, subject);
    }
    subjects.push(subject);
    COLS.forEach(([n], c) => {
      const v = r[n];
      values[i * C + c] = v === null || v === undefined ? Number.NaN : Number(v);
    });
  });
  return { month: `${first.slice(0, 7)}-01`, subjects, values };
}

/** Each bucket's rows per organisation, data version and bucket, bounded by the rows held. */
const bucketCache = processCache<BucketSums>('ai-usage-buckets', {
  max: 2_000,
  // about 280 MB of values (29 numbers a row); a 10k-person organisation's 45 days fit
  maxSize: 1_200_000,
  sizeOf: (b) => b.subjects.length,
});

const DAY_MS = 86_400_000;
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const monthsOf = (first: string, last: string): string[] =>
  days(first, last).filter((d) => d.endsWith('-01'));
/** Weeks of months (first days 1, 8, 15, 22, 29) from first to last. */
const weeksOf = (first: string, last: string): string[] =>
  days(first, last).filter((d) => ['01', '08', '15', '22', '29'].includes(d.slice(8)));

/** The buckets covering period [from, to] exactly (whole months, whole weeks, edge days; as monthsSource splits it). */
function bucketKeys(orgId: number, version: string, from: string, to: string) {
  const { months, edges } = splitWindow(from, to);
  const want: Array<['month' | 'week' | 'day', string]> = [];
  if (months) for (const m of monthsOf(months[0], months[1])) want.push(['month', m]);
  for (const [a, b] of edges) {
    const { weeks, days: left } = splitWeeks(a, b);
    if (weeks) for (const w of weeksOf(weeks[0], weeks[1])) want.push(['week', w]);
    for (const [x, y] of left) for (const d of days(x, y)) want.push(['day', d]);
  }
  return want.map(([kind, first]) => ({ kind, first, key: `${orgId}|${version}|${kind}|${first}` }));
}

/** The buckets of period [from, to], each read once per organisation and data version. */
export function loadPeriodBuckets(
  orgId: number,
  version: string,
  from: string,
  to: string,
): Promise<BucketSums[]> {
  return Promise.all(
    bucketKeys(orgId, version, from, to).map(({ kind, first, key }) =>
      bucketCache.get(key, () => readBucket(orgId, version, kind, first)),
    ),
  );
}

/** True when every bucket of period [from, to] is kept (or being read). */
export function hasPeriodBuckets(orgId: number, version: string, from: string, to: string): boolean {
  return bucketKeys(orgId, version, from, to).every(({ key }) => bucketCache.peek(key) !== undefined);
}
