/**
 * Unit points (issue #13): the figures a unit's trend series needs at one snapshot, stored at
 * import for every subtree (every record with reports), so a series of 36 snapshots is one indexed
 * read instead of 36 tree builds. A point holds the unit's series structure (the part of
 * StructureMetrics the trend, overview and findings views read), its ladder metrics, and the root's
 * preorder position and subtree size, so "is X inside the subtree of S in that snapshot" is
 * arithmetic: pre[S] <= pre[X] < pre[S] + size[S].
 *
 * Every figure comes from the same functions a view would call on the tree
 * (computeSubtreeStructure, computeSubtreeLadderMetrics), so a stored point equals a computed one.
 * Stored as a positional JSON array (about 150 bytes) rather than an object (about 700).
 */
import { computeSubtreeLadderMetrics, type LadderUnitMetrics } from '@/lib/metrics/ladder';
import type { Ladder } from '@/lib/ladders/types';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { OrgRecord } from '@/lib/metrics/types';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import type { SnapshotChanges } from '@/lib/metrics/history';
import { isManager, isPerson } from '@/lib/metrics/snapshot';
import { SPAN_BANDS, type SpanBands } from '@/lib/metrics/spans';
import { TrackCode } from '@/lib/metrics/tracks';
import {
  computeSubtreeStructure,
  type StructureMetrics,
  type StructureOptions,
} from '@/lib/metrics/structure';

/** What a series point keeps of a unit's structure (every field the series views read). */
export type SeriesStructure = Pick<
  StructureMetrics,
  | 'headcount'
  | 'managers'
  | 'ics'
  | 'depth'
  | 'managementLayers'
  | 'managerRatio'
  | 'icsPerManager'
  | 'middleManagers'
  | 'openPositions'
  | 'span'
  | 'managerialLevels'
>;

/**
 * The unit's share of the changes from the previous snapshot of the series (as imported): IC <->
 * manager moves inside it now, and, inside the root's subtree in the previous snapshot, declared
 * ICs at / below their unit's ceiling and those of them who left (SPEC "Trends" ceiling leavers).
 */
export interface PointStep {
  /** the root was in the previous snapshot (else its previous unit did not exist) */
  prevExists: boolean;
  icToManager: number;
  managerToIc: number;
  prevIcsAt: number;
  prevIcsBelow: number;
  leaversAt: number;
  leaversBelow: number;
}

export interface StoredUnitPoint {
  structure: SeriesStructure;
  /** null: stored without a previous snapshot (the first of its series), or a leaf's point */
  step?: PointStep | null;
  ladder: LadderUnitMetrics;
  /** preorder position of the unit's root in its snapshot */
  pre: number;
  /** records in the subtree, root included */
  size: number;
  /**
   * The root's own place in its snapshot (stored at import since format 3; absent in older rows
   * and in a leaf's point): what a view needs of the root besides its figures, so a dashboard can
   * answer without the tree (lib/views/unit-root.ts).
   */
  root?: RootFacts;
}

/** The root of a stored unit: its layer, whether it is a manager, and its unit's headcount (label rule). */
export interface RootFacts {
  /** 1-based layer of the root in its snapshot */
  layer: number;
  /** the root manages people (isManager: person-level reports) */
  manager: boolean;
  /** the root (if filled) and everyone below: lib/views/unit-labels.ts unitHeadcount */
  headcount: number;
}

/** The root facts of record i in its tree. */
export function rootFacts(tree: PreparedSnapshot['tree'], i: number): RootFacts {
  return {
    layer: tree.layer[i] ?? 1,
    manager: isManager(tree, i),
    headcount: (tree.weight[i] ?? 0) + (tree.subtreeSize[i] ?? 0),
  };
}

/** The series part of a unit's structure. */
export function toSeriesStructure(m: SeriesStructure): SeriesStructure {
  return {
    headcount: m.headcount,
    managers: m.managers,
    ics: m.ics,
    depth: m.depth,
    managementLayers: m.managementLayers,
    managerRatio: m.managerRatio,
    icsPerManager: m.icsPerManager,
    middleManagers: m.middleManagers,
    openPositions: m.openPositions,
    span: { mean: m.span.mean, median: m.span.median, p10: m.span.p10, p90: m.span.p90, bands: m.span.bands },
    managerialLevels: { ...m.managerialLevels },
  };
}

