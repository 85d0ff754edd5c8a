import 'server-only';
import {
  assembleCeilingRisk,
  ceilingRiskFrom,
  type CeilingRiskDashboard,
  type CeilingRiskReader,
} from '@/lib/views/ceiling-risk';
import { ladderKey } from '@/lib/views/ladder-facts';
import { rankMapOf, readPeopleOrderFacts, scoredPeopleOf } from '@/lib/views/people-rows';
import { floorMarks, floorMarksKey } from '@/lib/views/floor';
import { PEOPLE_ORDER_FAMILY, readPeopleRange } from '../people-order';
import { ladderFor, readStored } from '../snapshot-data';
import type { DashboardRequest } from './context';
import { storeMarks } from './floor';
import { loadUnitLadderHistory, storedUnitLadderSeries } from './level-history';
import { storedFloor } from './stored-request';
import { loadUnitRoot } from './unit-root';

export {
  PEOPLE_LIMIT,
  type CeilingLeaversRow,
  type CeilingRiskDashboard,
  type HeatmapCell,
  type HeatmapColumn,
  type LeaverBucket,
  type RiskGroup,
  type RiskPerson,
} from '@/lib/views/ceiling-risk';

/**
 * The Ceiling-risk dashboard (SPEC "IC-ceiling risk"): a manager's subtree from the people stored
 * in preorder at import (one range of people_order) and the stored ladder steps, with no tree;
 * otherwise the level history and the ICs' scores of the series over the tree. Both paths end in
 * lib/views/ceiling-risk.ts ceilingRiskFrom.
 */
export async function buildCeilingRisk(req: DashboardRequest): Promise<CeilingRiskDashboard> {
  const stored = await storedCeilingRisk(req);
  if (stored !== 'replan') return stored ?? ceilingRiskFromTree(req);
  // Marks stored before they held the plan on IC counts are replaced, for the reader's next request.
  const ctx = await req.withTree();
  if (ctx.floor !== null)
    storeMarks(
      ctx.ref,
      floorMarksKey(ctx.actor.scopeEmployeeId, ctx.settings.minGroupSize),
      floorMarks(ctx.floor, ctx.snap.tree),
    );
  return ceilingRiskFromTree(ctx);
}

/** The Ceiling-risk dashboard from the snapshot's tree and the level history. */
export async function ceilingRiskFromTree(req: DashboardRequest): Promise<CeilingRiskDashboard> {
  const ctx = await req.withTree();
  return assembleCeilingRisk(ctx, await loadUnitLadderHistory(ctx));
}

/** How often the stored path answered (for tests and diagnostics). */
export const ceilingRiskPaths = { stored: 0 };

/**
 * The Ceiling risk of a manager's subtree from stored rows, or null when they cannot answer exactly
 * as the tree would: a unit that is not a subtree resolved from its unit point, rows stored before
 * people_order or with another ladder, risk not scored at import (its step chain was incomplete),
 * or a history the stored ladder steps cannot give; 'replan' when the reader's stored floor marks
 * lack the plan on IC counts (stored before it): the tree answers and stores them anew.
 */
async function storedCeilingRisk(req: DashboardRequest): Promise<CeilingRiskDashboard | null | 'replan'> {
  const { unit, rootPoint } = req;
  if (rootPoint === undefined) return null;
  if (unit.stored?.scopeType !== 'subtree' || unit.subtree === null || unit.department !== null) return null;
  const floor = storedIcFloor(req);
  if (floor === undefined) return null;
  if (floor === 'replan') return 'replan';
  const ladder = await ladderFor(req.ref);
  const data = await readStored<unknown>(req.ref.id, PEOPLE_ORDER_FAMILY, 'org', '');
  const facts = readPeopleOrderFacts(data, ladderKey(ladder));
  if (facts === null || !facts.scored) return null;
  const history = await storedUnitLadderSeries(req);
  if (history === null) return null;
  const rows = await readPeopleRange(req.ref.id, rootPoint.pre, rootPoint.size, true);
  const { subtreeName } = await loadUnitRoot(req, null);
  ceilingRiskPaths.stored++;
  return ceilingRiskFrom(
    { ...req, ...floor },
    {
      ...scoredPeopleOf(rows),
      rankOf: rankMapOf(facts),
      ceilings: new Map(facts.ceilings),
      ladder,
      samples: history.samples,
      historyFrom: history.series[0]?.asOf ?? null,
      unitSeries: history.unitSeries,
      scope: { department: null, subtree: unit.subtree, subtreeName },
    },
  );
}

/**
 * The reader's floor as the Ceiling risk reads it, from their stored marks (lib/views/floor.ts
 * FloorMarks, read once with the request in stored-request.ts): none for hr and admin; for leaders
 * and viewers the departments whose IC figures may show and whether the plan on IC counts hides
 * the unit (the reader's top follows icTotal, any other subtree icShown), beside the department
 * plan the request already holds. 'replan' when the marks hold no plan on IC counts (stored before
 * it), undefined when the request holds no department plan.
 */
function storedIcFloor(
  req: DashboardRequest,
): { floor: CeilingRiskReader['floor']; icHidden: boolean } | undefined | 'replan' {
  const floor = storedFloor(req);
  if (floor === null) return { floor: null, icHidden: false };
  if (floor === undefined) return undefined;
  if (req.icFloor === undefined) return undefined;
  if (req.icFloor === null) return 'replan';
  // The full department plan even when the unit is hidden: the named list's next steps read it.
  const departments = req.floorDepartments;
  if (departments === undefined) return undefined;
  return { floor: { departments, icDepartments: req.icFloor.departments }, icHidden: !req.icFloor.shown };
}
