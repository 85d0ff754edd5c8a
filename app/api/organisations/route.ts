// GET /api/organisations — the organisations the signed-in user may see, and the current one (any role).
import { guardedRoute } from '@/lib/dal/route';
import { listMyOrganisations } from '@/lib/dal/organisations';

export const GET = guardedRoute(null, async (actor) =>
  Response.json({ organisations: await listMyOrganisations(actor), current: actor.orgId || null }),
);
