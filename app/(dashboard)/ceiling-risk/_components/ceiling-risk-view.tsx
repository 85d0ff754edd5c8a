'use client';

import { Day } from '@/app/_components/ui/day';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { scopeText } from '../../ladder/_components/format';
import { RiskKpis } from './risk-kpis';
import { RiskHeatmapCard } from './risk-heatmap-card';
import { RiskPeopleCard } from './risk-people-card';
import { LeaversCard } from './leavers-card';
import { ScoreExplainer } from './score-explainer';
import { UnitStepsCard } from './unit-steps-card';

/** The Ceiling-risk dashboard body (client; data from the prefetched react-query cache). */
export function CeilingRiskView() {
  const q = useDashboard('ceiling-risk');
  if (q.isPending) return <Skeleton height={420} label="Loading ceiling risk" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const d = q.data;
  return (
    <div data-testid="ceiling-risk">
      <p className="muted" data-chart-scope>
        As of{' '}
        <strong>
          <Day iso={d.asOf} />
        </strong>{' '}
        — {scopeText(d.scope)}. History from {d.historyFrom ? <Day iso={d.historyFrom} /> : '—'}.
      </p>
      {isSuppressed(d.summary) ? (
        <SuppressedNote marker={d.summary} />
      ) : (
        <>
          <RiskKpis data={d} summary={d.summary} />
          <ScoreExplainer data={d} />
          <RiskHeatmapCard data={d} />
          <UnitStepsCard data={d} />
          <RiskPeopleCard data={d} />
          <LeaversCard data={d} />
        </>
      )}
    </div>
  );
}
