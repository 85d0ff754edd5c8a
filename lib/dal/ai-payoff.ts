import 'server-only';
import {
  BEFORE_AFTER_MAX_WEEKS,
  adoptionWeek,
  computeBeforeAfter,
  unitNodes,
  weekStart,
  type MergedPr,
} from '@/lib/metrics/ai-delivery';
import { computeAiPayoff, type AiPayoff, type PayoffFacts } from '@/lib/views/ai-payoff';
import type { IdentityIndex } from '@/lib/metrics/ai-identity';
import { emptyAiTotals } from '@/lib/metrics/ai';
import { buildAiRollup, unitAiTotals, type AiRollup } from '@/lib/metrics/ai-rollup';
import { loadAiAggregates, loadCurrentSeats } from './ai-data';
import {
  hasUsageIn,
  loadActiveWeeks,
  loadPrAuthors,
  loadPrDays,
  loadPrRange,
  loadToolUse,
} from './ai-delivery-data';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Weeks of activity looked back over to find a unit's adoption week. */
export const ADOPTION_LOOKBACK_WEEKS = 52;

/**
 * "Is AI paying off?" for one unit and period (SPEC "AI productivity"): the one function behind the
 * AI page's answer and `ai-metrics --json`. `index` = the snapshot in force at the period's end
 * (null = no snapshot: organisation-wide tool figures only); `nodes` = the unit (null = everyone).
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
}): Promise<{ payoff: AiPayoff; facts: PayoffFacts | null }> {
  const { orgId, from, to, index } = input;
  const rollup =
    input.rollup ??
    (index === null
      ? null
      : buildAiRollup(index, await loadAiAggregates(orgId, from, to, false), input.manual));
  const usage = rollup === null ? emptyAiTotals() : unitAiTotals(rollup, input.nodes);
  const [tools, prs, seats, range, hasUsageData] = await Promise.all([
    loadToolUse(orgId, from, to),
    loadPrAuthors(orgId, from, to),
    loadCurrentSeats(orgId),
    loadPrRange(orgId),
    hasUsageIn(orgId, from, to),
  ]);
  const hasPrData = range.from !== null && range.to !== null && range.from <= to && range.to >= from;
  const result = computeAiPayoff({
    period: { from, to },
    index: input.index,
    nodes: input.nodes,
    manual: input.manual,
    tools,
    prAuthors: prs.authors,
    prsAll: prs.total,
    seats,
    hasPrData,
    hasUsageData,
    minGroupSize: input.minGroupSize,
    execLayers: input.execLayers,
    usage,
    reports: rollup?.toolReports ?? [],
  });
  const { payoff, facts } = result;
  if (input.index === null || facts === null || payoff.unit === null) return result;

  // Before/after: the unit's adoption week from weekly activity, then its PRs either side.
  const tree = input.index.tree;
  const members = unitNodes(tree.size, input.nodes);
  const inUnit = new Uint8Array(tree.size);
  for (const i of members) if (facts.facts.engineer[i] === 1) inUnit[i] = 1;
  const weekFrom = addDays(weekStart(to), -7 * (ADOPTION_LOOKBACK_WEEKS - 1));
  const byWeek = new Map<string, number[]>();
  for (const r of await loadActiveWeeks(orgId, weekFrom, to)) {
    const node = facts.nodeOf(r);
    if (node < 0 || inUnit[node] !== 1) continue;
    for (const w of r.weeks) {
      const week = addDays(weekFrom, 7 * w);
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
    merged = [];
    for (const r of await loadPrDays(orgId, winFrom, winTo < dataTo ? winTo : dataTo)) {
      const node = facts.nodeOfLogin(r.login);
      if (node < 0 || inUnit[node] !== 1) continue;
      for (const h of r.cycles) merged.push({ node, merged: r.day, cycleHours: h });
    }
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
