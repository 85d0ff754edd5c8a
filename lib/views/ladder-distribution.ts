import { computeLadderMetrics, type LadderUnitMetrics } from '@/lib/metrics/ladder';
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
    const track = trackOf(levels.declared[i]);
    if (track === null || (tree.weight[i] ?? 0) <= 0) continue;
    const code = levels.code[i] ?? null;
    const key = seriesKey(track, code);
    if (found.has(key)) continue;
    const rank = levels.rank[i] ?? Number.NaN;
    found.set(key, { key, track, code, label: code ?? '', rank: Number.isNaN(rank) ? null : rank });
  }
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
  const counts: Record<string, number> = {};
  let people = 0;
  let ics = 0;
  let managers = 0;
  let topRank = Number.NEGATIVE_INFINITY;
  let topManagerLevel: string | null = null;
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const w = tree.weight[i] ?? 0;
    if (w <= 0) continue;
    people += w;
    const track = trackOf(levels.declared[i]);
    if (track === null) continue;
    const code = levels.code[i] ?? null;
    const key = seriesKey(track, code);
    counts[key] = (counts[key] ?? 0) + w;
    if (track === 'ic') ics += w;
    else {
      managers += w;
      const rank = levels.rank[i] ?? Number.NaN;
      // Same tie rule as the IC ceiling: equal ranks resolve alphabetically.
      if (rank > topRank || (rank === topRank && code !== null && (topManagerLevel ?? '~') > code)) {
        topRank = rank;
        topManagerLevel = code;
      }
    }
  }
  for (const k of Object.keys(counts)) counts[k] = roundTo(counts[k] ?? 0, 4);
  const m = computeLadderMetrics(tree, levels, nodes);
  return {
    people: roundTo(people, 4),
    ics: roundTo(ics, 4),
    managers: roundTo(managers, 4),
    counts,
    metrics: {
      icLadderDepth: m.icLadderDepth,
      icCeiling: m.icCeiling,
      shortLadder: m.shortLadder,
      parityGap: m.parityGap,
      seniorIcShare: m.seniorIcShare,
    },
    topManagerLevel,
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
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([department, list]) => ({ department, nodes: Int32Array.from(list) }));
}
