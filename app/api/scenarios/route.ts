// GET /api/scenarios — the scenarios the caller may see; POST — create one (hr/admin from any snapshot, a leader inside their subtree; audited).
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { createScenario, listScenarios } from '@/lib/dal/scenarios';
import { createScenarioSchema, firstIssue } from '@/lib/scenarios';

export const GET = guardedRoute(can.planScenarios, async (actor) =>
  Response.json({ scenarios: await listScenarios(actor) }),
);

export const POST = guardedRoute(can.planScenarios, async (actor, req) => {
  const parsed = createScenarioSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error, 'The scenario is not valid.'));
  return Response.json({ scenario: await createScenario(actor, parsed.data) }, { status: 201 });
});
