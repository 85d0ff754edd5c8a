import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/dal/session';
import { countSnapshots } from '@/lib/dal/snapshot-list';
import { EmptyState } from '@/app/_components/ui/states';
import { ReportsView } from './_components/reports-view';

export const metadata = { title: 'Reports' };

/** Reports: build a PDF planning-review pack, an XLSX workbook or a CSV table, and download recent ones. */
export default async function ReportsPage() {
  const actor = await requirePageActor();
  const hasData = (await countSnapshots(actor.orgId)) > 0;
  return (
    <>
      <h1>Reports</h1>
      <p className="muted">
        A pack for a planning review with exactly the numbers the dashboards show, for your scope. Reports are
        built in the background and kept here for seven days.
      </p>
      {hasData ? (
        <ReportsView canSeePeople={can.seePeople(actor)} scopeEmployeeId={actor.scopeEmployeeId} />
      ) : (
        <EmptyState canUpload={can.manageData(actor)} />
      )}
    </>
  );
}
