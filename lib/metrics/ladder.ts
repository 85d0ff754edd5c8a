/**
 * Ladder metrics per unit (SPEC "Ladder"), from declared tracks and resolved levels:
 * - IC ladder depth: distinct IC rungs (IC-track or shared levels, counted by IC-equivalent rank,
 *   so D5 and TL5 are one rung) held by the unit's declared ICs;
 * - IC ceiling: the highest of those levels (code);
 * - short ladder: ceiling at or below the ladder's 3rd IC rung ("two to three career steps");
 * - parity gap: rank of the highest level held by a declared manager minus the IC ceiling rank
 *   (positive = managers climb higher than ICs can);
 * - senior IC share: declared ICs at or above the staff-equivalent rank / all declared ICs
 *   (unlevelled ICs stay in the denominator: nobody has shown they are senior). Aggregated rows
 *   (junior-staff FTE) are not person-level and stay out of every ladder figure (SPEC "Posts,
 *   people and FTE").
 * Undefined values (no levelled ICs, no ICs) are null rather than 0.
 */
import type { OrgTree } from '@/lib/metrics/tree';
import type { TreeLevels } from '@/lib/metrics/levels';
import { collectSubtree } from '@/lib/metrics/tree';
import { groupByDepartment } from '@/lib/metrics/structure';
import { TrackCode } from '@/lib/metrics/tracks';
import { getShortLadderRank } from '@/lib/ladders/ladder-facts';
import { divideOrNull } from '@/lib/metrics/numbers';

export interface LadderUnitMetrics {
  icLadderDepth: number;
  icCeiling: string | null;
  /** Rank of icCeiling (used by ceiling risk). */
  icCeilingRank: number | null;
  shortLadder: boolean | null;
  parityGap: number | null;
  seniorIcShare: number | null;
}

export interface DepartmentLadderRow {
  department: string;
  icLadderDepth: number;
  icCeiling: string | null;
  shortLadder: boolean | null;
  parityGap: number | null;
  seniorIcShare: number | null;
}

/** True when record i is a declared IC holding an IC or shared level (so it is on the IC ladder). */
export function isOnIcLadder(levels: TreeLevels, i: number): boolean {
  return (
    levels.declared[i] === TrackCode.ic &&
    !Number.isNaN(levels.rank[i] ?? Number.NaN) &&
    levels.levelTrack[i] !== TrackCode.manager
  );
}

/**
 * The running state of one unit's ladder metrics: records (or groups of records sharing rank,
 * declared track, code and level track) are added in any order, with their summed weight, and
 * the result does not depend on that order (ties between codes resolve alphabetically; weights
 * are whole numbers, so their sums are exact). computeLadderMetrics adds records one by one, the
 * import's bottom-up facts (lib/views/unit-facts.ts) add classes of records.
 */
export interface LadderAccumulator {
  rungs: Set<number>;
  ceilingRank: number;
  ceilingCode: string | null;
  managerTop: number;
  icWeight: number;
  seniorWeight: number;
}

export function newLadderAccumulator(): LadderAccumulator {
  return {
    rungs: new Set<number>(),
    ceilingRank: Number.NEGATIVE_INFINITY,
    ceilingCode: null,
    managerTop: Number.NEGATIVE_INFINITY,
    icWeight: 0,
    seniorWeight: 0,
  };
}

/**
 * Add `w` (> 0) of records with this rank, declared track, code and on-IC-ladder flag
 * (isOnIcLadder).
 */
export function addToLadder(
  acc: LadderAccumulator,
  staffRank: number,
  w: number,
  rank: number,
  declared: number | undefined,
  code: string | null,
  onIcLadder: boolean,
): void {
  if (declared === TrackCode.manager) {
    if (rank > acc.managerTop) acc.managerTop = rank;
    return;
  }
  if (declared !== TrackCode.ic) return;
  acc.icWeight += w;
  if (!onIcLadder) return;
  acc.rungs.add(rank);
  if (rank >= staffRank) acc.seniorWeight += w;
  // Ties between codes of one rank (D5 / TL5) resolve alphabetically so reruns agree.
  if (
    rank > acc.ceilingRank ||
    (rank === acc.ceilingRank && code !== null && (acc.ceilingCode === null || code < acc.ceilingCode))
  ) {
    acc.ceilingRank = rank;
    acc.ceilingCode = code;
  }
}

/** The metrics of everything added. */
export function finishLadder(acc: LadderAccumulator, ladder: TreeLevels['ladder']): LadderUnitMetrics {
  const { rungs, ceilingRank, ceilingCode, managerTop } = acc;
  const hasCeiling = rungs.size > 0;
  const shortRank = getShortLadderRank(ladder);
  return {
    icLadderDepth: rungs.size,
    icCeiling: hasCeiling ? ceilingCode : null,
    icCeilingRank: hasCeiling ? ceilingRank : null,
    shortLadder: hasCeiling && shortRank !== null ? ceilingRank <= shortRank : null,
    parityGap: hasCeiling && managerTop > Number.NEGATIVE_INFINITY ? managerTop - ceilingRank : null,
    seniorIcShare: divideOrNull(acc.seniorWeight, acc.icWeight),
  };
}

/** Compute ladder metrics for a set of records (null = the whole org). */
export function computeLadderMetrics(
  tree: OrgTree,
  levels: TreeLevels,
  nodes: Int32Array | null,
): LadderUnitMetrics {
  const acc = newLadderAccumulator();
  const staffRank = levels.ladder.staffRank;
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const w = tree.weight[i] ?? 0;
    if (w <= 0) continue;
    const rank = levels.rank[i] ?? Number.NaN;
    addToLadder(acc, staffRank, w, rank, levels.declared[i], levels.code[i] ?? null, isOnIcLadder(levels, i));
  }
  return finishLadder(acc, levels.ladder);
}

/** Compute ladder metrics for a manager's subtree (null when the id is unknown). */
export function computeSubtreeLadderMetrics(
  tree: OrgTree,
  levels: TreeLevels,
  employeeId: string,
): LadderUnitMetrics | null {
  const root = tree.indexById.get(employeeId);
  return root === undefined ? null : computeLadderMetrics(tree, levels, collectSubtree(tree, root));
}

/** Compute the per-department ladder table (the CLI's {"departments":[...]}), sorted by name. */
export function computeDepartmentLadderTable(
  tree: OrgTree,
  levels: TreeLevels,
): { departments: DepartmentLadderRow[] } {
  const groups = groupByDepartment(tree);
  const departments = [...groups.keys()].sort().map((department) => {
    const m = computeLadderMetrics(tree, levels, groups.get(department) ?? new Int32Array(0));
    return {
      department,
      icLadderDepth: m.icLadderDepth,
      icCeiling: m.icCeiling,
      shortLadder: m.shortLadder,
      parityGap: m.parityGap,
      seniorIcShare: m.seniorIcShare,
    };
  });
  return { departments };
}
