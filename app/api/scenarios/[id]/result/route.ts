// GET /api/scenarios/:id/result — before/after metrics documents, changes, health flags, targets checked, ceiling-risk summary, names of the people affected.
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { scenarioIdOf, type ScenarioRouteContext } from '@/lib/dal/scenario-route';
import { getScenarioView } from '@/lib/dal/scenario-view';

export const GET = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, _req, ctx) =>
  Response.json(await getScenarioView(actor, await scenarioIdOf(ctx))),
);
