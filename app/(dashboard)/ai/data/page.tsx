import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/dal/session';
import { AiImportsTable } from './_components/ai-imports-table';
import { AiUploadPanel } from './_components/ai-upload-panel';
import { IdentityReview } from './_components/identity-review';

export const metadata = { title: 'AI data' };

/** AI data (hr, admin): upload AI-usage exports with a validation report, join unmatched identities to people, manage imports. */
export default async function AiDataPage() {
  await requirePageActor(can.manageData);
  return (
    <>
      <h1>AI data</h1>
      <p className="muted">
        Upload GitHub Copilot reports, Cursor exports or a generic AI-usage CSV. People are joined to the org
        chart by GitHub login and email; anyone who cannot be joined is listed below for you to map by hand.
      </p>
      <AiUploadPanel />
      <IdentityReview />
      <AiImportsTable />
    </>
  );
}
