/**
 * AI productivity metrics (SPEC "AI productivity"), from additive totals of a group of people for
 * one period. Pure.
 * - adoption = AI-active users / engineers.
 * - acceptance rate by count = sum acceptances / sum suggestions; by lines = sum lines accepted /
 *   sum lines suggested. Always ratios of sums (never a mean of daily rates), and only over rows
 *   that report both numbers, so a source without acceptances cannot drag the rate down.
 * - AI-assisted PR share = AI-assisted PRs / PRs merged (rows reporting both).
 * - throughput = PRs merged / engineer / week, weeks = the days the PR rows cover / 7.
 * - AI spend per engineer per month, months = the calendar months the spend rows cover (a day
 *   counts 1/days-in-its-month, so April 1-30 is exactly one month).
 * - cost per merged PR = AI spend / PRs merged.
 * Who counts as an engineer and as AI-active is decided when rows are rolled up (ai-rollup.ts).
 */

/** Additive totals of a group (a person, a team, a subtree, a unit). */
export interface AiTotals {
  engineers: number;
  activeUsers: number;
  suggestions: number;
  acceptances: number;
  countRows: number;
  linesSuggested: number;
  linesAccepted: number;
  lineRows: number;
  prsMerged: number;
  prRows: number;
  prsForShare: number;
  aiAssistedPrs: number;
  prShareRows: number;
  spendUsd: number;
  spendRows: number;
}

export const AI_TOTAL_FIELDS = [
  'engineers',
  'activeUsers',
  'suggestions',
  'acceptances',
  'countRows',
  'linesSuggested',
  'linesAccepted',
  'lineRows',
  'prsMerged',
  'prRows',
  'prsForShare',
  'aiAssistedPrs',
  'prShareRows',
  'spendUsd',
  'spendRows',
] as const satisfies ReadonlyArray<keyof AiTotals>;

/** All-zero totals. */
export function emptyAiTotals(): AiTotals {
  const t = {} as Record<keyof AiTotals, number>;
  for (const f of AI_TOTAL_FIELDS) t[f] = 0;
  return t;
}

/** a + b, field by field. */
export function addAiTotals(a: AiTotals, b: AiTotals): AiTotals {
  const t = emptyAiTotals();
  for (const f of AI_TOTAL_FIELDS) t[f] = a[f] + b[f];
  return t;
}

/** How much calendar time the PR and spend rows cover (null when no row reports them). */
export interface AiCoverage {
  prDays: number | null;
  spendMonths: number | null;
}

export interface AiMetrics {
  engineers: number;
  activeUsers: number;
  adoption: number | null;
  acceptanceRateByCount: number | null;
  acceptanceRateByLines: number | null;
  aiAssistedPrShare: number | null;
  throughputPerEngineerWeek: number | null;
  spendPerEngineerMonth: number | null;
  costPerMergedPr: number | null;
  prsMerged: number | null;
  spendUsd: number | null;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Inclusive number of days from start to end (YYYY-MM-DD). */
export function daysInclusive(start: string, end: string): number {
  return Math.max(0, dayNumber(end) - dayNumber(start) + 1);
}

/** Calendar months covered by start..end inclusive: each day counts 1/(days in its month). */
export function monthsCovered(start: string, end: string): number {
  let total = 0;
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const endDay = dayNumber(end);
  let from = dayNumber(start);
  while (from <= endDay) {
    const nextMonth = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) / DAY_MS;
    const monthStart = Date.UTC(y, m - 1, 1) / DAY_MS;
    const until = Math.min(endDay + 1, nextMonth);
    total += (until - from) / (nextMonth - monthStart);
    from = nextMonth;
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  return total;
}

const round = (v: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

function ratio(num: number, den: number, rows: number, digits = 4): number | null {
  return rows > 0 && den > 0 ? round(num / den, digits) : null;
}

/** The SPEC metrics of one group and period. null = the inputs do not allow the figure. */
export function computeAiMetrics(t: AiTotals, coverage: AiCoverage): AiMetrics {
  const hasPrs = t.prRows > 0;
  const hasSpend = t.spendRows > 0;
  const weeks = coverage.prDays !== null ? coverage.prDays / 7 : null;
  return {
    engineers: round(t.engineers, 2),
    activeUsers: round(t.activeUsers, 2),
    adoption: t.engineers > 0 ? round(t.activeUsers / t.engineers) : null,
    acceptanceRateByCount: ratio(t.acceptances, t.suggestions, t.countRows),
    acceptanceRateByLines: ratio(t.linesAccepted, t.linesSuggested, t.lineRows),
    aiAssistedPrShare: ratio(t.aiAssistedPrs, t.prsForShare, t.prShareRows),
    throughputPerEngineerWeek:
      hasPrs && weeks && t.engineers > 0 ? round(t.prsMerged / t.engineers / weeks) : null,
    spendPerEngineerMonth:
      hasSpend && coverage.spendMonths && t.engineers > 0
        ? round(t.spendUsd / t.engineers / coverage.spendMonths, 2)
        : null,
    costPerMergedPr: hasSpend && hasPrs && t.prsMerged > 0 ? round(t.spendUsd / t.prsMerged, 2) : null,
    prsMerged: hasPrs ? round(t.prsMerged, 2) : null,
    spendUsd: hasSpend ? round(t.spendUsd, 2) : null,
  };
}
