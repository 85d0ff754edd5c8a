/**
 * Picks a ladder for data nobody configured one for: the preset that resolves the most level
 * cells by code. Real files repeat a few level spellings, so the distinct spellings are counted
 * (weighted by how often they occur) rather than every row. Ties go to the earlier preset, so a
 * file without levels gets the default ladder.
 */
import type { Ladder } from '@/lib/ladders/types';
import { LADDER_PRESETS } from '@/lib/ladders/presets';
import { resolveLevelCode } from '@/lib/ladders/resolve';

/** Choose the preset whose codes match the most level cells in these records. */
export function chooseLadder(
  records: Iterable<{ level: string | null }>,
  presets: readonly Ladder[] = LADDER_PRESETS,
): Ladder {
  const spellings = new Map<string, number>();
  for (const r of records) {
    if (r.level === null || r.level.trim() === '') continue;
    spellings.set(r.level, (spellings.get(r.level) ?? 0) + 1);
  }
  let best: Ladder | null = null;
  let bestScore = 0;
  for (const ladder of presets) {
    let score = 0;
    for (const [spelling, count] of spellings)
      if (resolveLevelCode(ladder, spelling) !== null) score += count;
    if (best === null || score > bestScore) {
      best = ladder;
      bestScore = score;
    }
  }
  return best ?? LADDER_PRESETS[0] ?? fail();
}

function fail(): never {
  throw new Error('no ladder presets');
}