type Cell = number | string | boolean | null;
/** format 2: figures, position and step; format 3 adds the root's facts (three cells at the end) */
const FORMAT = 2;
const FORMAT_WITH_ROOT = 3;
const STEP_CELLS = 7;
const ROOT_CELLS = 3;
const LENGTH = 26 + SPAN_BANDS.length + STEP_CELLS;

/** The positional array stored in metric_results (family 'point', scope subtree). */
export function encodeUnitPoint(p: StoredUnitPoint): Cell[] {
  const s = p.structure;
  const l = p.ladder;
  return [
    p.root ? FORMAT_WITH_ROOT : FORMAT,
    p.pre,
    p.size,
    s.headcount,
    s.managers,
    s.ics,
    s.depth,
    s.managementLayers,
    s.managerRatio,
    s.icsPerManager,
    s.middleManagers,
    s.openPositions,
    s.span.mean,
    s.span.median,
    s.span.p10,
    s.span.p90,
    ...SPAN_BANDS.map((b) => s.span.bands[b]),
    s.managerialLevels.executive,
    s.managerialLevels.managerOfManagers,
    s.managerialLevels.managerOfIcs,
    s.managerialLevels.ic,
    l.icLadderDepth,
    l.icCeiling,
    l.icCeilingRank,
    l.shortLadder,
    l.parityGap,
    l.seniorIcShare,
    ...(p.step
      ? [
          p.step.prevExists ? 1 : 0,
          p.step.icToManager,
          p.step.managerToIc,
          p.step.prevIcsAt,
          p.step.prevIcsBelow,
          p.step.leaversAt,
          p.step.leaversBelow,
        ]
      : new Array<Cell>(STEP_CELLS).fill(-1)),
    ...(p.root ? [p.root.layer, p.root.manager ? 1 : 0, p.root.headcount] : []),
  ];
}

const num = (c: Cell | undefined): number => (typeof c === 'number' ? c : 0);
const numOrNull = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : null);

/** The point back from its stored array; null for an array of another format (then recompute). */
export function decodeUnitPoint(a: unknown): StoredUnitPoint | null {
  if (!Array.isArray(a)) return null;
  const withRoot = a[0] === FORMAT_WITH_ROOT && a.length === LENGTH + ROOT_CELLS;
  if (!withRoot && (a[0] !== FORMAT || a.length !== LENGTH)) return null;
  const c = a as Cell[];
  let k = 16;
  const bands = {} as SpanBands;
  for (const b of SPAN_BANDS) bands[b] = num(c[k++]);
  const at = (i: number) => c[k + i];
  return {
    pre: num(c[1]),
    size: num(c[2]),
    structure: {
      headcount: num(c[3]),
      managers: num(c[4]),
      ics: num(c[5]),
      depth: num(c[6]),
      managementLayers: num(c[7]),
      managerRatio: numOrNull(c[8]),
      icsPerManager: numOrNull(c[9]),
      middleManagers: num(c[10]),
      openPositions: num(c[11]),
      span: {
        mean: numOrNull(c[12]),
        median: numOrNull(c[13]),
        p10: numOrNull(c[14]),
        p90: numOrNull(c[15]),
        bands,
      },
      managerialLevels: {
        executive: num(at(0)),
        managerOfManagers: num(at(1)),
        managerOfIcs: num(at(2)),
        ic: num(at(3)),
      },
    },
    ladder: {
      icLadderDepth: num(at(4)),
      icCeiling: typeof at(5) === 'string' ? (at(5) as string) : null,
      icCeilingRank: numOrNull(at(6)),
      shortLadder: typeof at(7) === 'boolean' ? (at(7) as boolean) : null,
      parityGap: numOrNull(at(8)),
      seniorIcShare: numOrNull(at(9)),
    },
    step:
      at(10) === -1
        ? null
        : {
            prevExists: at(10) === 1,
            icToManager: num(at(11)),
            managerToIc: num(at(12)),
            prevIcsAt: num(at(13)),
            prevIcsBelow: num(at(14)),
            leaversAt: num(at(15)),
            leaversBelow: num(at(16)),
          },
    ...(withRoot
      ? { root: { layer: num(c[LENGTH]), manager: c[LENGTH + 1] === 1, headcount: num(c[LENGTH + 2]) } }
      : {}),
  };
}

