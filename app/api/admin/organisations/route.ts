// GET /api/admin/organisations — every organisation with what it holds; POST — create one (admin only).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { createOrganisation, listOrganisations } from '@/lib/dal/organisations';

export const GET = guardedRoute(can.manageOrganisations, async (actor) =>
  Response.json({ organisations: await listOrganisations(actor) }),
);

export const POST = guardedRoute(can.manageOrganisations, async (actor, req) => {
  const body = (await readJson(req)) as { name?: unknown } | null;
  return Response.json(
    { organisation: await createOrganisation(actor, { name: body?.name }) },
    { status: 201 },
  );
});
