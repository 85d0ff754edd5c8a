/**
 * The changed copy of a snapshot, prepared for the metrics without redoing what did not change:
 * its employee-id index and manager links are derived from the starting snapshot's (one pass over
 * integers, no string map of every id), and its changes since the snapshot are counted over the
 * people the operations touched rather than by comparing every record. Both give exactly what
 * prepareSnapshot and countUnitChanges give on the whole lists (tests/unit/scenarios/prepare.test.ts).
 */
import { shareDepartments } from '@/lib/metrics/record-columns';
import { prepareSnapshot, isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { StructureOptions } from '@/lib/metrics/structure';
import { TrackCode } from '@/lib/metrics/tracks';
import type { ChangeCounts } from '@/lib/metrics/trends';
import type { OrgTree } from '@/lib/metrics/tree';
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import type { Unit } from '@/lib/views/unit';
import { isBelow } from '@/lib/views/unit';
import type { ScenarioChanges } from './changes';

/** An id -> row index of the changed records: the starting index shifted past dropped rows, plus added ids. */
class ShiftedIndex implements ReadonlyMap<string, number> {
  constructor(
    readonly base: ReadonlyMap<string, number>,
    private readonly oldToNew: Int32Array,
    private readonly added: ReadonlyMap<string, number>,
    readonly size: number,
    /** rows 0 .. kept - 1 are starting rows kept in order; added rows follow */
    readonly kept: number,
  ) {}

  /** Fill `out` (by changed row) with the starting row of each kept row. */
  keptRows(out: Int32Array): void {
    for (let i = 0; i < this.oldToNew.length; i++) {
      const j = this.oldToNew[i] ?? -1;
      if (j >= 0) out[j] = i;
    }
  }

  /** The row starting row i is kept at, or -1 when it was dropped. */
  keptRow(i: number): number {
    return this.oldToNew[i] ?? -1;
  }

  /** The row of the starting row i's id (its id given too, for one removed and added again), or undefined. */
  fromBase(i: number, id: string): number | undefined {
    const j = this.oldToNew[i] ?? -1;
    return j >= 0 ? j : this.added.get(id);
  }

  get(id: string): number | undefined {
    const i = this.base.get(id);
    const j = i === undefined ? -1 : (this.oldToNew[i] ?? -1);
    return j >= 0 ? j : this.added.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (const [id, i] of this.base) {
      const j = this.oldToNew[i] ?? -1;
      if (j >= 0) yield [id, j];
    }
    yield* this.added.entries();
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number> {
    for (const [, j] of this.entries()) yield j;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [id, j] of this.entries()) fn(j, id, this);
  }
}

/**
 * Row i of `from` -> the row of the same id in `to` (undefined when gone), without an id lookup
 * (nor a read of the record) when `to` was prepared from `from` by prepareScenario and row i is
 * kept; else by id.
 */
export function rowMapper(from: OrgTree, to: OrgTree): (i: number) => number | undefined {
  const index = to.indexById;
  const idOf = (i: number) => from.records[i]?.employeeId ?? '';
  if (index instanceof ShiftedIndex && index.base === from.indexById)
    return (i) => {
      const j = index.keptRow(i);
      return j >= 0 ? j : index.fromBase(i, idOf(i));
    };
  return (i) => index.get(idOf(i));
}

/** The starting rows prepareScenario worked out for a changed copy's tree (read-only). */
const preparedRows = new WeakMap<object, { from: OrgTree; rows: Int32Array }>();

/**
 * Row j of `to` -> the row `from`'s id index gives for the same id (-1 when the id is new): one
 * pass over integers when `to` was prepared from `from` by prepareScenario, id lookups only for
 * added rows; else by id.
 */
export function startingRows(from: OrgTree, to: Pick<OrgTree, 'indexById' | 'size' | 'records'>): Int32Array {
  const known = preparedRows.get(to);
  if (known !== undefined && known.from === from) return known.rows;
  const out = new Int32Array(to.size).fill(-1);
  const index = to.indexById;
  let k = 0;
  if (index instanceof ShiftedIndex && index.base === from.indexById) {
    index.keptRows(out);
    k = index.kept;
  }
  for (; k < to.size; k++) out[k] = from.indexById.get(to.records[k]?.employeeId ?? '') ?? -1;
  return out;
}

/**
 * The id index and manager links of `records` (the starting snapshot's records with some rows
 * changed, some dropped and some added at the end, as applyOperations returns them).
 */
export function scenarioLinks(from: PreparedSnapshot, records: readonly OrgRecord[]): RecordLinks {
  const base = from.tree;
  const repeated = repeatedRows(from);
  const oldToNew = new Int32Array(base.size).fill(-1);
  // the starting row of each kept record (-1 for added ones), and whether it is the very same row
  const newToOld = new Int32Array(records.length).fill(-1);
  const unchanged = new Uint8Array(records.length);
  let j = 0;
  for (let i = 0; i < base.size && j < records.length; i++) {
    const r = base.records[i];
    const now = records[j];
    if (r === undefined || now === undefined || repeated[i] === 1) continue;
    if (now !== r && now.employeeId !== r.employeeId) continue; // dropped
    oldToNew[i] = j;
    newToOld[j] = i;
    if (now === r) unchanged[j] = 1;
    j++;
  }
  const added = new Map<string, number>();
  for (let k = j; k < records.length; k++) {
    const id = records[k]?.employeeId ?? '';
    if (!added.has(id)) added.set(id, k);
  }
  const indexById = new ShiftedIndex(base.indexById, oldToNew, added, j + added.size, j);
  const parent = new Int32Array(records.length).fill(-1);
  for (let k = 0; k < records.length; k++) {
    if (unchanged[k] === 1) {
      // the same row: its manager is where the starting tree found it, if that row is still there
      const p = base.parent[newToOld[k] ?? -1] ?? -1;
      const m = p >= 0 ? (oldToNew[p] ?? -1) : -1;
      if (m >= 0) {
        parent[k] = m;
        continue;
      }
    }
    const r = records[k];
    if (!r || r.managerId === null) continue;
    parent[k] = indexById.get(r.managerId) ?? -1;
  }
  return { indexById, parent };
}

const repeats = new WeakMap<PreparedSnapshot, Uint8Array>();

/** 1 on each later row of an id (the tree's index keeps the first), once per prepared snapshot. */
function repeatedRows(snap: PreparedSnapshot): Uint8Array {
  let out = repeats.get(snap);
  if (!out) {
    const t = snap.tree;
    out = new Uint8Array(t.size);
    if (t.indexById.size !== t.size)
      for (let i = 0; i < t.size; i++) if (t.indexById.get(t.records[i]?.employeeId ?? '') !== i) out[i] = 1;
    repeats.set(snap, out);
  }
  return out;
}

/** prepareSnapshot of the changed records, with links derived from the starting snapshot. */
export function prepareScenario(
  from: PreparedSnapshot,
  records: readonly OrgRecord[],
  options: Omit<StructureOptions, 'declaredTracks'> = {},
): PreparedSnapshot {
  const links = scenarioLinks(from, records);
  // a kept record with its level and title unchanged keeps the starting row's resolved level
  const rows = startingRows(from.tree, { indexById: links.indexById, size: records.length, records });
  const after = prepareSnapshot(from.asOf, records, from.levels.ladder, options, links, {
    records: from.tree.records,
    levels: from.levels,
    rows,
    tree: from.tree,
  });
  shareDepartments(after.tree, from.tree, rows);
  preparedRows.set(after.tree, { from: from.tree, rows });
  return after;
}

/**
 * Joiners, leavers, promotions and track moves from the starting snapshot to the changed copy,
 * inside the unit: countUnitChanges(from, after, unitIn) without comparing every record. Only a
 * record an operation wrote, or a manager whose reports changed (a declared track can follow from
 * having reports), can differ between the two.
 */
export function countScenarioChanges(
  from: PreparedSnapshot,
  after: PreparedSnapshot,
  changes: ScenarioChanges,
  unitIn: (snap: PreparedSnapshot) => Unit | null,
): ChangeCounts {
  const ids = new Set<string>();
  const add = (id: string | null) => {
    if (id !== null) ids.add(id);
  };
  for (const m of changes.moved) [m.id, m.from, m.to].forEach(add);
  for (const r of changes.removed) [r.id, r.manager].forEach(add);
  for (const a of changes.added) [a.id, a.manager].forEach(add);
  for (const l of changes.levels) add(l.id);
  // A vacant post counts in its manager's span only while it has reports, so a manager's role (and
  // a declared track that follows from it) can change above a chain of vacant posts.
  for (const id of [...ids])
    for (const snap of [from, after]) {
      const t = snap.tree;
      for (let v = t.parent[t.indexById.get(id) ?? -1] ?? -1; v >= 0; v = t.parent[v] ?? -1) {
        add(t.records[v]?.employeeId ?? null);
        if (t.vacant[v] !== 1) break;
      }
    }
  const inUnit = (snap: PreparedSnapshot) => {
    const unit = unitIn(snap);
    if (!unit) return () => false;
    if (unit.nodes === null) return () => true;
    if (unit.department === null && unit.rootIndex >= 0)
      return (i: number) => isBelow(snap.tree, i, unit.rootIndex);
    const set = new Set(unit.nodes);
    return (i: number) => set.has(i);
  };
  const inPrev = inUnit(from);
  const inCurr = inUnit(after);
  const counts: ChangeCounts = { promotions: 0, icToManager: 0, managerToIc: 0, joiners: 0, leavers: 0 };
  const p = from.tree;
  const c = after.tree;
  for (const id of ids) {
    const i = p.indexById.get(id);
    const j = c.indexById.get(id);
    const wasPerson = i !== undefined && isPerson(p, i);
    const isNow = j !== undefined && isPerson(c, j);
    if (wasPerson && !isNow) {
      if (inPrev(i)) counts.leavers++;
      continue;
    }
    if (!isNow) continue;
    if (!wasPerson) {
      if (inCurr(j)) counts.joiners++;
      continue;
    }
    if (!inCurr(j)) continue;
    const before = from.levels.declared[i];
    const now = after.levels.declared[j];
    if (before === TrackCode.ic && now === TrackCode.manager) counts.icToManager++;
    else if (before === TrackCode.manager && now === TrackCode.ic) counts.managerToIc++;
    else if (before === now && before !== TrackCode.none) {
      if ((after.levels.rank[j] ?? Number.NaN) > (from.levels.rank[i] ?? Number.NaN)) counts.promotions++;
    }
  }
  return counts;
}
