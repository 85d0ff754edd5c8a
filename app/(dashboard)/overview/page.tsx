import { can } from '@/lib/auth/permissions';
import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { OverviewView } from './_components/overview-view';

export const metadata = { title: 'Overview' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Overview: KPIs with change vs previous and vs peak, the flattening trend, spans, pyramid and findings. */
export default async function OverviewPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'overview');
  return (
    <DashboardPage title="Overview" actor={actor} prefetch={prefetch}>
      <OverviewView canMark={can.markSnapshots(actor)} />
    </DashboardPage>
  );
}
