// DELETE /api/ai/uploads/:id — abandon a pending AI upload (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { cancelAiUpload } from '@/lib/dal/ai-uploads';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  await cancelAiUpload(actor, (await ctx.params).id);
  return new Response(null, { status: 204 });
});
