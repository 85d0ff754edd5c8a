// GET /api/ai/identities — unmatched and ambiguous AI identities with their activity, and saved mappings;
// POST {identity, employeeId} — map one to an employee; DELETE ?identity= — remove a mapping (hr, admin; audited).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { getIdentityReview } from '@/lib/dal/ai-identity';
import { deleteIdentityMapping, saveIdentityMapping } from '@/lib/dal/ai-identity-map';
import { ValidationError } from '@/lib/dal/errors';

export const GET = guardedRoute(can.fixMappings, async (actor) =>
  Response.json(await getIdentityReview(actor)),
);

export const POST = guardedRoute(can.fixMappings, async (actor, req) =>
  Response.json({ mapping: await saveIdentityMapping(actor, await readJson(req)) }, { status: 201 }),
);

export const DELETE = guardedRoute(can.fixMappings, async (actor, req) => {
  const identity = new URL(req.url).searchParams.get('identity');
  if (!identity) throw new ValidationError('Say which identity (?identity=).');
  await deleteIdentityMapping(actor, identity);
  return new Response(null, { status: 204 });
});
