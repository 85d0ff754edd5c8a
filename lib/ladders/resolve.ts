/**
 * Level resolution (SPEC "What happens to bad input": unknown level code -> mapped via the ladder,
 * else inferred from the title, else "unlevelled"). Codes, labels and synonyms all match
 * case-, space- and punctuation-insensitively; a code always beats another level's synonym.
 */
import type { Ladder, LadderTrackKind, ResolvedLevel, TitleRule } from '@/lib/ladders/types';
import { listCodeCandidates, normalizeCode, tokenizeTitle } from '@/lib/ladders/normalize';

interface LevelRef {
  code: string;
  rank: number;
  kind: LadderTrackKind;
}

interface LadderIndex {
  byKey: Map<string, LevelRef>;
  rules: { rule: TitleRule; ref: LevelRef }[];
}

const UNLEVELLED: ResolvedLevel = { track: null, rank: null, code: null, source: 'unlevelled' };
const indexes = new WeakMap<Ladder, LadderIndex>();

function indexLadder(ladder: Ladder): LadderIndex {
  const cached = indexes.get(ladder);
  if (cached !== undefined) return cached;
  const byKey = new Map<string, LevelRef>();
  const refs: { ref: LevelRef; keys: string[] }[] = [];
  for (const track of ladder.tracks) {
    for (const level of track.levels) {
      refs.push({
        ref: { code: level.code, rank: level.rank, kind: track.kind },
        keys: [level.label, ...level.synonyms],
      });
    }
  }
  // Codes first, then labels and synonyms: the first spelling registered wins a clash.
  for (const { ref } of refs)
    if (!byKey.has(normalizeCode(ref.code))) byKey.set(normalizeCode(ref.code), ref);
  for (const { ref, keys } of refs) {
    for (const key of keys) {
      const k = normalizeCode(key);
      if (k.length > 0 && !byKey.has(k)) byKey.set(k, ref);
    }
  }
  const rules: LadderIndex['rules'] = [];
  for (const rule of ladder.titleRules) {
    const ref = byKey.get(normalizeCode(rule.code));
    // A rule naming a code the ladder lacks (an admin deleted the level) is skipped, not fatal.
    if (ref !== undefined)
      rules.push({ rule: { ...rule, words: rule.words.map((w) => w.toLowerCase()) }, ref });
  }
  const index = { byKey, rules };
  indexes.set(ladder, index);
  return index;
}

function toResolved(ref: LevelRef, source: 'code' | 'title', track?: 'ic' | 'manager'): ResolvedLevel {
  return {
    track: track ?? (ref.kind === 'shared' ? null : ref.kind),
    rank: ref.rank,
    code: ref.code,
    source,
  };
}

/** Resolve a level cell against a ladder (null when no spelling matches). */
export function resolveLevelCode(ladder: Ladder, level: string): ResolvedLevel | null {
  const { byKey } = indexLadder(ladder);
  for (const candidate of listCodeCandidates(level)) {
    const ref = byKey.get(candidate);
    if (ref !== undefined) return toResolved(ref, 'code');
  }
  return null;
}

/** Infer a level from a job title (null when nothing in the title places it on the ladder). */
export function inferLevelFromTitle(ladder: Ladder, title: string): ResolvedLevel | null {
  const { byKey, rules } = indexLadder(ladder);
  const words = tokenizeTitle(title);
  let best: { rule: TitleRule; ref: LevelRef } | null = null;
  for (const entry of rules) {
    const { rule } = entry;
    if (best !== null && rule.words.length <= best.rule.words.length) continue;
    if (!rule.words.every((w) => words.has(w))) continue;
    if (rule.unless?.some((w) => words.has(w.toLowerCase())) === true) continue;
    best = entry;
  }
  if (best !== null) return toResolved(best.ref, 'title', best.rule.track);
  // A title that is itself a level name ("Brigadier", "Grade 7") places the person directly; rules
  // go first because they also say which track the title implies.
  const exact = byKey.get(normalizeCode(title));
  return exact === undefined ? null : toResolved(exact, 'title');
}

/** Resolve a person's level: the level cell via the ladder, else the title, else unlevelled. */
export function resolveLevel(ladder: Ladder, level: string | null, title: string | null): ResolvedLevel {
  const fromCode = level === null || level.trim() === '' ? null : resolveLevelCode(ladder, level);
  if (fromCode !== null) return fromCode;
  const fromTitle = title === null || title.trim() === '' ? null : inferLevelFromTitle(ladder, title);
  return fromTitle ?? UNLEVELLED;
}

/** Make a memoised resolver for bulk use: real files repeat a handful of level/title pairs. */
export function createLevelResolver(
  ladder: Ladder,
  maxCached = 200_000,
): (level: string | null, title: string | null) => ResolvedLevel {
  // Keyed level first, then title: no key string is built per record, and the values are the
  // records' own (shared) strings, so each lookup is a hash already computed.
  const cache = new Map<string | null, Map<string | null, ResolvedLevel>>();
  let cached = 0;
  return (level, title) => {
    let byTitle = cache.get(level);
    const hit = byTitle?.get(title);
    if (hit !== undefined) return hit;
    const resolved = resolveLevel(ladder, level, title);
    if (cached < maxCached) {
      if (byTitle === undefined) {
        byTitle = new Map();
        cache.set(level, byTitle);
      }
      byTitle.set(title, resolved);
      cached += 1;
    }
    return resolved;
  };
}
