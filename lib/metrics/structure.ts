/**
 * Structure metrics (SPEC "Metric definitions / Structure") for three kinds of unit:
 * - the whole org (every root starts at layer 1; metrics cover the whole forest);
 * - a department: the people whose department equals the name, at their org-wide layers, with
 *   their org-wide spans and managerial levels (a department is a slice, not a tree);
 * - a manager's subtree, computed as if the subtree had been imported alone: its root is layer 1,
 *   it is the only root and nobody in it is an orphan.
 * Headcount excludes vacant posts and aggregated rows (junior-staff FTE, see roles.ts): it counts
 * filled person-level rows only. juniorFte is the aggregated FTE inside the unit (0 when none).
 */
import { departmentIndex, groupRows } from '@/lib/metrics/record-columns';
import type { OrgTree, UnitColumns } from '@/lib/metrics/tree';
import { collectSubtree } from '@/lib/metrics/tree';
import { NodeKind } from '@/lib/metrics/roles';
import { divideOrNull, roundTo } from '@/lib/metrics/numbers';
import { computeSpanStats, type SpanStats } from '@/lib/metrics/spans';
import type { SeriesStructure } from '@/lib/metrics/unit-points';
import { listTrackMismatches, resolveDeclaredTracks, type TrackMismatches } from '@/lib/metrics/tracks';

export interface PyramidRow {
  layer: number;
  headcount: number;
  managers: number;
  ics: number;
  executive: number;
  managerOfManagers: number;
  managerOfIcs: number;
}

export interface ManagerialLevels {
  executive: number;
  managerOfManagers: number;
  managerOfIcs: number;
  ic: number;
}

export interface StructureMetrics {
  headcount: number;
  managers: number;
  ics: number;
  depth: number;
  managementLayers: number;
  managerRatio: number | null;
  icsPerManager: number | null;
  span: SpanStats;
  managerialLevels: ManagerialLevels;
  middleManagers: number;
  roots: number;
  orphans: number;
  pyramid: PyramidRow[];
  openPositions: number;
  trackMismatches: TrackMismatches;
  /** Aggregated junior-staff FTE in the unit (0 when the source has none). */
  juniorFte: number;
  /** True when the unit holds aggregated rows: then headcount is senior posts and FTE is shown too. */
  hasAggregated: boolean;
}

export interface StructureOptions {
  /** Layers counted as executive (SPEC exec_layers); default 2. */
  execLayers?: number;
  /** Declared tracks from resolveDeclaredTracks (pass one array when computing many units). */
  declaredTracks?: Uint8Array;
}

/** Which records a unit holds and how its layers and roots are counted. */
export interface StructureView {
  /** Record indices in the unit, or null for every record. */
  nodes: Int32Array | null;
  /** Subtracted from org-wide layers (subtree root's layer - 1; 0 otherwise). */
  layerShift: number;
  roots: number;
  orphans: number;
}

export const DEFAULT_EXEC_LAYERS = 2;

/** juniorFte and fte (people + junior FTE) when the unit has aggregated rows; nothing otherwise. */
export function fteFields(s: { headcount: number; juniorFte?: number; hasAggregated?: boolean }): {
  juniorFte?: number;
  fte?: number;
} {
  if (!s.hasAggregated) return {};
  const junior = s.juniorFte ?? 0;
  return { juniorFte: junior, fte: roundTo(s.headcount + junior, 4) };
}

/**
 * Roots and orphans of a unit's person-level tree, one rule for every unit (the org, a department,
 * a subtree, a scenario's copy): junior-staff rows are no top of the tree (those under an unknown
 * post are warned about at import); a subtree has its own root as its one top and no orphans.
 */
export function unitRootsAndOrphans(
  tree: OrgTree,
  nodes: Int32Array | null,
  subtreeRoot = -1,
): { roots: number; orphans: number } {
  if (subtreeRoot >= 0) {
    const inUnit = nodes === null || nodes.includes(subtreeRoot);
    return { roots: inUnit && tree.aggregated[subtreeRoot] !== 1 ? 1 : 0, orphans: 0 };
  }
  let roots = 0;
  let orphans = 0;
  const count = (i: number) => {
    if (tree.aggregated[i] === 1) return;
    if ((tree.parent[i] ?? -1) < 0) roots++;
    orphans += tree.orphan[i] ?? 0;
  };
  if (nodes === null) for (let i = 0; i < tree.size; i++) count(i);
  else for (const i of nodes) count(i);
  return { roots, orphans };
}

