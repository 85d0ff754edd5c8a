import 'server-only';
import { ladderFromFacts, assembleLadder, type LadderDashboard } from '@/lib/views/ladder';
import { LADDER_FACTS_FAMILY, ladderKey, readLadderFacts } from '@/lib/views/ladder-facts';
import { ladderFor, readStored } from '../snapshot-data';
import type { DashboardRequest } from './context';
import { loadUnitLadderHistory, storedOrgLadderSeries, storedUnitLadderSeries } from './level-history';
import { storedFloor } from './stored-request';
import { loadUnitRoot } from './unit-root';

export {
  describeScope,
  type DashboardScope,
  type LadderDashboard,
  type LadderDepartmentRow,
  type MovesRow,
  type VelocityRow,
} from '@/lib/views/ladder';

/**
 * The Ladder dashboard (SPEC "Ladder"): a manager's subtree from the facts stored at import
 * (lib/views/ladder-facts.ts) and its history from the stored ladder steps and unit points, with
 * no tree; otherwise the level history of the series and lib/views/ladder.ts over the tree.
 */
export async function buildLadder(req: DashboardRequest): Promise<LadderDashboard> {
  const stored = await storedLadder(req);
  if (stored === null) return ladderFromTree(req);
  ladderPaths.stored++;
  return stored;
}

/** How often the stored path answered (for tests and diagnostics). */
export const ladderPaths = { stored: 0 };

/** The Ladder computed from the snapshot's tree and the level history (lib/views/ladder.ts assembleLadder). */
export async function ladderFromTree(req: DashboardRequest): Promise<LadderDashboard> {
  const ctx = await req.withTree();
  return assembleLadder(ctx, await loadUnitLadderHistory(ctx));
}

/**
 * The Ladder of a manager's subtree from stored rows, or null when they cannot answer exactly as
 * the tree would: no stored facts for the unit (not a subtree with a unit point, or a snapshot
 * imported before they existed), facts computed with another ladder than the one read now, a
 * reader whose floor is not stored with its department plan, or a history the stored ladder steps
 * cannot give (then the tree path folds it as before).
 */
async function storedLadder(req: DashboardRequest): Promise<LadderDashboard | null> {
  const { unit } = req;
  if (unit.stored?.scopeType === 'org' && unit.subtree === null && unit.department === null)
    return storedOrgLadder(req);
  if (unit.stored?.scopeType !== 'subtree' || unit.subtree === null || unit.department !== null) return null;
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  const ladder = await ladderFor(req.ref);
  const data = await readStored<unknown>(req.ref.id, LADDER_FACTS_FAMILY, 'subtree', unit.subtree);
  const facts = readLadderFacts(data, ladderKey(ladder));
  if (facts === null) return null;
  const history = await storedUnitLadderSeries(req);
  if (history === null) return null;
  const { subtreeName } = await loadUnitRoot(req, null);
  return ladderFromFacts({ ...req, floor }, facts, {
    scope: { department: null, subtree: unit.subtree, subtreeName },
    ladderName: ladder.name,
    series: history.series,
    unitSeries: history.unitSeries,
  });
}

/**
 * The Ladder of the whole organisation from its facts stored at import and its history from the
 * stored ladder steps and 'changes' rows, or null as for a subtree (no facts, another ladder, no
 * stored department plan, steps that do not chain).
 */
async function storedOrgLadder(req: DashboardRequest): Promise<LadderDashboard | null> {
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  const ladder = await ladderFor(req.ref);
  const data = await readStored<unknown>(req.ref.id, LADDER_FACTS_FAMILY, 'org', '');
  const facts = readLadderFacts(data, ladderKey(ladder));
  if (facts === null) return null;
  const history = await storedOrgLadderSeries(req.ref);
  if (history === null) return null;
  return ladderFromFacts({ ...req, floor }, facts, {
    scope: { department: null, subtree: null, subtreeName: null },
    ladderName: ladder.name,
    series: history.series,
    unitSeries: history.unitSeries,
  });
}
