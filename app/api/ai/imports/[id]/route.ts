// DELETE /api/ai/imports/:id — delete one AI import with its rows, audited (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { deleteAiImport } from '@/lib/dal/ai-imports';
import { ValidationError } from '@/lib/dal/errors';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0) throw new ValidationError('Import ids are positive whole numbers.');
  await deleteAiImport(actor, id);
  return new Response(null, { status: 204 });
});
