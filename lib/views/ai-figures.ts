/**
 * The one definition of every AI figure shown in more than one place (SPEC "AI productivity"):
 * the KPI tiles, the "is it paying off?" answer, the per-tool table's totals, `ai-metrics --json`
 * and the report's AI section all read `sharedAiFigures`. Pure: it combines what is already loaded
 * for one unit and period (the ai_usage roll-up, the pull requests of the unit's engineers, seats).
 *
 * Where the places used to disagree, the SPEC definition is the one kept:
 * - engineers / AI-active users: the roll-up of usage rows (lib/metrics/ai-rollup.ts): people with
 *   a GitHub login or an AI-tool identity, a person once however many tools; a team row counts the
 *   larger of its reported engineers / active users and its members' own (usage per team cannot be
 *   split), and a team or organisation row adds no measure that person rows of the same tool give
 *   (lib/metrics/ai-rollup.ts).
 * - weeks = period days / 7 and months = calendar months of the period (SPEC "weeks (period days /
 *   7)"); the tiles used the days the PR rows and spend rows covered, which shrank a partial month.
 * - PRs merged, AI-assisted share and cycle time: the imported pull requests of the unit's
 *   engineers, by author (SPEC "PR cycle time ... by author"); only when no pull request is
 *   imported for the period do the PR counts that usage rows report stand in (team CSV, Copilot
 *   organisation reports). The tiles used to read the usage rows even when pull requests existed.
 * - AI spend = usage spend of every row (person, team; for the whole organisation also organisation
 *   rows, identities joined to nobody and team rows whose manager is in no snapshot) + seats in
 *   force x months of the period. The tiles dropped seats and the answer
 *   dropped team rows' spend; both are AI spend (SPEC "AI spend per engineer per month").
 * - cost per merged PR = AI spend / PRs merged, the same numerator and denominator as the per-tool
 *   table; for the whole organisation PRs whose author joins nobody count too (their cost is paid).
 */
import { daysInclusive, monthsCovered, type AiMetrics, type AiTotals } from '@/lib/metrics/ai';
import type { DeliveryFigures, Period } from '@/lib/metrics/ai-delivery';
import { matchIdentity, type IdentityIndex } from '@/lib/metrics/ai-identity';
import { subtreeAiTotals, unitAiTotals, type AiRollup } from '@/lib/metrics/ai-rollup';
import { dedupeSeats, type SeatRow } from '@/lib/metrics/ai-seats';
import { computeMedian, roundTo } from '@/lib/metrics/numbers';

/** Pull requests merged in the period by the unit's engineers (joined by author). */
export interface UnitPrs {
  merged: number;
  aiAssisted: number;
  /** cycle times in hours of those PRs */
  cycles: readonly number[];
  /** PRs counted in cost per merged PR (the whole organisation: with unjoined authors) */
  mergedForCost: number;
}

export interface AiFigureSources {
  period: Period;
  /** the unit's ai_usage rows rolled up (unitAiTotals) */
  usage: AiTotals;
  /** null = no pull requests imported for the period */
  prs: UnitPrs | null;
  /** seats in force of the unit's people for the period (monthly price x months), USD */
  seatSpendUsd: number;
  /** whole organisation only: usage spend of identities joined to nobody, USD */
  unjoinedSpendUsd: number;
  /** any spend or priced seat in the sources above */
  hasSpendData: boolean;
  /** AI users against non-users (computeUnitDelivery), already suppressed under the floor */
  usersVsNonUsers: { users: DeliveryFigures | null; nonUsers: DeliveryFigures | null };
}

export interface SharedAiFigures {
  engineers: number;
  activeUsers: number;
  adoption: number | null;
  spendUsd: number | null;
  spendPerEngineerMonth: number | null;
  costPerMergedPr: number | null;
  /** null = no PR data of any kind for the period */
  prsMerged: number | null;
  /** the PRs cost per merged PR divides by (the per-tool table divides by the same) */
  prsForCost: number | null;
  prsPerEngineerWeek: number | null;
  medianCycleTimeHours: number | null;
  aiAssistedPrShare: number | null;
  usersVsNonUsers: { users: DeliveryFigures | null; nonUsers: DeliveryFigures | null };
}

