/**
 * "Is AI paying off here?" for one unit and period, from per-person aggregates (lib/dal/ai-payoff.ts
 * loads them; the AI page and `ai-metrics --json` both read this one result). Identities are joined
 * to the snapshot in force exactly as AI usage is (lib/metrics/ai-identity.ts, hand mappings first),
 * PR authors by their GitHub login. Without an org snapshot only the organisation-wide tool figures
 * are given (identities counted as themselves).
 */
import {
  BAND_ORDER,
  CAVEAT,
  LEVEL_ORDER,
  computeToolFigures,
  computeUnitDelivery,
  emptyFacts,
  headline,
  managerialLevel,
  subtreeSums,
  structureBreakdown,
  sumGroup,
  teamSpanBand,
  unitNodes,
  type PersonFacts,
  type Period,
  type StructureRow,
  type ToolFigures,
  type ToolReport,
  type ToolSeat,
  type ToolUse,
  type ToolUseMeasures,
  type UnitDelivery,
  type BeforeAfter,
} from '@/lib/metrics/ai-delivery';
import { monthsCovered, type AiTotals } from '@/lib/metrics/ai';
import { foldPrAuthors, sharedAiFigures, type PrAuthorCounts, type SharedAiFigures } from './ai-figures';
import { identityKey, matchIdentity, type IdentityIndex, type IdentityKeys } from '@/lib/metrics/ai-identity';
import type { SeatRow } from '@/lib/metrics/ai-seats';
import { dedupeSeats } from '@/lib/metrics/ai-seats';
import { NodeKind } from '@/lib/metrics/roles';
import { roundTo } from '@/lib/metrics/numbers';

/** One identity's use of one tool over the period, as loaded (lib/dal/ai-delivery-data.ts). */
export interface PayoffToolRow extends IdentityKeys, ToolUseMeasures {
  hasSpend: boolean;
}

export interface PayoffInput {
  period: Period;
  /** the snapshot in force at the period's end (null = none imported yet) */
  index: IdentityIndex | null;
  nodes: Int32Array | null;
  manual: ReadonlyMap<string, string>;
  tools: readonly PayoffToolRow[];
  prAuthors: readonly PrAuthorCounts[];
  /** all PRs merged in the period, with or without a joined author */
  prsAll: number;
  seats: readonly SeatRow[];
  hasPrData: boolean;
  /** the first merge day when the pull requests begin part-way through the period (prCoverage) */
  prPartialFrom: string | null;
  hasUsageData: boolean;
  minGroupSize: number;
  execLayers: number;
  /** the unit's ai_usage rows rolled up (unitAiTotals; team and organisation rows included) */
  usage: AiTotals;
  /** what each team and organisation row adds, per tool (AiRollup.toolReports; [] without a snapshot) */
  reports: readonly ToolReport[];
}

export type ToolEntry = ToolFigures | { tool: string; suppressed: true };

export interface AiPayoff {
  period: Period;
  headline: string;
  caveat: string;
  hasPrData: boolean;
  hasUsageData: boolean;
  /** some usage in the period is per person (else users and non-users cannot be told apart) */
  hasPersonUsage: boolean;
  /**
   * null without an org snapshot. Its engineers and users are the people-level groups behind the
   * users/non-users comparison and the floor; every figure shown (delivery, spend) is `figures`'.
   */
  unit: UnitDelivery | null;
  /** the figures shared with the KPI tiles, the contract and the report (./ai-figures.ts) */
  figures: SharedAiFigures | null;
  byTool: ToolEntry[];
  /**
   * spend in `figures.spendUsd` that no shown tool row holds: the spend of tools used by fewer than
   * the minimum group size, whose rows are hidden (every row, seat and report belongs to a tool)
   */
  spendNotByToolUsd: number | null;
  beforeAfter: BeforeAfter | null;
  structure: { byLayer: StructureRow[]; byLevel: StructureRow[]; bySpanBand: StructureRow[] } | null;
  /** names of the figures suppressed under the minimum group size (the contract's `suppressed`) */
  suppressedFigures: string[];
  /** the minimum group size the figures were suppressed under (the reader's notes name it) */
  minGroupSize: number;
  notes: string[];
}

