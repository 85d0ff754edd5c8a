'use client';

import { useState } from 'react';
import { formatDay } from '@/lib/dates';
import { CHARTED_DEPARTMENTS, mostChanged } from '@/lib/views/most-changed';
import { hiddenReasonsText } from '@/lib/privacy/hidden-text';
import { Day } from '@/app/_components/ui/day';
import type { Compare, CompareMetric, DepartmentChange } from '@/lib/dal/dashboards/compare';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { formatDelta, formatMetric, formatPct } from '@/app/_components/charts/metric-format';
import { TargetBarChart } from '@/app/_components/charts/target-bars';
import type { TargetMark } from '@/app/_components/charts/target-marks';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { TableCard } from '@/app/_components/ui/table-card';
import { TargetNote, targetMark } from '@/app/_components/ui/target-note';
import { PeopleLists } from './people-lists';
import { SnapshotPair } from './snapshot-pair';
import styles from './compare.module.css';

const HEADLINE = ['headcount', 'managers', 'middleManagers', 'depth', 'managementLayers', 'spanMedian'];
const SPAN_STATS: Array<[string, string]> = [
  ['spanP10', 'p10'],
  ['spanMedian', 'Median'],
  ['spanMean', 'Mean'],
  ['spanP90', 'p90'],
];

/** The Compare dashboard body: snapshot pair, headline changes, side-by-side charts, people lists. */
export function CompareView() {
  const q = useDashboard('compare');
  if (q.isPending) return <Skeleton height={480} label="Loading the comparison" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const c = q.data;
  const scope = [c.scope.department, c.scope.subtreeName ?? c.scope.subtree].filter(Boolean).join(' · ');
  if (c.from === null)
    return (
      <>
        <SnapshotPair from={null} to={c.to} />
        <p className="card muted">
          Comparing needs at least two snapshots; only <Day iso={c.to} /> is loaded.
        </p>
      </>
    );
  const from = c.from;
  return (
    <div data-testid="compare">
      <SnapshotPair from={from} to={c.to} />
      <p className="muted">
        <strong>
          <Day iso={from} />
        </strong>{' '}
        →{' '}
        <strong>
          <Day iso={c.to} />
        </strong>
        {scope ? ` — ${scope}` : ' — whole organisation'}
      </p>
      <TargetNote target={c.target} />
      {isSuppressed(c.metrics) ? (
        <SuppressedNote marker={c.metrics} />
      ) : (
        <Metrics metrics={c.metrics} data={c} from={from} />
      )}
      <Charts data={c} from={from} />
      <div className={`two-col ${styles.tall}`}>
        <Layers data={c} from={from} />
        <Departments data={c} from={from} />
      </div>
      <PeopleLists data={c} />
    </div>
  );
}

