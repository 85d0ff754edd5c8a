import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/dal/session';
import { AdminTabs } from './_components/admin-tabs';

export const metadata = { title: 'Admin' };

/** Admin: users, roles and scopes; organisation settings; audit log. */
export default async function AdminPage() {
  const actor = await requirePageActor(can.administer);
  return (
    <>
      <h1>Admin</h1>
      <AdminTabs selfId={actor.userId} />
    </>
  );
}
