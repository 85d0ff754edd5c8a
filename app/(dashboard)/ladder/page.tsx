import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { LadderView } from './_components/ladder-view';

export const metadata = { title: 'Career ladder' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Ladder: IC vs manager levels per department, ladder depth and ceiling, parity, promotion velocity, track moves. */
export default async function LadderPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'ladder');
  return (
    <DashboardPage
      title="Career ladder"
      intro="Where the IC ladder tops out in each department, whether senior ICs reach the rungs managers do, how fast people climb, and how often they switch tracks."
      actor={actor}
      prefetch={prefetch}
    >
      <LadderView />
    </DashboardPage>
  );
}