/** Compute structure metrics for the whole org. */
export function computeOrgStructure(tree: OrgTree, options: StructureOptions = {}): StructureMetrics {
  return summarizeStructure(
    tree,
    { nodes: null, layerShift: 0, ...unitRootsAndOrphans(tree, null) },
    options,
  );
}

/** Compute structure metrics for one department (an empty department gives zeros and nulls). */
export function computeDepartmentStructure(
  tree: OrgTree,
  department: string,
  options: StructureOptions = {},
): StructureMetrics {
  const nodes: number[] = [];
  for (let i = 0; i < tree.size; i++) if (tree.records[i]?.department === department) nodes.push(i);
  return summarizeStructure(tree, departmentView(tree, Int32Array.from(nodes)), options);
}

/** Compute structure metrics for every department in one pass, sorted by department name. */
export function computeDepartmentStructures(
  tree: OrgTree,
  options: StructureOptions = {},
): { department: string; metrics: StructureMetrics }[] {
  const groups = groupByDepartment(tree);
  const declaredTracks = options.declaredTracks ?? resolveDeclaredTracks(tree);
  return [...groups.keys()].sort().map((department) => ({
    department,
    metrics: summarizeStructure(tree, departmentView(tree, groups.get(department) ?? new Int32Array(0)), {
      ...options,
      declaredTracks,
    }),
  }));
}

/** Compute structure metrics for the subtree under an employee, or null when the id is unknown. */
export function computeSubtreeStructure(
  tree: OrgTree,
  employeeId: string,
  options: StructureOptions = {},
): StructureMetrics | null {
  const root = tree.indexById.get(employeeId);
  if (root === undefined) return null;
  const nodes = collectSubtree(tree, root);
  const view = { nodes, layerShift: (tree.layer[root] ?? 1) - 1, ...unitRootsAndOrphans(tree, nodes, root) };
  return summarizeStructure(tree, view, options);
}

const departmentGroups = new WeakMap<OrgTree, ReadonlyMap<string, Int32Array>>();

/**
 * Record indices per department (records without one are left out), in input order, departments
 * in order of first appearance. Computed once per tree, from the tree's department index
 * (lib/metrics/record-columns.ts): the structure, ladder and department tables of one import all need it.
 */
export function groupByDepartment(tree: OrgTree): ReadonlyMap<string, Int32Array> {
  const cached = departmentGroups.get(tree);
  if (cached !== undefined) return cached;
  const { ids, names } = departmentIndex(tree);
  const groups = new Map<string, Int32Array>();
  for (const [d, rows] of groupRows(tree.size, ids, () => true)) {
    const name = names[d] ?? null;
    if (name !== null) groups.set(name, rows);
  }
  departmentGroups.set(tree, groups);
  return groups;
}

function departmentView(tree: OrgTree, nodes: Int32Array): StructureView {
  return { nodes, layerShift: 0, ...unitRootsAndOrphans(tree, nodes) };
}

