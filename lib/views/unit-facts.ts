/**
 * Every stored subtree's facts bottom-up, in one pass over the snapshot (issue #13): the import
 * stores, for every manager's subtree, its unit point, Overview facts and Ladder facts, and
 * computing each from its own records cost the sum of all subtree sizes (people x depth).
 *
 * Here a unit is a bag, merged from its reports' bags in reverse preorder (each part the smaller
 * into the larger):
 * - classes: what every Ladder and findings figure reads of a record (department, declared track,
 *   level code, rank, on the IC ladder, at its unit's IC ceiling, weighted), each with its summed
 *   weight and its first (smallest) record index; a unit's figures are read off at most one entry
 *   per class, in record order (a class stands where its first record stood), through the very
 *   accumulators the tree path adds records to (lib/views/ladder-distribution.ts,
 *   lib/metrics/ladder.ts);
 * - people per org-wide layer (weight, ICs, managers of managers, managers of ICs): a unit's
 *   pyramid is the run below its root's layer (lib/metrics/structure.ts structureOfLayers);
 * - managers per span (a histogram), vacancies, junior-staff FTE and aggregated rows.
 * Weights and spans are whole numbers (lib/metrics/roles.ts), so every sum is exact in any order;
 * junior-staff FTE is summed exactly when every row's FTE is a multiple of 1/1024. A snapshot where
 * one of these does not hold is left to the tree path (visitSubtreeFacts returns false and the
 * callers compute each unit from its records as before).
 */
import {
  addToLadder,
  finishLadder,
  isOnIcLadder,
  newLadderAccumulator,
  type LadderUnitMetrics,
} from '@/lib/metrics/ladder';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { NodeKind } from '@/lib/metrics/roles';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { spanHistogramOfCounts } from '@/lib/metrics/span-histogram';
import { spanStatsOfCounts } from '@/lib/metrics/spans';
import {
  DEFAULT_EXEC_LAYERS,
  finishStructure,
  structureOfLayers,
  type StructureMetrics,
} from '@/lib/metrics/structure';
import { roundTo } from '@/lib/metrics/numbers';
import type { SeriesStructure } from '@/lib/metrics/unit-points';
import {
  addLevelSeries,
  addToGroup,
  compareDepartments,
  finishGroup,
  finishLevelSeries,
  newGroupAccumulator,
  type LevelSeries,
} from './ladder-distribution';
import type { LadderFacts } from './ladder';
import type { FindingFacts } from './findings';
import { overviewStructureOf, type OverviewFacts } from './overview';

/** FTE sums are exact when every FTE is a multiple of this (and their total stays small). */
const FTE_GRAIN = 1024;

/** One unit's bag (see the module comment). */
class Bag {
  // classes
  slot = new Map<number, number>();
  cls: number[] = [];
  w: number[] = [];
  first: number[] = [];
  // people per org-wide layer, over [lo, hi]
  lo = Number.POSITIVE_INFINITY;
  hi = Number.NEGATIVE_INFINITY;
  hc: Float64Array;
  ics: Float64Array;
  mom: Float64Array;
  moi: Float64Array;
  /** deepest org-wide layer holding a weighted person, or -1 */
  deepest = -1;
  // managers per span
  spans = new Map<number, number>();
  managers = 0;
  open = 0;
  juniorFte = 0;
  aggregatedRows = 0;

  constructor(layers: number) {
    this.hc = new Float64Array(layers);
    this.ics = new Float64Array(layers);
    this.mom = new Float64Array(layers);
    this.moi = new Float64Array(layers);
  }

  addClass(c: number, w: number, first: number): void {
    const k = this.slot.get(c);
    if (k === undefined) {
      this.slot.set(c, this.cls.length);
      this.cls.push(c);
      this.w.push(w);
      this.first.push(first);
    } else {
      this.w[k] = (this.w[k] ?? 0) + w;
      if (first < (this.first[k] ?? first)) this.first[k] = first;
    }
  }

