import Link from 'next/link';
import { roleLabel } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/session';
import { homeFor } from '@/lib/nav';

export const metadata = { title: 'Not allowed' };

/** Shown when a signed-in user opens a page their role does not allow. */
export default async function DeniedPage() {
  const actor = await requirePageActor();
  return (
    <div className="card" role="alert">
      <h1>Not allowed</h1>
      <p>
        Your role ({roleLabel(actor.role)}) does not allow that page. Ask an administrator if you need access.
      </p>
      <Link href={homeFor(actor.role)}>Back to your start page</Link>
    </div>
  );
}
