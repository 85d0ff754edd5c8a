import 'server-only';
import { assembleOverview, overviewFromFacts, type Overview } from '@/lib/views/overview';
import { OVERVIEW_FAMILY, readOverviewFacts } from '@/lib/views/overview-facts';
import { smallPoints } from '@/lib/views/scope-notes';
import { storedRootLabel } from '@/lib/views/unit-root';
import { loadScopeNotes } from '../scope-marks';
import { readStored } from '../snapshot-data';
import type { DashboardRequest } from './context';
import { lookupPeople } from './people-lookup';
import { storedFloor } from './stored-request';
import { loadUnitSeries, unitStructureAt } from './unit-series';

export type { Kpi, Overview } from '@/lib/views/overview';

/**
 * The Overview dashboard (issue #13: computed at import, read at view time): the unit's facts
 * stored at import (lib/views/overview-facts.ts) when there are any, else computed from the tree.
 */
export async function buildOverview(req: DashboardRequest): Promise<Overview> {
  return (await storedOverview(req)) ?? overviewFromTree(req);
}

/** The unit's series up to the request's snapshot and its scope notes (both paths read them alike). */
async function seriesOf(req: DashboardRequest) {
  const { unit, settings } = req;
  const series = await loadUnitSeries(
    req.actor,
    req.ref,
    { department: unit.department ?? undefined, subtree: unit.subtree ?? undefined },
    unit,
    settings.execLayers,
  );
  return { series, scope: await loadScopeNotes(series, smallPoints(req, series)) };
}

/**
 * The Overview from the unit's stored facts, without the tree; null when they cannot answer
 * exactly as the tree would: a unit without stored facts (a department inside a subtree, a person
 * without reports, a subtree left out of the points, a snapshot imported before the facts were
 * stored), facts computed with other executive layers than the setting now, or a reader with a
 * privacy floor whose stored floor marks hold no department plan (marks stored before it was).
 * Leaders and viewers: whether the floor hides the unit comes with the request (stored floor
 * marks, keyed by the reader's scope and the organisation's minimum group size), and the findings
 * name only the departments of the floor's department plan, read from the same marks: the plan
 * the tree path applies (partitionShown), so no department under the minimum can be derived.
 */
async function storedOverview(req: DashboardRequest): Promise<Overview | null> {
  const { unit, settings } = req;
  if (unit.stored === null) return null;
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  const { scopeType, scopeKey } = unit.stored;
  const data = await readStored<unknown>(req.ref.id, OVERVIEW_FAMILY, scopeType, scopeKey);
  const facts = readOverviewFacts(data, settings.execLayers);
  if (facts === null) return null;
  let subtreeName: string | null = null;
  if (unit.subtree !== null) {
    // The label rule on the root's stored facts; people-seeing readers need none of them.
    const root = req.rootPoint?.root;
    if (root === undefined && !req.canSeePeople) return null;
    const name = (await lookupPeople(req.ref.id, [unit.subtree])).get(unit.subtree)?.name ?? null;
    subtreeName = root === undefined ? name : storedRootLabel(req, root, name);
  }
  const { series, scope } = await seriesOf(req);
  return overviewFromFacts({ ...req, floor }, facts, { series, scope, subtreeName });
}

/** The Overview computed from the snapshot's tree (lib/views/overview.ts assembleOverview). */
export async function overviewFromTree(req: DashboardRequest): Promise<Overview> {
  const ctx = await req.withTree();
  const structure = await unitStructureAt(ctx.ref, ctx.unit, ctx.settings.execLayers);
  const { series, scope } = await seriesOf(ctx);
  return assembleOverview(ctx, { structure, series, scope });
}
