/**
 * The Ladder facts stored at import (issue #13, "compute at import, read at view time"): for every
 * manager's subtree that has a unit point, what the Ladder shows of it at that snapshot apart from
 * its history (lib/views/ladder.ts LadderFacts: level counts and ladder metrics of the unit and of
 * each of its departments, and its level segments), in family 'ladder-unit'. They are computed by
 * the very function the tree path calls per request (computeLadderFacts) on the unit's records
 * (unitOf), so a Ladder answered from them equals one answered from the tree. The ladder they were
 * computed with is kept as a fingerprint: a ladder setting changed since makes them unread.
 */
import type { Ladder } from '@/lib/ladders/types';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { MetricResultRow } from '@/lib/metrics/snapshot-results';
import { seriesKey, type LadderGroup, type LevelSeries } from './ladder-distribution';
import { computeLadderFacts, type LadderFacts } from './ladder';
import { unitOf } from './unit';
import { rememberedRows, subtreeLadderFacts } from './unit-facts';

/** The metric_results family of the stored Ladder facts. */
export const LADDER_FACTS_FAMILY = 'ladder-unit';

/** Bumped when the stored shape changes: rows of another format are not read (the tree answers). */
const FORMAT = 1;

type GroupCells = [number, number, number, Record<string, number>, LadderGroup['metrics'], string | null];
type LevelCells = [LevelSeries['track'], string | null, string, number | null];

/**
 * A stored row, positional (a unit has a group per department): the ladder's fingerprint (k), the
 * unit's group (g), its level segments (v) and its departments' names and groups (d).
 */
interface StoredLadderFacts {
  format: number;
  k: string;
  g: GroupCells;
  v: LevelCells[];
  d: Array<[string | null, GroupCells]>;
}

/** A short fingerprint of a ladder's definition (FNV-1a over its JSON): equal ladders, equal keys. */
export function ladderKey(ladder: Ladder): string {
  const text = JSON.stringify(ladder);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

const groupCells = (g: LadderGroup): GroupCells => [
  g.people,
  g.ics,
  g.managers,
  g.counts,
  g.metrics,
  g.topManagerLevel,
];

const groupOf = ([people, ics, managers, counts, metrics, topManagerLevel]: GroupCells): LadderGroup => ({
  people,
  ics,
  managers,
  counts,
  metrics,
  topManagerLevel,
});

/** The stored row of a unit's facts. */
export function encodeLadderFacts(facts: LadderFacts, key: string): StoredLadderFacts {
  return {
    format: FORMAT,
    k: key,
    g: groupCells(facts.summary),
    v: facts.levels.map((l) => [l.track, l.code, l.label, l.rank]),
    d: facts.departments.map((d) => [d.department, groupCells(d.group)]),
  };
}

/**
 * The Ladder fact rows of a snapshot being imported: the whole organisation's, and one per subtree
 * with a unit point (the units the stored request resolves without the tree), from its prepared tree.
 */
export function computeLadderRows(
  snap: PreparedSnapshot,
  rows: readonly MetricResultRow[],
): MetricResultRow[] {
  const key = ladderKey(snap.levels.ladder);
  const org: MetricResultRow = {
    family: LADDER_FACTS_FAMILY,
    scopeType: 'org',
    scopeKey: '',
    data: encodeLadderFacts(computeLadderFacts(snap, null), key),
  };
  const ids: string[] = [];
  for (const r of rows) if (r.family === 'point' && r.scopeType === 'subtree') ids.push(r.scopeKey);
  // Bottom-up, one pass (lib/views/unit-facts.ts); each unit from its own records when that cannot run.
  const kept = rememberedRows(snap, 'ladder');
  const computed = kept ? null : subtreeLadderFacts(snap, ids);
  return [
    org,
    ...ids.map((id): MetricResultRow => {
      const facts = kept?.has(id)
        ? null
        : (computed?.get(id) ?? computeLadderFacts(snap, unitOf(snap.tree, id, null).nodes));
      return {
        family: LADDER_FACTS_FAMILY,
        scopeType: 'subtree',
        scopeKey: id,
        data: facts === null ? kept?.get(id) : encodeLadderFacts(facts, key),
      };
    }),
  ];
}

/**
 * The facts of a stored row, or null when they cannot stand in for the tree's: another format, or
 * computed with another ladder than the one the snapshot is read with now (`key`, ladderKey).
 */
export function readLadderFacts(data: unknown, key: string): LadderFacts | null {
  if (typeof data !== 'object' || data === null) return null;
  const row = data as Partial<StoredLadderFacts>;
  if (row.format !== FORMAT || row.k !== key || !row.g || !row.v || !row.d) return null;
  return {
    summary: groupOf(row.g),
    levels: row.v.map(([track, code, label, rank]) => ({
      key: seriesKey(track, code),
      track,
      code,
      label,
      rank,
    })),
    departments: row.d.map(([department, g]) => ({ department, group: groupOf(g) })),
  };
}