/** The per-person facts, tool uses and seats of the period on the snapshot's tree. */
export interface PayoffFacts {
  facts: PersonFacts;
  uses: ToolUse[];
  seats: ToolSeat[];
  /** identity -> node (-1 = nobody), for data outside the period (before/after) */
  nodeOf: (k: IdentityKeys) => number;
  nodeOfLogin: (login: string) => number;
  hasSpendData: boolean;
}

/** Joins every identity of the period to a node of the snapshot (-1 = nobody) and builds the facts. */
export function buildPayoffFacts(input: PayoffInput, index: IdentityIndex): PayoffFacts {
  const { tree } = index;
  const memo = new Map<string, number>();
  const nodeOf = (k: IdentityKeys): number => {
    const key = `${k.employeeId ?? ''}|${k.githubLogin ?? ''}|${k.email ?? ''}`;
    let v = memo.get(key);
    if (v === undefined) {
      const m = matchIdentity(index, k, input.manual);
      v = m.status === 'matched' ? m.index : -1;
      memo.set(key, v);
    }
    return v;
  };
  const nodeOfLogin = (login: string) => nodeOf({ employeeId: null, githubLogin: login, email: null });
  const facts = emptyFacts(tree.size);
  for (let i = 0; i < tree.size; i++)
    if (tree.records[i]?.githubLogin && tree.kind[i] !== NodeKind.vacant && tree.aggregated[i] !== 1)
      facts.engineer[i] = 1;
  const months = monthsCovered(input.period.from, input.period.to);
  let hasSpendData = false;
  const uses: ToolUse[] = input.tools.map((r) => {
    const node = nodeOf(r);
    if (node >= 0) {
      facts.engineer[node] = 1;
      if (r.active) facts.user[node] = 1;
      facts.spend[node] = (facts.spend[node] ?? 0) + r.usageSpendUsd;
    }
    hasSpendData ||= r.hasSpend;
    return {
      tool: r.tool,
      node,
      identity: identityKey(r),
      active: r.active,
      activeDays: r.activeDays,
      linesAi: r.linesAi,
      linesAiWithTotal: r.linesAiWithTotal,
      linesTotal: r.linesTotal,
      hasLinesTotal: r.hasLinesTotal,
      agentUses: r.agentUses,
      aiCredits: r.aiCredits,
      hasCredits: r.hasCredits,
      usageSpendUsd: r.usageSpendUsd,
    };
  });
  const seats: ToolSeat[] = dedupeSeats(input.seats).map((s) => {
    const node = nodeOf({ employeeId: null, githubLogin: s.githubLogin, email: s.email });
    if (node >= 0 && s.monthlyCostUsd !== null) {
      facts.spend[node] = (facts.spend[node] ?? 0) + s.monthlyCostUsd * months;
      facts.seatSpend[node] = (facts.seatSpend[node] ?? 0) + s.monthlyCostUsd * months;
      hasSpendData = true;
    }
    return { tool: s.tool, node, monthlyCostUsd: s.monthlyCostUsd };
  });
  facts.cycles = foldPrAuthors(input.prAuthors, nodeOfLogin, facts, (node) => {
    facts.engineer[node] = 1;
  });
  return { facts, uses, seats, nodeOf, nodeOfLogin, hasSpendData };
}

const NO_SNAPSHOT =
  'Organisation-wide tool figures only: teams, AI users against non-users and cost per engineer need an org snapshot (import one on the Data page).';

/** Tool figures of the whole organisation without an org snapshot (each identity counts as itself). */
function orgOnly(input: PayoffInput): AiPayoff {
  const uses: ToolUse[] = input.tools.map((r) => ({ ...r, node: -1, identity: identityKey(r) }));
  const seats: ToolSeat[] = dedupeSeats(input.seats).map((s) => ({
    tool: s.tool,
    node: -1,
    monthlyCostUsd: s.monthlyCostUsd,
  }));
  const t = computeToolFigures(uses, seats, input.reports, () => false, {
    wholeOrg: true,
    engineers: null,
    prsMerged: input.hasPrData ? input.prsAll : null,
    period: input.period,
    minGroupSize: input.minGroupSize,
  });
  return {
    period: input.period,
    headline: input.hasUsageData
      ? NO_SNAPSHOT
      : 'No AI-usage data for this period: import tool reports to see who uses AI.',
    caveat: CAVEAT,
    hasPrData: input.hasPrData,
    hasUsageData: input.hasUsageData,
    hasPersonUsage: input.tools.length > 0,
    unit: null,
    figures: null,
    byTool: t.tools,
    spendNotByToolUsd: null,
    beforeAfter: null,
    structure: null,
    suppressedFigures: t.suppressed,
    minGroupSize: input.minGroupSize,
    notes: [NO_SNAPSHOT],
  };
}