  /** Take everything of `o` in (o is spent after). */
  merge(o: Bag): void {
    if (o.cls.length > this.cls.length) {
      [this.slot, o.slot] = [o.slot, this.slot];
      [this.cls, o.cls] = [o.cls, this.cls];
      [this.w, o.w] = [o.w, this.w];
      [this.first, o.first] = [o.first, this.first];
    }
    for (let k = 0; k < o.cls.length; k++) this.addClass(o.cls[k] ?? 0, o.w[k] ?? 0, o.first[k] ?? 0);
    if (o.hi - o.lo > this.hi - this.lo) {
      [this.hc, o.hc] = [o.hc, this.hc];
      [this.ics, o.ics] = [o.ics, this.ics];
      [this.mom, o.mom] = [o.mom, this.mom];
      [this.moi, o.moi] = [o.moi, this.moi];
      [this.lo, o.lo] = [o.lo, this.lo];
      [this.hi, o.hi] = [o.hi, this.hi];
    }
    for (let l = o.lo; l <= o.hi; l++) {
      this.hc[l] = (this.hc[l] ?? 0) + (o.hc[l] ?? 0);
      this.ics[l] = (this.ics[l] ?? 0) + (o.ics[l] ?? 0);
      this.mom[l] = (this.mom[l] ?? 0) + (o.mom[l] ?? 0);
      this.moi[l] = (this.moi[l] ?? 0) + (o.moi[l] ?? 0);
    }
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
    if (o.deepest > this.deepest) this.deepest = o.deepest;
    if (o.spans.size > this.spans.size) [this.spans, o.spans] = [o.spans, this.spans];
    for (const [v, n] of o.spans) this.spans.set(v, (this.spans.get(v) ?? 0) + n);
    this.managers += o.managers;
    this.open += o.open;
    this.juniorFte += o.juniorFte;
    this.aggregatedRows += o.aggregatedRows;
  }
}

/** The classes of a snapshot's records. */
interface Classes {
  of: Int32Array;
  department: Array<string | null>;
  declared: number[];
  code: Array<string | null>;
  rank: number[];
  onIcLadder: boolean[];
  atCeiling: boolean[];
  weighted: boolean[];
}

function classify(snap: PreparedSnapshot, ceilings: Uint8Array): Classes | null {
  const { tree, levels } = snap;
  const of = new Int32Array(tree.size);
  const out: Classes = {
    of,
    department: [],
    declared: [],
    code: [],
    rank: [],
    onIcLadder: [],
    atCeiling: [],
    weighted: [],
  };
  const byKey = new Map<number, number>();
  // each part of the key numbered as first met (NaN is one Map key)
  const departments = new Map<string | null, number>();
  const codes = new Map<string | null, number>();
  const ranks = new Map<number, number>();
  const number = <K>(m: Map<K, number>, k: K): number => {
    let n = m.get(k);
    if (n === undefined) m.set(k, (n = m.size));
    return n;
  };
  let fteTotal = 0;
  for (let i = 0; i < tree.size; i++) {
    const w = tree.weight[i] ?? 0;
    const span = tree.span[i] ?? 0;
    const fte = (tree.fte[i] ?? 0) * FTE_GRAIN;
    fteTotal += Math.abs(fte);
    if (!Number.isInteger(w) || !Number.isInteger(span) || !Number.isInteger(fte)) return null;
    const department = tree.records[i]?.department ?? null;
    const declared = levels.declared[i] ?? -1;
    const code = levels.code[i] ?? null;
    const rank = levels.rank[i] ?? Number.NaN;
    const onIcLadder = isOnIcLadder(levels, i);
    const atCeiling = ceilings[i] === 1;
    const weighted = w > 0;
    const flags = (onIcLadder ? 1 : 0) + (atCeiling ? 2 : 0) + (weighted ? 4 : 0);
    if (declared >= 255) return null;
    // exact (below 2^52) while there are fewer than 8,192 departments, 65,536 codes and 4,096
    // ranks: checked after the loop
    const key =
      ((number(departments, department) * 65_536 + number(codes, code)) * 4096 + number(ranks, rank)) * 2048 +
      (declared + 1) * 8 +
      flags;
    let c = byKey.get(key);
    if (c === undefined) {
      c = out.declared.length;
      byKey.set(key, c);
      out.department.push(department);
      out.declared.push(declared);
      out.code.push(code);
      out.rank.push(rank);
      out.onIcLadder.push(onIcLadder);
      out.atCeiling.push(atCeiling);
      out.weighted.push(weighted);
    }
    of[i] = c;
  }
  const keysFit = departments.size <= 8192 && codes.size <= 65_536 && ranks.size <= 4096;
  return fteTotal < 2 ** 50 && keysFit ? out : null;
}

