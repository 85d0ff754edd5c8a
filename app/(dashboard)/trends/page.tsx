import { can } from '@/lib/auth/permissions';
import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { TrendsView } from './_components/trends-view';

export const metadata = { title: 'Trends' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Trends: every structure and ladder metric over the snapshot series, change since peak, delayering timeline. */
export default async function TrendsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'trends');
  return (
    <DashboardPage
      title="Trends"
      intro="How the structure and the ladder moved snapshot by snapshot: pick metrics, read the change since the previous snapshot and since the peak, and see when managers were delayered."
      actor={actor}
      prefetch={prefetch}
    >
      <TrendsView isAdmin={can.setTargets(actor)} canMark={can.markSnapshots(actor)} />
    </DashboardPage>
  );
}
