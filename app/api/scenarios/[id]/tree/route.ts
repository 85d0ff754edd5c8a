// GET /api/scenarios/:id/tree?root=&offset=&depth=&reveal= — the scenario's after-state org tree, in GET /api/org/tree's shape (OrgTreeResponse).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { scenarioIdOf, type ScenarioRouteContext } from '@/lib/dal/scenario-route';
import { getScenarioTree } from '@/lib/dal/scenario-view';

export const GET = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, req, ctx) =>
  Response.json(await getScenarioTree(actor, await scenarioIdOf(ctx), new URL(req.url).searchParams)),
);
