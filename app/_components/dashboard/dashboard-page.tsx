import { can } from '@/lib/auth/permissions';
import { HydrationBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PrefetchResult } from '@/lib/dal/dashboards/prefetch';
import type { Actor } from '@/lib/dal/actor';
import { describeActorScope } from '@/lib/dal/scope-names';
import { DashboardControls } from '../dashboard-controls';
import { EmptyState, ErrorCard } from '../ui/states';

/** Shared frame of every dashboard page: title, global controls, then the prefetched view (or empty / error). */
export async function DashboardPage({
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
  const scope = prefetch.kind === 'empty' ? null : await describeActorScope(actor);
  return (
    <>
      <h1>{title}</h1>
      {intro && <p className="muted">{intro}</p>}
      {prefetch.kind === 'empty' ? (
        <EmptyState canUpload={canUpload} />
      ) : (
        <>
          <DashboardControls scopeLabel={scope ? `your scope, ${scope}` : null} />
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
