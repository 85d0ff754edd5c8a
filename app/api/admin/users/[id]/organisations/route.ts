// GET /api/admin/users/:id/organisations — the organisations a user may see; PUT {orgIds} — set
// them (admin only; admins see every organisation whatever is stored).
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { getUserOrganisations, setUserOrganisations } from '@/lib/dal/organisations';
import { guardedRoute, readJson } from '@/lib/dal/route';

type Ctx = { params: Promise<{ id: string }> };

async function userId(ctx: Ctx): Promise<number> {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0) throw new ValidationError('User id must be a positive whole number.');
  return id;
}

export const GET = guardedRoute<Ctx>(can.manageOrganisations, async (actor, _req, ctx) =>
  Response.json({ orgIds: await getUserOrganisations(actor, await userId(ctx)) }),
);

export const PUT = guardedRoute<Ctx>(can.manageOrganisations, async (actor, req, ctx) => {
  const body = (await readJson(req)) as { orgIds?: unknown } | null;
  return Response.json({ orgIds: await setUserOrganisations(actor, await userId(ctx), body?.orgIds) });
});
