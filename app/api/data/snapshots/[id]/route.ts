// DELETE /api/data/snapshots/:id — delete one snapshot version, audited (hr, admin).
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute } from '@/lib/dal/route';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { deleteSnapshot } from '@/lib/dal/snapshots';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = guardedRoute<Ctx>(['admin', 'hr'], async (actor, _req, ctx) => {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError('Snapshot id must be a positive whole number.');
  await deleteSnapshot(actor, id);
  clearPreparedCache();
  return new Response(null, { status: 204 });
});
