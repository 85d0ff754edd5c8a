import 'server-only';
import {
  BEFORE_AFTER_MAX_WEEKS,
  adoptionWeek,
  computeBeforeAfter,
  prCoverage,
  unitNodes,
  weekStart,
  type MergedPr,
} from '@/lib/metrics/ai-delivery';
import {
  buildPayoffFacts,
  computeAiPayoff,
  type AiPayoff,
  type PayoffFacts,
  type PayoffInput,
} from '@/lib/views/ai-payoff';
import type { IdentityIndex } from '@/lib/metrics/ai-identity';
import { emptyAiTotals } from '@/lib/metrics/ai';
import type { SeatRow } from '@/lib/metrics/ai-seats';
import { buildAiRollup, unitAiTotals, type AiAggregate, type AiRollup } from '@/lib/metrics/ai-rollup';
import { loadAiAggregates, loadCurrentSeats, loadIdentityIndex, loadManualMap } from './ai-data';
import {
  activeWeeksOf,
  hasUsageIn,
  loadActiveMonths,
  type ActiveMonthsRow,
  loadPrAuthors,
  loadPrDays,
  loadPrRange,
  loadToolUse,
  type PrAuthorRow,
  type ToolUseRow,
} from './ai-delivery-data';
import { processCache } from './process-cache';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Weeks of activity looked back over to find a unit's adoption week. */
export const ADOPTION_LOOKBACK_WEEKS = 52;

/**
 * Everything of one period that does not depend on the unit asked for: the organisation's usage
 * rolled up the snapshot's tree, the tool uses, PR authors, seats and PR range, the per-person facts
 * (every identity joined once) and the weekly activity of every joined person for the adoption week.
 * A unit's answer adds only its own sums to it. Read-only once built (it is shared between requests).
 */
export interface PayoffPeriod {
  from: string;
  to: string;
  orgId: number;
  /** the snapshot in force at the period's end (null = none: organisation-wide tool figures only) */
  index: IdentityIndex | null;
  manual: ReadonlyMap<string, string>;
  /** the period's usage summed per subject ([] without a snapshot: nothing to place them on) */
  rows: AiAggregate[];
  rollup: AiRollup | null;
  tools: ToolUseRow[];
  prs: { authors: PrAuthorRow[]; total: number };
  seats: SeatRow[];
  range: { from: string | null; to: string | null };
  hasUsageData: boolean;
  hasPrData: boolean;
  /** the first merge day when the pull requests begin part-way through the period (prCoverage) */
  prPartialFrom: string | null;
  /** the facts of every person (null without a snapshot) */
  facts: PayoffFacts | null;
  /** the first day of the adoption look-back, and each joined person's active weeks since it */
  weekFrom: string;
  activity: Array<{ node: number; weeks: number[] }>;
  /** merged PRs of joined authors in [from, to] (node-resolved), as the before/after needs them */
  prDays: (from: string, to: string) => Promise<MergedPr[]>;
}

/** The inputs of computeAiPayoff that do not depend on the unit (usage and nodes are added per unit). */
function periodInput(p: Omit<PayoffPeriod, 'facts' | 'activity' | 'prDays' | 'weekFrom'>): PayoffInput {
  return {
    period: { from: p.from, to: p.to },
    index: p.index,
    nodes: null,
    manual: p.manual,
    tools: p.tools,
    prAuthors: p.prs.authors,
    prsAll: p.prs.total,
    seats: p.seats,
    hasPrData: p.hasPrData,
    prPartialFrom: p.prPartialFrom,
    hasUsageData: p.hasUsageData,
    // unit-level settings are given per request; the facts do not read them
    minGroupSize: 0,
    execLayers: 0,
    usage: emptyAiTotals(),
    reports: p.rollup?.toolReports ?? [],
  };
}

/**
 * Builds one period's unit-independent inputs (not cached: loadPayoffPeriod keeps them). The
 * queries are independent, so they run side by side. `rollup` = one the caller has already built.
 */
