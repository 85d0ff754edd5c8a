/**
 * Ladder levels for every record of a tree, resolved once (SPEC: level via the ladder, else the
 * title, else unlevelled) and kept in typed arrays so ladder metrics, promotions and ceiling risk
 * over a million people do not re-parse strings. Also fixes each record's declared track.
 */
import type { Ladder, LevelSource } from '@/lib/ladders/types';
import { createLevelResolver } from '@/lib/ladders/resolve';
import type { OrgTree } from '@/lib/metrics/tree';
import type { OrgRecord } from '@/lib/metrics/types';
import { resolveDeclaredTracks, TrackCode } from '@/lib/metrics/tracks';

export interface TreeLevels {
  ladder: Ladder;
  /** IC-equivalent rank, NaN when unlevelled. */
  rank: Float64Array;
  /** Canonical level code, null when unlevelled. */
  code: (string | null)[];
  /** Track the level itself declares (TrackCode; none for shared levels and unlevelled people). */
  levelTrack: Uint8Array;
  source: LevelSource[];
  /** Declared track (TrackCode): track column, else level track, else structural; none for vacant posts. */
  declared: Uint8Array;
}

/**
 * Levels already resolved against the same ladder for other rows: `rows[i]` is a row of `levels`
 * whose record may carry row i's level and title (-1: none); the resolution is copied when it does.
 */
export interface ResolvedLevels {
  records: readonly OrgRecord[];
  levels: TreeLevels;
  rows: Int32Array;
  /** the tree `records` belong to: a row with the very same record and kind keeps its declared track too */
  tree?: Pick<OrgTree, 'records' | 'kind' | 'vacant' | 'aggregated'>;
}

/** Resolve every record's level against the ladder and derive declared tracks. */
export function resolveTreeLevels(tree: OrgTree, ladder: Ladder, known?: ResolvedLevels): TreeLevels {
  const resolve = createLevelResolver(ladder);
  const reuse = known !== undefined && known.levels.ladder === ladder ? known : null;
  const n = tree.size;
  const rank = new Float64Array(n).fill(Number.NaN);
  const code: (string | null)[] = new Array<string | null>(n).fill(null);
  const source: LevelSource[] = new Array<LevelSource>(n).fill('unlevelled');
  const levelTrack = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = tree.records[i];
    if (r === undefined) continue;
    const k = reuse === null ? -1 : (reuse.rows[i] ?? -1);
    const was = k >= 0 ? reuse?.records[k] : undefined;
    if (
      reuse !== null &&
      was !== undefined &&
      (was === r || (was.level === r.level && was.title === r.title))
    ) {
      rank[i] = reuse.levels.rank[k] ?? Number.NaN;
      code[i] = reuse.levels.code[k] ?? null;
      source[i] = reuse.levels.source[k] ?? 'unlevelled';
      levelTrack[i] = reuse.levels.levelTrack[k] ?? 0;
      continue;
    }
    const resolved = resolve(r.level, r.title);
    if (resolved.rank !== null) rank[i] = resolved.rank;
    code[i] = resolved.code;
    source[i] = resolved.source;
    if (resolved.track !== null) levelTrack[i] = resolved.track === 'ic' ? TrackCode.ic : TrackCode.manager;
  }
  const same =
    reuse?.tree !== undefined && reuse.tree.records === reuse.records
      ? {
          tree: reuse.tree,
          declared: reuse.levels.declared,
          levelTrack: reuse.levels.levelTrack,
          rows: reuse.rows,
        }
      : undefined;
  return { ladder, rank, code, levelTrack, source, declared: resolveDeclaredTracks(tree, levelTrack, same) };
}
