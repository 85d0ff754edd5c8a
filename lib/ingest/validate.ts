/**
 * Snapshot validation (SPEC.md "What happens to bad input"), run after eliminated rows are gone:
 * duplicate employee_id (error, or a duplicate-id resolution), manager not found (warning, orphan),
 * self-management and reporting cycles (errors listing the people), several roots (warning).
 * Cycle detection walks parent links iteratively, so a 100,000-deep chain cannot overflow the stack.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import type { IssueList } from './issues';
import { clip } from './limits';

const IDS_LISTED = 1000;

/** Structure counts of a snapshot. */
export interface StructureCounts {
  /** person-level rows (aggregated junior rows excluded) without a manager. */
  roots: number;
  /** person-level rows whose manager is not in the file (they become extra roots). */
  orphans: number;
  /**
   * aggregated (junior-staff) rows whose reporting post is blank or not in the file: not people,
   * so neither roots nor orphans; their FTE counts in the organisation's total, under no post.
   */
  juniorOrphans: number;
  selfReports: number;
  cycles: number;
  /** manager index of each record; -1 for roots, orphans and self-reports. */
  parent: Int32Array;
  /** positions of the self-managers, of each cycle's members and of the orphans. */
  selfManagerAt: number[];
  cycleMembers: number[][];
  orphanAt: number[];
}

/** What to do with rows whose employee id was seen before (duplicate-id resolution, or refuse). */
export type DuplicatePolicy = 'refuse' | 'keep-first' | 'keep-last' | 'drop-all';

/**
 * One row per employee id. Unresolved, every row after the first is an error; with a resolution,
 * keep-first / keep-last keep one row of each id and drop-all drops every row of a duplicated id
 * (warnings). The extra work of keep-last and drop-all runs only when there are duplicates.
 */
export function dropDuplicates(
  records: OrgRecord[],
  policy: DuplicatePolicy,
  issues: IssueList,
  fileOf: (r: OrgRecord) => string,
): { kept: OrgRecord[]; duplicates: number; duplicateIds: number; indexOf: Map<string, number> } {
  let indexOf = new Map<string, number>();
  let kept: OrgRecord[] = [];
  let duplicates = 0;
  let repeated: Set<string> | null = null;
  for (const r of records) {
    const firstIndex = indexOf.get(r.employeeId);
    if (firstIndex === undefined) {
      indexOf.set(r.employeeId, kept.length);
      kept.push(r);
      continue;
    }
    const first = kept[firstIndex];
    const firstRow = first?.row ?? 0;
    duplicates++;
    (repeated ??= new Set()).add(r.employeeId);
    if (policy === 'keep-last') kept[firstIndex] = r;
    const done: Record<DuplicatePolicy, string> = {
      refuse: '',
      'keep-first': 'this row was dropped (duplicate-id=keep-first)',
      'keep-last': `line ${first?.row ?? 0} was dropped (duplicate-id=keep-last)`,
      'drop-all': 'every row of this id was dropped (duplicate-id=drop-all)',
    };
    issues.add({
      severity: policy === 'refuse' ? 'error' : 'warning',
      code: 'duplicate-id',
      message:
        policy === 'refuse'
          ? `Line ${r.row}: employee_id ${clip(r.employeeId)} is also at line ${firstRow}.`
          : `Line ${r.row}: employee_id ${clip(r.employeeId)} was already at line ${firstRow}; ${done[policy]}.`,
      row: r.row,
      ids: [r.employeeId],
      file: fileOf(r),
    });
  }
  if (policy === 'drop-all' && repeated !== null) {
    const drop = repeated;
    kept = kept.filter((r) => !drop.has(r.employeeId));
    indexOf = indexById(kept);
  }
  return { kept, duplicates, duplicateIds: repeated?.size ?? 0, indexOf };
}

