// PUT /api/data/uploads/:id — validate again with a mapping / as-of / duplicate choice; DELETE — cancel (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { parseUploadOptions } from '@/lib/dal/upload-input';
import { cancelUpload, revalidateUpload } from '@/lib/dal/uploads';

type Ctx = { params: Promise<{ id: string }> };

export const PUT = guardedRoute<Ctx>(can.manageData, async (actor, req, ctx) => {
  const options = parseUploadOptions(await readJson(req));
  return Response.json({ upload: await revalidateUpload(actor, (await ctx.params).id, options) });
});

export const DELETE = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  await cancelUpload(actor, (await ctx.params).id);
  return new Response(null, { status: 204 });
});
