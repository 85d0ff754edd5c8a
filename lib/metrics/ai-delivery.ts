/**
 * Does AI pay off here? Delivery of AI users against non-users, before/after a unit's adoption,
 * per-tool figures and AI against structure (SPEC "AI productivity"). Pure: per-person facts come
 * in on the nodes of one org tree (the DAL aggregates them in SQL, person by person).
 * - engineers of a unit = its people with a GitHub login or another AI-tool identity (joined usage
 *   or joined pull requests in the period); AI users = those engineers active in any AI tool in the
 *   period; non-users = the other engineers.
 * - throughput = PRs merged / engineers / weeks, weeks = period days / 7.
 * - PR cycle time = merged_at - created_at in hours, of the PRs merged in the period, by author;
 *   the median over all those PRs of the group (not a median of per-person medians).
 * - AI-assisted PR share = AI-assisted PRs / PRs merged.
 * - a group under the minimum size is suppressed, and so is its complement (users and non-users
 *   partition the unit's engineers, so one is derivable from the other and the unit's total).
 * - cycle time "unchanged" = the two medians within 5% of each other (UNCHANGED_WITHIN).
 * - adoption date of a unit = the Monday of the first week in which at least half of its
 *   engineers were AI-active (ADOPTION_THRESHOLD); before/after compare equal windows of whole
 *   weeks on each side of it (at most BEFORE_AFTER_MAX_WEEKS, at least BEFORE_AFTER_MIN_WEEKS).
 */
import { daysInclusive, monthsCovered } from '@/lib/metrics/ai';
import { computeMedian, roundTo } from '@/lib/metrics/numbers';
import { NodeKind } from '@/lib/metrics/roles';
import { findSpanBand, SPAN_BANDS } from '@/lib/metrics/spans';
import type { OrgTree } from '@/lib/metrics/tree';
import { planPartition } from '@/lib/privacy/floor';

export const UNCHANGED_WITHIN = 0.05;
export const ADOPTION_THRESHOLD = 0.5;
export const BEFORE_AFTER_MAX_WEEKS = 8;
export const BEFORE_AFTER_MIN_WEEKS = 2;

/** What is known about each person (tree node) for one period. Arrays are indexed by node. */
export interface PersonFacts {
  /** 1 = engineer (GitHub login on record, or joined AI usage or pull requests in the period) */
  engineer: Uint8Array;
  /** 1 = active in any AI tool in the period */
  user: Uint8Array;
  /** PRs merged in the period, by author */
  prs: Float64Array;
  /** of which AI-assisted */
  aiPrs: Float64Array;
  /** AI spend of the person in the period (usage, credits billed and seats), USD */
  spend: Float64Array;
  /** of which seats in force (monthly price x months of the period), USD */
  seatSpend: Float64Array;
  /** cycle times (hours) of the person's PRs merged in the period */
  cycles: ReadonlyMap<number, readonly number[]>;
}

export function emptyFacts(size: number): PersonFacts {
  return {
    engineer: new Uint8Array(size),
    user: new Uint8Array(size),
    prs: new Float64Array(size),
    aiPrs: new Float64Array(size),
    spend: new Float64Array(size),
    seatSpend: new Float64Array(size),
    cycles: new Map(),
  };
}

export interface Period {
  from: string;
  to: string;
}

export const periodWeeks = (p: Period): number => daysInclusive(p.from, p.to) / 7;

/**
 * Days into a period the imported pull requests may begin and still count as covering it: a
 * history that starts on the first merge after a weekend or a holiday covers the period, one that
 * starts weeks in does not.
 */
export const PR_START_GRACE_DAYS = 7;

/**
 * How the imported pull requests (first and last merge day, null = none) cover a period:
 * 'none' = no merge in it; 'partial' = the history begins more than PR_START_GRACE_DAYS after the
 * period starts, so its PR figures would count only part of it (a throughput near zero, a cost per
 * merged PR many times the real one); 'whole' otherwise. Only the start is judged: usage reports and
 * pull requests are downloaded together, so a period after the last merge is as incomplete for both.
 */