export async function buildPayoffPeriod(input: {
  orgId: number;
  from: string;
  to: string;
  index: IdentityIndex | null;
  manual: ReadonlyMap<string, string>;
  rollup?: AiRollup;
  /** memoises loadPrDays per window (the cached period shares it between units) */
  prDaysCache?: (key: string, build: () => Promise<MergedPr[]>) => Promise<MergedPr[]>;
  /** memoises the adoption look-back's monthly day masks (periods ending in the same month share them) */
  activeMonthsCache?: (key: string, build: () => Promise<ActiveMonthsRow[]>) => Promise<ActiveMonthsRow[]>;
}): Promise<PayoffPeriod> {
  const { orgId, from, to, index, manual } = input;
  const weekFrom = addDays(weekStart(to), -7 * (ADOPTION_LOOKBACK_WEEKS - 1));
  const [firstMonth, lastMonth] = [`${weekFrom.slice(0, 7)}-01`, `${to.slice(0, 7)}-01`];
  const readMonths = () => loadActiveMonths(orgId, firstMonth, lastMonth);
  const activeMonths: Promise<ActiveMonthsRow[]> =
    index === null
      ? Promise.resolve([])
      : input.activeMonthsCache
        ? input.activeMonthsCache(`${firstMonth}|${lastMonth}`, readMonths)
        : readMonths();
  // the period's usage per subject, unless the caller has rolled it up already
  const needRows = index !== null && input.rollup === undefined;
  const [rows, tools, prs, seats, range, hasUsageData, weeks] = await Promise.all([
    needRows ? loadAiAggregates(orgId, from, to, false) : Promise.resolve([] as AiAggregate[]),
    loadToolUse(orgId, from, to),
    loadPrAuthors(orgId, from, to),
    loadCurrentSeats(orgId),
    loadPrRange(orgId),
    hasUsageIn(orgId, from, to),
    activeMonths,
  ]);
  const rollup =
    index === null ? null : needRows ? buildAiRollup(index, rows, manual) : (input.rollup ?? null);
  const coverage = prCoverage(range, { from, to });
  const hasPrData = coverage === 'whole';
  const prPartialFrom = coverage === 'partial' ? range.from : null;
  const base = {
    from,
    to,
    orgId,
    index,
    manual,
    rows,
    rollup,
    tools,
    prs,
    seats,
    range,
    hasUsageData,
    hasPrData,
    prPartialFrom,
  };
  const facts = index === null ? null : buildPayoffFacts(periodInput(base), index);
  const activity: PayoffPeriod['activity'] = [];
  if (facts)
    for (const r of activeWeeksOf(weeks, weekFrom, to)) {
      const node = facts.nodeOf(r);
      if (node >= 0) activity.push({ node, weeks: r.weeks });
    }
  const load = async (winFrom: string, winTo: string): Promise<MergedPr[]> => {
    const merged: MergedPr[] = [];
    if (facts === null) return merged;
    for (const r of await loadPrDays(orgId, winFrom, winTo)) {
      const node = facts.nodeOfLogin(r.login);
      if (node < 0) continue;
      for (const h of r.cycles) merged.push({ node, merged: r.day, cycleHours: h });
    }
    return merged;
  };
  const memo = input.prDaysCache;
  const prDays = memo
    ? (winFrom: string, winTo: string) => memo(`${winFrom}|${winTo}`, () => load(winFrom, winTo))
    : load;
  return { ...base, facts, weekFrom, activity, prDays };
}

/**
 * One period's unit-independent inputs per organisation, data version (every import, deletion,
 * mapping, settings or snapshot change makes a new one), snapshot and period, bounded by the rows
 * they hold, so a second unit of the same period costs only its own sums.
 */
const periodCache = processCache<PayoffPeriod>('ai-payoff-periods', {
  max: 24,
  // about three periods of a 100k-person organisation (tens of MB each at 10k)
  maxSize: 3_000_000,
  sizeOf: (p) =>
    p.rows.length + p.tools.length + p.prs.authors.length + p.activity.length + (p.index?.tree.size ?? 0),
});
/** The adoption look-back's monthly day masks per organisation, data version and months. */
const activeMonthsCache = processCache<ActiveMonthsRow[]>('ai-active-months', {
  max: 24,
  maxSize: 2_000_000,
  sizeOf: (rows) => rows.length,
});
/** The before/after's merged PRs per period and window (units adopting in the same week share them). */
const prDaysCache = processCache<MergedPr[]>('ai-payoff-pr-days', {
  max: 200,
  maxSize: 4_000_000,
  sizeOf: (list) => list.length,
});

