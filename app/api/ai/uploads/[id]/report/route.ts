// GET /api/ai/uploads/:id/report — every problem of a pending AI upload as CSV (hr, admin).
import { can } from '@/lib/auth/permissions';
import { toCsv } from '@/lib/export/csv';
import { guardedRoute } from '@/lib/dal/route';
import { getAiUploadIssues } from '@/lib/dal/ai-uploads';

type Ctx = { params: Promise<{ id: string }> };

export const GET = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  const issues = await getAiUploadIssues(actor, (await ctx.params).id);
  const csv = toCsv(
    ['severity', 'code', 'file', 'row', 'column', 'message'],
    issues.map((i) => [i.severity, i.code, i.file ?? '', i.row ?? null, i.column ?? '', i.message]),
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="ai-validation-report.csv"',
    },
  });
});
