// GET /api/targets — the span and layer targets (any role); PUT /api/targets — replace them (admin only, audited).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { getTargets, updateTargets } from '@/lib/dal/targets';

export const GET = guardedRoute(null, async (actor) => Response.json(await getTargets(actor)));

export const PUT = guardedRoute(can.setTargets, async (actor, req) =>
  Response.json(await updateTargets(actor, await readJson(req))),
);
