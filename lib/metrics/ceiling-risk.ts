/**
 * IC-ceiling risk (SPEC "Ladder"): a 0-100 score per declared IC with the reasons shown.
 * Reasons and default weights (sum 100; the score is the weighted share of reasons that hold, so
 * custom weights need not sum to 100):
 *   atUnitCeiling     30  holds the highest IC level in their department: no IC rung above them here
 *   atLadderTop       20  holds the top IC rung of the whole ladder: no rung above them anywhere
 *   longInLevel       30  time in level above the p75 of months-in-level-before-promotion for their
 *                         level (needs >= 5 samples), else above 24 months
 *   noPromotionInWindow 20 seen in at least two snapshots and not promoted within the window
 *                         (default 24 months back from the snapshot)
 * The two ceiling reasons weigh 50 together and the two stagnation reasons 50: being at the top is
 * only a risk signal together with standing still. Named people only (aggregated rows are groups).
 *
 * The reasons give whole scores in steps of 10 or more, so many people tie (everyone at their
 * unit's ceiling and long in level scores 80). A bounded continuous part breaks those ties:
 *   pressure = (stay + closeness) / 2, in [0, 1]
 *     stay      = months in level / (months in level + typical months), typical = the level's p75
 *                 (or 24 months, as for longInLevel); 0.5 at the typical time, towards 1 beyond it
 *     closeness = 1 / (1 + IC rungs (distinct IC ranks) above the person's level up to their unit's
 *                 ceiling); 1 at the ceiling
 *   score = reason score + 0.9 x pressure (one decimal) for anyone with a reason, else 0; an IC
 *   with every reason (100) gets 99.1 + 0.9 x pressure, so the scale stays 0-100.
 * The added part is under one point: it orders people with the same reasons and never moves a
 * person across a whole-number threshold (high risk = 60 or more means the same reasons as before).
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { findPerson, isPerson } from '@/lib/metrics/snapshot';
import type { LevelHistory, PromotionSample, PromotionVelocityRow } from '@/lib/metrics/time-in-level';
import {
  computePromotionVelocity,
  computeTimeInLevel,
  createLevelHistory,
  findSpell,
  spellsOf,
} from '@/lib/metrics/time-in-level';
import { computeLadderMetrics, isOnIcLadder } from '@/lib/metrics/ladder';
import { getTopIcRank, listIcRanks } from '@/lib/ladders/ladder-facts';
import { monthsBetween } from '@/lib/metrics/dates';
import { divideOrNull, roundTo } from '@/lib/metrics/numbers';
import { TrackCode } from '@/lib/metrics/tracks';
import { NodeKind } from '@/lib/metrics/roles';

export type CeilingRiskReason = 'atUnitCeiling' | 'atLadderTop' | 'longInLevel' | 'noPromotionInWindow';
export type CeilingRiskWeights = Record<CeilingRiskReason, number>;

export const DEFAULT_CEILING_RISK_WEIGHTS: CeilingRiskWeights = {
  atUnitCeiling: 30,
  atLadderTop: 20,
  longInLevel: 30,
  noPromotionInWindow: 20,
};

export interface CeilingRiskOptions {
  weights?: CeilingRiskWeights;
  /** Months in level treated as long when a level has too few promotions to measure (default 24). */
  fallbackMonths?: number;
  /** Promotions needed before a level's own p75 is trusted (default 5). */
  minSamples?: number;
  /** How far back a promotion still counts (default 24 months). */
  windowMonths?: number;
  /** Score at or above which an IC counts as high risk in unit aggregates (default 60). */
  highRiskScore?: number;
}

export interface IcCeilingRisk {
  employeeId: string;
  department: string | null;
  level: string | null;
  monthsInLevel: number | null;
  /** reason score plus the continuous tie-breaker (one decimal; see the file comment) */
  score: number;
  /** the continuous part, 0-1 (2 decimals): time in level against the typical, closeness to the unit ceiling */
  pressure: number;
  reasons: CeilingRiskReason[];
}

/** Largest share of a point the continuous part may add, so it never crosses a whole-number threshold. */
export const PRESSURE_POINTS = 0.9;

/** The continuous tie-breaker in [0, 1] (see the file comment); NaN inputs count as 0. */
export function computePressure(months: number, typicalMonths: number, rungsBelowCeiling: number): number {
  const stay = Number.isFinite(months) && months > 0 ? months / (months + typicalMonths) : 0;
  const closeness = Number.isFinite(rungsBelowCeiling) ? 1 / (1 + Math.max(0, rungsBelowCeiling)) : 0;
  return (stay + closeness) / 2;
}

/** The 0-100 score from the reasons' whole score and the pressure (one decimal). */
export function combineScore(reasonScore: number, pressure: number): number {
  if (reasonScore <= 0) return 0;
  const base = reasonScore >= 100 ? 100 - PRESSURE_POINTS : reasonScore;
  return roundTo(base + PRESSURE_POINTS * pressure, 1);
}

export interface UnitCeilingRisk {
  department: string | null;
  ics: number;
  atCeiling: number;
  highRisk: number;
  meanScore: number | null;
}

