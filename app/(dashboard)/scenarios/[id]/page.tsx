import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/dal/session';
import { ScenarioEditor } from '../_components/scenario-editor';

export const metadata = { title: 'Scenario' };

/** One scenario: its operations, suggestions, before/after figures, people affected and health flags. */
export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(can.planScenarios);
  const id = Number((await params).id);
  return (
    <ScenarioEditor
      id={Number.isSafeInteger(id) && id > 0 ? id : 0}
      canApprove={can.approveScenarios(actor)}
    />
  );
}
