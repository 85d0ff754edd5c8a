'use client';

import { personName } from '@/lib/person-name';
import { hiddenReasonsText } from '@/lib/privacy/hidden-text';
import type { SuppressedMarker } from '@/lib/query/suppressed';
import { Day } from '@/app/_components/ui/day';
import type { DepartmentTargetRow, OffTarget, OffTargetManagerRow } from '@/lib/dal/dashboards/off-target';
import type { TargetStatus } from '@/lib/metrics/targets';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { TargetBarChart } from '@/app/_components/charts/target-bars';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { TableCard } from '@/app/_components/ui/table-card';
import styles from './targets.module.css';

const STATUS_TEXT: Record<TargetStatus, string> = { below: 'Below', within: 'Within', above: 'Above' };

function Status({ s }: { s: TargetStatus | null }) {
  if (s === null) return <span className="muted">—</span>;
  return <span className={`badge ${styles.status} ${s === 'within' ? 'ok' : 'warn'}`}>{STATUS_TEXT[s]}</span>;
}

const isOff = (r: DepartmentTargetRow) =>
  (r.spanStatus !== null && r.spanStatus !== 'within') || r.layersStatus === 'above';

/** Departments whose median span or depth is off target, and managers whose span is outside the range. */
export function OffTargetView() {
  const q = useDashboard('off-target');
  if (q.isPending) return <Skeleton height={360} label="Loading what is off target" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const o = q.data;
  if (!o.targets) return null;
  const org = o.targets.org;
  return (
    <div data-testid="off-target">
      <h2>
        Off target, as of <Day iso={o.asOf} />
      </h2>
      {isSuppressed(o.departments) ? null : (
        <DepartmentSection
          rows={o.departments}
          asOf={o.asOf}
          orgMin={org.spanMin}
          orgMax={org.spanMax}
          orgLayers={org.maxLayers}
        />
      )}
      {isSuppressed(o.managers) ? (
        <SuppressedNote marker={o.managers} />
      ) : (
        <ManagerSection data={o} managers={o.managers} />
      )}
    </div>
  );
}

