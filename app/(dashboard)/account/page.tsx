import { roleLabel } from '@/lib/auth/roles';
import { describeActorScope } from '@/lib/dal/scope-names';
import { requirePageActor } from '@/lib/dal/session';

export const metadata = { title: 'Your account' };

const ROLE_TEXT = {
  admin: 'Everything: users, roles, scopes, ladder and privacy settings, data and reports.',
  hr: 'Upload and delete data, fix mappings, and see person-level data for the whole organisation.',
  leader: 'Dashboards and reports for your scope; person-level lists only inside it.',
  viewer: 'Aggregated dashboards for your scope; no person-level data.',
} as const;

/** Who you are signed in as and what your role allows. */
export default async function AccountPage() {
  const actor = await requirePageActor();
  const scope = await describeActorScope(actor);
  return (
    <div className="card">
      <h1>Your account</h1>
      <dl>
        <dt>Email</dt>
        <dd>{actor.email}</dd>
        <dt>Role</dt>
        <dd>
          {roleLabel(actor.role)} — {ROLE_TEXT[actor.role]}
        </dd>
        <dt>Scope</dt>
        <dd>{scope ? `The subtree of ${scope}` : 'The whole organisation'}</dd>
      </dl>
    </div>
  );
}