/** The point of the subtree rooted at record i (its id must be the tree's key for i). */
export function computeUnitPoint(
  snap: PreparedSnapshot,
  i: number,
  options: Omit<StructureOptions, 'declaredTracks'> = {},
): StoredUnitPoint | null {
  const { tree, levels } = snap;
  const id = tree.records[i]?.employeeId ?? '';
  const structure = computeSubtreeStructure(tree, id, { ...options, declaredTracks: levels.declared });
  const ladder = computeSubtreeLadderMetrics(tree, levels, id);
  if (structure === null || ladder === null) return null;
  return {
    structure: toSeriesStructure(structure),
    ladder,
    pre: tree.preorderIndex[i] ?? 0,
    size: (tree.descendantCount[i] ?? 0) + 1,
  };
}

/**
 * Every subtree's point: one per record that has at least one record below it and is the tree's
 * key for its id (a duplicate id cannot be asked for). Leaves are left out (a leaf's figures are
 * one record's; the series computes them on demand in the rare snapshot where a manager was one).
 *
 * A point costs its subtree's size, so all of them cost the sum of every record's depth: about 7
 * records per person in a real organisation, but n²/2 for a chain. Points are computed smallest
 * subtree first until that sum reaches `budget` records (default 24 per record); the larger
 * subtrees left out are computed from the tree when asked for (correct, only slower).
 */
export function computeUnitPoints(
  snap: PreparedSnapshot,
  options: Omit<StructureOptions, 'declaredTracks'> & {
    budget?: number;
    /** the previous snapshot of the series and the changes from it: each point gets its step */
    previous?: { snap: PreparedSnapshot; changes: SnapshotChanges } | null;
    /**
     * Every wanted subtree's figures in one bottom-up pass (lib/views/unit-facts.ts), each equal to
     * computeUnitPoint's; false when it cannot run (each point is then computed from its records).
     */
    bottomUp?: (
      wanted: (i: number) => boolean,
      visit: (i: number, structure: SeriesStructure, ladder: LadderUnitMetrics) => void,
    ) => boolean;
  } = {},
): Array<{ id: string; point: StoredUnitPoint }> {
  const { tree } = snap;
  const { budget = 24 * tree.size, previous = null, bottomUp, ...structure } = options;
  const stepOf = previous === null ? null : pointSteps(snap, previous.snap, previous.changes);
  const roots: number[] = [];
  for (let i = 0; i < tree.size; i++) {
    if ((tree.descendantCount[i] ?? 0) === 0) continue;
    const id = tree.records[i]?.employeeId ?? '';
    if (id === '' || tree.indexById.get(id) !== i) continue;
    roots.push(i);
  }
  const size = (i: number) => tree.descendantCount[i] ?? 0;
  roots.sort((a, b) => size(a) - size(b) || a - b);
  let spent = 0;
  let within = 0;
  while (within < roots.length && (spent += size(roots[within] ?? 0) + 1) <= budget) within++;
  const chosen = roots.slice(0, within);
  const figures = new Map<number, Pick<StoredUnitPoint, 'structure' | 'ladder'>>();
  if (bottomUp) {
    const wanted = new Uint8Array(tree.size);
    for (const i of chosen) wanted[i] = 1;
    bottomUp(
      (i) => wanted[i] === 1,
      (i, s, ladder) => figures.set(i, { structure: toSeriesStructure(s), ladder }),
    );
  }
  const out: Array<{ id: string; point: StoredUnitPoint }> = [];
  for (const i of chosen) {
    const known = figures.get(i);
    const point = known
      ? { ...known, pre: tree.preorderIndex[i] ?? 0, size: (tree.descendantCount[i] ?? 0) + 1 }
      : computeUnitPoint(snap, i, structure);
    if (point !== null)
      out.push({
        id: tree.records[i]?.employeeId ?? '',
        point: { ...point, step: stepOf?.(i) ?? null, root: rootFacts(tree, i) },
      });
  }
  return out;
}

/** Prefix sums of a 0/1 mark over preorder positions: sum over [a, b) is s[b] - s[a]. */
function prefix(n: number, mark: (pos: number) => boolean): Int32Array {
  const s = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) s[p + 1] = (s[p] ?? 0) + (mark(p) ? 1 : 0);
  return s;
}

/**
 * Each subtree's step counts in O(1) after one pass per snapshot: marks laid out in preorder, so a
 * subtree (in this snapshot, or its root's subtree in the previous one) is a range of prefix sums.
 */
