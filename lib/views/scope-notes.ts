/**
 * The scope notes of a unit's series (SPEC "Posts, people and FTE"; issue #12 item 6), from the
 * series and the snapshot ids marked "not comparable" (lib/dal/scope-marks.ts reads those).
 */
import { describeScopeFlag, findScopeChanges, type ScopeFlag } from '@/lib/metrics/scope-changes';

/** A point of a unit's series, as far as the scope notes need it. */
export interface ScopePoint {
  asOf: string;
  snapshotId?: number;
  structure: { headcount: number; managers: number };
}

/**
 * Dates of a series where a suppressed reader (leader, viewer) may not see the unit's figures
 * because it had fewer than the minimum people then: a scope note must not quote them. (The
 * Trends page also hides dates where the floor hid the unit, and passes those itself.)
 */
export function smallPoints(
  reader: { suppress: boolean; settings: { minGroupSize: number } },
  points: ReadonlyArray<{ asOf: string; structure: { headcount: number } }>,
): Set<string> {
  if (!reader.suppress) return new Set();
  return new Set(
    points.filter((p) => p.structure.headcount < reader.settings.minGroupSize).map((p) => p.asOf),
  );
}

/** What a trend chart, the findings and reports say about the scope of the series. */
export interface ScopeNotes {
  /** possible changes of scope, oldest first, each with a plain-words note */
  flagged: Array<ScopeFlag & { note: string }>;
  /** as-of dates of the snapshots marked not comparable */
  notComparable: string[];
}

/**
 * The scope notes of a unit's series (oldest first), given the ids of its snapshots marked not
 * comparable. `hidden` dates (privacy floor) count as missing values: neither flagged nor compared
 * with. Also returns the marked dates as a set, for the callers that skip them in change-since-peak.
 */
export function scopeNotesOf(
  points: readonly ScopePoint[],
  markedIds: ReadonlySet<number>,
  hidden: ReadonlySet<string> = new Set(),
): { notes: ScopeNotes; marked: Set<string> } {
  const marked = new Set(points.filter((p) => markedIds.has(p.snapshotId ?? -1)).map((p) => p.asOf));
  const flags = findScopeChanges(
    points.map((p) => ({
      asOf: p.asOf,
      headcount: hidden.has(p.asOf) ? null : p.structure.headcount,
      managers: hidden.has(p.asOf) ? null : p.structure.managers,
      notComparable: marked.has(p.asOf),
    })),
  );
  return {
    notes: {
      flagged: flags.map((f) => ({ ...f, note: describeScopeFlag(f) })),
      notComparable: points.filter((p) => marked.has(p.asOf) && !hidden.has(p.asOf)).map((p) => p.asOf),
    },
    marked,
  };
}
