// GET /api/admin/settings — read; PUT /api/admin/settings — change organisation settings (admin only).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { getSettings, updateSettings } from '@/lib/dal/settings';

export const GET = guardedRoute(can.changeSettings, async (actor) =>
  Response.json({ settings: await getSettings(actor) }),
);

export const PUT = guardedRoute(can.changeSettings, async (actor, req) =>
  Response.json({ settings: await updateSettings(actor, await readJson(req)) }),
);
