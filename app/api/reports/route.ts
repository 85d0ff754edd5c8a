// POST /api/reports — start a report (PDF pack, XLSX workbook or CSV of one table) in the background;
// GET /api/reports — the caller's recent reports. Any signed-in role; the DAL applies scope and privacy.
import { guardedRoute, readJson } from '@/lib/dal/route';
import { listReportJobs, startReportJob } from '@/lib/dal/reports/jobs';

export const POST = guardedRoute(null, async (actor, req) =>
  Response.json({ report: await startReportJob(actor, await readJson(req)) }, { status: 202 }),
);

export const GET = guardedRoute(null, async (actor) =>
  Response.json({ reports: await listReportJobs(actor) }),
);
