/**
 * Facts about a ladder that ladder metrics and ceiling risk need. The "IC ladder" is every level
 * an IC can hold: IC-track levels plus shared levels (on a shared ladder everyone climbs the same
 * grades). Distinct ranks are rungs, so D5 and TL5 on two IC tracks are one rung.
 */
import type { Ladder, LadderLevel, LadderTrackKind } from '@/lib/ladders/types';

/** List the distinct IC-equivalent ranks an IC can hold, lowest first. */
export function listIcRanks(ladder: Ladder): number[] {
  const ranks = new Set<number>();
  for (const track of ladder.tracks) {
    if (track.kind === 'manager') continue;
    for (const level of track.levels) ranks.add(level.rank);
  }
  return [...ranks].sort((a, b) => a - b);
}

/** Rank of the 3rd IC rung: a unit whose IC ceiling is at or below it has a short ladder. */
export function getShortLadderRank(ladder: Ladder): number | null {
  const ranks = listIcRanks(ladder);
  return ranks[Math.min(2, ranks.length - 1)] ?? null;
}

/** Rank of the top IC rung of the whole company ladder. */
export function getTopIcRank(ladder: Ladder): number | null {
  const ranks = listIcRanks(ladder);
  return ranks[ranks.length - 1] ?? null;
}

/** Find a level by its code (exact), with the kind of track it sits on. */
export function findLevel(
  ladder: Ladder,
  code: string,
): { level: LadderLevel; kind: LadderTrackKind } | null {
  for (const track of ladder.tracks) {
    for (const level of track.levels) if (level.code === code) return { level, kind: track.kind };
  }
  return null;
}
