/**
 * Every stored subtree's Ladder facts (and ladder metrics) bottom-up, in one pass over the
 * snapshot (issue #13): the import stores them for every manager's subtree, and computing each
 * from its own records cost the sum of all subtree sizes (people x depth). Here each record's
 * figures depend only on its class (department, declared track, level code, rank, level track),
 * so a unit is a bag of classes with their summed weights and their first record: children's bags
 * merge into their manager's in reverse preorder (the smaller into the larger), and a unit's facts
 * are read off its bag, at most one entry per class, in record order (a class stands where its
 * first record stood), through the very accumulators the tree path adds records to
 * (lib/views/ladder-distribution.ts, lib/metrics/ladder.ts). Weights are whole numbers (0 or 1:
 * lib/metrics/roles.ts), so the sums are exact in any order; a snapshot where one is not is left to
 * the tree path (the callers then compute each unit from its records as before).
 */
import { isOnIcLadder, type LadderUnitMetrics, finishLadder } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
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

/** One unit's classes: class id, summed weight and first (smallest) record index per entry. */
class Bag {
  readonly slot = new Map<number, number>();
  readonly cls: number[] = [];
  readonly w: number[] = [];
  readonly first: number[] = [];

  add(c: number, w: number, first: number): void {
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

  merge(other: Bag): void {
    for (let k = 0; k < other.cls.length; k++)
      this.add(other.cls[k] ?? 0, other.w[k] ?? 0, other.first[k] ?? 0);
  }
}

/** The classes of a snapshot's records: what every Ladder figure reads of a record. */
interface Classes {
  /** class of each record, -1 when its weight is 0 (no Ladder figure counts it) */
  of: Int32Array;
  department: Array<string | null>;
  declared: number[];
  code: Array<string | null>;
  rank: number[];
  onIcLadder: boolean[];
}

function classify(snap: PreparedSnapshot): Classes | null {
  const { tree, levels } = snap;
  const of = new Int32Array(tree.size).fill(-1);
  const out: Classes = { of, department: [], declared: [], code: [], rank: [], onIcLadder: [] };
  const byKey = new Map<string, number>();
  for (let i = 0; i < tree.size; i++) {
    const w = tree.weight[i] ?? 0;
    if (w <= 0) continue;
    if (!Number.isInteger(w)) return null;
    const department = tree.records[i]?.department ?? null;
    const declared = levels.declared[i];
    const code = levels.code[i] ?? null;
    const rank = levels.rank[i] ?? Number.NaN;
    const onIcLadder = isOnIcLadder(levels, i);
    // JSON keeps null apart from "null" and the rank's NaN as null (the code then is null too,
    // but the key does not rely on it: rank is kept as its own cell).
    const key = JSON.stringify([
      department,
      declared ?? -1,
      code,
      Number.isNaN(rank) ? 'NaN' : rank,
      onIcLadder,
    ]);
    let c = byKey.get(key);
    if (c === undefined) {
      c = out.declared.length;
      byKey.set(key, c);
      out.department.push(department);
      out.declared.push(declared ?? -1);
      out.code.push(code);
      out.rank.push(rank);
      out.onIcLadder.push(onIcLadder);
    }
    of[i] = c;
  }
  return out;
}

/** A unit's Ladder facts and ladder metrics from its bag. */
function factsOf(
  snap: PreparedSnapshot,
  classes: Classes,
  bag: Bag,
): { facts: LadderFacts; metrics: LadderUnitMetrics } {
  const ladder = snap.levels.ladder;
  const staffRank = ladder.staffRank;
  const order = Array.from(bag.cls.keys()).sort((a, b) => (bag.first[a] ?? 0) - (bag.first[b] ?? 0));
  const summary = newGroupAccumulator();
  const found = new Map<string, LevelSeries>();
  const byDepartment = new Map<string | null, ReturnType<typeof newGroupAccumulator>>();
  for (const k of order) {
    const c = bag.cls[k] ?? 0;
    const w = bag.w[k] ?? 0;
    const declared = classes.declared[c];
    const code = classes.code[c] ?? null;
    const rank = classes.rank[c] ?? Number.NaN;
    const onIcLadder = classes.onIcLadder[c] ?? false;
    addToGroup(summary, staffRank, w, declared, code, rank, onIcLadder);
    addLevelSeries(found, declared, code, rank);
    const department = classes.department[c] ?? null;
    let group = byDepartment.get(department);
    if (group === undefined) byDepartment.set(department, (group = newGroupAccumulator()));
    addToGroup(group, staffRank, w, declared, code, rank, onIcLadder);
  }
  const metrics = finishLadder(summary.ladder, ladder);
  return {
    facts: {
      summary: finishGroup(summary, ladder),
      levels: finishLevelSeries(found),
      departments: [...byDepartment.entries()]
        .sort(([a], [b]) => compareDepartments(a, b))
        .map(([department, group]) => ({ department, group: finishGroup(group, ladder) })),
    },
    metrics,
  };
}

/**
 * Call `visit` with the Ladder facts and ladder metrics of the subtree of every record `wanted`
 * picks (each equal to computeLadderFacts / computeLadderMetrics on the subtree's records), in
 * reverse preorder; false (and nothing visited) when a weight is not a whole number.
 */
export function visitSubtreeLadderFacts(
  snap: PreparedSnapshot,
  wanted: (i: number) => boolean,
  visit: (i: number, facts: LadderFacts, metrics: LadderUnitMetrics) => void,
): boolean {
  const classes = classify(snap);
  if (classes === null) return false;
  const { tree } = snap;
  const bags: Array<Bag | undefined> = new Array<Bag | undefined>(tree.size);
  for (let p = tree.preorder.length - 1; p >= 0; p--) {
    const i = tree.preorder[p] ?? 0;
    const c = classes.of[i] ?? -1;
    const parent = tree.parent[i] ?? -1;
    const want = wanted(i);
    let bag = bags[i];
    bags[i] = undefined;
    if (bag === undefined && !want && parent >= 0) {
      // a leaf (or a unit with no weighted record below) adds itself to its manager's bag
      if (c >= 0) (bags[parent] ??= new Bag()).add(c, tree.weight[i] ?? 0, i);
      continue;
    }
    bag ??= new Bag();
    if (c >= 0) bag.add(c, tree.weight[i] ?? 0, i);
    if (want) {
      const { facts, metrics } = factsOf(snap, classes, bag);
      visit(i, facts, metrics);
    }
    if (parent < 0) continue;
    const into = bags[parent];
    if (into === undefined) bags[parent] = bag;
    else if (into.cls.length >= bag.cls.length) into.merge(bag);
    else {
      bag.merge(into);
      bags[parent] = bag;
    }
  }
  return true;
}
