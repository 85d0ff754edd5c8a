import type { SnapshotChanges } from '@/lib/metrics/history';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { findPerson } from '@/lib/metrics/snapshot';
import type { Unit } from './unit';

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

interface Side {
  snap: PreparedSnapshot;
  has: (id: string) => boolean;
}

function row(snap: PreparedSnapshot, id: string, detail: string | null): PersonRow {
  const r = snap.tree.records[findPerson(snap, id)];
  return { id, name: r?.name ?? null, title: r?.title ?? null, department: r?.department ?? null, detail };
}

function managerName(side: Side, personId: string): string {
  const r = side.snap.tree.records[findPerson(side.snap, personId)];
  const m = r?.managerId ?? null;
  if (m === null) return 'no manager';
  if (!side.has(m)) return 'outside this view';
  const mr = side.snap.tree.records[findPerson(side.snap, m)];
  return mr?.name ?? m;
}

const level = (snap: PreparedSnapshot, id: string) => snap.levels.code[findPerson(snap, id)] ?? 'unlevelled';

/**
 * The people lists of a comparison, restricted to the unit: joiners, movers, promotions, track
 * moves in the 'to' unit; leavers and delayered managers in the 'from' unit; department moves in
 * either. Names come from the snapshot the person is listed from.
 */
export function buildPeopleLists(
  changes: SnapshotChanges,
  from: Side,
  to: Side,
): Record<ListKey, PersonRow[]> {
  const sortRows = (rows: PersonRow[]) =>
    rows.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id));
  const departmentMoves: PersonRow[] = [];
  const f = from.snap.tree;
  for (let i = 0; i < f.size; i++) {
    const id = f.records[i]?.employeeId ?? '';
    if (findPerson(from.snap, id) !== i) continue;
    const j = findPerson(to.snap, id);
    if (j < 0) continue;
    const before = f.records[i]?.department ?? null;
    const after = to.snap.tree.records[j]?.department ?? null;
    if (before === after || !(from.has(id) || to.has(id))) continue;
    departmentMoves.push(row(to.snap, id, `${before ?? 'no department'} → ${after ?? 'no department'}`));
  }
  return {
    joiners: sortRows(changes.joiners.filter(to.has).map((id) => row(to.snap, id, null))),
    leavers: sortRows(changes.leavers.filter(from.has).map((id) => row(from.snap, id, null))),
    movers: sortRows(
      changes.movers
        .filter(to.has)
        .map((id) => row(to.snap, id, `${managerName(from, id)} → ${managerName(to, id)}`)),
    ),
    promotions: sortRows(
      changes.promotions
        .filter((p) => to.has(p.employeeId))
        .map((p) =>
          row(
            to.snap,
            p.employeeId,
            `${p.fromCode ?? '?'} → ${p.toCode ?? '?'} (${p.track === 'ic' ? 'IC' : 'manager'} track)`,
          ),
        ),
    ),
    icToManager: sortRows(
      changes.icToManager
        .filter(to.has)
        .map((id) => row(to.snap, id, `${level(from.snap, id)} → ${level(to.snap, id)}`)),
    ),
    managerToIc: sortRows(
      changes.managerToIc
        .filter(to.has)
        .map((id) => row(to.snap, id, `${level(from.snap, id)} → ${level(to.snap, id)}`)),
    ),
    departmentMoves: sortRows(departmentMoves),
    delayered: sortRows(
      changes.delayering
        .filter((e) => from.has(e.managerId))
        .map((e) =>
          row(
            from.snap,
            e.managerId,
            `${e.change === 'left' ? 'left' : 'lost all reports'}; ${e.reportsMovedUp} of ${e.formerReports} reports moved up`,
          ),
        ),
    ),
  };
}