export function prCoverage(
  range: { from: string | null; to: string | null },
  period: Period,
): 'none' | 'partial' | 'whole' {
  if (range.from === null || range.to === null || range.from > period.to || range.to < period.from)
    return 'none';
  return daysInclusive(period.from, range.from) - 1 > PR_START_GRACE_DAYS ? 'partial' : 'whole';
}

export interface DeliveryFigures {
  engineers: number;
  prsMerged: number;
  /** null when there is no pull-request data for the period */
  prsPerEngineerWeek: number | null;
  medianCycleTimeHours: number | null;
}

/** Sums of a group of people. */
export interface GroupSums {
  engineers: number;
  users: number;
  prs: number;
  aiPrs: number;
  spend: number;
  cycles: number[];
}

/** Sums over the engineers among `nodes` that `keep` accepts. */
export function sumGroup(
  facts: PersonFacts,
  nodes: Iterable<number>,
  keep: (i: number) => boolean,
): GroupSums {
  const g: GroupSums = { engineers: 0, users: 0, prs: 0, aiPrs: 0, spend: 0, cycles: [] };
  for (const i of nodes) {
    if (facts.engineer[i] !== 1 || !keep(i)) continue;
    g.engineers++;
    g.users += facts.user[i] ?? 0;
    g.prs += facts.prs[i] ?? 0;
    g.aiPrs += facts.aiPrs[i] ?? 0;
    g.spend += facts.spend[i] ?? 0;
    const c = facts.cycles.get(i);
    if (c) for (const h of c) g.cycles.push(h);
  }
  return g;
}

function figures(g: GroupSums, weeks: number, hasPrData: boolean): DeliveryFigures {
  const median = computeMedian(g.cycles);
  return {
    engineers: g.engineers,
    prsMerged: g.prs,
    prsPerEngineerWeek:
      hasPrData && g.engineers > 0 && weeks > 0 ? roundTo(g.prs / g.engineers / weeks, 4) : null,
    medianCycleTimeHours: hasPrData && median !== null ? roundTo(median, 2) : null,
  };
}

/** Every node of the unit (null = the whole tree). */
export function unitNodes(size: number, nodes: ArrayLike<number> | null): number[] {
  return nodes !== null ? Array.from(nodes) : Array.from({ length: size }, (_, i) => i);
}

export interface UnitDelivery {
  engineers: number;
  users: number;
  delivery: {
    prsMerged: number | null;
    prsPerEngineerWeek: number | null;
    medianCycleTimeHours: number | null;
    aiAssistedPrShare: number | null;
  };
  /** null = suppressed (the group or its complement is under the minimum size) */
  usersVsNonUsers: { users: DeliveryFigures | null; nonUsers: DeliveryFigures | null };
  /** AI spend per engineer per month (months = calendar months the period covers) */
  spendPerEngineerMonth: number | null;
  spendUsd: number;
  /** names of the figures suppressed under the minimum group size */
  suppressed: string[];
}

/**
 * Delivery of a unit in a period, with AI users against non-users. `hasPrData` = pull requests
 * are imported for the period (else delivery figures are null: missing, not zero).
 */
export function computeUnitDelivery(
  facts: PersonFacts,
  nodes: Iterable<number>,
  period: Period,
  opts: { hasPrData: boolean; hasSpendData: boolean; minGroupSize: number },
): UnitDelivery {
  const list = Array.from(nodes);
  const weeks = periodWeeks(period);
  const all = sumGroup(facts, list, () => true);
  const users = sumGroup(facts, list, (i) => facts.user[i] === 1);
  const nonUsers = sumGroup(facts, list, (i) => facts.user[i] !== 1);
  const small = users.engineers < opts.minGroupSize || nonUsers.engineers < opts.minGroupSize;
  const whole = figures(all, weeks, opts.hasPrData);
  const months = monthsCovered(period.from, period.to);
  return {
    engineers: all.engineers,
    users: all.users,
    delivery: {
      prsMerged: opts.hasPrData ? all.prs : null,
      prsPerEngineerWeek: whole.prsPerEngineerWeek,
      medianCycleTimeHours: whole.medianCycleTimeHours,
      aiAssistedPrShare: opts.hasPrData && all.prs > 0 ? roundTo(all.aiPrs / all.prs, 4) : null,
    },
    usersVsNonUsers: {
      users: small ? null : figures(users, weeks, opts.hasPrData),
      nonUsers: small ? null : figures(nonUsers, weeks, opts.hasPrData),
    },
    spendPerEngineerMonth:
      opts.hasSpendData && all.engineers > 0 && months > 0
        ? roundTo(all.spend / all.engineers / months, 2)
        : null,
    spendUsd: roundTo(all.spend, 2),
    suppressed: small ? ['usersVsNonUsers.users', 'usersVsNonUsers.nonUsers'] : [],
  };
}

