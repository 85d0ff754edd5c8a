/**
 * Time in level (SPEC "Ladder"): as_of - level_start_date, else inferred from the snapshot history
 * as the time since the first consecutive snapshot showing the person at their current level.
 * History-inferred spells that were already running in the first snapshot are "censored" (we only
 * know a lower bound). Promotion velocity uses months in level before each promotion: from the
 * level start (date, else spell start) to the promotion (the new level's start date, else the first
 * snapshot showing it); censored spells are left out because they would understate it.
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { SnapshotChanges } from '@/lib/metrics/history';
import { isPerson } from '@/lib/metrics/snapshot';
import { monthsBetween } from '@/lib/metrics/dates';
import { computePercentile, roundTo } from '@/lib/metrics/numbers';

export interface LevelSpell {
  code: string | null;
  since: string;
  censored: boolean;
}

/**
 * The people of the latest snapshot folded in, by that snapshot's record index (looked up through
 * its tree's own id index, so no map of a million ids is built per snapshot).
 */
export interface SpellIndex {
  indexById: ReadonlyMap<string, number>;
  /** The current level spell per record index (undefined for vacant posts and aggregated rows). */
  byIndex: ReadonlyArray<LevelSpell | undefined>;
  /** Snapshots each person has appeared in, consecutively up to the latest, per record index. */
  seenIn: Int32Array;
}

export interface PromotionSample {
  employeeId: string;
  track: 'ic' | 'manager';
  fromCode: string | null;
  fromRank: number;
  months: number;
  at: string;
}

export interface LevelHistory {
  snapshots: number;
  firstAsOf: string | null;
  spells: SpellIndex;
  samples: PromotionSample[];
  /** As-of date of each person's latest promotion seen in the history. */
  lastPromotion: Map<string, string>;
}

/** Start an empty level history. */
export function createLevelHistory(): LevelHistory {
  return {
    snapshots: 0,
    firstAsOf: null,
    spells: { indexById: new Map(), byIndex: [], seenIn: new Int32Array(0) },
    samples: [],
    lastPromotion: new Map(),
  };
}

/**
 * Where a person stands in the latest snapshot folded in: their record index there (read
 * `spells.byIndex` / `spells.seenIn` with it), or -1 when they are not a person in it.
 */
export function findSpell(history: LevelHistory, employeeId: string): number {
  const i = history.spells.indexById.get(employeeId);
  return i === undefined || history.spells.byIndex[i] === undefined ? -1 : i;
}

/** The spells of `snapshot`'s records by index, when it is the latest snapshot folded in. */
export function spellsOf(history: LevelHistory, snapshot: PreparedSnapshot): SpellIndex | null {
  return history.spells.indexById === snapshot.tree.indexById ? history.spells : null;
}

/** Fold one more snapshot (and its changes from the previous one) into the level history. */
export function addSnapshotLevels(
  history: LevelHistory,
  prev: PreparedSnapshot | null,
  curr: PreparedSnapshot,
  changes: SnapshotChanges | null,
): void {
  const first = history.snapshots === 0;
  if (prev !== null && changes !== null) {
    for (const p of changes.promotions) {
      history.lastPromotion.set(p.employeeId, curr.asOf);
      const i = prev.tree.indexById.get(p.employeeId) ?? -1;
      const j = curr.tree.indexById.get(p.employeeId) ?? -1;
      const spell = history.spells.byIndex[findSpell(history, p.employeeId)];
      const startDate = prev.tree.records[i]?.levelStartDate ?? null;
      if (startDate === null && (spell === undefined || spell.censored)) continue;
      const start = startDate ?? spell?.since ?? curr.asOf;
      const months = monthsBetween(start, curr.tree.records[j]?.levelStartDate ?? curr.asOf);
      if (months !== null && months >= 0) {
        history.samples.push({
          employeeId: p.employeeId,
          track: p.track,
          fromCode: p.fromCode,
          fromRank: p.fromRank,
          months,
          at: curr.asOf,
        });
      }
    }
  }
  const { tree, levels } = curr;
  const byIndex = new Array<LevelSpell | undefined>(tree.size).fill(undefined);
  const seenIn = new Int32Array(tree.size);
  // Spells that start with this snapshot are all alike per level: one object per level code.
  const fresh = new Map<string | null, LevelSpell>();
  const startSpell = (code: string | null): LevelSpell => {
    let spell = fresh.get(code);
    if (spell === undefined) {
      spell = { code, since: curr.asOf, censored: first };
      fresh.set(code, spell);
    }
    return spell;
  };
  const before = history.spells;
  for (let i = 0; i < tree.size; i++) {
    if (!isPerson(tree, i)) continue;
    const code = levels.code[i] ?? null;
    const k = first ? -1 : findSpell(history, tree.records[i]?.employeeId ?? '');
    const old = before.byIndex[k];
    byIndex[i] = old !== undefined && old.code === code ? old : startSpell(code);
    seenIn[i] = (k < 0 ? 0 : (before.seenIn[k] ?? 0)) + 1;
  }
  history.spells = { indexById: tree.indexById, byIndex, seenIn };
  history.snapshots++;
  if (history.firstAsOf === null) history.firstAsOf = curr.asOf;
}

