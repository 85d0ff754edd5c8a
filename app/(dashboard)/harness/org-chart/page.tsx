import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/dal/session';
import { isTestHarnessEnabled } from '@/lib/dal/test-harness';
import { HarnessChart } from './_components/harness-chart';

export const metadata = { title: 'Org chart test harness' };

/** Test-only: the org chart on a synthetic tree, editable (404 unless the e2e server enables it). */
export default async function OrgChartHarnessPage() {
  if (!isTestHarnessEnabled()) notFound();
  await requirePageActor();
  return (
    <main className="card">
      <h1>Org chart test harness</h1>
      <HarnessChart />
    </main>
  );
}