/** What a visited unit's figures are read from. */
export interface SubtreeFacts {
  /** the Ladder facts (computeLadderFacts of the subtree's records) */
  ladder(): LadderFacts;
  /** the ladder metrics (computeLadderMetrics of the subtree's records) */
  ladderMetrics(): LadderUnitMetrics;
  /** the structure as computeSubtreeStructure gives it, less roots, orphans and track mismatches */
  structure(): SeriesStructure & Pick<StructureMetrics, 'pyramid' | 'hasAggregated' | 'juniorFte'>;
  /** the Overview facts (computeOverviewFacts), `structure` the one the tree path would read */
  overview(
    structure?: SeriesStructure & Pick<StructureMetrics, 'pyramid' | 'hasAggregated' | 'juniorFte'>,
  ): OverviewFacts;
}

/**
 * Call `visit` with the facts of the subtree of every record `wanted` picks, in reverse preorder;
 * false (and nothing visited) when the snapshot's figures cannot be summed exactly in any order.
 */
export function visitSubtreeFacts(
  snap: PreparedSnapshot,
  options: { execLayers?: number; ceilings?: Uint8Array },
  wanted: (i: number) => boolean,
  visit: (i: number, facts: SubtreeFacts) => void,
): boolean {
  const ceilings = options.ceilings ?? findUnitCeilings(snap);
  const classes = classify(snap, ceilings);
  if (classes === null) return false;
  const execLayers = options.execLayers ?? DEFAULT_EXEC_LAYERS;
  const { tree } = snap;
  const layers = tree.maxLayer + 2;
  const bags: Array<Bag | undefined> = new Array<Bag | undefined>(tree.size);
  for (let p = tree.preorder.length - 1; p >= 0; p--) {
    const i = tree.preorder[p] ?? 0;
    const parent = tree.parent[i] ?? -1;
    const own = bags[i];
    bags[i] = undefined;
    if (own === undefined && parent >= 0 && !wanted(i)) {
      // a record with nothing below it adds itself to its manager's bag
      addRecord(snap, classes, (bags[parent] ??= new Bag(layers)), i);
      continue;
    }
    const bag = own ?? new Bag(layers);
    addRecord(snap, classes, bag, i);
    if (wanted(i)) visit(i, readBag(snap, classes, bag, i, execLayers));
    if (parent < 0) continue;
    const into = bags[parent];
    if (into === undefined) bags[parent] = bag;
    else into.merge(bag);
  }
  return true;
}

/**
 * The stored Overview and Ladder rows' data of the subtrees visited for a snapshot's unit points
 * (one pass for all three), encoded at once so the facts themselves are not kept.
 */
const remembered = new WeakMap<
  PreparedSnapshot,
  { execLayers: number; overview: Map<string, unknown>; ladder: Map<string, unknown> }
>();

/**
 * visitSubtreeFacts that also keeps each visited subtree's Overview and Ladder facts with the
 * snapshot, as `encode` stores them, for rememberedRows to hand out without a pass of their own.
 */
export function visitAndRemember(
  snap: PreparedSnapshot,
  options: { execLayers?: number },
  wanted: (i: number) => boolean,
  visit: (i: number, facts: SubtreeFacts) => void,
  encode: { overview: (f: OverviewFacts) => unknown; ladder: (f: LadderFacts) => unknown },
): boolean {
  const kept = {
    execLayers: options.execLayers ?? DEFAULT_EXEC_LAYERS,
    overview: new Map<string, unknown>(),
    ladder: new Map<string, unknown>(),
  };
  const ok = visitSubtreeFacts(snap, options, wanted, (i, facts) => {
    visit(i, facts);
    const id = snap.tree.records[i]?.employeeId ?? '';
    kept.overview.set(id, encode.overview(facts.overview()));
    kept.ladder.set(id, encode.ladder(facts.ladder()));
  });
  if (ok) remembered.set(snap, kept);
  return ok;
}

/** The stored rows' data visitAndRemember kept for this snapshot (Overview: with these executive layers). */
export function rememberedRows(
  snap: PreparedSnapshot,
  family: 'overview' | 'ladder',
  execLayers?: number,
): Map<string, unknown> | undefined {
  const kept = remembered.get(snap);
  if (kept === undefined) return undefined;
  if (family === 'ladder') return kept.ladder;
  return kept.execLayers === execLayers ? kept.overview : undefined;
}

