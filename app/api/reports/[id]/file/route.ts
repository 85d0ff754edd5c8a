// GET /api/reports/:id/file — download a finished report (its creator or an admin).
import { guardedRoute } from '@/lib/dal/route';
import { getReportFile } from '@/lib/dal/reports/jobs';
import { parseReportId } from '@/lib/dal/reports/route-params';

type Ctx = { params: Promise<{ id: string }> };

export const GET = guardedRoute<Ctx>(null, async (actor, _req, ctx) => {
  const file = await getReportFile(actor, parseReportId((await ctx.params).id));
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
