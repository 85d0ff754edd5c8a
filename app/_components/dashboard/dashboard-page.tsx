import { can } from '@/lib/auth/permissions';
import { HydrationBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PrefetchResult } from '@/lib/dal/dashboards/prefetch';
import type { Actor } from '@/lib/dal/actor';
import { DashboardControls } from '../dashboard-controls';
import { EmptyState, ErrorCard } from '../ui/states';

/** Shared frame of every dashboard page: title, global controls, then the prefetched view (or empty / error). */
export function DashboardPage({
  title,
  intro,
  actor,
  prefetch,
  children,
}: {
  title: string;
  intro?: string;
  actor: Actor;
  prefetch: PrefetchResult;
  children: ReactNode;
}) {
  const canUpload = can.manageData(actor);
  return (
    <>
      <h1>{title}</h1>
      {intro && <p className="muted">{intro}</p>}
      {prefetch.kind === 'empty' ? (
        <EmptyState canUpload={canUpload} />
      ) : (
        <>
          <DashboardControls
            scopeLabel={actor.scopeEmployeeId ? `your scope, ${actor.scopeEmployeeId}` : null}
          />
          {prefetch.kind === 'error' ? (
            <ErrorCard message={prefetch.message} />
          ) : (
            <HydrationBoundary state={prefetch.state}>{children}</HydrationBoundary>
          )}
        </>
      )}
    </>
  );
}
