// DELETE /api/data/snapshots/:id — delete one snapshot version, audited (hr, admin).
// PATCH /api/data/snapshots/:id {notComparable: boolean} — mark a change of scope, audited (hr, admin).
import { can } from '@/lib/auth/permissions';
import { z } from 'zod';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { setNotComparable } from '@/lib/dal/scope-marks';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { deleteSnapshot } from '@/lib/dal/snapshots';

type Ctx = { params: Promise<{ id: string }> };

async function snapshotId(ctx: Ctx): Promise<number> {
  const id = Number((await ctx.params).id);
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError('Snapshot id must be a positive whole number.');
  return id;
}

export const DELETE = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  await deleteSnapshot(actor, await snapshotId(ctx));
  clearPreparedCache();
  return new Response(null, { status: 204 });
});

const patchSchema = z.object({ notComparable: z.boolean() }).strict();

export const PATCH = guardedRoute<Ctx>(can.markSnapshots, async (actor, req, ctx) => {
  const id = await snapshotId(ctx);
  const body = patchSchema.safeParse(await readJson(req));
  if (!body.success) throw new ValidationError('Send {"notComparable": true} or {"notComparable": false}.');
  return Response.json(await setNotComparable(actor, id, body.data.notComparable));
});
