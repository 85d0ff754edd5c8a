/**
 * Changes between consecutive snapshots (SPEC "Trends"), matched by employee id. Only named
 * people count (vacant posts are positions; aggregated rows have made-up ids):
 * - joiners: in this snapshot, not the previous; leavers: the reverse;
 * - movers: in both, manager id changed;
 * - promotions: same declared track in both, higher IC-equivalent rank now;
 * - track moves: declared IC -> manager track and back;
 * - delayering events: a structural manager who left, or is still here with no reports, while at
 *   least one of their former direct reports now sits on a higher layer (smaller number);
 *   layers removed = drop in depth.
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { isManager, isPerson } from '@/lib/metrics/snapshot';
import { TrackCode } from '@/lib/metrics/tracks';

export interface Promotion {
  employeeId: string;
  track: 'ic' | 'manager';
  fromCode: string | null;
  toCode: string | null;
  fromRank: number;
  toRank: number;
}

export interface DelayeringEvent {
  managerId: string;
  change: 'left' | 'lostReports';
  formerReports: number;
  reportsMovedUp: number;
}

export interface SnapshotChanges {
  from: string;
  to: string;
  joiners: string[];
  leavers: string[];
  movers: string[];
  promotions: Promotion[];
  icToManager: string[];
  managerToIc: string[];
  delayering: DelayeringEvent[];
  layersRemoved: number;
}

/** Compare two consecutive snapshots. */
export function compareSnapshots(prev: PreparedSnapshot, curr: PreparedSnapshot): SnapshotChanges {
  const changes: SnapshotChanges = {
    from: prev.asOf,
    to: curr.asOf,
    joiners: [],
    leavers: [],
    movers: [],
    promotions: [],
    icToManager: [],
    managerToIc: [],
    delayering: [],
    layersRemoved: Math.max(0, prev.structure.depth - curr.structure.depth),
  };
  const p = prev.tree;
  const c = curr.tree;
  // Index in curr for each prev person (-1 = gone), so later passes avoid map lookups.
  const matched = new Int32Array(p.size).fill(-1);
  for (let i = 0; i < p.size; i++) {
    if (!isPerson(p, i)) continue;
    const id = p.records[i]?.employeeId ?? '';
    const j = c.indexById.get(id);
    if (j === undefined || !isPerson(c, j)) {
      changes.leavers.push(id);
      continue;
    }
    matched[i] = j;
    if ((p.records[i]?.managerId ?? null) !== (c.records[j]?.managerId ?? null)) changes.movers.push(id);
    recordTrackChange(prev, curr, i, j, id, changes);
  }
  for (let j = 0; j < c.size; j++) {
    if (!isPerson(c, j)) continue;
    const id = c.records[j]?.employeeId ?? '';
    const i = p.indexById.get(id);
    if (i === undefined || !isPerson(p, i)) changes.joiners.push(id);
  }
  changes.delayering = findDelayering(prev, curr, matched);
  return changes;
}

function recordTrackChange(
  prev: PreparedSnapshot,
  curr: PreparedSnapshot,
  i: number,
  j: number,
  id: string,
  changes: SnapshotChanges,
): void {
  const before = prev.levels.declared[i];
  const after = curr.levels.declared[j];
  if (before === TrackCode.ic && after === TrackCode.manager) changes.icToManager.push(id);
  else if (before === TrackCode.manager && after === TrackCode.ic) changes.managerToIc.push(id);
  else if (before === after && before !== TrackCode.none) {
    const fromRank = prev.levels.rank[i] ?? Number.NaN;
    const toRank = curr.levels.rank[j] ?? Number.NaN;
    // NaN compares false, so an unlevelled side never counts as a promotion.
    if (toRank > fromRank) {
      changes.promotions.push({
        employeeId: id,
        track: before === TrackCode.ic ? 'ic' : 'manager',
        fromCode: prev.levels.code[i] ?? null,
        toCode: curr.levels.code[j] ?? null,
        fromRank,
        toRank,
      });
    }
  }
}

function findDelayering(
  prev: PreparedSnapshot,
  curr: PreparedSnapshot,
  matched: Int32Array,
): DelayeringEvent[] {
  const p = prev.tree;
  const c = curr.tree;
  const events: DelayeringEvent[] = [];
  for (let i = 0; i < p.size; i++) {
    if (!isPerson(p, i) || !isManager(p, i)) continue;
    const j = matched[i] ?? -1;
    if (j >= 0 && isManager(c, j)) continue;
    let formerReports = 0;
    let reportsMovedUp = 0;
    const end = p.childOffsets[i + 1] ?? 0;
    for (let e = p.childOffsets[i] ?? 0; e < end; e++) {
      const r = p.children[e] ?? 0;
      if (!isPerson(p, r)) continue;
      formerReports++;
      const now = matched[r] ?? -1;
      if (now >= 0 && (c.layer[now] ?? 0) < (p.layer[r] ?? 0)) reportsMovedUp++;
    }
    if (reportsMovedUp > 0) {
      const managerId = p.records[i]?.employeeId ?? '';
      events.push({ managerId, change: j >= 0 ? 'lostReports' : 'left', formerReports, reportsMovedUp });
    }
  }
  return events;
}
