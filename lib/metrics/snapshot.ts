/**
 * A snapshot prepared for trend work: the tree, resolved levels and structure metrics computed
 * once. Trend functions take these one pair at a time so a 36-snapshot, million-person history
 * only ever holds two trees in memory.
 */
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import type { Ladder } from '@/lib/ladders/types';
import { buildOrgTree, type OrgTree } from '@/lib/metrics/tree';
import { resolveTreeLevels, type ResolvedLevels, type TreeLevels } from '@/lib/metrics/levels';
import { computeOrgStructure, type StructureMetrics, type StructureOptions } from '@/lib/metrics/structure';
import { NodeKind } from '@/lib/metrics/roles';
import { isManagerNode } from '@/lib/metrics/span-histogram';

export interface PreparedSnapshot {
  asOf: string;
  tree: OrgTree;
  levels: TreeLevels;
  structure: StructureMetrics;
}

/** Build the tree, resolve levels and compute org structure for one snapshot. */
export function prepareSnapshot(
  asOf: string,
  records: readonly OrgRecord[],
  ladder: Ladder,
  options: Omit<StructureOptions, 'declaredTracks'> = {},
  links?: RecordLinks,
  known?: ResolvedLevels,
): PreparedSnapshot {
  const tree = buildOrgTree(
    records,
    links,
    known?.tree !== undefined && known.tree.records === known.records
      ? { tree: known.tree, rows: known.rows }
      : undefined,
  );
  const levels = resolveTreeLevels(tree, ladder, known);
  // computed when first read: a scenario's changed copy is prepared for every operation, and its
  // views read the unit's structure, not the whole organisation's
  let structure: StructureMetrics | undefined;
  return {
    asOf,
    tree,
    levels,
    get structure() {
      structure ??= computeOrgStructure(tree, { ...options, declaredTracks: levels.declared });
      return structure;
    },
  };
}

/** True for a named person: filled and not an aggregated row (aggregated ids are not people). */
export function isPerson(tree: OrgTree, i: number): boolean {
  return tree.kind[i] !== NodeKind.vacant && tree.aggregated[i] !== 1;
}

/** True for a structural manager: the span histogram's test (one definition for every figure). */
export const isManager: (tree: OrgTree, i: number) => boolean = isManagerNode;

/** Index of a person in the snapshot by employee id, or -1 when absent or not a person. */
export function findPerson(snapshot: PreparedSnapshot, employeeId: string): number {
  const i = snapshot.tree.indexById.get(employeeId);
  return i !== undefined && isPerson(snapshot.tree, i) ? i : -1;
}
