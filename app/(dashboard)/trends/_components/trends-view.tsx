'use client';

import { Day } from '@/app/_components/ui/day';
import type { Trends } from '@/lib/dal/dashboards/trends';
import type { SeriesChange } from '@/lib/metrics/series-changes';
import { isSuppressed } from '@/lib/query/suppressed';
import { groupByHiddenText } from '@/lib/privacy/hidden-text';
import { useDashboard } from '@/lib/query/use-dashboard';
import { formatDelta, formatMetric, formatPct } from '@/app/_components/charts/metric-format';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { TableCard } from '@/app/_components/ui/table-card';
import { TargetNote } from '@/app/_components/ui/target-note';
import { ScopeNote } from '@/app/_components/ui/scope-note';
import { scopeMarks } from '@/app/_components/charts/scope-marks';
import { DelayeringTimeline } from './delayering-timeline';
import { MetricMultiple } from './metric-multiple';
import { MetricPicker, useChosenMetrics } from './metric-picker';
import styles from './trends.module.css';

interface ChangeRow {
  key: string;
  label: string;
  format: Trends['metrics'][number]['format'];
  last: SeriesChange | undefined;
}

/** The Trends dashboard body (client; data from the prefetched react-query cache). */
export function TrendsView({ isAdmin, canMark }: { isAdmin: boolean; canMark?: boolean }) {
  const q = useDashboard('trends');
  const [chosen, setChosen] = useChosenMetrics(q.data?.metrics ?? []);
  if (q.isPending) return <Skeleton height={480} label="Loading trends" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const t = q.data;
  const scope = [t.scope.department, t.scope.subtreeName ?? t.scope.subtree].filter(Boolean).join(' · ');
  const shown = t.metrics.filter((m) => chosen.includes(m.key));
  const series = t.series;
  const notes = isSuppressed(t.scopeNotes) ? null : t.scopeNotes;
  const marks = scopeMarks(notes);
  return (
    <div data-testid="trends">
      <p className="muted" data-chart-scope>
        Up to{' '}
        <strong>
          <Day iso={t.asOf} />
        </strong>
        {scope ? ` — ${scope}` : ' — whole organisation'}
      </p>
      <TargetNote target={t.target} isAdmin={isAdmin} />
      {isSuppressed(series) ? (
        <SuppressedNote marker={series} />
      ) : (
        <>
          <ScopeNote notes={notes} canMark={canMark} />
          <MetricPicker metrics={t.metrics} chosen={chosen} onChange={setChosen} />
          {t.hiddenPoints.length > 0 && (
            <p className="suppressed" role="note">
              Hidden for privacy:{' '}
              {groupByHiddenText(
                t.hiddenPoints.map((asOf) => ({
                  label: asOf,
                  marker: {
                    minGroupSize: t.minGroupSize,
                    reason: t.complementPoints.includes(asOf) ? ('complement' as const) : ('small' as const),
                  },
                })),
              )
                .map(([text, dates]) => `${dates.join(', ')} (${text} then)`)
                .join('; ')}
              .
            </p>
          )}
          {shown.length > 0 ? (
            <>
              <TableCard<ChangeRow>
                title="Change since previous and since peak"
                intro="Peak = the highest value over earlier snapshots (the first snapshot has none)."
                testId="change-table"
                filename={`trend-changes-${t.asOf}`}
                rows={shown.map((m) => {
                  const rows = series[m.key] ?? [];
                  return { key: m.key, label: m.label, format: m.format, last: rows[rows.length - 1] };
                })}
                columns={[
                  { key: 'metric', label: 'Metric', value: (r) => r.label },
                  {
                    key: 'now',
                    label: 'Now',
                    value: (r) => r.last?.value,
                    display: (r) => formatMetric(r.last?.value, r.format),
                    numeric: true,
                  },
                  {
                    key: 'prev',
                    label: 'vs previous',
                    value: (r) => r.last?.changeVsPrevious,
                    display: (r) => formatDelta(r.last?.changeVsPrevious, r.format),
                    numeric: true,
                  },
                  {
                    key: 'peak',
                    label: 'Peak of earlier snapshots',
                    value: (r) => r.last?.peak,
                    display: (r) => formatMetric(r.last?.peak, r.format),
                    numeric: true,
                  },
                  { key: 'peakAsOf', label: 'Peak as of', value: (r) => r.last?.peakAsOf },
                  {
                    key: 'vsPeak',
                    label: 'vs peak',
                    value: (r) => r.last?.changeVsPeak,
                    display: (r) => formatDelta(r.last?.changeVsPeak, r.format),
                    numeric: true,
                  },
                  {
                    key: 'vsPeakPct',
                    label: 'vs peak (%)',
                    value: (r) => r.last?.changeVsPeakPct,
                    display: (r) => formatPct(r.last?.changeVsPeakPct),
                    numeric: true,
                  },
                ]}
              />
              <div className={styles.multiples}>
                {shown.map((m, i) => (
                  <MetricMultiple
                    key={m.key}
                    metric={m}
                    rows={series[m.key] ?? []}
                    target={t.target}
                    asOf={t.asOf}
                    colorIndex={i % 6}
                    marks={marks}
                  />
                ))}
              </div>
            </>
          ) : (
            <p className="card muted">Choose at least one metric to draw.</p>
          )}
        </>
      )}
      <div style={{ marginTop: '1rem' }}>
        <DelayeringTimeline data={t} />
      </div>
    </div>
  );
}
