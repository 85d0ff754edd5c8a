import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { CompareView } from './_components/compare-view';

export const metadata = { title: 'Compare snapshots' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Compare: two snapshots side by side with the differences and the people who joined, left, moved or were promoted. */
export default async function ComparePage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'compare');
  return (
    <DashboardPage
      title="Compare snapshots"
      intro="Two snapshots side by side for the same unit: layers, spans, middle managers and departments, and who joined, left, moved or was promoted in between."
      actor={actor}
      prefetch={prefetch}
    >
      <CompareView />
    </DashboardPage>
  );
}