/** Group named people's indices by department (null department kept as its own unit). */
function groupUnits(snapshot: PreparedSnapshot): Map<string | null, number[]> {
  const units = new Map<string | null, number[]>();
  const { tree } = snapshot;
  for (let i = 0; i < tree.size; i++) {
    if (tree.kind[i] === NodeKind.vacant) continue;
    const d = tree.records[i]?.department ?? null;
    const list = units.get(d);
    if (list === undefined) units.set(d, [i]);
    else list.push(i);
  }
  return units;
}

/** Each department's IC ceiling (the highest IC rank held in it; null when it has no levelled IC), with its people. */
function unitCeilings(
  snapshot: PreparedSnapshot,
): Map<string | null, { nodes: number[]; ceiling: number | null }> {
  const out = new Map<string | null, { nodes: number[]; ceiling: number | null }>();
  for (const [department, nodes] of groupUnits(snapshot)) {
    const ceiling = computeLadderMetrics(
      snapshot.tree,
      snapshot.levels,
      Int32Array.from(nodes),
    ).icCeilingRank;
    out.set(department, { nodes, ceiling });
  }
  return out;
}

/** The IC ceiling rank of every department (the unit of "atUnitCeiling"); null when it has no levelled IC. */
export function findDepartmentCeilings(snapshot: PreparedSnapshot): Map<string | null, number | null> {
  return new Map([...unitCeilings(snapshot)].map(([d, u]) => [d, u.ceiling]));
}

/** Flag, per record, whether a declared IC sits at their department's IC ceiling. */
export function findUnitCeilings(snapshot: PreparedSnapshot): Uint8Array {
  const at = new Uint8Array(snapshot.tree.size);
  for (const { nodes, ceiling } of unitCeilings(snapshot).values()) {
    if (ceiling === null) continue;
    for (const i of nodes)
      if (isOnIcLadder(snapshot.levels, i) && snapshot.levels.rank[i] === ceiling) at[i] = 1;
  }
  return at;
}

/**
 * Promotion velocity of a history's samples, kept per samples list while it keeps its length (a
 * history only ever appends samples): a scenario scores its changed copy again for every operation
 * on the same history.
 */
const velocities = new WeakMap<readonly PromotionSample[], { n: number; rows: PromotionVelocityRow[] }>();

function velocityOf(samples: readonly PromotionSample[]): PromotionVelocityRow[] {
  const hit = velocities.get(samples);
  if (hit && hit.n === samples.length) return hit.rows;
  const rows = computePromotionVelocity(samples);
  velocities.set(samples, { n: samples.length, rows });
  return rows;
}

/** What scoring one IC needs besides the person: weights, windows and the ladder's and history's facts. */
export interface CeilingRiskRules {
  weights: CeilingRiskWeights;
  totalWeight: number;
  fallback: number;
  windowMonths: number;
  highRiskScore: number;
  topRank: number | null;
  icRanks: readonly number[];
  /** each IC level's p75 months before promotion (levels with enough samples) */
  p75ByLevel: ReadonlyMap<string | null, number>;
}

/** The rules computeCeilingRisk scores with, for a snapshot's ladder and a history (null: none). */
export function ceilingRiskRules(
  snapshot: PreparedSnapshot,
  history: LevelHistory | null,
  options: CeilingRiskOptions = {},
): CeilingRiskRules {
  const weights = options.weights ?? DEFAULT_CEILING_RISK_WEIGHTS;
  const minSamples = options.minSamples ?? 5;
  const p75ByLevel = new Map<string | null, number>();
  for (const row of velocityOf(history?.samples ?? [])) {
    if (row.track === 'ic' && row.promotions >= minSamples && row.p75Months !== null)
      p75ByLevel.set(row.level, row.p75Months);
  }
  return {
    weights,
    totalWeight: Object.values(weights).reduce((a, b) => a + b, 0),
    fallback: options.fallbackMonths ?? 24,
    windowMonths: options.windowMonths ?? 24,
    highRiskScore: options.highRiskScore ?? 60,
    topRank: getTopIcRank(snapshot.levels.ladder),
    icRanks: listIcRanks(snapshot.levels.ladder),
    p75ByLevel,
  };
}

/**
 * Score the declared IC at row i: `months` in level (NaN when unknown), `seen` = snapshots they
 * appear in consecutively up to this one, `ceiling` = their department's IC ceiling rank.
 */