/** The period's unit-independent inputs, cached per organisation, data version, snapshot and period. */
export function loadPayoffPeriod(
  orgId: number,
  version: string,
  snapshotId: number | null,
  from: string,
  to: string,
): Promise<PayoffPeriod> {
  const key = JSON.stringify([orgId, version, snapshotId, from, to]);
  return periodCache.get(key, async () => {
    const [index, manual] = await Promise.all([
      snapshotId === null ? Promise.resolve(null) : loadIdentityIndex(snapshotId),
      loadManualMap(orgId),
    ]);
    return buildPayoffPeriod({
      orgId,
      from,
      to,
      index,
      manual,
      prDaysCache: (k, build) => prDaysCache.get(`${key}|${k}`, build),
      activeMonthsCache: (k, build) => activeMonthsCache.get(`${orgId}|${version}|${k}`, build),
    });
  });
}

/**
 * "Is AI paying off?" for one unit and period (SPEC "AI productivity"): the one function behind the
 * AI page's answer and `ai-metrics --json`. `index` = the snapshot in force at the period's end
 * (null = no snapshot: organisation-wide tool figures only); `nodes` = the unit (null = everyone).
 * `period` = the period's inputs when the caller has them (loadPayoffPeriod); else they are built here.
 */
export async function loadAiPayoff(input: {
  orgId: number;
  from: string;
  to: string;
  index: IdentityIndex | null;
  nodes: Int32Array | null;
  manual: ReadonlyMap<string, string>;
  minGroupSize: number;
  execLayers: number;
  /** the period's usage roll-up when the caller has built it (else it is built here) */
  rollup?: AiRollup;
  period?: PayoffPeriod;
}): Promise<{ payoff: AiPayoff; facts: PayoffFacts | null }> {
  const p =
    input.period ??
    (await buildPayoffPeriod({
      orgId: input.orgId,
      from: input.from,
      to: input.to,
      index: input.index,
      manual: input.manual,
      rollup: input.rollup,
    }));
  const { to, range } = p;
  const usage = p.rollup === null ? emptyAiTotals() : unitAiTotals(p.rollup, input.nodes);
  const result = computeAiPayoff(
    {
      ...periodInput(p),
      nodes: input.nodes,
      minGroupSize: input.minGroupSize,
      execLayers: input.execLayers,
      usage,
    },
    p.facts ?? undefined,
  );
  const { payoff, facts } = result;
  if (p.index === null || facts === null || payoff.unit === null) return result;

  // Before/after: the unit's adoption week from weekly activity, then its PRs either side.
  const tree = p.index.tree;
  const members = unitNodes(tree.size, input.nodes);
  const inUnit = new Uint8Array(tree.size);
  for (const i of members) if (facts.facts.engineer[i] === 1) inUnit[i] = 1;
  const byWeek = new Map<string, number[]>();
  for (const { node, weeks } of p.activity) {
    if (inUnit[node] !== 1) continue;
    for (const w of weeks) {
      const week = addDays(p.weekFrom, 7 * w);
      const list = byWeek.get(week);
      if (list) list.push(node);
      else byWeek.set(week, [node]);
    }
  }
  const week = adoptionWeek(byWeek, (n) => inUnit[n] === 1, payoff.unit.engineers);
  const dataTo = range.to !== null && range.to < to ? range.to : to;
  let merged: MergedPr[] = [];
  if (week !== null && range.from !== null) {
    const winFrom = addDays(week, -7 * BEFORE_AFTER_MAX_WEEKS);
    const winTo = addDays(week, 7 * BEFORE_AFTER_MAX_WEEKS - 1);
    merged = (await p.prDays(winFrom, winTo < dataTo ? winTo : dataTo)).filter((m) => inUnit[m.node] === 1);
  }
  payoff.beforeAfter = computeBeforeAfter(week, merged, payoff.unit.engineers, {
    from: range.from,
    to: range.to === null ? null : dataTo,
  });
  if (week === null && byWeek.size === 0)
    payoff.beforeAfter.missing =
      "No per-user AI usage in the 52 weeks up to the period's end, so no adoption week can be found.";
  return result;
}
