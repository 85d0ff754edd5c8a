import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/dal/session';
import { SnapshotTable } from './_components/snapshot-table';
import { UploadPanel } from './_components/upload-panel';

export const metadata = { title: 'Data' };

/** Data (hr, admin): upload org exports, map columns, read the validation report, commit; manage snapshots. */
export default async function DataPage() {
  await requirePageActor(can.manageData);
  return (
    <>
      <h1>Data</h1>
      <UploadPanel />
      <SnapshotTable />
    </>
  );
}
