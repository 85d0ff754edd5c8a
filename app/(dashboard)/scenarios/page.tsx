import { can } from '@/lib/auth/permissions';
import { describeActorScope } from '@/lib/dal/scope-names';
import { requirePageActor } from '@/lib/dal/session';
import { countSnapshots } from '@/lib/dal/snapshot-list';
import { EmptyState } from '@/app/_components/ui/states';
import { ScenarioList } from './_components/scenario-list';

export const metadata = { title: 'Scenarios' };

/** Org design scenarios (issue #14): the list, and a new scenario from a snapshot. */
export default async function ScenariosPage() {
  const actor = await requirePageActor(can.planScenarios);
  const hasData = (await countSnapshots(actor.orgId)) > 0;
  const scope = await describeActorScope(actor);
  return (
    <>
      <h1>Scenarios</h1>
      <p className="muted">
        Draft the next structure on a copy of a snapshot: move, remove, merge and add positions, change
        levels, and see every figure before and after. Nothing here changes the imported data.
        {scope ? ` You plan inside the subtree of ${scope}.` : ''}
      </p>
      {hasData ? (
        <ScenarioList scoped={actor.scopeEmployeeId !== null} />
      ) : (
        <EmptyState canUpload={can.manageData(actor)} />
      )}
    </>
  );
}