/* ---------------------------------------------------------------- per tool */

/** What one identity's use of one tool in the period sums to (loaded per identity, then joined). */
export interface ToolUseMeasures {
  tool: string;
  active: boolean;
  activeDays: number;
  /** lines added by AI (accepted suggestions, agent and chat edits, Cascade lines ...) */
  linesAi: number;
  /** lines added by AI and all lines added, over rows that report all lines */
  linesAiWithTotal: number;
  linesTotal: number;
  hasLinesTotal: boolean;
  agentUses: number;
  aiCredits: number;
  /** whether any row reports AI credits (Cursor, Claude Code and Windsurf never do) */
  hasCredits: boolean;
  /** usage spend reported by the tool (usage-based billing, estimated cost), USD */
  usageSpendUsd: number;
}

/** One person's (or one unjoined identity's) use of one tool in the period, summed. */
export interface ToolUse extends ToolUseMeasures {
  /** tree node, or -1 for an identity joined to nobody (counts for the whole organisation only) */
  node: number;
  /** distinct identity key (for unjoined identities and for org-wide figures without a snapshot) */
  identity: string;
}

/** A paid seat in force, joined to a person (node -1 = nobody). */
export interface ToolSeat {
  tool: string;
  node: number;
  monthlyCostUsd: number | null;
}

/**
 * A team or organisation usage report of one tool in the period, as the roll-up counts it
 * (lib/metrics/ai-rollup.ts): a team row at its manager's node, an organisation row or a team row
 * whose manager is in no snapshot at -1 (the whole organisation only). Spend, active users and lines
 * accepted are what the roll-up adds from it: a team row only what no person row of the tool gives
 * for that team's people, an organisation row only what the tool's person and team rows lack (so a
 * person counted in `uses` is never counted again through a report).
 */
export interface ToolReport {
  tool: string;
  node: number;
  spendUsd: number;
  activeUsers: number;
  /** lines accepted (lines added by AI) */
  linesAi: number;
}

export interface ToolFigures {
  tool: string;
  activeUsers: number;
  /** active users / engineers of the unit (null without engineers, e.g. no org snapshot) */
  adoption: number | null;
  activeDays: number;
  /** mean active days per active user */
  activeDaysPerUser: number | null;
  linesAddedByAi: number;
  /** AI lines / all lines, where the tool reports all lines; null otherwise */
  aiShareOfCode: number | null;
  agentUses: number;
  /** AI credits of the tool's people; null when no row of the tool in the unit and period reports any */
  aiCredits: number | null;
  /** usage spend of the tool's people (person rows), USD */
  usageSpendUsd: number;
  seatCostUsd: number;
  seats: number;
  /** spend of the tool's team and organisation reports in the unit (ToolReport), USD */
  reportSpendUsd: number;
  /** seats + person usage + team and organisation reports for the period */
  spendUsd: number;
  /** spend / PRs merged by the unit's engineers in the period */
  costPerMergedPr: number | null;
}

/**
 * Per-tool figures of a unit. `inUnit(node)` says whether a joined person (or a team report's
 * manager) belongs to the unit; identities and reports joined to nobody (node -1) count only when
 * `wholeOrg`. Active users = distinct people + the active users the tool's reports give (as the
 * roll-up counts them), so a tool reported only per team has a row too. A tool used by fewer than
 * the minimum group size is suppressed (its figures describe that handful of people). The rows'
 * spend adds up to the unit's AI spend (lib/views/ai-figures.ts): every usage row, seat and report
 * belongs to one tool.
 */
