'use client';

import { formatDay, formatDaysIn, formatPeriod } from '@/lib/dates';
import Link from 'next/link';
import { useState } from 'react';
import type { AiDashboard } from '@/lib/dal/dashboards/ai';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SimpleScatterChart } from '@/app/_components/charts/scatter-chart';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { AiKpiCards } from './ai-kpi-cards';
import styles from './ai.module.css';
import { ManagerTable } from './manager-table';
import { PayoffAnswer, PayoffStructure, ToolTable, toolTotals } from './payoff';
import { PeriodPicker } from './period-picker';
import { SeatsCard } from './seats-card';
import { TrendCharts } from './trend-charts';

/** The AI productivity dashboard body (client; data from the prefetched react-query cache). */
export function AiView() {
  const q = useDashboard('ai');
  if (q.isPending) return <Skeleton height={420} label="Loading AI productivity" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const d = q.data;
  const scope = [d.scope.department, d.scope.subtreeName ?? d.scope.subtree].filter(Boolean).join(' · ');
  return (
    <div data-testid="ai-dashboard">
      <div className={styles.bar}>
        <p className="muted" style={{ margin: 0 }} data-chart-scope>
          {d.window ? (
            <>
              <strong data-testid="ai-period" suppressHydrationWarning>
                {formatPeriod(d.window)}
              </strong>
              {d.snapshotAsOf ? ` — people placed as in the ${formatDay(d.snapshotAsOf)} org snapshot` : ''}
            </>
          ) : (
            'No AI-usage data yet'
          )}
          {scope ? ` — ${scope}` : ' — whole organisation'}
        </p>
        {d.months.length > 0 && <PeriodPicker months={d.months} window={d.window} />}
      </div>
      {d.canManage && (
        <p>
          <Link href="/ai/data">Upload AI usage and review identities</Link>
        </p>
      )}
      {!d.hasData ? (
        <div className="card empty">
          <h2>No AI usage for this period</h2>
          <p>
            {d.months.length === 0
              ? 'Figures appear once AI-usage data (GitHub Copilot, Claude Code, Cursor or Windsurf exports, or the generic CSV) has been imported.'
              : 'Pick a month that has data.'}
          </p>
          {d.canManage && d.months.length === 0 && (
            <Link className="button" href="/ai/data">
              Upload AI usage
            </Link>
          )}
        </div>
      ) : (
        <>
          {d.unmatchedShare !== null && d.unmatchedShare > 0 && (
            <p className={styles.note} role="note" data-testid="unmatched-banner">
              {(d.unmatchedShare * 100).toFixed(1)}% of AI-active users in{' '}
              <span suppressHydrationWarning>{d.window ? formatPeriod(d.window) : 'this period'}</span> could
              not be joined to an employee by GitHub login or email; they are left out of every figure below
              (the share is shown beside each).{' '}
              {d.canManage && <Link href="/ai/data#identity-review">Review identities</Link>}
            </p>
          )}
          {d.notes.map((n) => (
            <p key={n} className={styles.note} role="note">
              {formatDaysIn(n)}
            </p>
          ))}
          <Payoff d={d} />
          {isSuppressed(d.kpis) ? (
            <SuppressedNote marker={d.kpis} />
          ) : (
            <AiKpiCards kpis={d.kpis} canManage={d.canManage} />
          )}
          <ManagerTable
            rows={d.managers}
            unmatchedShare={d.unmatchedShare}
            canManage={d.canManage}
            period={d.window?.month ?? `${d.window?.from}-${d.window?.to}`}
          />
          <Scatter d={d} />
          <TrendCharts d={d} />
        </>
      )}
      <SeatsCard d={d} />
    </div>
  );
}

function Payoff({ d }: { d: AiDashboard }) {
  const p = d.payoff;
  if (p === null) return null;
  if (isSuppressed(p)) return <SuppressedNote marker={p} />;
  const filename = `ai-${d.window?.month ?? d.window?.from ?? 'period'}`;
  return (
    <>
      <PayoffAnswer p={p} filename={filename} />
      <ToolTable tools={p.byTool} filename={filename} totals={toolTotals(p)} />
      <PayoffStructure p={p} filename={filename} />
    </>
  );
}

function Scatter({ d }: { d: AiDashboard }) {
  const [firstLine, setFirstLine] = useState(true);
  const points = d.scatter.filter((p) => !firstLine || p.firstLine);
  const rows = points.map((p) => ({
    id: p.id,
    label: p.name ?? p.id,
    x: p.adoption,
    y: p.throughputPerEngineerWeek,
    z: p.engineers,
    layer: p.layer,
  }));
  return (
    <ChartCard
      title="Adoption vs throughput, per manager"
      definition={`Each dot is a manager's subtree: adoption (x) against PRs merged per engineer per week (y), dot size = engineers. Groups under the minimum size are left out for leaders and viewers.${
        d.unmatchedShare
          ? ` ${(d.unmatchedShare * 100).toFixed(1)}% of AI-active users are joined to no employee and are in no dot.`
          : ''
      }`}
      rows={rows}
      filename={`ai-adoption-vs-throughput-${d.window?.month ?? 'period'}`}
      columns={[
        { key: 'label', label: 'Manager', value: (r) => r.label },
        { key: 'id', label: 'Employee ID', value: (r) => r.id },
        { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
        { key: 'z', label: 'Engineers', value: (r) => r.z, numeric: true },
        { key: 'x', label: 'Adoption', value: (r) => r.x, numeric: true },
        { key: 'y', label: 'PRs / engineer / week', value: (r) => r.y, numeric: true },
      ]}
      actions={
        <div className="field checkbox" style={{ margin: 0 }}>
          <input
            id="ai-scatter-first-line"
            type="checkbox"
            checked={firstLine}
            onChange={(e) => setFirstLine(e.target.checked)}
          />
          <label htmlFor="ai-scatter-first-line">First-line managers only</label>
        </div>
      }
    >
      {rows.length === 0 ? (
        <p className="muted">
          No manager has both adoption and throughput for this period (throughput needs merged-PR data).
        </p>
      ) : (
        <SimpleScatterChart
          data={rows}
          xLabel="Adoption"
          yLabel="PRs / engineer / week"
          xFormat="percent"
          yFormat="decimal"
        />
      )}
    </ChartCard>
  );
}
