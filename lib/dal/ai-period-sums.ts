import 'server-only';
import type { AiAggregate } from '@/lib/metrics/ai-rollup';
import { aggregateOf, type AggRow } from './ai-data';
import { hasMultiDayRows, toolUseRow, type ToolUseRow } from './ai-delivery-data';
import { C, col, loadPeriodBuckets, sumBuckets, type BucketSums, type Subject } from './ai-usage-buckets';

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

/** Days since 1970-01-01 as YYYY-MM-DD (a period holds few distinct days: each is formatted once). */
const dayNames = new Map<number, string>();
const day = (n: number | null): string | null => {
  if (n === null) return null;
  let s = dayNames.get(n);
  if (s === undefined) {
    s = new Date(n * 86_400_000).toISOString().slice(0, 10);
    if (dayNames.size < 100_000) dayNames.set(n, s);
  }
  return s;
};
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

type Summed = { subjects: Subject[]; values: Float64Array };

/** Row r's value of a column (null = none). */
const valueOf = (values: Float64Array, r: number, c: number): number | null => {
  const x = c < 0 ? Number.NaN : (values[r * C + c] ?? Number.NaN);
  return Number.isNaN(x) ? null : x;
};

function aggregatesOf({ subjects, values }: Summed): AiAggregate[] {
  const order = subjects
    .map((_, r) => r)
    .sort((a, b) => compareKeys(subjects[a]?.values ?? [], subjects[b]?.values ?? []));
  return order.map((r) => {
    const [tool, kind, employee, login, email, manager, orgKey] = subjects[r]?.values ?? [];
    const n = (name: string) => valueOf(values, r, col(name));
    const flag = (name: string) => (n(name) === null ? null : n(name) === 1);
    return aggregateOf({
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
      active: flag('active'),
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
      whole_tool: flag('whole_tool'),
    });
  });
}

const bitCount = (m: number) => {
  let v = m >>> 0;
  let n = 0;
  for (; v !== 0; v = (v & (v - 1)) >>> 0) n++;
  return n;
};

/** The tool uses' sums per identity and tool: [column added, slot]. */
const TOOL_SUMS = [
  'days_reported',
  'credits_spend',
  'credits_no_spend',
  'lines_nt',
  'lines_ai',
  'lines_t',
  'lines_total',
  'agent',
  'spend_usd',
] as const;
const T = TOOL_SUMS.length;
const slot = (name: (typeof TOOL_SUMS)[number]) => TOOL_SUMS.indexOf(name);

/** The person rows per identity and tool (loadToolUse's sums), or null when the rows must answer. */
function toolUsesOf(months: readonly Summed[]): ToolUseRow[] | null {
  const index = new Map<string, number>();
  const who: string[] = [];
  const cols = TOOL_SUMS.map(col);
  const [activeCol, maskCol] = [col('active'), col('day_mask')];
  let sums = new Float64Array(0);
  let days = new Int32Array(0);
  let active = new Int8Array(0);
  for (const { subjects, values } of months) {
    const masks = new Map<number, number>();
    for (let r = 0; r < subjects.length; r++) {
      const w = subjects[r]?.who;
      if (w === null || w === undefined) continue;
      let k = index.get(w);
      if (k === undefined) {
        k = who.length;
        index.set(w, k);
        who.push(w);
        if (days.length < who.length) {
          const size = Math.max(1024, who.length * 2);
          const [s2, d2, a2] = [
            new Float64Array(size * T).fill(Number.NaN),
            new Int32Array(size),
            new Int8Array(size).fill(-1),
          ];
          s2.set(sums);
          d2.set(days);
          a2.set(active);
          [sums, days, active] = [s2, d2, a2];
        }
      }
      for (let t = 0; t < T; t++) {
        const v = values[r * C + (cols[t] ?? 0)] ?? Number.NaN;
        if (Number.isNaN(v)) continue;
        const a = sums[k * T + t] ?? Number.NaN;
        sums[k * T + t] = Number.isNaN(a) ? v : a + v;
      }
      const act = values[r * C + activeCol] ?? Number.NaN;
      if (!Number.isNaN(act)) active[k] = Math.max(active[k] ?? -1, act);
      masks.set(k, (masks.get(k) ?? 0) | (values[r * C + maskCol] ?? 0));
    }
    for (const [k, m] of masks) days[k] = (days[k] ?? 0) + bitCount(m);
  }
  const get = (k: number, name: (typeof TOOL_SUMS)[number]) => {
    const v = sums[k * T + slot(name)] ?? Number.NaN;
    return Number.isNaN(v) ? null : v;
  };
  const out: ToolUseRow[] = [];
  const keys = who.map((w) => JSON.parse(w) as Array<string | null>);
  const order = keys.map((_, k) => k).sort((a, b) => compareKeys(keys[a] ?? [], keys[b] ?? []));
  for (const k of order) {
    const [cs, cns] = [get(k, 'credits_spend'), get(k, 'credits_no_spend')];
    if (get(k, 'days_reported') !== null || (cs !== null && cns !== null)) return null;
    const [tool, employee, login, email] = keys[k] ?? [];
    out.push(
      toolUseRow({
        tool,
        employee_id: employee,
        login,
        email,
        active_days: days[k],
        credits: cs ?? cns ?? 0,
        active: active[k] === -1 ? null : active[k] === 1,
        lines_ai: get(k, 'lines_nt') ?? get(k, 'lines_ai'),
        lines_ai_t: get(k, 'lines_t'),
        lines_total: get(k, 'lines_total'),
        agent: get(k, 'agent'),
        spend: get(k, 'spend_usd'),
        has_credits: cs !== null || cns !== null,
      }),
    );
  }
  return out;
}