/** Every AI figure shown in more than one place, for one unit and period (see the file comment). */
export function sharedAiFigures(s: AiFigureSources): SharedAiFigures {
  const { usage, prs } = s;
  const engineers = roundTo(usage.engineers, 2);
  const activeUsers = roundTo(usage.activeUsers, 2);
  const weeks = daysInclusive(s.period.from, s.period.to) / 7;
  const months = monthsCovered(s.period.from, s.period.to);
  const hasUsagePrs = usage.prRows > 0;
  const prsMerged = prs ? prs.merged : hasUsagePrs ? usage.prsMerged : null;
  const prsForCost = prs ? prs.mergedForCost : hasUsagePrs ? usage.prsMerged : null;
  let aiAssistedPrShare: number | null = null;
  if (prs) aiAssistedPrShare = prs.merged > 0 ? roundTo(prs.aiAssisted / prs.merged, 4) : null;
  else if (usage.prShareRows > 0 && usage.prsForShare > 0)
    aiAssistedPrShare = roundTo(usage.aiAssistedPrs / usage.prsForShare, 4);
  const median = prs ? computeMedian([...prs.cycles]) : null;
  const spend =
    s.hasSpendData || usage.spendRows > 0 ? usage.spendUsd + s.seatSpendUsd + s.unjoinedSpendUsd : null;
  return {
    engineers,
    activeUsers,
    adoption: engineers > 0 ? roundTo(activeUsers / engineers, 4) : null,
    spendUsd: spend === null ? null : roundTo(spend, 2),
    spendPerEngineerMonth:
      spend !== null && engineers > 0 && months > 0 ? roundTo(spend / engineers / months, 2) : null,
    costPerMergedPr: spend !== null && prsForCost ? roundTo(spend / prsForCost, 2) : null,
    prsMerged,
    prsForCost,
    prsPerEngineerWeek:
      prsMerged !== null && engineers > 0 && weeks > 0 ? roundTo(prsMerged / engineers / weeks, 4) : null,
    medianCycleTimeHours: median === null ? null : roundTo(median, 2),
    aiAssistedPrShare,
    usersVsNonUsers: s.usersVsNonUsers,
  };
}

/** The tile metrics of a unit with every shared figure taken from `f` (acceptance rates stay). */
export function withSharedFigures(m: AiMetrics, f: SharedAiFigures): AiMetrics {
  return {
    ...m,
    engineers: f.engineers,
    activeUsers: f.activeUsers,
    adoption: f.adoption,
    aiAssistedPrShare: f.aiAssistedPrShare,
    throughputPerEngineerWeek: f.prsPerEngineerWeek,
    spendPerEngineerMonth: f.spendPerEngineerMonth,
    costPerMergedPr: f.costPerMergedPr,
    prsMerged: f.prsMerged,
    spendUsd: f.spendUsd,
  };
}

/** Per node of one snapshot: PRs merged in the period, the AI-assisted ones and seat spend (USD). */
export interface PeriodPeople {
  prs: Float64Array;
  aiPrs: Float64Array;
  seatSpend: Float64Array;
  /** cycle times (hours) of each node's PRs; absent where only counts are needed */
  cycles: ReadonlyMap<number, readonly number[]> | null;
  /** seat spend of seats joined to nobody (the whole organisation only) */
  unjoinedSeatSpend: number;
  /** some seat in force has a price */
  hasPricedSeat: boolean;
}

/** A period's pull requests merged by one author (lower-case GitHub login). */
export interface PrAuthorCounts {
  login: string;
  prs: number;
  aiPrs: number;
  /** cycle times (merged - created) in hours */
  cycles: readonly number[];
}

/**
 * Adds each PR author's merged and AI-assisted PRs to the node the login joins (`nodeOfLogin`,
 * -1 = nobody: skipped) and returns each node's cycle times; `onJoined` sees every joined node.
 * The one fold behind joinPeriodPeople and the payoff's facts (./ai-payoff.ts buildPayoffFacts).
 */
export function foldPrAuthors(
  authors: readonly PrAuthorCounts[],
  nodeOfLogin: (login: string) => number,
  into: { prs: Float64Array; aiPrs: Float64Array },
  onJoined?: (node: number) => void,
): Map<number, number[]> {
  const cycles = new Map<number, number[]>();
  for (const a of authors) {
    const i = nodeOfLogin(a.login);
    if (i < 0) continue;
    onJoined?.(i);
    into.prs[i] = (into.prs[i] ?? 0) + a.prs;
    into.aiPrs[i] = (into.aiPrs[i] ?? 0) + a.aiPrs;
    const list = cycles.get(i);
    if (list) list.push(...a.cycles);
    else cycles.set(i, [...a.cycles]);
  }
  return cycles;
}

/**
 * Joins one period's PR authors (by GitHub login) and the seats in force to the snapshot's people,
 * as the payoff does (lib/views/ai-payoff.ts buildPayoffFacts): hand mappings first.
 */
