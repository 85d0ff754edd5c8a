import { can } from '@/lib/auth/permissions';
import { describeActorScope } from '@/lib/dal/scope-names';
import { requirePageActor } from '@/lib/dal/session';
import { listScenarios } from '@/lib/dal/scenarios';
import { countSnapshots } from '@/lib/dal/snapshot-list';
import { EmptyState } from '@/app/_components/ui/states';
import { ReportsView } from './_components/reports-view';

export const metadata = { title: 'Reports' };

/** Reports: build a PDF planning-review pack, an XLSX workbook or a CSV table, and download recent ones. */
export default async function ReportsPage() {
  const actor = await requirePageActor();
  const hasData = (await countSnapshots(actor.orgId)) > 0;
  // The scenarios this user may put into a pack (hr/admin: all of the organisation; a leader: their subtree's).
  const scenarios =
    hasData && can.planScenarios(actor)
      ? (await listScenarios(actor)).map(({ id, name, status, fromAsOf, unitRootId, unitLabel }) => ({
          id,
          name,
          status,
          fromAsOf,
          unitRootId,
          unitLabel,
        }))
      : [];
  return (
    <>
      <h1>Reports</h1>
      <p className="muted">
        A pack for a planning review with exactly the numbers the dashboards show, for your scope. Reports are
        built in the background and kept here for seven days.
      </p>
      {hasData ? (
        <ReportsView
          canSeePeople={can.seePeople(actor)}
          scopeLabel={await describeActorScope(actor)}
          scenarios={scenarios}
        />
      ) : (
        <EmptyState canUpload={can.manageData(actor)} />
      )}
    </>
  );
}
