// GET /api/scenarios/:id/suggest?kind=remove-layer&under=ID | ?kind=span-merges&unit=ID&min=N — suggested operations on the scenario's after-state, to accept one by one.
import { can } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/dal/errors';
import { guardedRoute } from '@/lib/dal/route';
import { scenarioIdOf, type ScenarioRouteContext } from '@/lib/dal/scenario-route';
import { suggestScenarioOps } from '@/lib/dal/scenario-view';
import { firstIssue, suggestQuerySchema } from '@/lib/scenarios';

export const GET = guardedRoute<ScenarioRouteContext>(can.planScenarios, async (actor, req, ctx) => {
  const parsed = suggestQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error, 'Say what to suggest.'));
  return Response.json(await suggestScenarioOps(actor, await scenarioIdOf(ctx), parsed.data));
});
