'use client';

import { formatPeriod } from '@/lib/dates';
import { hiddenReasonsText } from '@/lib/privacy/hidden-text';
import { costHeading, unitLabel, type CostUnit } from '@/lib/cost-format';
import type { AiDashboard, AiTrendPoint } from '@/lib/dal/dashboards/ai';
import { isSuppressed } from '@/lib/query/suppressed';
import { AiLineChart } from '@/app/_components/charts/ai-line-chart';
import { ChartCard, type Column } from '@/app/_components/charts/chart-card';
import type { ValueFormat } from '@/app/_components/charts/value-format';

type Row = { month: string; suppressed: boolean } & Partial<Omit<AiTrendPoint, 'month'>>;

interface TrendDef {
  id: string;
  title: string;
  definition: string;
  format: ValueFormat;
  series: Array<{ key: keyof AiTrendPoint; label: string }>;
  extra: Array<{ key: keyof AiTrendPoint; label: string }>;
}

const PER_ENGINEER_MONTH: CostUnit = { currency: 'USD', per: 'engineer', period: 'month' };
const PER_PR: CostUnit = { currency: 'USD', per: 'merged PR' };
const SPEND_MONTH = costHeading('AI spend', { currency: 'USD', period: 'month' });

const TRENDS: TrendDef[] = [
  {
    id: 'adoption',
    title: 'Adoption',
    definition: 'AI-active users / engineers, per month (distinct people per month).',
    format: 'percent',
    series: [{ key: 'adoption', label: 'Adoption' }],
    extra: [
      { key: 'activeUsers', label: 'AI-active users' },
      { key: 'engineers', label: 'Engineers' },
    ],
  },
  {
    id: 'acceptance',
    title: 'Acceptance rate',
    definition:
      'Accepted / suggested, by count and by lines, from monthly sums (never an average of daily rates). By lines can pass 100%: Copilot counts lines its agent and CLI added, which no suggestion offered.',
    format: 'percent',
    series: [
      { key: 'acceptanceRateByCount', label: 'By count' },
      { key: 'acceptanceRateByLines', label: 'By lines' },
    ],
    extra: [],
  },
  {
    id: 'ai-prs',
    title: 'AI-assisted PR share',
    definition: 'AI-assisted PRs / PRs merged, per month.',
    format: 'percent',
    series: [{ key: 'aiAssistedPrShare', label: 'AI-assisted share' }],
    extra: [{ key: 'prsMerged', label: 'PRs merged' }],
  },
  {
    id: 'throughput',
    title: 'Throughput (PRs merged per engineer per week)',
    definition: 'PRs merged / engineer / week, per month.',
    format: 'decimal',
    series: [{ key: 'throughputPerEngineerWeek', label: 'PRs per engineer per week' }],
    extra: [
      { key: 'prsMerged', label: 'PRs merged' },
      { key: 'engineers', label: 'Engineers' },
    ],
  },
  {
    id: 'spend',
    title: `AI spend per engineer per month (${unitLabel({ currency: 'USD' })})`,
    definition: 'AI spend / engineers / months covered, in USD.',
    format: 'usd',
    series: [{ key: 'spendPerEngineerMonth', label: unitLabel(PER_ENGINEER_MONTH) }],
    extra: [{ key: 'spendUsd', label: SPEND_MONTH }],
  },
  {
    id: 'cost-per-pr',
    title: `Cost per merged PR (${unitLabel(PER_PR)})`,
    definition: 'AI spend / PRs merged, in USD.',
    format: 'usd',
    series: [{ key: 'costPerMergedPr', label: unitLabel(PER_PR) }],
    extra: [
      { key: 'spendUsd', label: SPEND_MONTH },
      { key: 'prsMerged', label: 'PRs merged' },
    ],
  },
];

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** One chart per AI metric over the months, each with its table and CSV; the monthly unmatched share is in every table. */
export function TrendCharts({ d }: { d: AiDashboard }) {
  const rows: Row[] = d.trend.map((p) =>
    isSuppressed(p) ? { month: p.month, suppressed: true } : { ...p, suppressed: false },
  );
  const hiddenMonths = d.trend.flatMap((p) => (isSuppressed(p) ? [p] : []));
  const hidden = hiddenMonths.length;
  const share = d.unmatchedShare;
  const scopeSlug = d.scope.subtree ?? d.scope.department ?? 'org';
  const period = d.window ? formatPeriod(d.window) : 'the period';
  // Said once above the charts, and only when someone is left out (each month's share is in the tables).
  const unmatchedText = `Unmatched: ${((share ?? 0) * 100).toFixed(1)}% of AI-active users in ${period} are joined to no employee and left out of these figures (each month's share is in the table).`;
  return (
    <>
      <h2>Trends by month</h2>
      {hidden > 0 && (
        <p className="suppressed" role="note">
          {hidden} month(s) are hidden: {hiddenReasonsText(hiddenMonths, 'engineers')}.
        </p>
      )}
      {share !== null && share > 0 && (
        <p className="suppressed" role="note" data-testid="trend-unmatched">
          {unmatchedText}
        </p>
      )}
      <div className="two-col">
        {TRENDS.map((t) => {
          const shown = rows.filter((r) => t.series.some((s) => num(r[s.key]) !== null));
          const columns: Column<Row>[] = [
            { key: 'month', label: 'Month', value: (r) => r.month },
            ...t.series.map((s) => ({
              key: String(s.key),
              label: s.label,
              value: (r: Row) => (r.suppressed ? 'suppressed' : num(r[s.key])),
              numeric: true,
            })),
            ...t.extra.map((s) => ({
              key: String(s.key),
              label: s.label,
              value: (r: Row) => (r.suppressed ? 'suppressed' : num(r[s.key])),
              numeric: true,
            })),
            {
              key: 'unmatchedShare',
              label: 'Unmatched share (org)',
              value: (r: Row) => (r.suppressed ? 'suppressed' : num(r.unmatchedShare)),
              numeric: true,
            },
          ];
          return (
            <ChartCard
              key={t.id}
              title={t.title}
              definition={t.definition}
              rows={rows}
              columns={columns}
              filename={`ai-${t.id}-${scopeSlug}`}
            >
              {shown.length === 0 ? (
                <p className="muted">
                  No data for this figure in any month (the uploaded sources do not report it).
                </p>
              ) : (
                <AiLineChart
                  data={rows.map((r) => {
                    const o: Record<string, string | number | null> = { month: r.month };
                    for (const s of t.series) o[s.key] = num(r[s.key]);
                    return o;
                  })}
                  x="month"
                  series={t.series.map((s) => ({ key: String(s.key), label: s.label }))}
                  format={t.format}
                />
              )}
            </ChartCard>
          );
        })}
      </div>
    </>
  );
}
