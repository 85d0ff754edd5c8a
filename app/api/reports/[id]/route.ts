// GET /api/reports/:id — status and progress of one report (its creator or an admin).
import { guardedRoute } from '@/lib/dal/route';
import { getReportJob } from '@/lib/dal/reports/jobs';
import { parseReportId } from '@/lib/dal/reports/route-params';

type Ctx = { params: Promise<{ id: string }> };

export const GET = guardedRoute<Ctx>(null, async (actor, _req, ctx) =>
  Response.json({ report: await getReportJob(actor, parseReportId((await ctx.params).id)) }),
);
