import {
  addToLadder,
  finishLadder,
  isOnIcLadder,
  newLadderAccumulator,
  type LadderAccumulator,
  type LadderUnitMetrics,
} from '@/lib/metrics/ladder';
import type { Ladder } from '@/lib/ladders/types';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { roundTo } from '@/lib/metrics/numbers';
import { TrackCode } from '@/lib/metrics/tracks';

/** One stack segment: a level code held on one declared track ("Unlevelled" when code is null). */
export interface LevelSeries {
  key: string;
  track: 'ic' | 'manager';
  code: string | null;
  label: string;
  rank: number | null;
}

/** Headcount per level (by series key) and the ladder metrics of one group of people. */
export interface LadderGroup {
  people: number;
  ics: number;
  managers: number;
  counts: Record<string, number>;
  metrics: Omit<LadderUnitMetrics, 'icCeilingRank'>;
  /** highest level held by a declared manager (the top of the manager ladder here) */
  topManagerLevel: string | null;
}

const trackOf = (d: number | undefined): 'ic' | 'manager' | null =>
  d === TrackCode.ic ? 'ic' : d === TrackCode.manager ? 'manager' : null;

export const seriesKey = (track: 'ic' | 'manager', code: string | null) => `${track}:${code ?? ''}`;

/**
 * The level segments present among the given records, IC track first then manager track, each by
 * IC-equivalent rank (unlevelled last). A code held on both tracks (shared ladders) is labelled
 * with its track so the two segments can be told apart.
 */
export function listLevelSeries(snap: PreparedSnapshot, nodes: Int32Array | null): LevelSeries[] {
  const { tree, levels } = snap;
  const found = new Map<string, LevelSeries>();
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    if ((tree.weight[i] ?? 0) <= 0) continue;
    addLevelSeries(found, levels.declared[i], levels.code[i] ?? null, levels.rank[i] ?? Number.NaN);
  }
  return finishLevelSeries(found);
}

/**
 * Note the segment of a record (or class of records) with this declared track, code and rank,
 * unless its key was seen before: added in record order, the first record of a key gives its rank.
 */
export function addLevelSeries(
  found: Map<string, LevelSeries>,
  declared: number | undefined,
  code: string | null,
  rank: number,
): void {
  const track = trackOf(declared);
  if (track === null) return;
  const key = seriesKey(track, code);
  if (found.has(key)) return;
  found.set(key, { key, track, code, label: code ?? '', rank: Number.isNaN(rank) ? null : rank });
}

/** The segments noted, labelled and in their order. */
export function finishLevelSeries(found: Map<string, LevelSeries>): LevelSeries[] {
  const all = [...found.values()];
  const onBoth = new Set(
    all.filter((s) => s.track === 'ic' && found.has(seriesKey('manager', s.code))).map((s) => s.code),
  );
  for (const s of all) {
    const trackWord = s.track === 'ic' ? 'IC' : 'manager';
    if (s.code === null) s.label = `Unlevelled ${trackWord}`;
    else if (onBoth.has(s.code)) s.label = `${s.code} (${trackWord})`;
  }
  return all.sort(
    (a, b) =>
      (a.track === b.track ? 0 : a.track === 'ic' ? -1 : 1) ||
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      (a.code ?? '').localeCompare(b.code ?? ''),
  );
}

/** Level counts (FTE-weighted, as headcount) and ladder metrics for one group of records. */
export function summarizeLadderGroup(snap: PreparedSnapshot, nodes: Int32Array | null): LadderGroup {
  const { tree, levels } = snap;
  const acc = newGroupAccumulator();
  const staffRank = levels.ladder.staffRank;
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const w = tree.weight[i] ?? 0;
    if (w <= 0) continue;
    addToGroup(
      acc,
      staffRank,
      w,
      levels.declared[i],
      levels.code[i] ?? null,
      levels.rank[i] ?? Number.NaN,
      isOnIcLadder(levels, i),
    );
  }
  return finishGroup(acc, levels.ladder);
}

/**
 * The running state of one group's LadderGroup: records (or classes of records sharing declared
 * track, code, rank and level track) added in record order, each with its (summed) weight.
 */
export interface GroupAccumulator {
  counts: Record<string, number>;
  people: number;
  ics: number;
  managers: number;
  topRank: number;
  topManagerLevel: string | null;
  ladder: LadderAccumulator;
}

export function newGroupAccumulator(): GroupAccumulator {
  return {
    counts: {},
    people: 0,
    ics: 0,
    managers: 0,
    topRank: Number.NEGATIVE_INFINITY,
    topManagerLevel: null,
    ladder: newLadderAccumulator(),
  };
}

/** Add `w` (> 0) of records with this declared track, code, rank and on-IC-ladder flag. */
export function addToGroup(
  acc: GroupAccumulator,
  staffRank: number,
  w: number,
  declared: number | undefined,
  code: string | null,
  rank: number,
  onIcLadder: boolean,
): void {
  addToLadder(acc.ladder, staffRank, w, rank, declared, code, onIcLadder);
  acc.people += w;
  const track = trackOf(declared);
  if (track === null) return;
  const key = seriesKey(track, code);
  acc.counts[key] = (acc.counts[key] ?? 0) + w;
  if (track === 'ic') acc.ics += w;
  else {
    acc.managers += w;
    // Same tie rule as the IC ceiling: equal ranks resolve alphabetically.
    if (
      rank > acc.topRank ||
      (rank === acc.topRank && code !== null && (acc.topManagerLevel ?? '~') > code)
    ) {
      acc.topRank = rank;
      acc.topManagerLevel = code;
    }
  }
}

/** The group of everything added. */
export function finishGroup(acc: GroupAccumulator, ladder: Ladder): LadderGroup {
  const { counts } = acc;
  for (const k of Object.keys(counts)) counts[k] = roundTo(counts[k] ?? 0, 4);
  const m = finishLadder(acc.ladder, ladder);
  return {
    people: roundTo(acc.people, 4),
    ics: roundTo(acc.ics, 4),
    managers: roundTo(acc.managers, 4),
    counts,
    metrics: {
      icLadderDepth: m.icLadderDepth,
      icCeiling: m.icCeiling,
      shortLadder: m.shortLadder,
      parityGap: m.parityGap,
      seniorIcShare: m.seniorIcShare,
    },
    topManagerLevel: acc.topManagerLevel,
  };
}

/** Record indices of the unit grouped by department (null = no department), departments sorted. */
export function groupUnitByDepartment(
  snap: PreparedSnapshot,
  nodes: Int32Array | null,
): Array<{ department: string | null; nodes: Int32Array }> {
  const groups = new Map<string | null, number[]>();
  const count = nodes === null ? snap.tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    if ((snap.tree.weight[i] ?? 0) <= 0) continue;
    const d = snap.tree.records[i]?.department ?? null;
    const g = groups.get(d);
    if (g) g.push(i);
    else groups.set(d, [i]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareDepartments(a, b))
    .map(([department, list]) => ({ department, nodes: Int32Array.from(list) }));
}

/** The order of a unit's departments: by name, no department last. */
export const compareDepartments = (a: string | null, b: string | null): number =>
  a === null ? 1 : b === null ? -1 : a.localeCompare(b);
