import 'server-only';
import { ValidationError } from './errors';

/** Next's second argument to a handler under app/api/scenarios/[id]. */
export interface ScenarioRouteContext {
  params: Promise<{ id: string }>;
}

/** The scenario id from the path (422 when it is not a positive whole number). */
export async function scenarioIdOf({ params }: ScenarioRouteContext): Promise<number> {
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0)
    throw new ValidationError('The scenario id must be a positive whole number.');
  return id;
}
