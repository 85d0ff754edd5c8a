// GET /api/scenarios/:id — one scenario; PATCH — rename it or replace its operations (each must apply, inside the caller's scope: else 422 naming the operation); DELETE — remove it. Audited.
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { scenarioIdOf, type ScenarioRouteContext } from '@/lib/dal/scenario-route';
import { deleteScenario, getScenario, updateScenario } from '@/lib/dal/scenarios';
import { firstIssue, updateScenarioSchema } from '@/lib/scenarios';

export const GET = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, _req, ctx) =>
  Response.json({ scenario: await getScenario(actor, await scenarioIdOf(ctx)) }),
);

export const PATCH = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, req, ctx) => {
  const parsed = updateScenarioSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error, 'The change is not valid.'));
  return Response.json({ scenario: await updateScenario(actor, await scenarioIdOf(ctx), parsed.data) });
});

export const DELETE = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, _req, ctx) => {
  const id = await scenarioIdOf(ctx);
  await deleteScenario(actor, id);
  return Response.json({ deleted: id });
});
