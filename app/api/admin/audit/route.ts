// GET /api/admin/audit — the audit log, filtered by action, actor, text and date range (admin only).
import { can } from '@/lib/auth/permissions';
import { listAudit } from '@/lib/dal/audit';
import { guardedRoute } from '@/lib/dal/route';

export const GET = guardedRoute(can.readAudit, async (actor, req) => {
  const p = new URL(req.url).searchParams;
  const opt = (k: string) => p.get(k) || undefined;
  return Response.json(
    await listAudit(actor, {
      action: opt('action'),
      actor: opt('actor'),
      q: opt('q'),
      from: opt('from'),
      to: opt('to'),
    }),
  );
});