/** Find reporting cycles of two or more people in a parent-index array (-1 = none). */
export function findCycles(parent: Int32Array): number[][] {
  const state = new Int32Array(parent.length); // 0 new, -1 done, k+1 = on the walk from k
  const cycles: number[][] = [];
  for (let start = 0; start < parent.length; start++) {
    if (state[start] !== 0) continue;
    const walk = start + 1;
    let v = start;
    while (v !== -1 && state[v] === 0) {
      state[v] = walk;
      v = parent[v] ?? -1;
    }
    if (v !== -1 && state[v] === walk) {
      const cycle = [v];
      for (let u = parent[v] ?? -1; u !== v && u !== -1; u = parent[u] ?? -1) cycle.push(u);
      if (cycle.length > 1) cycles.push(cycle);
    }
    for (let u = start; u !== -1 && state[u] === walk; u = parent[u] ?? -1) state[u] = -1;
  }
  return cycles;
}

/** id -> position of each record (ids must be unique: run dropDuplicates first). */
export function indexById(records: readonly OrgRecord[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  records.forEach((r, i) => indexOf.set(r.employeeId, i));
  return indexOf;
}

/** Orphans, self-reports, cycles and roots of de-duplicated records, reported into `issues`. */
export function checkStructure(
  records: readonly OrgRecord[],
  issues: IssueList,
  fileOf: (r: OrgRecord) => string,
  alreadyReported: ReadonlySet<OrgRecord> = new Set(),
  indexOf: ReadonlyMap<string, number> = indexById(records),
): StructureCounts {
  const parent = new Int32Array(records.length).fill(-1);
  const roots: string[] = [];
  let orphans = 0;
  let juniorOrphans = 0;
  let selfReports = 0;
  const selfManagerAt: number[] = [];
  const orphanAt: number[] = [];
  records.forEach((r, i) => {
    if (r.managerId === null) {
      if (r.aggregatedCount === null) roots.push(r.employeeId);
      else juniorOrphans++;
      return;
    }
    if (r.managerId === r.employeeId) {
      selfReports++;
      selfManagerAt.push(i);
      issues.add({
        severity: 'error',
        code: 'self-manager',
        message: `Line ${r.row}: ${clip(r.employeeId)} is recorded as their own manager (a reporting cycle of one).`,
        row: r.row,
        ids: [r.employeeId],
        file: fileOf(r),
      });
      return;
    }
    const p = indexOf.get(r.managerId);
    if (p !== undefined) {
      parent[i] = p;
      return;
    }
    if (r.aggregatedCount === null) orphans++;
    else juniorOrphans++;
    if (alreadyReported.has(r)) return;
    orphanAt.push(i);
    issues.add({
      severity: 'warning',
      code: 'manager-not-found',
      message:
        r.aggregatedCount === null
          ? `Line ${r.row}: manager "${clip(r.managerId)}" of ${clip(r.employeeId)} is not in the file; ${clip(r.employeeId)} becomes an extra root (orphan).`
          : `Line ${r.row}: junior staff (${r.aggregatedCount} FTE) report to senior post "${clip(r.managerId)}", which is not in the senior file; junior rows are not people (no orphan): their FTE counts at the top of the organisation.`,
      row: r.row,
      ids: [r.employeeId],
      file: fileOf(r),
    });
  });
  const cycles = findCycles(parent);
  for (const cycle of cycles) {
    const ids = cycle.slice(0, IDS_LISTED).map((i) => records[i]?.employeeId ?? '');
    const first = records[cycle[0] ?? 0];
    issues.add({
      severity: 'error',
      code: 'cycle',
      message: `Reporting cycle of ${cycle.length} people: ${ids
        .slice(0, 20)
        .map((id) => clip(id, 40))
        .join(' -> ')}${cycle.length > 20 ? ' -> …' : ''} -> ${clip(ids[0] ?? '', 40)}.`,
      row: first?.row,
      ids,
      file: first ? fileOf(first) : undefined,
    });
  }
  if (roots.length > 1) {
    issues.add({
      severity: 'warning',
      code: 'several-roots',
      message: `${roots.length} people have no manager (${roots
        .slice(0, 10)
        .map((id) => clip(id, 40))
        .join(', ')}${roots.length > 10 ? ', …' : ''}); each starts at layer 1.`,
      ids: roots.slice(0, IDS_LISTED),
    });
  }
  return {
    roots: roots.length,
    orphans,
    juniorOrphans,
    selfReports,
    cycles: cycles.length,
    parent,
    selfManagerAt,
    cycleMembers: cycles,
    orphanAt,
  };
}