/** The shared figures of the unit from its usage roll-up, its engineers' PRs and its seats. */
function unitFigures(
  input: PayoffInput,
  pf: PayoffFacts,
  nodes: readonly number[],
  counts: (node: number) => boolean,
  people: UnitDelivery,
): SharedAiFigures {
  const months = monthsCovered(input.period.from, input.period.to);
  let seatSpend = 0;
  for (const s of pf.seats) if (counts(s.node)) seatSpend += (s.monthlyCostUsd ?? 0) * months;
  let unjoined = 0;
  for (const u of pf.uses) if (u.node < 0 && counts(u.node)) unjoined += u.usageSpendUsd;
  const sums = sumGroup(pf.facts, nodes, () => true);
  return sharedAiFigures({
    period: input.period,
    usage: input.usage,
    prs: input.hasPrData
      ? {
          merged: sums.prs,
          aiAssisted: sums.aiPrs,
          cycles: sums.cycles,
          mergedForCost: input.nodes === null ? input.prsAll : sums.prs,
        }
      : null,
    seatSpendUsd: seatSpend,
    unjoinedSpendUsd: unjoined,
    hasSpendData: pf.hasSpendData,
    usersVsNonUsers: people.usersVsNonUsers,
  });
}

/**
 * The answer for the unit (before/after is added by the caller, which needs a second query once
 * the unit's adoption week is known). Returns the facts too, for per-manager tables. `built` = the
 * period's facts when the caller keeps them (buildPayoffFacts of the same input; only read here).
 */
export function computeAiPayoff(
  input: PayoffInput,
  built?: PayoffFacts,
): { payoff: AiPayoff; facts: PayoffFacts | null } {
  const { index } = input;
  if (index === null) return { payoff: orgOnly(input), facts: null };
  const pf = built ?? buildPayoffFacts(input, index);
  const { tree } = index;
  const nodes = unitNodes(tree.size, input.nodes);
  const opts = {
    hasPrData: input.hasPrData,
    hasSpendData: pf.hasSpendData,
    minGroupSize: input.minGroupSize,
  };
  const people = computeUnitDelivery(pf.facts, nodes, input.period, opts);
  const wholeOrg = input.nodes === null;
  const member = wholeOrg ? null : new Set(nodes);
  const counts = (n: number) => (n < 0 ? wholeOrg : member === null || member.has(n));
  const figures = unitFigures(input, pf, nodes, counts, people);
  // The unit's figures are the shared ones; `people` keeps the groups (and the floor) it was built on.
  const unit: UnitDelivery = {
    ...people,
    delivery: {
      prsMerged: figures.prsMerged,
      prsPerEngineerWeek: figures.prsPerEngineerWeek,
      medianCycleTimeHours: figures.medianCycleTimeHours,
      aiAssistedPrShare: figures.aiAssistedPrShare,
    },
    spendPerEngineerMonth: figures.spendPerEngineerMonth,
    spendUsd: figures.spendUsd ?? 0,
  };
  const tools = computeToolFigures(
    pf.uses,
    pf.seats,
    input.reports,
    (n) => member === null || member.has(n),
    {
      wholeOrg,
      engineers: figures.engineers,
      // the denominator of the tile's cost per merged PR (./ai-figures.ts), so the two agree
      prsMerged: figures.prsForCost,
      period: input.period,
      minGroupSize: input.minGroupSize,
    },
  );

  let shownToolSpend = 0;
  for (const t of tools.tools) if (!('suppressed' in t)) shownToolSpend += t.spendUsd;

  const structure = {
    byLayer: structureBreakdown(pf.facts, nodes, (i) => String(tree.layer[i] ?? 0), null, input.period, opts),
    byLevel: structureBreakdown(
      pf.facts,
      nodes,
      (i) => managerialLevel(tree, i, input.execLayers),
      LEVEL_ORDER,
      input.period,
      opts,
    ),
    bySpanBand: structureBreakdown(
      pf.facts,
      nodes,
      (i) => teamSpanBand(tree, i),
      BAND_ORDER,
      input.period,
      opts,
    ),
  };
  const notes: string[] = [];
  if (wholeOrg && input.prsAll > (people.delivery.prsMerged ?? 0) && input.hasPrData)
    notes.push(
      `${input.prsAll - (people.delivery.prsMerged ?? 0)} of ${input.prsAll} pull requests merged in the period have an author joined to no employee; they count in the organisation's cost per merged PR, not in any team's figures.`,
    );
  return {
    payoff: {
      period: input.period,
      headline: headline(
        { ...unit, engineers: figures.engineers, users: figures.activeUsers },
        {
          hasPrData: input.hasPrData,
          prPartialFrom: input.prPartialFrom,
          hasUsageData: input.hasUsageData,
          minGroupSize: input.minGroupSize,
          hasPersonUsage: input.tools.length > 0,
        },
      ),
      caveat: CAVEAT,
      hasPrData: input.hasPrData,
      hasUsageData: input.hasUsageData,
      hasPersonUsage: input.tools.length > 0,
      unit,
      figures,
      byTool: tools.tools,
      spendNotByToolUsd: figures.spendUsd === null ? null : roundTo(figures.spendUsd - shownToolSpend, 2),
      beforeAfter: null,
      structure,
      suppressedFigures: [...unit.suppressed, ...tools.suppressed],
      minGroupSize: input.minGroupSize,
      notes,
    },
    facts: pf,
  };
}

