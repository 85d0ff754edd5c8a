import 'server-only';
import { resolveUnit, type Unit } from '../scope';
import { listSeries, loadPrepared } from '../snapshot-data';
import type { DashboardContext } from './context';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';

/**
 * Snapshots (as-of dates up to the context's) in which the reader's floor hides the unit asked
 * for. Each snapshot has its own tree and so its own floor; the whole organisation needs no tree
 * (its floor is its headcount), so only subtree and department units load the trees.
 */
export async function hiddenSnapshots(ctx: DashboardContext): Promise<Set<string>> {
  const out = new Set<string>();
  if (!ctx.suppress || (ctx.unit.subtree === null && ctx.unit.department === null)) return out;
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  for (const ref of await listSeries(ctx.ref.orgId, ctx.ref.asOf)) {
    const snap = await loadPrepared(ref);
    let unit: Unit;
    try {
      unit = resolveUnit(ctx.actor, snap, want);
    } catch {
      continue;
    }
    const floor = readerFloor(snap.tree, ctx.actor.scopeEmployeeId, ctx.settings.minGroupSize);
    if (isUnitHidden(floor, snap.tree, unit)) out.add(ref.asOf);
  }
  return out;
}