export function scoreIc(
  snapshot: PreparedSnapshot,
  i: number,
  rules: CeilingRiskRules,
  history: LevelHistory | null,
  facts: { months: number; seen: number; ceiling: number | null },
): IcCeilingRisk {
  const { tree, levels } = snapshot;
  const { months, seen, ceiling } = facts;
  const r = tree.records[i];
  const id = r?.employeeId ?? '';
  const code = levels.code[i] ?? null;
  const onLadder = isOnIcLadder(levels, i);
  const ownRank = levels.rank[i] ?? Number.NaN;
  const reasons: CeilingRiskReason[] = [];
  if (ceiling !== null && onLadder && ownRank === ceiling) reasons.push('atUnitCeiling');
  if (onLadder && rules.topRank !== null && (levels.rank[i] ?? 0) >= rules.topRank)
    reasons.push('atLadderTop');
  if (months > (rules.p75ByLevel.get(code) ?? rules.fallback)) reasons.push('longInLevel');
  if (history !== null && seen >= 2) {
    const last = history.lastPromotion.get(id);
    const since = last === undefined ? null : monthsBetween(last, snapshot.asOf);
    if (since === null || since > rules.windowMonths) reasons.push('noPromotionInWindow');
  }
  const earned = reasons.reduce((a, reason) => a + rules.weights[reason], 0);
  const reasonScore = rules.totalWeight > 0 ? Math.round((100 * earned) / rules.totalWeight) : 0;
  const rungs =
    ceiling !== null && onLadder
      ? rules.icRanks.filter((k) => k > ownRank && k <= ceiling).length
      : Number.NaN;
  const pressure = computePressure(months, rules.p75ByLevel.get(code) ?? rules.fallback, rungs);
  return {
    employeeId: id,
    department: r?.department ?? null,
    level: code,
    monthsInLevel: Number.isNaN(months) ? null : roundTo(months, 1),
    score: combineScore(reasonScore, pressure),
    pressure: roundTo(pressure, 2),
    reasons,
  };
}

/** True for the rows computeCeilingRisk scores: declared ICs who are people (not vacant, not aggregated). */
export function isScoredIc(snapshot: PreparedSnapshot, i: number): boolean {
  return isPerson(snapshot.tree, i) && snapshot.levels.declared[i] === TrackCode.ic;
}

/** Score every declared IC in the snapshot; history (which must include the snapshot) may be null. */
export function computeCeilingRisk(
  snapshot: PreparedSnapshot,
  history: LevelHistory | null,
  options: CeilingRiskOptions = {},
): { people: IcCeilingRisk[]; units: UnitCeilingRisk[] } {
  const rules = ceilingRiskRules(snapshot, history, options);
  const { tree } = snapshot;
  const unitCeilingRank = findDepartmentCeilings(snapshot);
  // Without history, time in level still comes from level_start_date.
  const time = computeTimeInLevel(snapshot, history ?? createLevelHistory());
  const people: IcCeilingRisk[] = [];
  const own = history === null ? null : spellsOf(history, snapshot);
  for (let i = 0; i < tree.size; i++) {
    if (!isScoredIc(snapshot, i)) continue;
    const r = tree.records[i];
    const seen =
      own !== null
        ? (own.seenIn[i] ?? 0)
        : history === null
          ? 0
          : (history.spells.seenIn[findSpell(history, r?.employeeId ?? '')] ?? 0);
    const ceiling = unitCeilingRank.get(r?.department ?? null) ?? null;
    people.push(
      scoreIc(snapshot, i, rules, history, { months: time.months[i] ?? Number.NaN, seen, ceiling }),
    );
  }
  return { people, units: aggregateUnits(people, rules.highRiskScore) };
}

export function aggregateUnits(people: readonly IcCeilingRisk[], highRiskScore: number): UnitCeilingRisk[] {
  const units = new Map<string | null, { ics: number; atCeiling: number; highRisk: number; total: number }>();
  for (const p of people) {
    const u = units.get(p.department) ?? { ics: 0, atCeiling: 0, highRisk: 0, total: 0 };
    u.ics++;
    if (p.reasons.includes('atUnitCeiling')) u.atCeiling++;
    if (p.score >= highRiskScore) u.highRisk++;
    u.total += p.score;
    units.set(p.department, u);
  }
  return [...units.entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([department, u]) => ({
      department,
      ics: u.ics,
      atCeiling: u.atCeiling,
      highRisk: u.highRisk,
      meanScore: u.ics === 0 ? null : roundTo(u.total / u.ics, 1),
    }));
}

export interface CeilingLeavers {
  atCeiling: { ics: number; leavers: number; leaverRate: number | null };
  notAtCeiling: { ics: number; leavers: number; leaverRate: number | null };
}

/** Split the previous snapshot's declared ICs, and those who left by the next, by whether they sat at the ceiling. */
export function computeCeilingLeavers(prev: PreparedSnapshot, curr: PreparedSnapshot): CeilingLeavers {
  const atCeiling = findUnitCeilings(prev);
  const counts = { at: { ics: 0, leavers: 0 }, notAt: { ics: 0, leavers: 0 } };
  for (let i = 0; i < prev.tree.size; i++) {
    if (!isPerson(prev.tree, i) || prev.levels.declared[i] !== TrackCode.ic) continue;
    const bucket = atCeiling[i] === 1 ? counts.at : counts.notAt;
    bucket.ics++;
    if (findPerson(curr, prev.tree.records[i]?.employeeId ?? '') < 0) bucket.leavers++;
  }
  const shape = (b: { ics: number; leavers: number }) => ({
    ...b,
    leaverRate: divideOrNull(b.leavers, b.ics),
  });
  return { atCeiling: shape(counts.at), notAtCeiling: shape(counts.notAt) };
}
