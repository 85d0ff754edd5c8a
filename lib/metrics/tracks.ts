/**
 * Declared track (SPEC "Structure"): the track column, else the track of the person's level in the
 * ladder, else the structural one (manager = has reports). Ladder metrics, promotions and track
 * moves use the declared track; spans and layers use the structural one. Where the two disagree the
 * people are listed so HR can fix the data or the ladder.
 */
import type { OrgTree, UnitColumns } from '@/lib/metrics/tree';
import { NodeKind } from '@/lib/metrics/roles';

/** Track codes in typed arrays: 0 = none (vacant post, or no level track), 1 = IC, 2 = manager. */
export const TrackCode = { none: 0, ic: 1, manager: 2 } as const;

export interface TrackMismatches {
  declaredIcsWithReports: string[];
  declaredManagersWithoutReports: string[];
}

/**
 * Declared tracks already resolved for other rows: `rows[i]` is a row of `tree` (or -1); where that
 * row holds the very same record object, with the same kind and level track, its declared track
 * is row i's too (the track follows from exactly those three).
 */
export interface KnownTracks {
  tree: Pick<OrgTree, 'records' | 'kind'>;
  declared: Uint8Array;
  levelTrack: Uint8Array;
  rows: Int32Array;
}

/** Resolve every record's declared track; levelTracks (from the ladder) fills gaps in the track column. */
export function resolveDeclaredTracks(
  tree: Pick<UnitColumns, 'records' | 'size' | 'kind'>,
  levelTracks?: Uint8Array,
  known?: KnownTracks,
): Uint8Array {
  const out = new Uint8Array(tree.size);
  const reuse = known !== undefined && known.rows.length === tree.size ? known : null;
  for (let i = 0; i < tree.size; i++) {
    const kind = tree.kind[i] ?? NodeKind.vacant;
    if (kind === NodeKind.vacant) continue;
    if (reuse !== null) {
      const k = reuse.rows[i] ?? -1;
      if (
        k >= 0 &&
        reuse.tree.kind[k] === kind &&
        reuse.levelTrack[k] === (levelTracks?.[i] ?? TrackCode.none) &&
        reuse.tree.records[k] === tree.records[i]
      ) {
        out[i] = reuse.declared[k] ?? TrackCode.none;
        continue;
      }
    }
    const column = tree.records[i]?.track ?? null;
    if (column !== null) {
      out[i] = column === 'ic' ? TrackCode.ic : TrackCode.manager;
      continue;
    }
    const fromLevel = levelTracks?.[i] ?? TrackCode.none;
    if (fromLevel !== TrackCode.none) out[i] = fromLevel;
    else out[i] = kind === NodeKind.ic ? TrackCode.ic : TrackCode.manager;
  }
  return out;
}

/** List declared ICs who have reports and declared managers who have none, in input order. */
export function listTrackMismatches(
  tree: Pick<UnitColumns, 'records' | 'size' | 'kind' | 'aggregated'>,
  declared: Uint8Array,
  nodes: Int32Array | null,
): TrackMismatches {
  const icsWithReports: number[] = [];
  const managersWithout: number[] = [];
  const count = nodes === null ? tree.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const kind = tree.kind[i] ?? NodeKind.vacant;
    // Aggregated rows stand for groups of people, so a track on them is not a claim about reports.
    if (kind === NodeKind.vacant || tree.aggregated[i] === 1) continue;
    const d = declared[i] ?? TrackCode.none;
    if (d === TrackCode.ic && kind !== NodeKind.ic) icsWithReports.push(i);
    else if (d === TrackCode.manager && kind === NodeKind.ic) managersWithout.push(i);
  }
  // Units can list their records in any order (a subtree comes depth-first); reports use row order.
  const toIds = (list: number[]) => list.sort((a, b) => a - b).map((i) => tree.records[i]?.employeeId ?? '');
  return {
    declaredIcsWithReports: toIds(icsWithReports),
    declaredManagersWithoutReports: toIds(managersWithout),
  };
}
