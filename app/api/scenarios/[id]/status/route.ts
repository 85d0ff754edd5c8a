// POST /api/scenarios/:id/status {status} — draft, proposed or approved (approving needs can.approveScenarios); audited.
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { scenarioIdOf, type ScenarioRouteContext } from '@/lib/dal/scenario-route';
import { setScenarioStatus } from '@/lib/dal/scenarios';
import { firstIssue, scenarioStatusBodySchema } from '@/lib/scenarios';

export const POST = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, req, ctx) => {
  const parsed = scenarioStatusBodySchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error, 'Say which status.'));
  return Response.json({
    scenario: await setScenarioStatus(actor, await scenarioIdOf(ctx), parsed.data.status),
  });
});
