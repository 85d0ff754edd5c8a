// POST /api/admin/organisations/remove-demo — "Remove demo company": deletes the demo organisation
// and everything in it (admin only).
import { can } from '@/lib/auth/permissions';
import { removeDemoCompany } from '@/lib/dal/organisations';
import { guardedRoute } from '@/lib/dal/route';

export const POST = guardedRoute(can.manageOrganisations, async (actor) =>
  Response.json({ removed: await removeDemoCompany(actor) }),
);
