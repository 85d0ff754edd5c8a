import 'server-only';
import { can } from '@/lib/auth/permissions';
import { hasCosts, type CostGroup } from '@/lib/metrics/cost';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { buildOrgTree, type OrgTree } from '@/lib/metrics/tree';
import type { OrgRecord } from '@/lib/metrics/types';
import { computeScenarioCost, type CostSide, type CostUnit, type ScenarioOp } from '@/lib/scenarios';
import { hiddenMarker } from '@/lib/views/context';
import { fullyCosted } from '@/lib/views/cost';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { unitOf } from '@/lib/views/unit';
import { assertRole, type Actor } from './actor';
import { readSettings } from './settings';

/**
 * A scenario's cost as one reader may see it (issue #14 "Cost"; figures: lib/scenarios/cost.ts).
 * hr and admin see everything, with the people behind each change and the full breakdowns.
 * Leaders (and anyone without can.seeCost) see unit totals only:
 * - nothing when the unit is under the minimum group size or hidden by the floor;
 * - no money when someone in their scope has no cost (a difference of totals could then be the
 *   cost of a few people; the same rule as the Structure dashboard's Cost card);
 * - management and IC cost (and the share and management per IC) apart from the total only when
 *   both groups reach the minimum on both sides (else one is the total minus the other);
 * - no after side and no difference when the people the scenario removes, or who start or stop
 *   managing, are fewer than the minimum group size (before - after would be their pay);
 * - planned positions priced by level medians only over at least the minimum group size (for
 *   everyone else too the pricing is the same rule with a group of one).
 */
import type { CostSideView, ScenarioCostView } from '@/lib/scenarios';

export type { CostSideView, ScenarioCostView };

export interface ScenarioCostInput {
  /** the snapshot the scenario starts from (applyScenario's `from`) */
  from: PreparedSnapshot;
  /** the scenario's records (applyScenario's `records`) */
  records: readonly OrgRecord[];
  /** their tree when already built (runScenario's prepared after snapshot), else built here */
  afterTree?: OrgTree;
  /** the scenario's unit: a subtree root id, null = the organisation */
  unit: string | null;
  ops: readonly ScenarioOp[];
}

function costUnit(tree: OrgTree, subtree: string | null): CostUnit | null {
  const u = unitOf(tree, subtree, null);
  if (subtree !== null && u.rootIndex < 0) return null;
  return { tree, nodes: u.nodes, layerShift: u.rootIndex >= 0 ? (tree.layer[u.rootIndex] ?? 1) - 1 : 0 };
}

/**
 * The cost of a scenario for its unit, as this actor may see it; null when the snapshot carries no
 * costs. Called with what applyScenario returned (the operations are already checked and applied
 * within the actor's scope).
 */
export async function scenarioCost(actor: Actor, input: ScenarioCostInput): Promise<ScenarioCostView | null> {
  assertRole(actor, can.planScenarios);
  if (!hasCosts(input.from.tree.records)) return null;
  const settings = await readSettings(actor.orgId);
  const min = settings.minGroupSize;
  const exempt = can.seeCost(actor);
  const afterTree = input.afterTree ?? buildOrgTree(input.records);
  const before = costUnit(input.from.tree, input.unit);
  const after = costUnit(afterTree, input.unit);
  if (before === null || after === null) return null;
  const c = computeScenarioCost(before, after, input.ops, settings.execLayers, exempt ? 1 : min);
  if (exempt) {
    const { people, detail, ...figures } = c;
    return { hiddenReason: null, ...figures, people, detail };
  }
  const ctx = { settings };
  const from = input.from.tree;
  const floor = readerFloor(from, actor.scopeEmployeeId, min);
  const unitHidden =
    c.detail.before.headcount < min ||
    c.detail.after.headcount < min ||
    isUnitHidden(floor, from, unitOf(from, input.unit, null));
  const partial = !unitHidden && !fullyCosted(from, floor.top);
  const small = (g: CostGroup) => g.costed > 0 && g.costed < min;
  const few = [c.removed, c.becameManagers, c.stoppedManaging].some(small);
  const all = unitHidden || partial;
  const { before: b, after: a } = c.detail;
  const split = ![b.management, b.ic, a.management, a.ic].some(small);
  // Why each figure is hidden: a group under the minimum is `small`; a larger figure hidden so a
  // smaller group's pay cannot be worked out from it (the unit's total, the other side) is `complement`.
  const unitSmall = b.headcount < min || a.headcount < min;
  const whole = hiddenMarker(ctx, unitSmall ? 'small' : 'complement');
  const complement = hiddenMarker(ctx, 'complement');
  const groupHidden = (g: CostGroup) => hiddenMarker(ctx, small(g) ? 'small' : 'complement');
  // A change nobody makes (0 people) is shown as 0: it says nothing about anyone's pay.
  const changeGroup = (g: CostGroup) =>
    unitHidden ? whole : all || few ? (g.people === 0 ? g : groupHidden(g)) : g;
  const view = (side: CostSide, d: typeof b): CostSideView =>
    split
      ? side
      : {
          ...side,
          management: groupHidden(d.management),
          ic: groupHidden(d.ic),
          managementShare: null,
          managementCostPerIc: null,
        };
  return {
    hiddenReason: partial ? 'partial-coverage' : !unitHidden && few ? 'few-people-changed' : null,
    before: unitHidden ? whole : partial ? complement : view(c.before, b),
    after: unitHidden ? whole : partial || few ? complement : view(c.after, a),
    difference: unitHidden
      ? whole
      : partial || few
        ? complement
        : split
          ? c.difference
          : { total: c.difference.total, management: complement, ic: complement },
    removed: changeGroup(c.removed),
    becameManagers: changeGroup(c.becameManagers),
    stoppedManaging: changeGroup(c.stoppedManaging),
    // the planner's own figures, or medians over at least the minimum group size
    planned: c.planned,
  };
}
