'use client';

import { Day } from '@/app/_components/ui/day';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { scopeText } from './format';
import { LadderKpis } from './ladder-kpis';
import { LevelsCard } from './levels-card';
import { LadderTable } from './ladder-table';
import { MovesCard } from './moves-card';
import { VelocityCard } from './velocity-card';

/** The Ladder dashboard body (client; data from the prefetched react-query cache). */
export function LadderView() {
  const q = useDashboard('ladder');
  if (q.isPending) return <Skeleton height={420} label="Loading the ladder" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const d = q.data;
  return (
    <div data-testid="ladder">
      <p className="muted" data-chart-scope>
        As of{' '}
        <strong>
          <Day iso={d.asOf} />
        </strong>{' '}
        — {scopeText(d.scope)}. Ladder: {d.ladderName}.
      </p>
      {isSuppressed(d.summary) ? (
        <SuppressedNote marker={d.summary} />
      ) : (
        <>
          <LadderKpis summary={d.summary} />
          <LevelsCard data={d} />
          <LadderTable data={d} />
          <div className="two-col">
            <VelocityCard data={d} />
            <MovesCard data={d} />
          </div>
        </>
      )}
    </div>
  );
}
