// POST /api/ai/uploads/:id/commit — import the pending AI upload in one transaction (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { commitAiUpload } from '@/lib/dal/ai-uploads';

type Ctx = { params: Promise<{ id: string }> };

export const POST = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  return Response.json({ result: await commitAiUpload(actor, (await ctx.params).id) });
});
