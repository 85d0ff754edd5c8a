import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/dal/session';
import { homeFor } from '@/lib/nav';

/** The root sends each role to its first page. */
export default async function HomePage() {
  const actor = await requirePageActor();
  redirect(homeFor(actor.role));
}