export interface TimeInLevel {
  /** Months in the current level per record index; NaN when unknown. */
  months: Float64Array;
  /** 1 when only a lower bound is known (spell began before the first snapshot). */
  censored: Uint8Array;
}

/** Time in level for every person in a snapshot (history must already include the snapshot). */
export function computeTimeInLevel(snapshot: PreparedSnapshot, history: LevelHistory): TimeInLevel {
  const { tree } = snapshot;
  const months = new Float64Array(tree.size).fill(Number.NaN);
  const censored = new Uint8Array(tree.size);
  const own = spellsOf(history, snapshot);
  for (let i = 0; i < tree.size; i++) {
    if (!isPerson(tree, i)) continue;
    const r = tree.records[i];
    if ((r?.levelStartDate ?? null) !== null) {
      months[i] = monthsInLevel(snapshot.asOf, r, undefined);
      continue;
    }
    const spell = (own ?? history.spells).byIndex[own !== null ? i : findSpell(history, r?.employeeId ?? '')];
    if (spell === undefined || spell.code === null) continue;
    months[i] = monthsInLevel(snapshot.asOf, r, spell);
    censored[i] = spell.censored ? 1 : 0;
  }
  return { months, censored };
}

/**
 * One person's months in level at `asOf` (computeTimeInLevel's rule): from their level start date,
 * else from the start of their current spell (`spell`: theirs in the history); NaN when unknown.
 */
export function monthsInLevel(
  asOf: string,
  record: { levelStartDate: string | null } | undefined,
  spell: LevelSpell | undefined,
): number {
  const fromDate = record?.levelStartDate ?? null;
  if (fromDate !== null) return monthsBetween(fromDate, asOf) ?? Number.NaN;
  if (spell === undefined || spell.code === null) return Number.NaN;
  return monthsBetween(spell.since, asOf) ?? Number.NaN;
}

export interface PromotionVelocityRow {
  track: 'ic' | 'manager';
  level: string | null;
  promotions: number;
  medianMonths: number | null;
  p75Months: number | null;
}

/** Median and p75 months in level before promotion, per track and level promoted from. */
export function computePromotionVelocity(samples: readonly PromotionSample[]): PromotionVelocityRow[] {
  const groups = new Map<
    string,
    { track: 'ic' | 'manager'; level: string | null; rank: number; months: number[] }
  >();
  for (const s of samples) {
    const key = `${s.track}\u0000${s.fromCode ?? ''}`;
    const g = groups.get(key) ?? { track: s.track, level: s.fromCode, rank: s.fromRank, months: [] };
    g.months.push(s.months);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.track === b.track ? a.rank - b.rank : a.track < b.track ? -1 : 1))
    .map((g) => {
      const sorted = Float64Array.from(g.months).sort();
      const at = (p: number) => {
        const v = computePercentile(sorted, p);
        return v === null ? null : roundTo(v, 1);
      };
      return {
        track: g.track,
        level: g.level,
        promotions: g.months.length,
        medianMonths: at(0.5),
        p75Months: at(0.75),
      };
    });
}
