import type { AiRollup } from '@/lib/metrics/ai-rollup';
import { subtreeAiTotals } from '@/lib/metrics/ai-rollup';
import type { OrgTree } from '@/lib/metrics/tree';
import type { UnitSpec } from './ai-window';
import type { ScopedViewContext } from './context';
import { isDepartmentShown, isUnitShown, populationFloor, type ReaderFloor } from './floor';

/**
 * The privacy floor for AI figures (SPEC "Privacy"): AI rows are about engineers, so a manager's
 * subtree shows AI figures only when the reader's floor shows it and a plan on engineer counts in
 * the snapshot in force for the period shows it too. One plan per period, from the reader's top.
 */
export function aiFloor(ctx: ScopedViewContext, rollup: AiRollup): ReaderFloor | null {
  if (!ctx.suppress) return null;
  const cum = subtreeAiTotals(rollup);
  return populationFloor(
    rollup.tree,
    ctx.actor.scopeEmployeeId,
    ctx.settings.minGroupSize,
    (i) => cum(i).engineers,
  );
}

/** True when the floor hides the AI unit asked for (its subtree, or its department inside it). */
export function isAiUnitHidden(floor: ReaderFloor | null, tree: OrgTree, spec: UnitSpec): boolean {
  if (floor === null) return false;
  const id = spec.subtree ?? spec.scopeRoot;
  const root = id === null ? -1 : (tree.indexById.get(id) ?? -2);
  if (root === -2) return true;
  if (spec.department !== null) return !isDepartmentShown(floor, tree, root, spec.department);
  return !isUnitShown(floor, root);
}
