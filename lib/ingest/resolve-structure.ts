/**
 * Applies the self-manager, cycle and manager-not-found resolutions (in that order, see
 * resolutions.ts) to de-duplicated records and validates what is left. A clean file is checked
 * once, exactly as before; only a file with one of these defects is walked again.
 */
import { chooseLadder } from '@/lib/ladders/choose';
import { createLevelResolver } from '@/lib/ladders/resolve';
import type { OrgRecord } from '@/lib/metrics/types';
import { IssueList } from './issues';
import { clip } from './limits';
import { pickCycleRoot, type Resolutions } from './resolutions';
import { checkStructure, indexById, type StructureCounts } from './validate';

/** Outcome: the records to store, their structure, and the defect counts before resolution. */
export interface ResolvedStructure {
  records: OrgRecord[];
  indexOf: Map<string, number>;
  structure: StructureCounts;
  selfManagers: number;
  selfManagerReports: number;
  cycles: number;
  cycleMembers: number;
  /** rows whose manager was not found when that resolution applied (dropped or flagged). */
  orphans: number;
  /** of those, junior-staff (aggregated) rows: not people, their FTE counts at the top. */
  juniorOrphans: number;
}

/** How many of the rows at `at` are junior-staff (aggregated) rows. */
function aggregatedAt(records: readonly OrgRecord[], at: readonly number[]): number {
  let n = 0;
  for (const i of at) {
    const r = records[i];
    if (r !== undefined && r.aggregatedCount !== null) n++;
  }
  return n;
}

/**
 * Ladder ranks for choosing cycle roots: the ladder the metrics choose for a snapshot when none is
 * configured (the preset that knows most of its levels), level code else title as SPEC "Ladder".
 */
function cycleRanks(records: readonly OrgRecord[]): (r: OrgRecord) => number | null {
  const resolve = createLevelResolver(chooseLadder(records));
  return (r) => resolve(r.level, r.title).rank;
}

/** Resolve and validate the structure of de-duplicated records, reporting into `issues`. */
export function resolveStructure(
  input: OrgRecord[],
  inputIndex: Map<string, number>,
  resolutions: Resolutions,
  issues: IssueList,
  fileOf: (r: OrgRecord) => string,
  ambiguous: ReadonlySet<OrgRecord>,
): ResolvedStructure {
  const probe = new IssueList();
  const first = checkStructure(input, probe, fileOf, ambiguous, inputIndex);
  const counts = {
    selfManagers: first.selfManagerAt.length,
    selfManagerReports: 0,
    cycles: first.cycleMembers.length,
    cycleMembers: first.cycleMembers.reduce((n, c) => n + c.length, 0),
    orphans: first.orphanAt.length,
    juniorOrphans: aggregatedAt(input, first.orphanAt),
  };
  if (counts.selfManagers > 0) {
    const selfIds = new Set(first.selfManagerAt.map((i) => input[i]?.employeeId));
    for (const r of input)
      if (r.managerId !== r.employeeId && selfIds.has(r.managerId ?? undefined)) counts.selfManagerReports++;
  }
  const selfAction = counts.selfManagers > 0 ? resolutions['self-manager'] : undefined;
  const cycleAction = counts.cycles > 0 ? resolutions.cycle : undefined;
  const orphanDrop = resolutions['manager-not-found'] === 'drop';
  if (selfAction === undefined && cycleAction === undefined && !(orphanDrop && counts.orphans > 0)) {
    for (const issue of probe.toArray()) issues.add(issue);
    return { records: input, indexOf: inputIndex, structure: first, ...counts };
  }

  const drop = new Uint8Array(input.length);
  const note = (r: OrgRecord, code: string, message: string, ids = [r.employeeId]): void =>
    issues.add({ severity: 'warning', code, message, row: r.row, ids, file: fileOf(r) });
  for (const i of selfAction === undefined ? [] : first.selfManagerAt) {
    const r = input[i];
    if (r === undefined) continue;
    if (selfAction === 'root') r.managerId = null;
    else drop[i] = 1;
    note(
      r,
      'self-manager',
      `Line ${r.row}: ${clip(r.employeeId)} was recorded as their own manager; ${selfAction === 'root' ? 'made a top of the tree (self-manager=root)' : 'dropped (self-manager=drop)'}.`,
    );
  }
  let rankOf: ((r: OrgRecord) => number | null) | undefined;
  for (const cycle of cycleAction === undefined ? [] : first.cycleMembers) {
    const ids = cycle.map((i) => input[i]?.employeeId ?? '');
    const shown = `${ids
      .slice(0, 20)
      .map((id) => clip(id, 40))
      .join(' -> ')}${ids.length > 20 ? ' -> …' : ''}`;
    const head = input[cycle[0] ?? 0];
    if (cycleAction === 'drop') {
      for (const i of cycle) drop[i] = 1;
      if (head) note(head, 'cycle', `Reporting cycle ${shown} dropped (cycle=drop).`, ids);
      continue;
    }
    const top = input[pickCycleRoot(cycle, input, (rankOf ??= cycleRanks(input)))];
    if (top === undefined) continue;
    top.managerId = null;
    note(top, 'cycle', `Reporting cycle ${shown}: ${clip(top.employeeId)} made a root (cycle=root).`, ids);
  }
  let records = input;
  let indexOf = inputIndex;
  if (drop.includes(1)) {
    records = input.filter((_, i) => drop[i] === 0);
    indexOf = indexById(records);
  }
  if (orphanDrop) {
    // Orphans of what is left now (the reports of dropped self-managers and cycles included).
    const middle = checkStructure(records, new IssueList(), fileOf, ambiguous, indexOf);
    counts.orphans = middle.orphanAt.length;
    counts.juniorOrphans = aggregatedAt(records, middle.orphanAt);
    if (counts.orphans > 0) {
      const gone = new Set(middle.orphanAt);
      for (const i of middle.orphanAt) {
        const r = records[i];
        if (r === undefined) continue;
        note(
          r,
          'manager-not-found',
          `Line ${r.row}: manager "${clip(r.managerId ?? '')}" of ${clip(r.employeeId)} is not in the file; dropped (manager-not-found=drop).`,
        );
      }
      records = records.filter((_, i) => !gone.has(i));
      indexOf = indexById(records);
    }
  }
  const structure = checkStructure(records, issues, fileOf, ambiguous, indexOf);
  if (!orphanDrop) {
    counts.orphans = structure.orphanAt.length;
    counts.juniorOrphans = aggregatedAt(records, structure.orphanAt);
  }
  return { records, indexOf, structure, ...counts };
}
