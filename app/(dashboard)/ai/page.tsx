import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { requirePageActor } from '@/lib/dal/session';
import { DashboardPage } from '@/app/_components/dashboard/dashboard-page';
import { buildAiOrgOnly } from '@/lib/dal/dashboards/ai';
import { AiView } from './_components/ai-view';
import { OrgOnlyTools } from './_components/payoff';

export const metadata = { title: 'AI productivity' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** AI productivity: adoption, acceptance, AI-assisted PRs, throughput and cost per period, per manager subtree. */
export default async function AiPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const prefetch = await prefetchDashboard(actor, await searchParams, 'ai');
  const orgOnly = prefetch.kind === 'empty' ? await buildAiOrgOnly(actor) : null;
  return (
    <>
      <DashboardPage
        title="AI productivity"
        intro="GitHub Copilot, Claude Code, Cursor and Windsurf usage, seats and pull requests joined to the org chart, so every figure rolls up by manager subtree."
        actor={actor}
        prefetch={prefetch}
      >
        <AiView />
      </DashboardPage>
      {orgOnly && <OrgOnlyTools p={orgOnly} />}
    </>
  );
}