export interface PayoffManagerRow {
  id: string;
  name: string | null;
  span: number;
  layer: number;
  engineers: number;
  figures: {
    adoption: number;
    prsPerEngineerWeek: number | null;
    spendPerEngineerMonth: number | null;
  } | null;
}

export const MAX_PAYOFF_MANAGERS = 500;

/**
 * Each manager of the unit with their subtree's adoption, throughput and AI spend per engineer per
 * month beside their span and layer (most engineers first). `shown(i)` is the reader's floor on
 * engineer counts and `named(i)` the label rule; a manager who may not be named is only counted.
 */
export function payoffManagers(
  tree: IdentityIndex['tree'],
  pf: PayoffFacts,
  managers: readonly number[],
  opts: {
    shown: (i: number) => boolean;
    named: (i: number) => boolean;
    /** the shared figures of a manager's subtree (./ai-figures.ts subtreeFigures), as the tiles */
    figuresOf: (i: number) => SharedAiFigures;
  },
): { rows: PayoffManagerRow[]; unnamed: number } {
  // engineers here (who is listed, the floor) stay people-level, as before; the figures are shared
  const sums = subtreeSums(tree, pf.facts);
  const rows: PayoffManagerRow[] = [];
  let unnamed = 0;
  for (const i of managers) {
    const eng = sums.engineers[i] ?? 0;
    if (eng === 0) continue;
    if (!opts.named(i)) {
      unnamed++;
      continue;
    }
    const r = tree.records[i];
    const f = opts.shown(i) ? opts.figuresOf(i) : null;
    rows.push({
      id: r?.employeeId ?? '',
      name: r?.name ?? null,
      span: tree.span[i] ?? 0,
      layer: tree.layer[i] ?? 0,
      engineers: eng,
      figures: f
        ? {
            adoption: f.adoption ?? 0,
            prsPerEngineerWeek: f.prsPerEngineerWeek,
            spendPerEngineerMonth: f.spendPerEngineerMonth,
          }
        : null,
    });
  }
  rows.sort((a, b) => b.engineers - a.engineers || a.id.localeCompare(b.id));
  return { rows: rows.slice(0, MAX_PAYOFF_MANAGERS), unnamed };
}
