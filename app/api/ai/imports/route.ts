// GET /api/ai/imports — committed AI imports, newest first (hr, admin).
import { guardedRoute } from '@/lib/dal/route';
import { listAiImports } from '@/lib/dal/ai-imports';

export const GET = guardedRoute(['admin', 'hr'], async (actor) =>
  Response.json({ imports: await listAiImports(actor) }),
);