function Metrics({ metrics, data, from }: { metrics: CompareMetric[]; data: Compare; from: string }) {
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  return (
    <>
      <ul className={styles.tiles} aria-label="Headline changes">
        {HEADLINE.map((k) => byKey.get(k))
          .filter((m): m is CompareMetric => m !== undefined)
          .map((m) => (
            <li key={m.key} className={styles.tile} data-testid={`tile-${m.key}`}>
              <div className={styles.tileLabel}>{m.label}</div>
              <div className={styles.tileValue}>
                {formatMetric(m.from, m.format)} →{' '}
                <span data-testid={`tile-${m.key}-to`}>{formatMetric(m.to, m.format)}</span>
              </div>
              <div className={styles.tileDelta}>
                {formatDelta(m.change, m.format)}
                {m.format !== 'percent' && m.changePct !== null ? ` (${formatPct(m.changePct)})` : ''}
              </div>
            </li>
          ))}
        {!isSuppressed(data.layersRemoved) && data.layersRemoved !== null && (
          <li className={styles.tile} data-testid="tile-layersRemoved">
            <div className={styles.tileLabel}>Layers removed</div>
            <div className={styles.tileValue}>{data.layersRemoved}</div>
            <div className={styles.tileDelta}>drop in depth</div>
          </li>
        )}
      </ul>
      <TableCard<CompareMetric>
        title="Every metric, side by side"
        testId="compare-metrics"
        filename={`compare-metrics-${from}-${data.to}`}
        pageSize={50}
        rows={metrics}
        columns={[
          { key: 'label', label: 'Metric', value: (r) => r.label },
          {
            key: 'from',
            label: from,
            value: (r) => r.from,
            display: (r) => formatMetric(r.from, r.format),
            numeric: true,
          },
          {
            key: 'to',
            label: data.to,
            value: (r) => r.to,
            display: (r) => formatMetric(r.to, r.format),
            numeric: true,
          },
          {
            key: 'change',
            label: 'Change',
            value: (r) => r.change,
            display: (r) => formatDelta(r.change, r.format),
            numeric: true,
          },
          {
            key: 'changePct',
            label: 'Change (%)',
            value: (r) => r.changePct,
            display: (r) => formatPct(r.changePct),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

function Charts({ data, from }: { data: Compare; from: string }) {
  const series = [
    { key: 'from', label: formatDay(from), colorIndex: 4 },
    { key: 'to', label: formatDay(data.to), colorIndex: 0 },
  ];
  const spanStats = isSuppressed(data.metrics)
    ? null
    : SPAN_STATS.map(([key, label]) => {
        const m = isSuppressed(data.metrics) ? undefined : data.metrics.find((x) => x.key === key);
        return { stat: label, from: m?.from ?? null, to: m?.to ?? null };
      });
  const t = data.target;
  return (
    <div className="two-col">
      {spanStats && (
        <ChartCard
          title="Span statistics"
          definition={`Direct reports over managers: p10, median, mean, p90 in each snapshot.${
            t ? ' The shaded band is the target span range.' : ''
          }`}
          rows={spanStats}
          filename={`compare-span-stats-${from}-${data.to}`}
          columns={[
            { key: 'stat', label: 'Statistic', value: (r) => r.stat },
            { key: 'from', label: from, value: (r) => r.from, numeric: true },
            { key: 'to', label: data.to, value: (r) => r.to, numeric: true },
            ...(t
              ? [
                  { key: 'min', label: 'Target min', value: () => t.spanMin, numeric: true },
                  { key: 'max', label: 'Target max', value: () => t.spanMax, numeric: true },
                ]
              : []),
          ]}
        >
          <TargetBarChart
            data={spanStats}
            category="stat"
            series={series}
            marks={[targetMark('span', t)]}
            valueLabel="Direct reports"
          />
        </ChartCard>
      )}
      {isSuppressed(data.spanBands) ? null : (
        <ChartCard
          title="Span bands"
          definition="Number of managers in each span band (1 | 2-3 | 4-7 | 8-12 | 13-16 | 17+ direct reports)."
          rows={data.spanBands}
          filename={`compare-span-bands-${from}-${data.to}`}
          columns={[
            { key: 'band', label: 'Direct reports', value: (r) => r.band },
            { key: 'from', label: from, value: (r) => r.from, numeric: true },
            { key: 'to', label: data.to, value: (r) => r.to, numeric: true },
          ]}
        >
          <TargetBarChart data={data.spanBands} category="band" series={series} valueLabel="Managers" />
        </ChartCard>
      )}
    </div>
  );
}

function Layers({ data, from }: { data: Compare; from: string }) {
  if (isSuppressed(data.pyramid)) return null;
  const series = [
    { key: 'from', label: formatDay(from), colorIndex: 4 },
    { key: 'to', label: formatDay(data.to), colorIndex: 0 },
  ];
  const t = data.target;
  const beyond: TargetMark | null =
    t && !isSuppressed(data.pyramid) && data.pyramid.length > t.maxLayers
      ? {
          kind: 'band',
          from: `Layer ${t.maxLayers + 1}`,
          to: `Layer ${data.pyramid.length}`,
          label: `Beyond ${t.maxLayers} layers`,
          onCategory: true,
        }
      : null;
  return (
    <ChartCard
      title="Headcount per layer"
      definition={`People on each layer (root = layer 1) in each snapshot.${
        beyond ? ' Layers beyond the layer target are shaded.' : ''
      }`}
      rows={data.pyramid}
      filename={`compare-layers-${from}-${data.to}`}
      columns={[
        { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
        { key: 'from', label: from, value: (r) => r.from, numeric: true },
        { key: 'to', label: data.to, value: (r) => r.to, numeric: true },
        ...(t ? [{ key: 'max', label: 'Target max layers', value: () => t.maxLayers, numeric: true }] : []),
      ]}
    >
      <div style={{ height: Math.max(280, data.pyramid.length * 40 + 90) }}>
        <TargetBarChart
          data={data.pyramid.map((r) => ({ ...r, layer: `Layer ${r.layer}` }))}
          category="layer"
          layout="vertical"
          series={series}
          marks={[beyond]}
          valueLabel="People"
          categoryWidth={64}
        />
      </div>
    </ChartCard>
  );
}

function Departments({ data, from }: { data: Compare; from: string }) {
  const [all, setAll] = useState(false);
  if (isSuppressed(data.departments)) return <SuppressedNote marker={data.departments} />;
  const visible = data.departments.filter(
    (d): d is Extract<DepartmentChange, { from: number }> => !('suppressed' in d),
  );
  const hiddenRows = data.departments.flatMap((d) => (isSuppressed(d) ? [d] : []));
  const hidden = hiddenRows.length;
  if (data.departments.length === 0) return null;
  const leftOut = hidden > 0 && (
    <p className="suppressed" role="note" data-testid="compare-departments-hidden">
      {hidden} department{hidden === 1 ? ' is' : 's are'} left out: {hiddenReasonsText(hiddenRows)} in one of
      the snapshots.
    </p>
  );
  // every department hidden: the note alone (a Home Office leader read an empty chart above it)
  if (visible.length === 0)
    return (
      <section className="card" aria-labelledby="compare-departments-h">
        <h2 id="compare-departments-h">Department headcount</h2>
        {leftOut}
      </section>
    );
  const charted = all ? visible : mostChanged(visible);
  const cut = charted.length < visible.length;
  return (
    <div>
      <ChartCard
        title="Department headcount"
        definition={`People in each department within this view, in each snapshot.${
          cut
            ? ` The chart draws the ${charted.length} departments whose headcount changed most, of ${visible.length}; the table and the download hold all.`
            : ''
        }`}
        rows={visible}
        footer={
          visible.length > CHARTED_DEPARTMENTS && (
            <button
              type="button"
              className="link"
              onClick={() => setAll((a) => !a)}
              data-testid="compare-departments-all"
            >
              {all
                ? `Draw the ${CHARTED_DEPARTMENTS} that changed most`
                : `Draw all ${visible.length.toLocaleString('en')} departments`}
            </button>
          )
        }
        filename={`compare-departments-${from}-${data.to}`}
        columns={[
          { key: 'department', label: 'Department', value: (r) => r.department },
          { key: 'from', label: from, value: (r) => r.from, numeric: true },
          { key: 'to', label: data.to, value: (r) => r.to, numeric: true },
          { key: 'change', label: 'Change', value: (r) => r.change, numeric: true },
        ]}
      >
        <div style={{ height: Math.max(280, charted.length * 40 + 90) }}>
          <TargetBarChart
            data={charted}
            category="department"
            layout="vertical"
            series={[
              { key: 'from', label: formatDay(from), colorIndex: 4 },
              { key: 'to', label: formatDay(data.to), colorIndex: 0 },
            ]}
            valueLabel="People"
            categoryWidth={110}
          />
        </div>
      </ChartCard>
      {leftOut}
    </div>
  );
}