/** Compute the SPEC metrics contract for any set of records (the core behind every unit). */
export function summarizeStructure(
  tree: UnitColumns,
  view: StructureView,
  options: StructureOptions = {},
): StructureMetrics {
  const execLayers = options.execLayers ?? DEFAULT_EXEC_LAYERS;
  const { nodes, layerShift } = view;
  const count = nodes === null ? tree.size : nodes.length;
  const width = Math.max(0, tree.maxLayer - layerShift) + 1;
  const hc = new Float64Array(width);
  const ics = new Float64Array(width);
  const exec = new Float64Array(width);
  const mom = new Float64Array(width);
  const moi = new Float64Array(width);
  const spans = new Float64Array(count);
  let managers = 0;
  let open = 0;
  let depth = 0;
  let juniorFte = 0;
  let aggregatedRows = 0;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    if (tree.aggregated[i] === 1) {
      juniorFte += tree.fte[i] ?? 0;
      aggregatedRows++;
      continue;
    }
    const kind = tree.kind[i] ?? NodeKind.vacant;
    if (kind === NodeKind.vacant) {
      open++;
      continue;
    }
    const layer = (tree.layer[i] ?? 1) - layerShift;
    const w = tree.weight[i] ?? 0;
    hc[layer] = (hc[layer] ?? 0) + w;
    if (w > 0 && layer > depth) depth = layer;
    if (kind === NodeKind.ic) {
      ics[layer] = (ics[layer] ?? 0) + w;
      continue;
    }
    spans[managers++] = tree.span[i] ?? 0;
    const bucket = layer <= execLayers ? exec : kind === NodeKind.managerOfManagers ? mom : moi;
    bucket[layer] = (bucket[layer] ?? 0) + 1;
  }
  const layered = structureOfLayers(depth, { hc, ics, exec, mom, moi });
  const declared = options.declaredTracks ?? resolveDeclaredTracks(tree);
  const { pyramid, ...figures } = finishStructure(
    layered,
    managers,
    computeSpanStats(spans.subarray(0, managers)),
  );
  // (the stored rows are this object's JSON: keys stay in their order)
  return {
    ...figures,
    roots: view.roots,
    orphans: view.orphans,
    pyramid,
    openPositions: open,
    trackMismatches: listTrackMismatches(tree, declared, nodes),
    juniorFte: roundTo(juniorFte, 4),
    hasAggregated: aggregatedRows > 0,
  };
}

/** A unit's people per relative layer (index 1 = its top layer): weights, and managers by kind. */
export interface LayerCounts {
  hc: Float64Array;
  ics: Float64Array;
  exec: Float64Array;
  mom: Float64Array;
  moi: Float64Array;
}

/** The pyramid, managerial levels, headcount and management layers of a unit's layers 1..depth. */
export function structureOfLayers(
  depth: number,
  { hc, ics, exec, mom, moi }: LayerCounts,
): { pyramid: PyramidRow[]; levels: ManagerialLevels; headcount: number; managementLayers: number } {
  const pyramid: PyramidRow[] = [];
  const levels: ManagerialLevels = { executive: 0, managerOfManagers: 0, managerOfIcs: 0, ic: 0 };
  let headcount = 0;
  let managementLayers = 0;
  for (let layer = 1; layer <= depth; layer++) {
    const row: PyramidRow = {
      layer,
      headcount: roundTo(hc[layer] ?? 0, 4),
      managers: (exec[layer] ?? 0) + (mom[layer] ?? 0) + (moi[layer] ?? 0),
      ics: roundTo(ics[layer] ?? 0, 4),
      executive: exec[layer] ?? 0,
      managerOfManagers: mom[layer] ?? 0,
      managerOfIcs: moi[layer] ?? 0,
    };
    pyramid.push(row);
    headcount += hc[layer] ?? 0;
    levels.executive += row.executive;
    levels.managerOfManagers += row.managerOfManagers;
    levels.managerOfIcs += row.managerOfIcs;
    levels.ic += ics[layer] ?? 0;
    if (row.managers > 0) managementLayers++;
  }
  levels.ic = roundTo(levels.ic, 4);
  headcount = roundTo(headcount, 4);
  return { pyramid, levels, headcount, managementLayers };
}

/** The structure figures that follow from a unit's layers, its manager count and span statistics. */
export function finishStructure(
  layered: ReturnType<typeof structureOfLayers>,
  managers: number,
  span: SpanStats,
): Omit<SeriesStructure, 'openPositions'> & Pick<StructureMetrics, 'pyramid'> {
  const { pyramid, levels, headcount, managementLayers } = layered;
  return {
    headcount,
    managers,
    ics: levels.ic,
    depth: pyramid.length,
    managementLayers,
    managerRatio: divideOrNull(managers, headcount),
    icsPerManager: divideOrNull(levels.ic, managers),
    span,
    managerialLevels: levels,
    middleManagers: levels.managerOfManagers,
    pyramid,
  };
}