/** The Overview facts of the subtrees named in `ids` (by root id), in one bottom-up pass. */
export function subtreeOverviewFacts(
  snap: PreparedSnapshot,
  ids: readonly string[],
  options: { execLayers: number; ceilings?: Uint8Array },
): Map<string, OverviewFacts> {
  return readSubtreeFacts(snap, ids, options, (facts) => facts.overview());
}

/** The Ladder facts of the subtrees named in `ids` (by root id), in one bottom-up pass. */
export function subtreeLadderFacts(snap: PreparedSnapshot, ids: readonly string[]): Map<string, LadderFacts> {
  return readSubtreeFacts(snap, ids, {}, (facts) => facts.ladder());
}

/**
 * What `read` takes of the facts of each subtree named in `ids` (its root's id), keyed by that id,
 * in one bottom-up pass; empty when the pass cannot run (the caller then computes each unit from
 * its records).
 */
function readSubtreeFacts<T>(
  snap: PreparedSnapshot,
  ids: readonly string[],
  options: { execLayers?: number; ceilings?: Uint8Array },
  read: (facts: SubtreeFacts, id: string) => T,
): Map<string, T> {
  const { tree } = snap;
  const wanted = new Uint8Array(tree.size);
  for (const id of ids) {
    const i = tree.indexById.get(id);
    if (i !== undefined) wanted[i] = 1;
  }
  const out = new Map<string, T>();
  visitSubtreeFacts(
    snap,
    options,
    (i) => wanted[i] === 1,
    (i, facts) => {
      const id = tree.records[i]?.employeeId ?? '';
      out.set(id, read(facts, id));
    },
  );
  return out;
}

function addRecord(snap: PreparedSnapshot, classes: Classes, bag: Bag, i: number): void {
  const { tree } = snap;
  const w = tree.weight[i] ?? 0;
  bag.addClass(classes.of[i] ?? 0, w, i);
  if (tree.aggregated[i] === 1) {
    bag.juniorFte += tree.fte[i] ?? 0;
    bag.aggregatedRows++;
    return;
  }
  const kind = tree.kind[i] ?? NodeKind.vacant;
  if (kind === NodeKind.vacant) {
    bag.open++;
    return;
  }
  const layer = tree.layer[i] ?? 1;
  if (layer < bag.lo) bag.lo = layer;
  if (layer > bag.hi) bag.hi = layer;
  bag.hc[layer] = (bag.hc[layer] ?? 0) + w;
  if (w > 0 && layer > bag.deepest) bag.deepest = layer;
  if (kind === NodeKind.ic) {
    bag.ics[layer] = (bag.ics[layer] ?? 0) + w;
    return;
  }
  const span = tree.span[i] ?? 0;
  bag.spans.set(span, (bag.spans.get(span) ?? 0) + 1);
  bag.managers++;
  const counts = kind === NodeKind.managerOfManagers ? bag.mom : bag.moi;
  counts[layer] = (counts[layer] ?? 0) + 1;
}