export function computeToolFigures(
  uses: readonly ToolUse[],
  seats: readonly ToolSeat[],
  reports: readonly ToolReport[],
  inUnit: (node: number) => boolean,
  opts: {
    wholeOrg: boolean;
    engineers: number | null;
    prsMerged: number | null;
    period: Period;
    minGroupSize: number;
  },
): { tools: Array<ToolFigures | { tool: string; suppressed: true }>; suppressed: string[] } {
  const counts = (node: number) => (node < 0 ? opts.wholeOrg : inUnit(node));
  const byTool = new Map<string, ToolUse[]>();
  for (const u of uses) {
    if (!counts(u.node)) continue;
    const l = byTool.get(u.tool);
    if (l) l.push(u);
    else byTool.set(u.tool, [u]);
  }
  const seatsByTool = new Map<string, ToolSeat[]>();
  for (const s of seats) {
    if (!counts(s.node)) continue;
    const l = seatsByTool.get(s.tool);
    if (l) l.push(s);
    else seatsByTool.set(s.tool, [s]);
  }
  const reported = new Map<string, { spend: number; users: number; lines: number }>();
  for (const r of reports) {
    if (!counts(r.node)) continue;
    const t = reported.get(r.tool) ?? { spend: 0, users: 0, lines: 0 };
    t.spend += r.spendUsd;
    t.users += r.activeUsers;
    t.lines += r.linesAi;
    reported.set(r.tool, t);
  }
  const months = monthsCovered(opts.period.from, opts.period.to);
  const tools: Array<ToolFigures | { tool: string; suppressed: true }> = [];
  const suppressed: string[] = [];
  const names = new Set([...byTool.keys(), ...seatsByTool.keys(), ...reported.keys()]);
  for (const tool of [...names].sort()) {
    const list = byTool.get(tool) ?? [];
    const active = new Set<string>();
    let activeDays = 0;
    let linesAi = 0;
    let linesAiT = 0;
    let linesTotal = 0;
    let hasTotal = false;
    let agent = 0;
    let credits = 0;
    let hasCredits = false;
    let usage = 0;
    for (const u of list) {
      if (u.active) active.add(u.node >= 0 ? `n:${u.node}` : u.identity);
      activeDays += u.activeDays;
      linesAi += u.linesAi;
      linesAiT += u.linesAiWithTotal;
      linesTotal += u.linesTotal;
      hasTotal ||= u.hasLinesTotal;
      agent += u.agentUses;
      credits += u.aiCredits;
      hasCredits ||= u.hasCredits;
      usage += u.usageSpendUsd;
    }
    const report = reported.get(tool) ?? { spend: 0, users: 0, lines: 0 };
    const activeUsers = active.size + report.users;
    if (activeUsers < opts.minGroupSize) {
      tools.push({ tool, suppressed: true });
      suppressed.push(`byTool.${tool}`);
      continue;
    }
    const toolSeats = seatsByTool.get(tool) ?? [];
    let seatMonthly = 0;
    for (const s of toolSeats) seatMonthly += s.monthlyCostUsd ?? 0;
    const seatCost = seatMonthly * months;
    const spend = usage + seatCost + report.spend;
    tools.push({
      tool,
      activeUsers,
      adoption: opts.engineers ? roundTo(activeUsers / opts.engineers, 4) : null,
      activeDays,
      // active days are reported per person only
      activeDaysPerUser: active.size > 0 ? roundTo(activeDays / active.size, 2) : null,
      linesAddedByAi: linesAi + report.lines,
      aiShareOfCode: hasTotal && linesTotal > 0 ? roundTo(linesAiT / linesTotal, 4) : null,
      agentUses: agent,
      aiCredits: hasCredits ? roundTo(credits, 2) : null,
      usageSpendUsd: roundTo(usage, 2),
      seatCostUsd: roundTo(seatCost, 2),
      seats: toolSeats.length,
      reportSpendUsd: roundTo(report.spend, 2),
      spendUsd: roundTo(spend, 2),
      costPerMergedPr: opts.prsMerged ? roundTo(spend / opts.prsMerged, 2) : null,
    });
  }
  return { tools, suppressed };
}

