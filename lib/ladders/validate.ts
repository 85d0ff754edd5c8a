/**
 * Checks an edited ladder before it is saved: the zod shape, then the rules the metrics rely on
 * (unique codes, ranks that never go down a track, title rules that point at real codes, and no
 * spelling claimed by two levels, which would make resolution depend on list order).
 */
import { ladderSchema, type Ladder } from '@/lib/ladders/types';
import { normalizeCode } from '@/lib/ladders/normalize';

export type LadderValidation = { ok: true; ladder: Ladder } | { ok: false; problems: string[] };

/** Validate unknown input (e.g. a JSON body from the admin screen) as a ladder. */
export function validateLadder(input: unknown): LadderValidation {
  const parsed = ladderSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const ladder = parsed.data;
  const problems: string[] = [];
  const codes = new Set<string>();
  const spellings = new Map<string, string>();
  for (const track of ladder.tracks) {
    let previous = Number.NEGATIVE_INFINITY;
    for (const level of track.levels) {
      if (codes.has(level.code)) problems.push(`level code "${level.code}" is used twice`);
      codes.add(level.code);
      if (level.rank < previous)
        problems.push(`track "${track.name}": "${level.code}" ranks below the level before it`);
      previous = level.rank;
      for (const spelling of [level.code, ...level.synonyms]) {
        const key = normalizeCode(spelling);
        const owner = spellings.get(key);
        if (owner !== undefined && owner !== level.code) {
          problems.push(`"${spelling}" matches both "${owner}" and "${level.code}"`);
        } else spellings.set(key, level.code);
      }
    }
  }
  for (const rule of ladder.titleRules) {
    if (!codes.has(rule.code))
      problems.push(`title rule "${rule.words.join(' ')}" names unknown level "${rule.code}"`);
  }
  return problems.length === 0 ? { ok: true, ladder } : { ok: false, problems };
}
