import 'server-only';
import type { Targets } from '@/lib/metrics/targets';
import { storedRootLabel } from '@/lib/views/unit-root';
import { unitLabel } from '@/lib/views/unit-labels';
import { targetAtLayer, targetForUnit, type UnitTarget } from '@/lib/views/unit-target';
import type { DashboardRequest } from './context';
import { lookupPeople } from './people-lookup';

/** What a view shows of its unit's root: its label for this reader and the unit's target. */
export interface UnitRootView {
  subtreeName: string | null;
  target: UnitTarget | null;
}

/**
 * The unit's root label and target: for the org or a department there is no root; a subtree
 * resolved from its stored point reads the root's stored facts (layer, manager, headcount) and its
 * name from the people table; otherwise from the snapshot's tree (unitLabel, targetForUnit).
 */
export async function loadUnitRoot(req: DashboardRequest, targets: Targets | null): Promise<UnitRootView> {
  const { unit } = req;
  if (unit.subtree === null)
    return { subtreeName: null, target: targetAtLayer(targets, unit.department, null) };
  const facts = req.rootPoint?.root;
  if (facts !== undefined) {
    const id = unit.subtree;
    const labelled = storedRootLabel(req, facts, id) !== null;
    const name = labelled ? ((await lookupPeople(req.ref.id, [id])).get(id)?.name ?? null) : null;
    return { subtreeName: name, target: targetAtLayer(targets, unit.department, facts.layer) };
  }
  const ctx = await req.withTree();
  return {
    subtreeName: unitLabel(ctx, ctx.snap.tree, ctx.unit.rootIndex),
    target: targetForUnit(targets, ctx.unit, ctx.snap),
  };
}
