import type { AiMetrics } from '@/lib/metrics/ai';
import { unitLabel } from '@/lib/cost-format';

export type AiMetricKey = Exclude<keyof AiMetrics, 'prsMerged' | 'spendUsd'>;

export interface AiKpi {
  key: AiMetricKey;
  label: string;
  format: 'int' | 'percent' | 'decimal' | 'usd';
  definition: string;
  /** the unit of a figure whose label does not say it (shown under the value) */
  unit?: string;
  value: number | null;
  /** the same figure for the month before (one-month periods only) */
  previous: number | null;
  /** share of AI-active users joined to no employee in the period (left out of every figure) */
  unmatchedShare: number | null;
}

/** The AI figures, in SPEC order, with the definition shown beside each. */
export const AI_KPI_DEFS: Array<Pick<AiKpi, 'key' | 'label' | 'format' | 'definition' | 'unit'>> = [
  {
    key: 'engineers',
    label: 'Engineers',
    format: 'int',
    definition:
      'Engineers reported by team rows, plus, outside those teams, people with a GitHub login or with AI usage joined to them.',
  },
  {
    key: 'activeUsers',
    label: 'AI-active users',
    format: 'int',
    definition:
      'Distinct people with any AI activity in the period (a person counts once however many days or tools), plus the active users team rows report.',
  },
  {
    key: 'adoption',
    label: 'Adoption',
    format: 'percent',
    definition: 'AI-active users / engineers in the period.',
  },
  {
    key: 'acceptanceRateByCount',
    label: 'Acceptance rate (count)',
    format: 'percent',
    definition:
      'Sum of accepted suggestions / sum of suggestions, from sums (never an average of daily rates).',
  },
  {
    key: 'acceptanceRateByLines',
    label: 'Acceptance rate (lines)',
    format: 'percent',
    definition: 'Sum of lines accepted / sum of lines suggested, from sums.',
  },
  {
    key: 'aiAssistedPrShare',
    label: 'AI-assisted PR share',
    format: 'percent',
    definition: 'AI-assisted PRs / PRs merged.',
  },
  {
    key: 'throughputPerEngineerWeek',
    label: 'Throughput',
    unit: 'PRs merged per engineer per week',
    format: 'decimal',
    definition:
      'PRs merged by the engineers / engineers / weeks (weeks = days of the period / 7). PRs come from imported pull requests, by author; without them, from the PR counts of usage reports.',
  },
  {
    key: 'spendPerEngineerMonth',
    label: 'AI spend per engineer per month',
    unit: unitLabel({ currency: 'USD', per: 'engineer', period: 'month' }),
    format: 'usd',
    definition:
      'AI spend (usage spend of every report plus seats in force; for the whole organisation also usage joined to no employee and teams whose manager is in no snapshot) / engineers / calendar months of the period.',
  },
  {
    key: 'costPerMergedPr',
    label: 'Cost per merged PR',
    unit: unitLabel({ currency: 'USD', per: 'merged PR' }),
    format: 'usd',
    definition:
      'AI spend / PRs merged, the same spend and PRs as the tool table (for the whole organisation, PRs whose author is joined to no employee count too).',
  },
];
