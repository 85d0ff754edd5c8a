// GET /api/ai/imports — committed AI imports, newest first (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { listAiImports } from '@/lib/dal/ai-imports';

export const GET = guardedRoute(can.manageData, async (actor) =>
  Response.json({ imports: await listAiImports(actor) }),
);
