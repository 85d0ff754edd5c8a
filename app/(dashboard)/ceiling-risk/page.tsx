import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { CeilingRiskView } from './_components/ceiling-risk-view';

export const metadata = { title: 'IC-ceiling risk' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Ceiling risk: department x level heatmap, the ICs at risk (roles that may see people), leavers at the ceiling. */
export default async function CeilingRiskPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'ceiling-risk');
  return (
    <DashboardPage
      title="IC-ceiling risk"
      intro="Individual contributors with no rung above them, who have stood still: where they are, who they are, and whether they leave more often."
      actor={actor}
      prefetch={prefetch}
    >
      <CeilingRiskView />
    </DashboardPage>
  );
}
