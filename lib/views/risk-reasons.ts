import type { CeilingRiskReason, IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { monthsBetween } from '@/lib/metrics/dates';
import { roundTo } from '@/lib/metrics/numbers';
import { computePromotionVelocity, type PromotionSample } from '@/lib/metrics/time-in-level';
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

const months = (m: number) => `${Math.round(m)} month${Math.round(m) === 1 ? '' : 's'}`;

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
