import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { scenarioSection, unitCeilingFigures } from '@/lib/views/reports/scenario';
import { isWithin, unitOf } from '@/lib/views/unit';
import type { Actor } from '../../actor';
import { NotFoundError } from '../../errors';
import { runScenarioWork } from '../../scenario-metrics';
import { getScenario, type ScenarioDto } from '../../scenarios';

/**
 * "Ada Root (A)", a planned position's title, or the id alone; for a leader, only people inside
 * their subtree (before or after) are named.
 */
function namer(
  from: PreparedSnapshot,
  after: PreparedSnapshot,
  visible: (id: string) => boolean,
): (id: string | null) => string {
  return (id) => {
    if (id === null) return 'nobody (top of the organisation)';
    if (!visible(id)) return 'someone outside your scope';
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
  // what evaluateScenario computes (same rights and privacy floor), with the trees behind it
  const { result, work } = await runScenarioWork(actor, {
    asOf: s.fromAsOf,
    unit: s.unitRootId,
    effectiveDate: s.effectiveDate,
    ops: s.ops,
  });
  const { from, after, settings } = work;
  const nodesOf = (snap: PreparedSnapshot) => unitOf(snap.tree, s.unitRootId, null).nodes;
  // A scenario hr made on a leader's subtree may change people elsewhere too: a leader sees the
  // changes to people inside their subtree only.
  const scope = actor.scopeEmployeeId;
  const visible = (id: string) => scope === null || isWithin(from, id, scope) || isWithin(after, id, scope);
  const nameOf = namer(from, after, visible);
  const { changes } = result;
  const shown = {
    moved: changes.moved.filter((c) => visible(c.id)),
    removed: changes.removed.filter((c) => visible(c.id)),
    added: changes.added.filter((c) => visible(c.id)),
    levels: changes.levels.filter((c) => visible(c.id)),
  };
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
    result: { ...result, changes: shown },
    ceiling: {
      before: unitCeilingFigures(from, nodesOf(from)),
      after: unitCeilingFigures(after, nodesOf(after)),
    },
    nameOf,
    minGroupSize: settings.minGroupSize,
  });
}
