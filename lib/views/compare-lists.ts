import type { SnapshotChanges } from '@/lib/metrics/history';
import type { PersonOrderRow } from '@/lib/metrics/people-order';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { findPerson, isPerson } from '@/lib/metrics/snapshot';
import { isManagerNode } from '@/lib/metrics/span-histogram';
import { TrackCode } from '@/lib/metrics/tracks';
import { visitUnit, type Unit } from './unit';

/** People lists are cut to this many rows; the total is always given. */
export const LIST_CAP = 200;

export interface PersonRow {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  /** what changed, in words (e.g. "IC3 → IC4", "Platform → Data") */
  detail: string | null;
}

/** A list of people: the count for everyone allowed the aggregate, rows only for roles that may see people. */
export interface PeopleList {
  total: number;
  rows?: PersonRow[];
}

export const LIST_KEYS = [
  'joiners',
  'leavers',
  'movers',
  'promotions',
  'icToManager',
  'managerToIc',
  'departmentMoves',
  'delayered',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/** Membership test for a unit's people in one snapshot (by employee id). */
export function unitMembers(snap: PreparedSnapshot, unit: Unit): (id: string) => boolean {
  if (unit.nodes === null) return (id) => findPerson(snap, id) >= 0;
  const flags = new Uint8Array(snap.tree.size);
  for (const i of unit.nodes) flags[i] = 1;
  return (id) => {
    const i = findPerson(snap, id);
    return i >= 0 && flags[i] === 1;
  };
}

/**
 * What the people lists read of one person in one snapshot: the record's own fields, its level
 * and declared track, and where it sits. A tree node gives it (changePersonOf), and so does a
 * row stored in preorder at import (lib/metrics/people-order.ts).
 */
export type ChangePerson = Pick<
  PersonOrderRow,
  'employeeId' | 'name' | 'title' | 'department' | 'level' | 'rank' | 'layer' | 'kind'
> & {
  /** declared track (TrackCode) */
  track: number;
  managerId: string | null;
};

/**
 * One snapshot's side of a comparison, as the people lists read it: the unit's people (filled,
 * non-aggregated records, each at the node its id resolves to), a look-up of any person of the
 * snapshot by id (only the ids of either unit are asked for), and each unit member's person
 * reports (a delayered manager's former reports).
 */
export interface ListSide {
  members: readonly ChangePerson[];
  has(id: string): boolean;
  find(id: string): ChangePerson | undefined;
  reports(manager: ChangePerson): readonly ChangePerson[];
}

/** The people-list fields of tree node i. */
export function changePersonOf(snap: PreparedSnapshot, i: number): ChangePerson {
  const { tree, levels } = snap;
  const r = tree.records[i];
  return {
    employeeId: r?.employeeId ?? '',
    name: r?.name ?? null,
    title: r?.title ?? null,
    department: r?.department ?? null,
    level: levels.code[i] ?? null,
    rank: levels.rank[i] ?? Number.NaN,
    track: levels.declared[i] ?? TrackCode.none,
    managerId: r?.managerId ?? null,
    layer: tree.layer[i] ?? 0,
    kind: tree.kind[i] ?? 0,
  };
}

/** A unit's side of a comparison from the snapshot's tree: its people are those `has` holds among `nodes`. */
export function treeListSide(
  snap: PreparedSnapshot,
  has: (id: string) => boolean,
  nodes: Int32Array | null = null,
): ListSide {
  const t = snap.tree;
  const members: ChangePerson[] = [];
  visitUnit(t.size, nodes, (i) => {
    const id = t.records[i]?.employeeId ?? '';
    if (isPerson(t, i) && t.indexById.get(id) === i && has(id)) members.push(changePersonOf(snap, i));
  });
  return {
    members,
    has,
    find: (id) => {
      const i = findPerson(snap, id);
      return i < 0 ? undefined : changePersonOf(snap, i);
    },
    reports: (m) => {
      const i = findPerson(snap, m.employeeId);
      const out: ChangePerson[] = [];
      const end = t.childOffsets[i + 1] ?? 0;
      for (let e = t.childOffsets[i] ?? 0; e < end; e++) {
        const c = t.children[e] ?? 0;
        if (isPerson(t, c)) out.push(changePersonOf(snap, c));
      }
      return out;
    },
  };
}

/**
 * A subtree's side of a comparison from its people stored in preorder (one range, the root
 * first): members are the persons of the range, a person's reports the persons one layer below
 * them inside their own range; `others` are people of the same snapshot outside the range that
 * the other side's unit asks for (by id). The snapshot's ids are unique (PeopleOrderFacts.changes).
 */
export function rowListSide(rows: readonly PersonOrderRow[], others: readonly PersonOrderRow[]): ListSide {
  const first = rows[0]?.pre ?? 0;
  const members: ChangePerson[] = [];
  const byId = new Map<string, ChangePerson>();
  for (const r of others) if (r.person === true) byId.set(r.employeeId, changePersonOfRow(r));
  const inUnit = new Set<string>();
  for (const r of rows) {
    if (r.person !== true) continue;
    const p = changePersonOfRow(r);
    members.push(p);
    byId.set(r.employeeId, p);
    inUnit.add(r.employeeId);
  }
  const at = new Map(rows.map((r) => [r.employeeId, r]));
  return {
    members,
    has: (id) => inUnit.has(id),
    find: (id) => byId.get(id),
    reports: (m) => {
      const r = at.get(m.employeeId);
      if (r === undefined) return [];
      const out: ChangePerson[] = [];
      for (let k = r.pre + 1 - first; k < r.pre + r.size - first; k++) {
        const c = rows[k];
        if (c !== undefined && c.layer === r.layer + 1 && c.person === true) out.push(changePersonOfRow(c));
      }
      return out;
    },
  };
}

/** The people-list fields of a stored row (one with the comparison's columns). */
function changePersonOfRow(r: PersonOrderRow): ChangePerson {
  return {
    employeeId: r.employeeId,
    name: r.name,
    title: r.title,
    department: r.department,
    level: r.level,
    rank: r.rank,
    track: r.track ?? TrackCode.none,
    managerId: r.managerId ?? null,
    layer: r.layer,
    kind: r.kind,
  };
}

function row(p: ChangePerson, detail: string | null): PersonRow {
  return { id: p.employeeId, name: p.name, title: p.title, department: p.department, detail };
}

function managerName(side: ListSide, p: ChangePerson): string {
  const m = p.managerId;
  if (m === null) return 'no manager';
  if (!side.has(m)) return 'outside this view';
  return side.find(m)?.name ?? m;
}

const levelOf = (p: ChangePerson) => p.level ?? 'unlevelled';
const isManager = (p: ChangePerson) => isManagerNode({ kind: Uint8Array.of(p.kind) }, 0);

/**
 * The people lists of a comparison, restricted to the unit (SPEC "Compare"), matched by employee
 * id among people only (compareSnapshots' rules): joiners, movers (manager id changed),
 * promotions (same declared track, higher rank), track moves in the 'to' unit; leavers and
 * delayered managers (a structural manager who left or lost all reports while a former report now
 * sits on a higher layer) in the 'from' unit; department moves in either. Names come from the
 * snapshot the person is listed from. Work is proportional to the two units.
 */
export function peopleListsOf(from: ListSide, to: ListSide): Record<ListKey, PersonRow[]> {
  const sortRows = (rows: PersonRow[]) =>
    rows.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id));
  const out: Record<ListKey, PersonRow[]> = {
    joiners: [],
    leavers: [],
    movers: [],
    promotions: [],
    icToManager: [],
    managerToIc: [],
    departmentMoves: [],
    delayered: [],
  };
  const moved = (before: ChangePerson, after: ChangePerson) =>
    row(after, `${before.department ?? 'no department'} → ${after.department ?? 'no department'}`);
  for (const b of from.members) {
    const a = to.find(b.employeeId);
    if (a === undefined) out.leavers.push(row(b, null));
    else if (b.department !== a.department) out.departmentMoves.push(moved(b, a));
    if (!isManager(b) || (a !== undefined && isManager(a))) continue;
    const reports = from.reports(b);
    let up = 0;
    for (const r of reports) {
      const now = to.find(r.employeeId);
      if (now !== undefined && now.layer < r.layer) up++;
    }
    if (up > 0)
      out.delayered.push(
        row(
          b,
          `${a === undefined ? 'left' : 'lost all reports'}; ${up} of ${reports.length} reports moved up`,
        ),
      );
  }
  for (const a of to.members) {
    const b = from.find(a.employeeId);
    if (b === undefined) {
      out.joiners.push(row(a, null));
      continue;
    }
    if (!from.has(a.employeeId) && b.department !== a.department) out.departmentMoves.push(moved(b, a));
    if (b.managerId !== a.managerId)
      out.movers.push(row(a, `${managerName(from, b)} → ${managerName(to, a)}`));
    if (b.track === TrackCode.ic && a.track === TrackCode.manager)
      out.icToManager.push(row(a, `${levelOf(b)} → ${levelOf(a)}`));
    else if (b.track === TrackCode.manager && a.track === TrackCode.ic)
      out.managerToIc.push(row(a, `${levelOf(b)} → ${levelOf(a)}`));
    else if (b.track === a.track && b.track !== TrackCode.none && a.rank > b.rank)
      out.promotions.push(
        row(
          a,
          `${b.level ?? '?'} → ${a.level ?? '?'} (${b.track === TrackCode.ic ? 'IC' : 'manager'} track)`,
        ),
      );
  }
  for (const k of LIST_KEYS) sortRows(out[k]);
  return out;
}

/**
 * The people lists of a comparison over the two snapshots' trees (see peopleListsOf).
 * `_changes` is no longer read: the lists match people within the two units only.
 */
export function buildPeopleLists(
  _changes: SnapshotChanges | null,
  from: { snap: PreparedSnapshot; has: (id: string) => boolean },
  to: { snap: PreparedSnapshot; has: (id: string) => boolean },
): Record<ListKey, PersonRow[]> {
  return peopleListsOf(treeListSide(from.snap, from.has), treeListSide(to.snap, to.has));
}