/* ------------------------------------------------------ before / after adoption */

/** Monday (YYYY-MM-DD) of the ISO week holding a day. */
export function weekStart(day: string): string {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The adoption date of a unit: the Monday of the first week (oldest first) in which the AI-active
 * engineers reach ADOPTION_THRESHOLD of its engineers. `activeByWeek` = week Monday -> nodes
 * active that week; only the unit's engineers count. null = never reached.
 */
export function adoptionWeek(
  activeByWeek: ReadonlyMap<string, readonly number[]>,
  isEngineer: (node: number) => boolean,
  engineers: number,
): string | null {
  if (engineers <= 0) return null;
  for (const week of [...activeByWeek.keys()].sort()) {
    const seen = new Set<number>();
    for (const n of activeByWeek.get(week) ?? []) if (isEngineer(n)) seen.add(n);
    if (seen.size / engineers >= ADOPTION_THRESHOLD) return week;
  }
  return null;
}

/** A merged PR of one of the unit's engineers. */
export interface MergedPr {
  node: number;
  /** merge day YYYY-MM-DD */
  merged: string;
  cycleHours: number;
}

export interface BeforeAfter {
  adoptionWeek: string | null;
  weeks: number;
  before: (Period & { prsPerEngineerWeek: number; medianCycleTimeHours: number | null }) | null;
  after: (Period & { prsPerEngineerWeek: number; medianCycleTimeHours: number | null }) | null;
  /** why there is no comparison (never adopted, too little data on one side) */
  missing: string | null;
}

/**
 * Windows of the same number of whole weeks before and after the adoption week: as many weeks as
 * both sides have data for (PR data from `dataFrom`, up to `dataTo`), at most
 * BEFORE_AFTER_MAX_WEEKS; fewer than BEFORE_AFTER_MIN_WEEKS = no comparison. Throughput counts
 * PRs merged in the window by the unit's engineers (the same people on both sides).
 */
export function computeBeforeAfter(
  week: string | null,
  prs: readonly MergedPr[],
  engineers: number,
  data: { from: string | null; to: string | null },
): BeforeAfter {
  const none = (missing: string): BeforeAfter => ({
    adoptionWeek: week,
    weeks: 0,
    before: null,
    after: null,
    missing,
  });
  if (week === null)
    return none(`AI users never reached ${ADOPTION_THRESHOLD * 100}% of the engineers here in any week.`);
  if (data.from === null || data.to === null)
    return none('No pull-request data to compare before and after.');
  const weeksBefore = Math.floor((daysInclusive(data.from, week) - 1) / 7);
  const weeksAfter = Math.floor(daysInclusive(week, data.to) / 7);
  const weeks = Math.min(BEFORE_AFTER_MAX_WEEKS, weeksBefore, weeksAfter);
  if (weeks < BEFORE_AFTER_MIN_WEEKS)
    return {
      ...none(
        `Adoption in the week of ${week} leaves fewer than ${BEFORE_AFTER_MIN_WEEKS} whole weeks of pull-request data on one side.`,
      ),
      weeks,
    };
  const side = (from: string, to: string) => {
    const cycles: number[] = [];
    let n = 0;
    for (const p of prs) {
      if (p.merged < from || p.merged > to) continue;
      n++;
      cycles.push(p.cycleHours);
    }
    const median = computeMedian(cycles);
    return {
      from,
      to,
      prsPerEngineerWeek: engineers > 0 ? roundTo(n / engineers / weeks, 4) : 0,
      medianCycleTimeHours: median === null ? null : roundTo(median, 2),
    };
  };
  return {
    adoptionWeek: week,
    weeks,
    before: side(addDays(week, -7 * weeks), addDays(week, -1)),
    after: side(week, addDays(week, 7 * weeks - 1)),
    missing: null,
  };
}

/* ------------------------------------------------------ AI against structure */

export interface StructureRow {
  key: string;
  engineers: number;
  /** null = suppressed (under the minimum size, or the complement of one that is) */
  figures: {
    adoption: number;
    prsPerEngineerWeek: number | null;
    spendPerEngineerMonth: number | null;
  } | null;
}

export type ManagerialLevel = 'executive' | 'managerOfManagers' | 'managerOfIcs' | 'ic';

/** The managerial level of a person (executive = a manager in the top execLayers layers). */
export function managerialLevel(tree: OrgTree, i: number, execLayers: number): ManagerialLevel {
  const kind = tree.kind[i];
  if (kind === NodeKind.ic) return 'ic';
  if ((tree.layer[i] ?? 1) <= execLayers) return 'executive';
  return kind === NodeKind.managerOfManagers ? 'managerOfManagers' : 'managerOfIcs';
}

/** The span band of the team a person sits in (their manager's span); roots have none. */
export function teamSpanBand(tree: OrgTree, i: number): string {
  const p = tree.parent[i] ?? -1;
  return p < 0 ? 'no manager' : findSpanBand(tree.span[p] ?? 0);
}

/**
 * Engineers of the unit grouped by a key (layer, managerial level, span band of their team), with
 * adoption, throughput and spend per engineer per month. Groups form a partition of the unit's
 * engineers shown beside its total, so the floor hides small groups and their complement
 * (lib/privacy/floor.ts planPartition).
 */
export function structureBreakdown(
  facts: PersonFacts,
  nodes: Iterable<number>,
  keyOf: (i: number) => string,
  order: readonly string[] | null,
  period: Period,
  opts: { hasPrData: boolean; hasSpendData: boolean; minGroupSize: number },
): StructureRow[] {
  const groups = new Map<string, number[]>();
  for (const i of nodes) {
    if (facts.engineer[i] !== 1) continue;
    const k = keyOf(i);
    const l = groups.get(k);
    if (l) l.push(i);
    else groups.set(k, [i]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (order) return order.indexOf(a) - order.indexOf(b);
    return Number(a) - Number(b) || a.localeCompare(b);
  });
  const sums = keys.map((k) => sumGroup(facts, groups.get(k) ?? [], () => true));
  const total = sums.reduce((s, g) => s + g.engineers, 0);
  const plan = planPartition(
    sums.map((g) => g.engineers),
    total,
    opts.minGroupSize,
  );
  const weeks = periodWeeks(period);
  const months = monthsCovered(period.from, period.to);
  return keys.map((key, k) => {
    const g = sums[k] as GroupSums;
    return {
      key,
      engineers: g.engineers,
      figures:
        plan.visible[k] === 1
          ? {
              adoption: roundTo(g.users / g.engineers, 4),
              prsPerEngineerWeek: opts.hasPrData ? roundTo(g.prs / g.engineers / weeks, 4) : null,
              spendPerEngineerMonth: opts.hasSpendData ? roundTo(g.spend / g.engineers / months, 2) : null,
            }
          : null,
    };
  });
}

export const LEVEL_ORDER: readonly ManagerialLevel[] = [
  'executive',
  'managerOfManagers',
  'managerOfIcs',
  'ic',
];
export const BAND_ORDER: readonly string[] = [...SPAN_BANDS, 'no manager'];

/** Subtree sums per node (the node and everyone below): engineers, users, PRs, spend. */
export function subtreeSums(
  tree: OrgTree,
  facts: PersonFacts,
): { engineers: Float64Array; users: Float64Array; prs: Float64Array; spend: Float64Array } {
  const n = tree.size;
  const engineers = new Float64Array(n);
  const users = new Float64Array(n);
  const prs = new Float64Array(n);
  const spend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (facts.engineer[i] !== 1) continue;
    engineers[i] = 1;
    users[i] = facts.user[i] ?? 0;
    prs[i] = facts.prs[i] ?? 0;
    spend[i] = facts.spend[i] ?? 0;
  }
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const v = tree.order[k] ?? 0;
    const p = tree.parent[v] ?? -1;
    if (p < 0) continue;
    engineers[p] = (engineers[p] ?? 0) + (engineers[v] ?? 0);
    users[p] = (users[p] ?? 0) + (users[v] ?? 0);
    prs[p] = (prs[p] ?? 0) + (prs[v] ?? 0);
    spend[p] = (spend[p] ?? 0) + (spend[v] ?? 0);
  }
  return { engineers, users, prs, spend };
}

