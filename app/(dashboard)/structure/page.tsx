import { can } from '@/lib/auth/permissions';
import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { getSettings } from '@/lib/dal/settings';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { StructureView } from './_components/structure-view';

export const metadata = { title: 'Structure' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Structure: spans and bands, the pyramid, narrow spans, the department table and the org explorer. */
export default async function StructurePage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'structure');
  const { minGroupSize } = await getSettings(actor);
  return (
    <DashboardPage
      title="Structure"
      intro="Spans of control, layers and the shape of the org; open the explorer to walk the tree and scope everything to any manager."
      actor={actor}
      prefetch={prefetch}
    >
      <StructureView canSeePeople={can.seePeople(actor)} minGroupSize={minGroupSize} />
    </DashboardPage>
  );
}