export function joinPeriodPeople(
  index: IdentityIndex,
  manual: ReadonlyMap<string, string>,
  period: Period,
  authors: readonly PrAuthorCounts[],
  seats: readonly SeatRow[],
): PeriodPeople {
  const n = index.tree.size;
  const out: PeriodPeople = {
    prs: new Float64Array(n),
    aiPrs: new Float64Array(n),
    seatSpend: new Float64Array(n),
    cycles: new Map(),
    unjoinedSeatSpend: 0,
    hasPricedSeat: false,
  };
  const nodeOf = (githubLogin: string | null, email: string | null) => {
    const m = matchIdentity(index, { employeeId: null, githubLogin, email }, manual);
    return m.status === 'matched' ? m.index : -1;
  };
  out.cycles = foldPrAuthors(authors, (login) => nodeOf(login, null), out);
  const months = monthsCovered(period.from, period.to);
  for (const s of dedupeSeats(seats)) {
    if (s.monthlyCostUsd === null) continue;
    out.hasPricedSeat = true;
    const i = nodeOf(s.githubLogin, s.email);
    if (i < 0) out.unjoinedSeatSpend += s.monthlyCostUsd * months;
    else out.seatSpend[i] = (out.seatSpend[i] ?? 0) + s.monthlyCostUsd * months;
  }
  return out;
}

/**
 * The shared figures of a unit from a period's roll-up and joined people (the monthly trend, where
 * the payoff is not computed month by month). `prsAll` = every PR merged in the period (null = no
 * pull requests imported for it).
 */
export function rollupFigures(input: {
  rollup: AiRollup;
  nodes: Int32Array | null;
  people: PeriodPeople;
  period: Period;
  prsAll: number | null;
}): SharedAiFigures {
  const { rollup, nodes, people } = input;
  const wholeOrg = nodes === null;
  let prs = 0;
  let aiPrs = 0;
  let seat = wholeOrg ? people.unjoinedSeatSpend : 0;
  const cycles: number[] = [];
  const visit = (i: number) => {
    prs += people.prs[i] ?? 0;
    aiPrs += people.aiPrs[i] ?? 0;
    seat += people.seatSpend[i] ?? 0;
    for (const h of people.cycles?.get(i) ?? []) cycles.push(h);
  };
  if (nodes === null) for (let i = 0; i < rollup.tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  const unjoined = wholeOrg ? rollup.unmatchedSpendUsd : 0;
  return sharedAiFigures({
    period: input.period,
    usage: unitAiTotals(rollup, nodes),
    prs:
      input.prsAll === null
        ? null
        : { merged: prs, aiAssisted: aiPrs, cycles, mergedForCost: wholeOrg ? input.prsAll : prs },
    seatSpendUsd: seat,
    unjoinedSpendUsd: unjoined,
    hasSpendData: people.hasPricedSeat || unjoined > 0,
    usersVsNonUsers: { users: null, nonUsers: null },
  });
}

/**
 * The shared figures of every manager's subtree (the per-manager table): subtree sums of the roll-up
 * and of the joined people. Cycle times are not summed (no table shows them per manager).
 */
export function subtreeFigures(
  rollup: AiRollup,
  people: Pick<PeriodPeople, 'prs' | 'aiPrs' | 'seatSpend' | 'hasPricedSeat'>,
  period: Period,
  hasPrData: boolean,
): (i: number) => SharedAiFigures {
  const { tree } = rollup;
  const usage = subtreeAiTotals(rollup);
  const prs = Float64Array.from(people.prs);
  const aiPrs = Float64Array.from(people.aiPrs);
  const seat = Float64Array.from(people.seatSpend);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const v = tree.order[k] ?? 0;
    const p = tree.parent[v] ?? -1;
    if (p < 0) continue;
    prs[p] = (prs[p] ?? 0) + (prs[v] ?? 0);
    aiPrs[p] = (aiPrs[p] ?? 0) + (aiPrs[v] ?? 0);
    seat[p] = (seat[p] ?? 0) + (seat[v] ?? 0);
  }
  return (i) =>
    sharedAiFigures({
      period,
      usage: usage(i),
      prs: hasPrData
        ? { merged: prs[i] ?? 0, aiAssisted: aiPrs[i] ?? 0, cycles: [], mergedForCost: prs[i] ?? 0 }
        : null,
      seatSpendUsd: seat[i] ?? 0,
      unjoinedSpendUsd: 0,
      hasSpendData: people.hasPricedSeat,
      usersVsNonUsers: { users: null, nonUsers: null },
    });
}