function ManagerSection({
  data,
  managers,
}: {
  data: OffTarget;
  managers: Exclude<OffTarget['managers'], { suppressed: true }>;
}) {
  return (
    <>
      <ul
        className={`card ${styles.summary}`}
        aria-label="Managers against the span target"
        data-testid="off-target-counts"
      >
        <li>
          <strong data-testid="off-total">{managers.total.toLocaleString('en')}</strong> of{' '}
          {managers.managers.toLocaleString('en')} managers outside their span range
        </li>
        <li>
          <strong data-testid="off-below">{managers.below.toLocaleString('en')}</strong> below the minimum
        </li>
        <li>
          <strong data-testid="off-above">{managers.above.toLocaleString('en')}</strong> above the maximum
        </li>
      </ul>
      {managers.list ? (
        <TableCard<OffTargetManagerRow>
          title="Managers outside the span range"
          testId="off-target-managers"
          intro={
            managers.total > managers.list.length
              ? `Furthest outside the range first; showing ${managers.list.length.toLocaleString('en')} of ${managers.total.toLocaleString('en')}.`
              : 'Furthest outside the range first. The range is the department’s own where it has one.'
          }
          rows={managers.list}
          filename={`off-target-managers-${data.asOf}`}
          empty="Every manager's span is within the target range."
          columns={[
            { key: 'name', label: 'Name', value: (r) => personName(r) },
            { key: 'id', label: 'Employee ID', value: (r) => r.id },
            { key: 'title', label: 'Title', value: (r) => r.title },
            { key: 'department', label: 'Department', value: (r) => r.department },
            { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
            { key: 'span', label: 'Direct reports', value: (r) => r.span, numeric: true },
            { key: 'range', label: 'Target range', value: (r) => `${r.spanMin}-${r.spanMax}` },
            {
              key: 'status',
              label: 'Status',
              value: (r) => STATUS_TEXT[r.status],
              display: (r) => <Status s={r.status} />,
            },
          ]}
        />
      ) : null}
      {(managers.unlabelled ?? 0) > 0 && (
        <p className="muted" data-testid="off-target-unlabelled">
          {(managers.unlabelled ?? 0).toLocaleString('en')} of them lead a team under the minimum group size
          and are not named.
        </p>
      )}
    </>
  );
}

function DepartmentSection({
  rows,
  asOf,
  orgMin,
  orgMax,
  orgLayers,
}: {
  rows: Array<DepartmentTargetRow | ({ department: string } & SuppressedMarker)>;
  asOf: string;
  orgMin: number;
  orgMax: number;
  orgLayers: number;
}) {
  // Off-target departments first, then by name.
  const visible = rows
    .filter((r): r is DepartmentTargetRow => !('suppressed' in r))
    .sort((a, b) => Number(isOff(b)) - Number(isOff(a)) || a.department.localeCompare(b.department));
  const hiddenRows = rows.filter((r) => 'suppressed' in r);
  const hidden = hiddenRows.length;
  const off = visible.filter(isOff);
  const height = Math.max(250, visible.length * 28 + 60);
  return (
    <>
      <p data-testid="off-departments">
        <strong>{off.length}</strong> of {visible.length} departments off target
        {off.length ? `: ${off.map((d) => d.department).join(', ')}` : ''}.
      </p>
      <div className={`two-col ${styles.tall}`}>
        <ChartCard
          title="Median span by department"
          definition="Median direct reports over each department's managers. The shaded band is the organisation's target range; departments with their own range are compared with it (see the table)."
          rows={visible}
          filename={`department-median-span-${asOf}`}
          columns={[
            { key: 'department', label: 'Department', value: (r) => r.department },
            { key: 'medianSpan', label: 'Median span', value: (r) => r.medianSpan, numeric: true },
            { key: 'spanMin', label: 'Target min', value: (r) => r.target.spanMin, numeric: true },
            { key: 'spanMax', label: 'Target max', value: (r) => r.target.spanMax, numeric: true },
            {
              key: 'status',
              label: 'Status',
              value: (r) => (r.spanStatus ? STATUS_TEXT[r.spanStatus] : null),
            },
          ]}
        >
          <div style={{ height }}>
            <TargetBarChart
              data={visible}
              category="department"
              layout="vertical"
              series={[{ key: 'medianSpan', label: 'Median span' }]}
              marks={[{ kind: 'band', from: orgMin, to: orgMax, label: `Target ${orgMin}–${orgMax}` }]}
              valueLabel="Direct reports"
              categoryWidth={110}
            />
          </div>
        </ChartCard>
        <ChartCard
          title="Layers by department"
          definition="Deepest layer held in each department (org-wide layers, root = 1). The dashed line is the organisation's maximum; departments with their own maximum are compared with it (see the table)."
          rows={visible}
          filename={`department-layers-${asOf}`}
          columns={[
            { key: 'department', label: 'Department', value: (r) => r.department },
            { key: 'depth', label: 'Layers', value: (r) => r.depth, numeric: true },
            { key: 'maxLayers', label: 'Target max', value: (r) => r.target.maxLayers, numeric: true },
            {
              key: 'status',
              label: 'Status',
              value: (r) => (r.layersStatus ? STATUS_TEXT[r.layersStatus] : null),
            },
          ]}
        >
          <div style={{ height }}>
            <TargetBarChart
              data={visible}
              category="department"
              layout="vertical"
              series={[{ key: 'depth', label: 'Layers', colorIndex: 2 }]}
              marks={[{ kind: 'limit', at: orgLayers, label: `Max ${orgLayers}` }]}
              valueLabel="Layers"
              categoryWidth={110}
            />
          </div>
        </ChartCard>
      </div>
      <TableCard<DepartmentTargetRow>
        title="Departments against their targets"
        testId="off-target-departments"
        rows={visible}
        filename={`department-targets-${asOf}`}
        pageSize={50}
        intro={
          hidden > 0
            ? `${hidden} department${hidden === 1 ? ' is' : 's are'} left out: ${hiddenReasonsText(hiddenRows)}.`
            : undefined
        }
        columns={[
          { key: 'department', label: 'Department', value: (r) => r.department },
          { key: 'headcount', label: 'Headcount', value: (r) => r.headcount, numeric: true },
          { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
          {
            key: 'medianSpan',
            label: 'Median span (target)',
            value: (r) => r.medianSpan,
            display: (r) =>
              `${r.medianSpan ?? '—'} (${r.target.spanMin}–${r.target.spanMax}${r.ownTarget ? ', own' : ''})`,
            numeric: true,
          },
          { key: 'spanMin', label: 'Target min span', value: (r) => r.target.spanMin, csvOnly: true },
          { key: 'spanMax', label: 'Target max span', value: (r) => r.target.spanMax, csvOnly: true },
          {
            key: 'spanStatus',
            label: 'Span check',
            value: (r) => (r.spanStatus ? STATUS_TEXT[r.spanStatus] : null),
            display: (r) => <Status s={r.spanStatus} />,
          },
          {
            key: 'depth',
            label: 'Layers (max)',
            value: (r) => r.depth,
            display: (r) => `${r.depth} (${r.target.maxLayers})`,
            numeric: true,
          },
          { key: 'maxLayers', label: 'Target max layers', value: (r) => r.target.maxLayers, csvOnly: true },
          {
            key: 'layersStatus',
            label: 'Layer check',
            value: (r) => (r.layersStatus ? STATUS_TEXT[r.layersStatus] : null),
            display: (r) => <Status s={r.layersStatus} />,
          },
          { key: 'ownTarget', label: 'Own target', value: (r) => r.ownTarget, csvOnly: true },
          {
            key: 'offTargetManagers',
            label: 'Off-target managers',
            value: (r) => r.offTargetManagers,
            numeric: true,
          },
        ]}
      />
    </>
  );
}
