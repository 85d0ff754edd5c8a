import { can } from '@/lib/auth/permissions';
import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { TargetsView } from './_components/targets-view';

export const metadata = { title: 'Targets' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Targets: the span range and layer limit (an admin edits them, everyone reads), and what is off target. */
export default async function TargetsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'off-target');
  return (
    <DashboardPage
      title="Targets"
      intro="A target span range and a maximum number of layers, for the organisation and per department. Charts on Trends and Compare draw them; below, the departments and managers outside them."
      actor={actor}
      prefetch={prefetch}
    >
      <TargetsView canEdit={can.setTargets(actor)} />
    </DashboardPage>
  );
}
