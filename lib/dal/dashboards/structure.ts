import 'server-only';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import { summarizeStructure } from '@/lib/metrics/structure';
import { isManagerNode } from '@/lib/metrics/span-histogram';
import {
  assembleStructure,
  NARROW_SPAN_MAX,
  structureFrom,
  type StructureDashboard,
} from '@/lib/views/structure';
import { mayLabelUnit } from '@/lib/views/unit-labels';
import { readStored } from '../snapshot-data';
import type { DashboardRequest } from './context';
import { storedFloor } from './stored-request';
import { loadUnitRoot } from './unit-root';
import { shownInMarks, storedFullyCosted, storedUnitRows } from './unit-rows';
import { unitStructureAt } from './unit-series';

export {
  NARROW_LIST_LIMIT,
  NARROW_SPAN_MAX,
  type ManagerialLevel,
  type NarrowSpanManager,
  type StructureDashboard,
  type StructureSummary,
} from '@/lib/views/structure';

/**
 * The Structure dashboard (SPEC "Structure"): a manager's subtree from its people stored in
 * preorder at import (one range of people_order) and its stored structure, with no tree; otherwise
 * over the snapshot's tree. Both paths end in lib/views/structure.ts structureFrom.
 */
export async function buildStructure(req: DashboardRequest): Promise<StructureDashboard> {
  return (await storedStructure(req)) ?? structureFromTree(req);
}

/** The Structure dashboard over the snapshot's tree. */
export async function structureFromTree(req: DashboardRequest): Promise<StructureDashboard> {
  const ctx = await req.withTree();
  return assembleStructure(ctx, await unitStructureAt(ctx.ref, ctx.unit, ctx.settings.execLayers));
}

/** How often the stored path answered (for tests and diagnostics). */
export const structurePaths = { stored: 0 };

/**
 * The Structure of a manager's subtree from stored rows, or null when they cannot answer exactly as
 * the tree would (storedUnitRows; a reader without a stored department plan; a viewer-like reader
 * with a scope, whose scope root the marks do not list).
 */
async function storedStructure(req: DashboardRequest): Promise<StructureDashboard | null> {
  const floor = storedFloor(req);
  if (floor === undefined) return null;
  if (floor !== null && !req.canSeePeople && req.actor.scopeEmployeeId !== null) return null;
  const unit = await storedUnitRows(req);
  if (unit === null) return null;
  const { t, nodes, layerShift } = unit;
  const reader = { ...req, floor };
  let fullyCosted = true;
  if (unit.costs && req.suppress) {
    const full = await storedFullyCosted(req);
    if (full === null) return null;
    fullyCosted = full;
  }
  // The narrow-span managers a viewer may see labelled: whether the floor shows each one's unit.
  let shown = new Set<string>();
  if (floor !== null && !req.canSeePeople) {
    const ids: string[] = [];
    for (const i of nodes)
      if (isManagerNode(t, i) && (t.span[i] ?? 0) <= NARROW_SPAN_MAX && mayLabelUnit(reader, t, i))
        ids.push(t.records[i]?.employeeId ?? '');
    shown = await shownInMarks(req, ids);
  }
  const declared = new Uint8Array(t.size); // track mismatches are not part of this view
  const [s, { subtreeName }] = await Promise.all([
    readStored<StoredStructure>(req.ref.id, 'structure', 'subtree', req.unit.subtree ?? ''),
    loadUnitRoot(req, null),
  ]);
  structurePaths.stored++;
  return structureFrom(
    reader,
    {
      t,
      nodes,
      layerShift,
      declared,
      costs: unit.costs ? { fullyCosted: () => fullyCosted } : null,
      isShown: (i) => shown.has(t.records[i]?.employeeId ?? ''),
      scope: { department: null, subtree: req.unit.subtree, subtreeName },
    },
    s ??
      summarizeStructure(
        t,
        { nodes, layerShift, roots: 0, orphans: 0 },
        { execLayers: req.settings.execLayers, declaredTracks: declared },
      ),
  );
}
