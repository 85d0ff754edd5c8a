/**
 * Pairs UK organogram junior-staff files with their senior-posts file in one upload.
 * 1. By name: the same file name once 'senior'/'junior' is taken out
 *    ('home_office-2012-09-30-junior.csv' <-> 'home_office-2012-09-30-senior.csv').
 * 2. Else by content: the senior file whose post references cover most of the junior file's
 *    'Reporting Senior Post' values (at least half of them).
 * A junior file left without a senior file is refused: junior rows are counts under senior posts
 * and mean nothing alone.
 */
import type { CollectedSource } from './source-collector';

/** File name with extension, sheet suffix and the words senior/junior removed, for matching. */
export function pairingKey(name: string): string {
  return name
    .replace(/^.*[\\/]/, '')
    .replace(/\.(csv|txt|xlsx)(#.*)?$/i, '')
    .toLowerCase()
    .replace(/senior|junior/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function seniorPosts(source: CollectedSource): Set<string> {
  const ids = new Set<string>();
  for (const g of source.groups) for (const r of g.records) ids.add(r.employeeId);
  return ids;
}

function coverage(junior: CollectedSource, posts: Set<string>): number {
  let total = 0;
  let found = 0;
  for (const g of junior.groups) {
    for (const r of g.records) {
      if (r.managerId === null) continue;
      total++;
      if (posts.has(r.managerId)) found++;
    }
  }
  return total === 0 ? 0 : found / total;
}

/** For each junior source, the senior source it belongs to (or null when none fits). */
export function pairJuniorFiles(
  seniors: readonly CollectedSource[],
  juniors: readonly CollectedSource[],
): Map<CollectedSource, CollectedSource | null> {
  const result = new Map<CollectedSource, CollectedSource | null>();
  const taken = new Set<CollectedSource>();
  const rest: CollectedSource[] = [];
  for (const j of juniors) {
    const key = pairingKey(j.name);
    const match = seniors.find((s) => !taken.has(s) && pairingKey(s.name) === key);
    if (match) {
      taken.add(match);
      result.set(j, match);
    } else {
      rest.push(j);
    }
  }
  for (const j of rest) {
    let best: CollectedSource | null = null;
    let bestShare = 0.5;
    for (const s of seniors) {
      if (taken.has(s)) continue;
      const share = coverage(j, seniorPosts(s));
      if (share >= bestShare) {
        best = s;
        bestShare = share;
      }
    }
    if (best) taken.add(best);
    result.set(j, best);
  }
  return result;
}