/** The facts of the unit rooted at i, read off its bag (lazily: each is computed when asked). */
function readBag(
  snap: PreparedSnapshot,
  classes: Classes,
  bag: Bag,
  root: number,
  execLayers: number,
): SubtreeFacts {
  const ladder = snap.levels.ladder;
  const staffRank = ladder.staffRank;
  const order = Array.from(bag.cls.keys()).sort((a, b) => (bag.first[a] ?? 0) - (bag.first[b] ?? 0));
  const entry = (k: number) => {
    const c = bag.cls[k] ?? 0;
    return {
      w: bag.w[k] ?? 0,
      department: classes.department[c] ?? null,
      declared: classes.declared[c],
      code: classes.code[c] ?? null,
      rank: classes.rank[c] ?? Number.NaN,
      onIcLadder: classes.onIcLadder[c] ?? false,
      atCeiling: classes.atCeiling[c] ?? false,
      weighted: classes.weighted[c] ?? false,
    };
  };
  const entries = order.map(entry);
  const spanValues = [...bag.spans.keys()].sort((a, b) => a - b);
  const spanCounts = spanValues.map((v) => bag.spans.get(v) ?? 0);

  let ladderFacts: { facts: LadderFacts; metrics: LadderUnitMetrics } | null = null;
  const readLadder = () => {
    if (ladderFacts !== null) return ladderFacts;
    const summary = newGroupAccumulator();
    const found = new Map<string, LevelSeries>();
    const byDepartment = new Map<string | null, ReturnType<typeof newGroupAccumulator>>();
    for (const e of entries) {
      if (!e.weighted) continue;
      addToGroup(summary, staffRank, e.w, e.declared, e.code, e.rank, e.onIcLadder);
      addLevelSeries(found, e.declared, e.code, e.rank);
      let group = byDepartment.get(e.department);
      if (group === undefined) byDepartment.set(e.department, (group = newGroupAccumulator()));
      addToGroup(group, staffRank, e.w, e.declared, e.code, e.rank, e.onIcLadder);
    }
    const metrics = finishLadder(summary.ladder, ladder);
    ladderFacts = {
      facts: {
        summary: finishGroup(summary, ladder),
        levels: finishLevelSeries(found),
        departments: [...byDepartment.entries()]
          .sort(([a], [b]) => compareDepartments(a, b))
          .map(([department, group]) => ({ department, group: finishGroup(group, ladder) })),
      },
      metrics,
    };
    return ladderFacts;
  };

  let structureMemo: ReturnType<SubtreeFacts['structure']> | null = null;
  const structure = () => (structureMemo ??= readStructure());
  const readStructure = () => {
    const top = snap.tree.layer[root] ?? 1;
    const depth = bag.deepest < 0 ? 0 : bag.deepest - top + 1;
    const rel = () => new Float64Array(depth + 1);
    const counts = { hc: rel(), ics: rel(), exec: rel(), mom: rel(), moi: rel() };
    for (let l = 1; l <= depth; l++) {
      const a = top + l - 1;
      counts.hc[l] = bag.hc[a] ?? 0;
      counts.ics[l] = bag.ics[a] ?? 0;
      if (l <= execLayers) counts.exec[l] = (bag.mom[a] ?? 0) + (bag.moi[a] ?? 0);
      else {
        counts.mom[l] = bag.mom[a] ?? 0;
        counts.moi[l] = bag.moi[a] ?? 0;
      }
    }
    const figures = finishStructure(
      structureOfLayers(depth, counts),
      bag.managers,
      spanStatsOfCounts(spanValues, spanCounts),
    );
    return {
      ...figures,
      openPositions: bag.open,
      juniorFte: roundTo(bag.juniorFte, 4),
      hasAggregated: bag.aggregatedRows > 0,
    };
  };

  const findings = (): FindingFacts => {
    const byDepartment = new Map<
      string,
      { people: number; atTop: number; ladder: ReturnType<typeof newLadderAccumulator> }
    >();
    for (const e of entries) {
      if (e.department === null) continue;
      let d = byDepartment.get(e.department);
      if (d === undefined)
        byDepartment.set(e.department, (d = { people: 0, atTop: 0, ladder: newLadderAccumulator() }));
      d.people += e.w;
      if (!e.weighted) continue;
      if (e.atCeiling && e.department) d.atTop += e.w;
      addToLadder(d.ladder, staffRank, e.w, e.rank, e.declared, e.code, e.onIcLadder);
    }
    let narrow = 0;
    let wide = 0;
    for (let k = 0; k < spanValues.length; k++) {
      const v = spanValues[k] ?? 0;
      if (v <= 3) narrow += spanCounts[k] ?? 0;
      if (v >= 17) wide += spanCounts[k] ?? 0;
    }
    return {
      departments: [...byDepartment.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([department, d]) => {
          const m = finishLadder(d.ladder, ladder);
          return {
            department,
            people: d.people,
            shortLadder: m.shortLadder,
            icCeiling: m.icCeiling,
            parityGap: m.parityGap,
            atTop: d.atTop,
          };
        }),
      managers: bag.managers,
      narrow,
      wide,
    };
  };

  return {
    ladder: () => readLadder().facts,
    ladderMetrics: () => readLadder().metrics,
    structure,
    overview: (given) => {
      let atCeiling = 0;
      for (const e of entries) if (e.weighted && e.atCeiling) atCeiling += e.w;
      return {
        structure: overviewStructureOf(given ?? structure()),
        ladder: readLadder().metrics,
        icsAtCeiling: atCeiling,
        spans: spanHistogramOfCounts(spanValues, spanCounts, { minTop: 1 }),
        findings: findings(),
      };
    },
  };
}
