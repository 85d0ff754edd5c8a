// PATCH /api/admin/organisations/:id — rename {name}; DELETE — delete it and everything in it,
// confirmed by repeating its name {confirm} (admin only).
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { deleteOrganisation, renameOrganisation } from '@/lib/dal/organisations';
import { guardedRoute, readJson } from '@/lib/dal/route';

type Ctx = { params: Promise<{ id: string }> };

async function orgId(ctx: Ctx): Promise<number> {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError('Organisation id must be a positive whole number.');
  return id;
}

export const PATCH = guardedRoute<Ctx>(can.manageOrganisations, async (actor, req, ctx) => {
  const body = (await readJson(req)) as { name?: unknown } | null;
  return Response.json({ organisation: await renameOrganisation(actor, await orgId(ctx), body?.name) });
});

export const DELETE = guardedRoute<Ctx>(can.manageOrganisations, async (actor, req, ctx) => {
  const body = (await readJson(req)) as { confirm?: unknown } | null;
  await deleteOrganisation(actor, await orgId(ctx), body?.confirm);
  return Response.json({ ok: true });
});
