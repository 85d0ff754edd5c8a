import type { CeilingRiskReason, IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { monthsBetween } from '@/lib/metrics/dates';
import { roundTo } from '@/lib/metrics/numbers';
import { computePromotionVelocity, type PromotionSample } from '@/lib/metrics/time-in-level';
import type { Ladder } from '@/lib/ladders/types';
import { RISK_OPTIONS } from './ladder-history';

/** What the plain-words reasons need to know about the history the scores were computed with. */
export interface ReasonContext {
  asOf: string;
  /** first snapshot of the history */
  historyFrom: string | null;
  /** p75 months in level before promotion per IC level, where enough promotions exist */
  p75ByLevel: Map<string | null, number>;
}

/** The per-level p75 the longInLevel reason compares with (same rule as computeCeilingRisk). */
export function buildReasonContext(
  asOf: string,
  historyFrom: string | null,
  samples: readonly PromotionSample[],
): ReasonContext {
  const p75ByLevel = new Map<string | null, number>();
  for (const row of computePromotionVelocity(samples)) {
    if (row.track === 'ic' && row.promotions >= RISK_OPTIONS.minSamples && row.p75Months !== null)
      p75ByLevel.set(row.level, row.p75Months);
  }
  return { asOf, historyFrom, p75ByLevel };
}

/** Months as the "Months in level" column writes them (one decimal at most), so the two agree. */
const months = (m: number) => {
  const shown = m.toLocaleString('en', { maximumFractionDigits: 1 });
  return `${shown} month${shown === '1' ? '' : 's'}`;
};

/** One reason in plain words, with the person's own figures. */
export function describeReason(reason: CeilingRiskReason, p: IcCeilingRisk, rc: ReasonContext): string {
  const level = p.level ?? 'their level';
  switch (reason) {
    case 'atUnitCeiling':
      return p.department
        ? `Holds the highest IC level in ${p.department} (${level}): no IC rung above them there.`
        : `Holds the highest IC level among people with no department (${level}).`;
    case 'atLadderTop':
      return `Holds the top IC level of the company ladder (${level}).`;
    case 'longInLevel': {
      const p75 = rc.p75ByLevel.get(p.level);
      const spent = p.monthsInLevel === null ? 'Long' : months(p.monthsInLevel);
      return p75 !== undefined
        ? `${spent} in ${level}; 3 in 4 promotions from ${level} came within ${roundTo(p75, 1)} months.`
        : `${spent} in ${level}: over ${RISK_OPTIONS.fallbackMonths} months (too few promotions from ${level} to compare).`;
    }
    case 'noPromotionInWindow': {
      const span = rc.historyFrom === null ? null : monthsBetween(rc.historyFrom, rc.asOf);
      return span !== null && span < RISK_OPTIONS.windowMonths
        ? `Not promoted since ${rc.historyFrom} (the start of the history).`
        : `Not promoted in the last ${RISK_OPTIONS.windowMonths} months.`;
    }
  }
}

/** What a next-step suggestion needs: each department's IC ceiling and the IC rungs by rank. */
export interface NextStepContext {
  /** IC ceiling rank per department (null: no levelled IC) */
  ceilings: Map<string | null, number | null>;
  /** IC-ladder levels (IC and shared tracks), lowest rank first; one code per rank */
  rungs: Array<{ rank: number; code: string }>;
}

/** The context from the snapshot's ladder and department ceilings (findDepartmentCeilings). */
export function buildNextStepContext(
  ladder: Ladder,
  ceilings: Map<string | null, number | null>,
): NextStepContext {
  const byRank = new Map<number, string>();
  for (const track of ladder.tracks) {
    if (track.kind === 'manager') continue;
    for (const l of track.levels) if (!byRank.has(l.rank)) byRank.set(l.rank, l.code);
  }
  const rungs = [...byRank].map(([rank, code]) => ({ rank, code })).sort((a, b) => a.rank - b.rank);
  return { ceilings, rungs };
}

const codeAt = (nc: NextStepContext, rank: number | null) =>
  rank === null ? null : (nc.rungs.find((r) => r.rank === rank)?.code ?? null);
const rungAbove = (nc: NextStepContext, rank: number) => nc.rungs.find((r) => r.rank > rank)?.code ?? null;

/** The department (other than own) with the highest IC ceiling above rank: a unit with headroom. */
function unitWithHeadroom(nc: NextStepContext, own: string | null, rank: number) {
  let best: { department: string; ceiling: number } | null = null;
  for (const [d, c] of nc.ceilings) {
    if (d === null || d === own || c === null || c <= rank) continue;
    if (best === null || c > best.ceiling || (c === best.ceiling && d < best.department))
      best = { department: d, ceiling: c };
  }
  return best;
}

/**
 * The next step a leader could take for one IC at risk, phrased as a suggestion: at the top of the
 * company ladder, recognition beyond level; at their unit's ceiling, a rung above it or a move to a
 * unit with headroom; below it, a promotion case to the next rung.
 */
export function suggestNextStep(p: IcCeilingRisk, rank: number | null, nc: NextStepContext): string {
  const dept = p.department ?? 'their unit';
  if (p.reasons.includes('atLadderTop'))
    return 'Consider wider scope or recognition without a level change: the company ladder has no IC rung above theirs.';
  if (rank === null || Number.isNaN(rank))
    return 'Consider giving them a level on the ladder first, then a promotion case.';
  const next = rungAbove(nc, rank);
  if (p.reasons.includes('atUnitCeiling')) {
    const move = unitWithHeadroom(nc, p.department, rank);
    const moveText = move
      ? `, or a move to ${move.department} (IC levels up to ${codeAt(nc, move.ceiling)})`
      : '';
    return next
      ? `Consider opening the next rung (${next}) in ${dept}${moveText}.`
      : `Consider a move to a unit with headroom${moveText}.`;
  }
  const ceiling = codeAt(nc, nc.ceilings.get(p.department) ?? null);
  return next
    ? `Consider preparing a promotion case to ${next}${ceiling ? ` (${dept} has ICs up to ${ceiling})` : ''}.`
    : 'Consider preparing a promotion case.';
}

/** The next step for a department's ICs at its ceiling, for readers who see no names. */
export function suggestUnitStep(department: string, atCeiling: number, nc: NextStepContext): string | null {
  const ceiling = nc.ceilings.get(department) ?? null;
  if (ceiling === null || atCeiling === 0) return null;
  const code = codeAt(nc, ceiling);
  const next = rungAbove(nc, ceiling);
  const who = `${atCeiling.toLocaleString('en')} IC${atCeiling === 1 ? '' : 's'} at ${code ?? 'the ceiling'}`;
  if (next === null)
    return `${who}, the top of the company ladder: consider scope or recognition beyond level.`;
  const move = unitWithHeadroom(nc, department, ceiling);
  return `${who}: consider opening the next rung (${next}) in ${department}${move ? `, or moves to ${move.department} (IC levels up to ${codeAt(nc, move.ceiling)})` : ''}.`;
}
