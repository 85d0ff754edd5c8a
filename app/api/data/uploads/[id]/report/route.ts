// GET /api/data/uploads/:id/report — the full validation report as CSV (hr, admin).
import { can } from '@/lib/auth/permissions';
import { toCsv } from '@/lib/export/csv';
import { guardedRoute } from '@/lib/dal/route';
import { getUploadReport } from '@/lib/dal/uploads';

type Ctx = { params: Promise<{ id: string }> };

export const GET = guardedRoute<Ctx>(can.manageData, async (actor, _req, ctx) => {
  const issues = await getUploadReport(actor, (await ctx.params).id);
  const csv = toCsv(
    ['severity', 'code', 'file', 'row', 'column', 'ids', 'message'],
    issues.map((i) => [
      i.severity,
      i.code,
      i.file ?? '',
      i.row ?? null,
      i.column ?? '',
      (i.ids ?? []).join(' '),
      i.message,
    ]),
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="validation-report.csv"',
    },
  });
});
