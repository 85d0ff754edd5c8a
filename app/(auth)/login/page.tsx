import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { isSsoConfigured } from '@/lib/auth/options';
import { getActor, getNoAccessReason } from '@/lib/dal/session';
import { homeFor } from '@/lib/nav';
import { LoginForm } from './_components/login-form';

export const metadata: Metadata = { title: 'Sign in' };

/** PUBLIC: the sign-in page (the only page reachable without a session). */
export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  const noAccess = await getNoAccessReason();
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Sign in to Strata</h1>
        <p className="muted">Org structure, career ladders and AI productivity for engineering leadership.</p>
        {noAccess && (
          <p role="alert" className="alert error" data-testid="no-access">
            {noAccess}
          </p>
        )}
        <LoginForm sso={isSsoConfigured()} />
      </div>
    </main>
  );
}
