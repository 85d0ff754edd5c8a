import 'server-only';
import {
  assembleOffTarget,
  offTargetFrom,
  offTargetWithoutTargets,
  type OffTarget,
} from '@/lib/views/off-target';
import type { Targets } from '@/lib/metrics/targets';
import { readTargets } from '../targets';
import type { DashboardRequest } from './context';
import { storedFloor } from './stored-request';
import { loadUnitRoot } from './unit-root';
import { storedUnitRows } from './unit-rows';

export {
  OFF_TARGET_CAP,
  type DepartmentTargetRow,
  type OffTarget,
  type OffTargetManagerRow,
} from '@/lib/views/off-target';

/**
 * The off-target view: reads the organisation's targets; lib/views/off-target.ts offTargetFrom
 * measures the unit. Without targets it reads nothing more; a manager's subtree reads its people
 * stored in preorder at import (one range of people_order); otherwise the snapshot's tree.
 */
export async function buildOffTarget(req: DashboardRequest): Promise<OffTarget> {
  const { targets } = await readTargets(req.ref.orgId);
  return (await storedOffTarget(req, targets)) ?? assembleOffTarget(await req.withTree(), targets);
}

/** The off-target view over the snapshot's tree. */
export async function offTargetFromTree(req: DashboardRequest): Promise<OffTarget> {
  const ctx = await req.withTree();
  return assembleOffTarget(ctx, (await readTargets(ctx.ref.orgId)).targets);
}

/** How often an answer needed no tree (for tests and diagnostics). */
export const offTargetPaths = { stored: 0 };

/**
 * The view without the tree, or null when stored rows cannot answer exactly as the tree would: an
 * organisation with targets and a unit other than a manager's subtree with stored rows
 * (./unit-rows.ts storedUnitRows), or a reader without a stored department plan.
 */
async function storedOffTarget(req: DashboardRequest, targets: Targets | null): Promise<OffTarget | null> {
  if (targets === null) {
    offTargetPaths.stored++;
    return offTargetWithoutTargets(req);
  }
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  const unit = await storedUnitRows(req);
  if (unit === null) return null;
  const { target } = await loadUnitRoot(req, targets);
  offTargetPaths.stored++;
  return offTargetFrom({ ...req, floor }, targets, target, {
    t: unit.t,
    nodes: unit.nodes,
    declared: new Uint8Array(unit.t.size), // track mismatches are not part of this view
  });
}
