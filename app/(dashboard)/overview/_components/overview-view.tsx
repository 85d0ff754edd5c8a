'use client';

import { formatFte } from '@/lib/fte-format';
import { Day } from '@/app/_components/ui/day';
import { formatDaysIn } from '@/lib/dates';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SmallMultiples } from '@/app/_components/charts/small-multiples';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { ScopeNote } from '@/app/_components/ui/scope-note';
import { scopeMarks } from '@/app/_components/charts/scope-marks';
import { FigureCards } from '@/app/_components/ui/figure-cards';
import { KpiCards } from './kpi-cards';

/** The Overview dashboard body (client; data from the prefetched react-query cache). */
export function OverviewView({ canMark }: { canMark?: boolean }) {
  const q = useDashboard('overview');
  if (q.isPending) return <Skeleton height={400} label="Loading the overview" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const o = q.data;
  const scope = [o.scope.department, o.scope.subtreeName ?? o.scope.subtree].filter(Boolean).join(' · ');
  const notes = isSuppressed(o.scopeNotes) ? null : o.scopeNotes;
  const fte = o.fte === null || isSuppressed(o.fte) ? null : o.fte;
  return (
    <div data-testid="overview">
      <p className="muted" data-chart-scope>
        As of{' '}
        <strong>
          <Day iso={o.asOf} />
        </strong>
        {scope ? ` — ${scope}` : ' — whole organisation'}
      </p>
      {isSuppressed(o.kpis) ? <SuppressedNote marker={o.kpis} /> : <KpiCards kpis={o.kpis} />}
      {fte && (
        <FigureCards
          label="Posts, people and FTE"
          cards={[
            {
              key: 'seniorPosts',
              label: 'Senior posts (headcount)',
              definition:
                'Filled person-level rows (senior posts); each counts as one person whatever its FTE.',
              value: fte.seniorPosts.toLocaleString('en'),
            },
            {
              key: 'juniorFte',
              label: 'Junior staff (FTE)',
              definition:
                'Full-time equivalents of the junior staff the source gives per reporting senior post (organogram junior files). FTE, not people: not in headcount, spans or layers.',
              value: formatFte(fte.juniorFte),
            },
            {
              key: 'totalFte',
              label: 'Total FTE',
              definition: 'Senior posts (one each) plus junior staff FTE.',
              value: formatFte(fte.totalFte),
            },
          ]}
        />
      )}
      {o.findings.length > 0 && (
        <section className="card" aria-labelledby="findings-h">
          <h2 id="findings-h">What stands out</h2>
          <ul className="findings" data-testid="findings">
            {o.findings.map((f) => (
              <li key={f.text} suppressHydrationWarning>
                {formatDaysIn(f.text)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ScopeNote notes={notes} canMark={canMark} />
      <div className="two-col">
        {isSuppressed(o.trend) ? (
          <SuppressedNote marker={o.trend} />
        ) : (
          <ChartCard
            title="Flattening trend"
            definition="Middle managers (managers of managers below the executive layers), managers and headcount per snapshot, each on its own axis from zero, snapshots spaced by date."
            rows={o.trend}
            filename={`flattening-trend-${o.asOf}`}
            bodyHeight="auto"
            columns={[
              { key: 'asOf', label: 'As of', value: (r) => r.asOf },
              { key: 'headcount', label: 'Headcount', value: (r) => r.headcount, numeric: true },
              { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
              {
                key: 'middleManagers',
                label: 'Middle managers',
                value: (r) => r.middleManagers,
                numeric: true,
              },
              { key: 'depth', label: 'Layers', value: (r) => r.depth, numeric: true },
            ]}
          >
            <SmallMultiples
              rows={o.trend}
              marks={scopeMarks(notes)}
              series={[
                { key: 'middleManagers', label: 'Middle managers' },
                { key: 'managers', label: 'Managers' },
                { key: 'headcount', label: 'Headcount' },
              ]}
            />
          </ChartCard>
        )}
        {isSuppressed(o.spans) ? (
          <SuppressedNote marker={o.spans} />
        ) : (
          <ChartCard
            title="Spans of control"
            definition="Number of managers by span (direct reports). Span statistics are over managers only."
            rows={o.spans}
            filename={`spans-${o.asOf}`}
            columns={[
              { key: 'span', label: 'Direct reports', value: (r) => r.span },
              { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
            ]}
          >
            <SimpleBarChart
              data={o.spans.map((r) => ({ span: r.span, managers: r.managers }))}
              x="span"
              series={[{ key: 'managers', label: 'Managers' }]}
              xLabel="Direct reports"
            />
          </ChartCard>
        )}
      </div>
      {isSuppressed(o.pyramid) ? (
        <SuppressedNote marker={o.pyramid} />
      ) : (
        <ChartCard
          title="Layer pyramid"
          definition="Headcount per layer (root = layer 1), split by managerial level: executive, manager of managers, manager of ICs, IC."
          rows={o.pyramid}
          filename={`pyramid-${o.asOf}`}
          columns={[
            { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
            { key: 'executive', label: 'Executives', value: (r) => r.executive, numeric: true },
            {
              key: 'managerOfManagers',
              label: 'Managers of managers',
              value: (r) => r.managerOfManagers,
              numeric: true,
            },
            { key: 'managerOfIcs', label: 'Managers of ICs', value: (r) => r.managerOfIcs, numeric: true },
            { key: 'ics', label: 'ICs', value: (r) => r.ics, numeric: true },
          ]}
        >
          <SimpleBarChart
            data={o.pyramid.map((r) => ({ ...r, layer: `Layer ${r.layer}` }))}
            x="layer"
            layout="vertical"
            stacked
            series={[
              { key: 'executive', label: 'Executives' },
              { key: 'managerOfManagers', label: 'Managers of managers' },
              { key: 'managerOfIcs', label: 'Managers of ICs' },
              { key: 'ics', label: 'ICs' },
            ]}
            yLabel="People"
          />
        </ChartCard>
      )}
    </div>
  );
}