/* ------------------------------------------------------------ the headline */

const pctDiff = (a: number, b: number) => (b === 0 ? null : a / b - 1);

export const CAVEAT = 'A comparison, not a proof of cause: AI users may differ from non-users in other ways.';

/** The plain-words answer for a unit; when figures are missing or suppressed it says which. */
export function headline(
  d: UnitDelivery,
  opts: {
    hasPrData: boolean;
    hasUsageData: boolean;
    minGroupSize: number;
    hasPersonUsage?: boolean;
    /** the first merge day when the imported pull requests begin part-way through the period */
    prPartialFrom?: string | null;
  },
): string {
  const cost =
    d.spendPerEngineerMonth !== null
      ? `, at $${Math.round(d.spendPerEngineerMonth)} per engineer per month`
      : '';
  if (!opts.hasUsageData) return 'No AI-usage data for this period: import tool reports to see who uses AI.';
  if (d.engineers === 0)
    return 'No engineers here: nobody in this unit has a GitHub login or an AI-tool identity joined to them.';
  if (opts.hasPersonUsage === false)
    return `AI usage for this period is reported per team or organisation only, so AI users cannot be told apart from non-users: import per-user reports (GitHub Copilot user reports, Cursor, Claude Code, Windsurf).`;
  const adoption = `${d.users} of ${d.engineers} engineers used AI tools in this period${cost}`;
  if (!opts.hasPrData && opts.prPartialFrom)
    return `${adoption}. The imported pull requests begin on ${opts.prPartialFrom}, part-way through this period, so AI users are not compared with non-users here: choose a period from that day on, or import the earlier pull requests.`;
  if (!opts.hasPrData)
    return `${adoption}. No pull-request data for this period, so AI users cannot be compared with non-users: import GitHub pull requests.`;
  const { users: u, nonUsers: n } = d.usersVsNonUsers;
  if (u === null || n === null)
    return `${adoption}. AI users and non-users are not compared here: one of the two groups has fewer than ${opts.minGroupSize} engineers (the minimum group size).`;
  const parts: string[] = [];
  const t =
    u.prsPerEngineerWeek !== null && n.prsPerEngineerWeek !== null
      ? pctDiff(u.prsPerEngineerWeek, n.prsPerEngineerWeek)
      : null;
  const groups = `(${u.engineers} vs ${n.engineers} engineers)`;
  if (t === null)
    parts.push(
      `AI users here merge ${u.prsPerEngineerWeek ?? 0} PRs per engineer per week, non-users none ${groups}`,
    );
  else if (Math.abs(t) <= UNCHANGED_WITHIN)
    parts.push(`AI users here merge about as many PRs per week as non-users ${groups}`);
  else
    parts.push(
      `AI users here merge ${Math.round(Math.abs(t) * 100)}% ${t > 0 ? 'more' : 'fewer'} PRs per week than non-users ${groups}`,
    );
  const c =
    u.medianCycleTimeHours !== null && n.medianCycleTimeHours !== null
      ? pctDiff(u.medianCycleTimeHours, n.medianCycleTimeHours)
      : null;
  const cycle =
    c === null
      ? 'cycle time not comparable (a group merged no PRs)'
      : Math.abs(c) <= UNCHANGED_WITHIN
        ? 'cycle time unchanged'
        : `cycle time ${Math.round(Math.abs(c) * 100)}% ${c < 0 ? 'shorter' : 'longer'}`;
  return `${parts[0]}${cost}; ${cycle}.`;
}
