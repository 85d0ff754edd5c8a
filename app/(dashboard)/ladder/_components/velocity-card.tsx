import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import { isSuppressed } from '@/lib/query/suppressed';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { ChartCard } from '@/app/_components/charts/chart-card';

type Row = {
  level: string;
  track: string;
  promotions: number | null;
  medianMonths: number | null;
  p75Months: number | null;
  note: string;
};

/** Median (and p75) months in level before promotion, per level promoted from and track. */
export function VelocityCard({ data }: { data: LadderDashboard }) {
  const rows: Row[] = data.velocity.map((v) => {
    const base = { level: v.level ?? 'Unlevelled', track: v.track === 'ic' ? 'IC' : 'Manager' };
    return isSuppressed(v.values)
      ? {
          ...base,
          promotions: null,
          medianMonths: null,
          p75Months: null,
          note: hiddenText(v.values, 'promotions'),
        }
      : { ...base, ...v.values, note: '' };
  });
  const drawn = rows.filter((r) => r.medianMonths !== null);
  const shared = new Set(rows.filter((r) => r.track === 'IC').map((r) => r.level));
  const chartRows = drawn.map((r) => ({
    ...r,
    label: r.track === 'Manager' && shared.has(r.level) ? `${r.level} (mgr)` : r.level,
  }));
  return (
    <ChartCard
      title="Promotion velocity"
      definition={`Median and 75th-percentile months in level before promotion, by the level promoted from and track, over the snapshots since ${data.historyFrom ?? 'the first'}. Counts only promotions whose level start is known.`}
      rows={rows}
      filename={`promotion-velocity-${data.asOf}`}
      // a line of text needs no chart's height (on a phone the card stood 200 px empty under it)
      bodyHeight={chartRows.length === 0 ? 'auto' : undefined}
      columns={[
        { key: 'track', label: 'Track', value: (r) => r.track },
        { key: 'level', label: 'Level promoted from', value: (r) => r.level },
        { key: 'promotions', label: 'Promotions', value: (r) => r.promotions, numeric: true },
        { key: 'median', label: 'Median months', value: (r) => r.medianMonths, numeric: true },
        { key: 'p75', label: '75th percentile months', value: (r) => r.p75Months, numeric: true },
        { key: 'note', label: 'Note', value: (r) => r.note },
      ]}
    >
      {chartRows.length === 0 ? (
        <p className="muted">
          {rows.length === 0
            ? 'No promotions with a known level start in the snapshot history yet.'
            : 'Every level has fewer promotions than the privacy minimum; see the table view.'}
        </p>
      ) : (
        <SimpleBarChart
          data={chartRows}
          x="label"
          series={[
            { key: 'medianMonths', label: 'Median months' },
            { key: 'p75Months', label: '75th percentile months' },
          ]}
          xLabel="Level promoted from"
          yLabel="Months"
        />
      )}
    </ChartCard>
  );
}
