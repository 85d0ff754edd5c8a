'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';
import { ErrorCard, Skeleton } from '@/app/_components/ui/states';
import { RecentReports } from './recent-reports';
import { ReportForm } from './report-form';
import styles from './reports.module.css';
import type { ReportJob, ReportRequest, ScenarioChoice } from './types';

const KEY = ['reports', 'recent'] as const;

/** The Reports page body: the request form and the list of recent reports (polled while any is running). */
export function ReportsView({
  canSeePeople,
  scopeLabel,
  scenarios,
}: {
  canSeePeople: boolean;
  scopeLabel: string | null;
  /** the scenarios the user may include (none for roles that do not plan) */
  scenarios: ScenarioChoice[];
}) {
  const qc = useQueryClient();
  const [started, setStarted] = useState<number | null>(null);
  const reports = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson<{ reports: ReportJob[] }>('/api/reports'),
    refetchInterval: (q) =>
      q.state.data?.reports.some((r) => r.status === 'queued' || r.status === 'running') ? 800 : false,
  });
  const start = useMutation({
    mutationFn: (body: ReportRequest) =>
      fetchJson<{ report: ReportJob }>('/api/reports', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: ({ report }) => {
      setStarted(report.id);
      qc.setQueryData<{ reports: ReportJob[] }>(KEY, (old) => ({
        reports: [report, ...(old?.reports ?? []).filter((r) => r.id !== report.id)],
      }));
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const current = reports.data?.reports.find((r) => r.id === started) ?? null;
  return (
    <div className={styles.layout}>
      <ReportForm
        canSeePeople={canSeePeople}
        scopeLabel={scopeLabel}
        scenarios={scenarios}
        busy={start.isPending}
        error={start.error ? start.error.message : null}
        onSubmit={(r) => start.mutate(r)}
      />
      <section className="card" aria-labelledby="recent-h">
        <h2 id="recent-h">Recent reports</h2>
        <p className="visually-hidden" aria-live="polite">
          {current
            ? current.status === 'done'
              ? `Report ${current.id} is ready to download.`
              : current.status === 'failed'
                ? `Report ${current.id} failed.`
                : ''
            : ''}
        </p>
        {reports.isPending ? (
          <Skeleton height={160} label="Loading recent reports" />
        ) : reports.error ? (
          <ErrorCard message={reports.error.message} />
        ) : (
          <RecentReports reports={reports.data.reports} highlight={started} />
        )}
      </section>
    </div>
  );
}
