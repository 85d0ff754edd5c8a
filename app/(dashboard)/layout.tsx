import type { ReactNode } from 'react';
import { roleLabel } from '@/lib/auth/roles';
import { describeActorScope } from '@/lib/dal/scope-names';
import { requirePageActor } from '@/lib/dal/session';
import { listMyOrganisations } from '@/lib/dal/organisations';
import { navFor } from '@/lib/nav';
import { OrgPicker } from '../_components/org-picker';
import { Sidebar } from '../_components/sidebar';
import { SignOutButton } from '../_components/sign-out-button';

/** Signed-in shell: sidebar with the pages this role may open, header with user, role and sign-out. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const [orgs, scope] = await Promise.all([listMyOrganisations(actor), describeActorScope(actor)]);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Sidebar items={navFor(actor.role)} />
      <div className="main">
        <header className="header">
          <div id="header-slot" />
          <div className="who">
            <OrgPicker orgs={orgs.map((o) => ({ id: o.id, name: o.name }))} current={actor.orgId} />
            <span data-testid="current-user">{actor.name || actor.email}</span>
            <span className="badge" data-testid="current-role">
              {roleLabel(actor.role)}
            </span>
            {scope && (
              <span className="badge warn" data-testid="current-scope">
                Scope: subtree of {scope}
              </span>
            )}
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
