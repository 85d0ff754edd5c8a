/**
 * The Ladder facts rows (and below, the Overview facts rows) as the import computed them before they were built bottom-up (commit
 * 5f1e49b): each stored subtree's facts from its own records. A test oracle only
 * (tests/unit/views/unit-facts.property.test.ts): the stored rows must stay byte-identical.
 */
import type { OrgTree } from '@/lib/metrics/tree';
import type { TreeLevels } from '@/lib/metrics/levels';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { MetricResultRow, StoredStructure } from '@/lib/metrics/snapshot-results';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { encodeOverviewFacts, OVERVIEW_FAMILY } from '@/lib/views/overview-facts';
import { computeOverviewFacts } from '@/lib/views/overview';
import { computeUnitStructure } from '@/lib/views/unit-metrics';
import { isOnIcLadder, type LadderUnitMetrics } from '@/lib/metrics/ladder';
import { getShortLadderRank } from '@/lib/ladders/ladder-facts';
import { divideOrNull, roundTo } from '@/lib/metrics/numbers';
import { TrackCode } from '@/lib/metrics/tracks';
import { collectSubtree } from '@/lib/metrics/tree';
import { encodeLadderFacts, ladderKey, LADDER_FACTS_FAMILY } from '@/lib/views/ladder-facts';
import type { LadderFacts } from '@/lib/views/ladder';
import type { LadderGroup, LevelSeries } from '@/lib/views/ladder-distribution';
import { unitOf } from '@/lib/views/unit';

/** Compute ladder metrics for a set of records (null = the whole org). */
function oldLadderMetrics(tree: OrgTree, levels: TreeLevels, nodes: Int32Array | null): LadderUnitMetrics {
  const rungs = new Set<number>();
  let ceilingRank = Number.NEGATIVE_INFINITY;
  let ceilingCode: string | null = null;
  let managerTop = Number.NEGATIVE_INFINITY;
  let icWeight = 0;
  let seniorWeight = 0;
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const w = tree.weight[i] ?? 0;
    if (w <= 0) continue;
    const rank = levels.rank[i] ?? Number.NaN;
    const declared = levels.declared[i];
    if (declared === TrackCode.manager) {
      if (rank > managerTop) managerTop = rank;
      continue;
    }
    if (declared !== TrackCode.ic) continue;
    icWeight += w;
    if (!isOnIcLadder(levels, i)) continue;
    rungs.add(rank);
    if (rank >= levels.ladder.staffRank) seniorWeight += w;
    const code = levels.code[i] ?? null;
    // Ties between codes of one rank (D5 / TL5) resolve alphabetically so reruns agree.
    if (
      rank > ceilingRank ||
      (rank === ceilingRank && code !== null && (ceilingCode === null || code < ceilingCode))
    ) {
      ceilingRank = rank;
      ceilingCode = code;
    }
  }
  const hasCeiling = rungs.size > 0;
  const shortRank = getShortLadderRank(levels.ladder);
  return {
    icLadderDepth: rungs.size,
    icCeiling: hasCeiling ? ceilingCode : null,
    icCeilingRank: hasCeiling ? ceilingRank : null,
    shortLadder: hasCeiling && shortRank !== null ? ceilingRank <= shortRank : null,
    parityGap: hasCeiling && managerTop > Number.NEGATIVE_INFINITY ? managerTop - ceilingRank : null,
    seniorIcShare: divideOrNull(seniorWeight, icWeight),
  };
}

/** The old computeSubtreeLadderMetrics. */
export function oldSubtreeLadderMetrics(snap: PreparedSnapshot, root: number): LadderUnitMetrics {
  return oldLadderMetrics(snap.tree, snap.levels, collectSubtree(snap.tree, root));
}

const trackOf = (d: number | undefined): 'ic' | 'manager' | null =>
  d === TrackCode.ic ? 'ic' : d === TrackCode.manager ? 'manager' : null;

const seriesKey = (track: 'ic' | 'manager', code: string | null) => `${track}:${code ?? ''}`;

/**
 * The level segments present among the given records, IC track first then manager track, each by
 * IC-equivalent rank (unlevelled last). A code held on both tracks (shared ladders) is labelled
 * with its track so the two segments can be told apart.
 */
function oldLevelSeries(snap: PreparedSnapshot, nodes: Int32Array | null): LevelSeries[] {
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
function oldLadderGroup(snap: PreparedSnapshot, nodes: Int32Array | null): LadderGroup {
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
  const m = oldLadderMetrics(tree, levels, nodes);
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
function oldGroupByDepartment(
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

function oldLadderFacts(snap: PreparedSnapshot, nodes: Int32Array | null): LadderFacts {
  return {
    summary: oldLadderGroup(snap, nodes),
    levels: oldLevelSeries(snap, nodes),
    departments: oldGroupByDepartment(snap, nodes).map(({ department, nodes: members }) => ({
      department,
      group: oldLadderGroup(snap, members),
    })),
  };
}

/** The old computeLadderRows. */
export function oldLadderRows(snap: PreparedSnapshot, rows: readonly MetricResultRow[]): MetricResultRow[] {
  const key = ladderKey(snap.levels.ladder);
  const out: MetricResultRow[] = [];
  for (const r of rows) {
    if (r.family !== 'point' || r.scopeType !== 'subtree') continue;
    const unit = unitOf(snap.tree, r.scopeKey, null);
    const data = encodeLadderFacts(oldLadderFacts(snap, unit.nodes), key);
    out.push({ family: LADDER_FACTS_FAMILY, scopeType: 'subtree', scopeKey: r.scopeKey, data });
  }
  return out;
}

/**
 * The Overview fact rows of the stored subtrees as the import computed them before (commit
 * 5f1e49b): each unit's facts by the tree path (computeOverviewFacts on its records).
 */
export function oldSubtreeOverviewRows(
  snap: PreparedSnapshot,
  rows: readonly MetricResultRow[],
  execLayers: number,
): MetricResultRow[] {
  const structures = new Map<string, StoredStructure>();
  for (const r of rows)
    if (r.family === 'structure' && r.scopeType === 'subtree')
      structures.set(r.scopeKey, r.data as StoredStructure);
  const ceilings = findUnitCeilings(snap);
  const out: MetricResultRow[] = [];
  for (const r of rows) {
    if (r.family !== 'point' || r.scopeType !== 'subtree') continue;
    const unit = unitOf(snap.tree, r.scopeKey, null);
    const structure = structures.get(r.scopeKey) ?? computeUnitStructure(snap, unit, execLayers);
    const data = encodeOverviewFacts(computeOverviewFacts(snap, unit, structure, ceilings), execLayers);
    out.push({ family: OVERVIEW_FAMILY, scopeType: 'subtree', scopeKey: r.scopeKey, data });
  }
  return out;
}
