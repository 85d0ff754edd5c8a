// PATCH /api/admin/users/:id — edit role, scope, name, disabled flag or password (admin only).
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { updateUser } from '@/lib/dal/users';

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = guardedRoute<Ctx>(can.manageUsers, async (actor, req, ctx) => {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0) throw new ValidationError('User id must be a positive whole number.');
  return Response.json({ user: await updateUser(actor, id, await readJson(req)) });
});
