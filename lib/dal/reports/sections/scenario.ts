import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { prepareScenario } from '@/lib/scenarios';
import { scenarioSection, unitCeilingFigures } from '@/lib/views/reports/scenario';
import { unitOf } from '@/lib/views/unit';
import type { Actor } from '../../actor';
import { NotFoundError } from '../../errors';
import { applyScenario } from '../../scenario-metrics';
import { evaluateScenario, getScenario, type ScenarioDto } from '../../scenarios';
import { readSettings } from '../../settings';

/** "Ada Root (A)", a planned position's title, or the id alone. */
function namer(from: PreparedSnapshot, after: PreparedSnapshot): (id: string | null) => string {
  return (id) => {
    if (id === null) return 'nobody (top of the organisation)';
    const was = from.tree.records[from.tree.indexById.get(id) ?? -1];
    if (was) return was.name ? `${was.name} (${id})` : id;
    const planned = after.tree.records[after.tree.indexById.get(id) ?? -1];
    return `${planned?.title || 'Planned position'} (${id})`;
  };
}

/**
 * A scenario the actor may see (hr/admin: any of the organisation; a leader: inside their
 * subtree; else 404), as it stands now.
 */
export async function readReportScenario(actor: Actor, id: number): Promise<ScenarioDto> {
  try {
    return await getScenario(actor, id);
  } catch (err) {
    if (err instanceof NotFoundError)
      throw new NotFoundError(`Scenario ${id} is not one you may include: no such scenario in your scope.`);
    throw err;
  }
}

/**
 * The scenario's pages: evaluateScenario's before / after / changes (same rights and privacy floor
 * as the scenario editor), the ceiling figures of both sides and the names behind the changes.
 */
export async function buildScenarioSection(actor: Actor, id: number): Promise<ReportSection> {
  const s = await readReportScenario(actor, id);
  const result = await evaluateScenario(actor, id);
  const { from, records } = await applyScenario(actor, {
    asOf: s.fromAsOf,
    unit: s.unitRootId,
    effectiveDate: s.effectiveDate,
    ops: s.ops,
  });
  const settings = await readSettings(actor.orgId);
  const after = prepareScenario(from, records, { execLayers: settings.execLayers });
  const nodesOf = (snap: PreparedSnapshot) => unitOf(snap.tree, s.unitRootId, null).nodes;
  const nameOf = namer(from, after);
  return scenarioSection({
    scenario: {
      id: s.id,
      name: s.name,
      status: s.status,
      effectiveDate: s.effectiveDate,
      ownerEmail: s.ownerEmail,
      fromAsOf: s.fromAsOf,
      unitLabel: s.unitRootId === null ? 'the whole organisation' : `the subtree of ${nameOf(s.unitRootId)}`,
      operations: s.ops.length,
    },
    result,
    ceiling: {
      before: unitCeilingFigures(from, nodesOf(from)),
      after: unitCeilingFigures(after, nodesOf(after)),
    },
    nameOf,
  });
}