function pointSteps(
  curr: PreparedSnapshot,
  prev: PreparedSnapshot,
  changes: SnapshotChanges,
): (i: number) => PointStep {
  const marks = (snap: PreparedSnapshot, ids: readonly string[]) => {
    const m = new Uint8Array(snap.tree.size);
    for (const id of ids) {
      const i = snap.tree.indexById.get(id);
      if (i !== undefined) m[snap.tree.preorderIndex[i] ?? 0] = 1;
    }
    return m;
  };
  const n = curr.tree.size;
  const toManager = marks(curr, changes.icToManager);
  const toIc = marks(curr, changes.managerToIc);
  const icToManager = prefix(n, (p) => toManager[p] === 1);
  const managerToIc = prefix(n, (p) => toIc[p] === 1);
  // Previous snapshot: declared ICs by ceiling, and whether they left (not a person now).
  const m = prev.tree.size;
  const flag = new Uint8Array(m); // 1 below, 2 at the ceiling, +4 left
  const ceilings = findUnitCeilings(prev);
  for (let i = 0; i < m; i++) {
    if (!isPerson(prev.tree, i) || prev.levels.declared[i] !== TrackCode.ic) continue;
    const j = curr.tree.indexById.get(prev.tree.records[i]?.employeeId ?? '');
    const left = j === undefined || !isPerson(curr.tree, j);
    flag[prev.tree.preorderIndex[i] ?? 0] = (ceilings[i] === 1 ? 2 : 1) + (left ? 4 : 0);
  }
  const icsAt = prefix(m, (p) => ((flag[p] ?? 0) & 3) === 2);
  const icsBelow = prefix(m, (p) => ((flag[p] ?? 0) & 3) === 1);
  const leftAt = prefix(m, (p) => flag[p] === 6);
  const leftBelow = prefix(m, (p) => flag[p] === 5);
  const range = (s: Int32Array, a: number, b: number) => (s[b] ?? 0) - (s[a] ?? 0);
  return (i) => {
    const a = curr.tree.preorderIndex[i] ?? 0;
    const b = a + (curr.tree.descendantCount[i] ?? 0) + 1;
    const j = prev.tree.indexById.get(curr.tree.records[i]?.employeeId ?? '');
    const pa = j === undefined ? 0 : (prev.tree.preorderIndex[j] ?? 0);
    const pb = j === undefined ? 0 : pa + (prev.tree.descendantCount[j] ?? 0) + 1;
    return {
      prevExists: j !== undefined,
      icToManager: range(icToManager, a, b),
      managerToIc: range(managerToIc, a, b),
      prevIcsAt: range(icsAt, pa, pb),
      prevIcsBelow: range(icsBelow, pa, pb),
      leaversAt: range(leftAt, pa, pb),
      leaversBelow: range(leftBelow, pa, pb),
    };
  };
}

/**
 * The point of a record with nothing below it, from that record alone: every figure of a one-record
 * subtree depends only on the record (its weight, vacancy, aggregation, level and track) and the
 * ladder, so a tree of just that record gives the same numbers as the whole snapshot's tree
 * (checked over random trees in tests/unit/metrics/unit-points.test.ts). Its preorder position is
 * unknown (-1): a scoped reader's check needs the tree.
 */
export function computeLeafPoint(
  asOf: string,
  record: OrgRecord,
  ladder: Ladder,
  options: Omit<StructureOptions, 'declaredTracks'> = {},
): StoredUnitPoint | null {
  const point = computeUnitPoint(prepareAlone(asOf, record, ladder, options), 0, options);
  return point === null ? null : { ...point, pre: -1 };
}

/** A snapshot of the record alone (as a root): what every one-record figure is computed on. */
function prepareAlone(
  asOf: string,
  record: OrgRecord,
  ladder: Ladder,
  options: Omit<StructureOptions, 'declaredTracks'> = {},
): PreparedSnapshot {
  return prepareSnapshot(asOf, [{ ...record, managerId: null }], ladder, options);
}

/** A one-record unit's headcount and whether it is a declared IC person (from the record alone). */
export function leafFacts(
  asOf: string,
  record: OrgRecord,
  ladder: Ladder,
): { headcount: number; declaredIc: boolean } {
  const alone = prepareAlone(asOf, record, ladder);
  return {
    headcount: alone.tree.weight[0] ?? 0,
    declaredIc: isPerson(alone.tree, 0) && alone.levels.declared[0] === TrackCode.ic,
  };
}

/** True when the unit at `inner` lies in the subtree at `outer` (same snapshot). */
export function isPointWithin(inner: Pick<StoredUnitPoint, 'pre'>, outer: StoredUnitPoint): boolean {
  return inner.pre >= outer.pre && inner.pre < outer.pre + outer.size;
}
