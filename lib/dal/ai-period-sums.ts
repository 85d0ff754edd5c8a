import 'server-only';
import type { AiAggregate } from '@/lib/metrics/ai-rollup';
import { aggregateOf, type AggRow } from './ai-data';
import { hasMultiDayRows, toolUseRow, type ToolUseRow } from './ai-delivery-data';
import { C, COL, keyValues, loadPeriodBuckets, sumBuckets, type BucketSums } from './ai-usage-buckets';

/**
 * loadAiAggregates (per subject, not per month) and loadToolUse of a period from the buckets kept in
 * memory (ai-usage-buckets.ts) instead of grouping queries: the same sums, added up in JS. The tool
 * uses come from the sums only where loadToolUse's would (no multi-day person row, no reported
 * active days, no identity with credits from both sources); else `tools` is null and the caller
 * reads the rows (loadToolUse).
 */
export async function loadPeriodSums(
  orgId: number,
  version: string,
  from: string,
  to: string,
): Promise<{ rows: AiAggregate[]; tools: ToolUseRow[] | null }> {
  const [buckets, multiDay] = await Promise.all([
    loadPeriodBuckets(orgId, version, from, to),
    hasMultiDayRows(orgId, from, to),
  ]);
  // per month first: the tool uses' active days are the days of a month or-ed over an identity's subjects
  const byMonth = new Map<string, BucketSums[]>();
  for (const b of buckets) byMonth.set(b.month, [...(byMonth.get(b.month) ?? []), b]);
  const months = [...byMonth].map(([month, list]) => ({ month, ...sumBuckets(list) }));
  const all = sumBuckets(months);
  return { rows: aggregatesOf(all), tools: multiDay ? null : toolUsesOf(months) };
}

const at = (v: Float64Array, r: number, c: string): number | null => {
  const x = v[r * C + (COL[c] ?? 0)] ?? Number.NaN;
  return Number.isNaN(x) ? null : x;
};
const day = (n: number | null) => (n === null ? null : new Date(n * 86_400_000).toISOString().slice(0, 10));
/** Ascending, nulls last (as PostgreSQL's order by). */
function compareKeys(a: ReadonlyArray<string | null>, b: ReadonlyArray<string | null>): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function aggregatesOf({ keys, values }: { keys: string[]; values: Float64Array }): AiAggregate[] {
  const out = keys.map((key, r) => {
    const [tool, kind, employee, login, email, manager, orgKey] = keyValues(key);
    const n = (c: string) => at(values, r, c);
    const row: AggRow = {
      month: '',
      tool: tool ?? '',
      subject_kind: (kind ?? 'person') as AggRow['subject_kind'],
      employee_id: employee ?? null,
      login: login ?? null,
      email: email ?? null,
      team_manager_id: manager ?? null,
      org_key: orgKey ?? null,
      period_start: day(n('period_start')) ?? '',
      period_end: day(n('period_end')) ?? '',
      rows: n('rows') ?? 0,
      active_rows: n('active_rows') ?? 0,
      engineers: n('engineers'),
      ai_active_users: n('ai_active_users'),
      active: n('active') === null ? null : n('active') === 1,
      suggestions: n('suggestions'),
      acceptances: n('acceptances'),
      lines_suggested: n('lines_suggested'),
      lines_accepted: n('lines_accepted'),
      lines_ai: n('lines_ai'),
      prs_for_share: n('prs_for_share'),
      ai_assisted_prs: n('ai_assisted_prs'),
      prs_merged: n('prs_merged'),
      spend_usd: n('spend_usd'),
      pr_start: day(n('pr_start')),
      pr_end: day(n('pr_end')),
      spend_start: day(n('spend_start')),
      spend_end: day(n('spend_end')),
      whole_tool: n('whole_tool') === null ? null : n('whole_tool') === 1,
    };
    return { key: keyValues(key), row };
  });
  out.sort((a, b) => compareKeys(a.key, b.key));
  return out.map((o) => aggregateOf(o.row));
}

const bitCount = (m: number) => {
  let v = m >>> 0;
  let n = 0;
  for (; v !== 0; v &= v - 1) n++;
  return n;
};
const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

type ToolAcc = Record<
  'days_reported' | 'cs' | 'cns' | 'lines_nt' | 'lines_all' | 'lines_t' | 'lines_total' | 'agent' | 'spend',
  number | null
> & { who: Array<string | null>; days: number; active: boolean | null };

/** The person rows per identity and tool (loadToolUse's sums), or null when the rows must answer. */
function toolUsesOf(months: Array<{ keys: string[]; values: Float64Array }>): ToolUseRow[] | null {
  const acc = new Map<string, ToolAcc>();
  for (const { keys, values } of months) {
    const masks = new Map<string, number>();
    keys.forEach((key, r) => {
      const [tool, kind, employee, login, email] = keyValues(key);
      if (kind !== 'person') return;
      const who = [tool ?? null, employee ?? null, login ?? null, email ?? null];
      const w = JSON.stringify(who);
      const n = (c: string) => at(values, r, c);
      masks.set(w, (masks.get(w) ?? 0) | (n('day_mask') ?? 0));
      let a = acc.get(w);
      if (a === undefined) {
        const none = { days_reported: null, cs: null, cns: null, lines_nt: null, lines_all: null };
        a = {
          ...none,
          who,
          days: 0,
          active: null,
          lines_t: null,
          lines_total: null,
          agent: null,
          spend: null,
        };
        acc.set(w, a);
      }
      const act = n('active');
      if (act !== null) a.active = a.active === true || act === 1;
      a.days_reported = add(a.days_reported, n('days_reported'));
      a.cs = add(a.cs, n('credits_spend'));
      a.cns = add(a.cns, n('credits_no_spend'));
      a.lines_nt = add(a.lines_nt, n('lines_nt'));
      a.lines_all = add(a.lines_all, n('lines_ai'));
      a.lines_t = add(a.lines_t, n('lines_t'));
      a.lines_total = add(a.lines_total, n('lines_total'));
      a.agent = add(a.agent, n('agent'));
      a.spend = add(a.spend, n('spend_usd'));
    });
    for (const [w, m] of masks) {
      const a = acc.get(w);
      if (a) a.days += bitCount(m);
    }
  }
  const list = [...acc.values()].sort((a, b) => compareKeys(a.who, b.who));
  if (list.some((a) => a.days_reported !== null || (a.cs !== null && a.cns !== null))) return null;
  return list.map((a) =>
    toolUseRow({
      tool: a.who[0],
      employee_id: a.who[1],
      login: a.who[2],
      email: a.who[3],
      active_days: a.days,
      credits: a.cs ?? a.cns ?? 0,
      active: a.active,
      lines_ai: a.lines_nt ?? a.lines_all,
      lines_ai_t: a.lines_t,
      lines_total: a.lines_total,
      agent: a.agent,
      spend: a.spend,
      has_credits: a.cs !== null || a.cns !== null,
    }),
  );
}
