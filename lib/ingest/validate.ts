/**
 * Snapshot validation (SPEC.md "What happens to bad input"), run after eliminated rows are gone:
 * duplicate employee_id (error, or keep-first with skipDuplicates), manager not found (warning,
 * orphan), self-management and reporting cycles (errors listing the people), several roots (warning).
 * Cycle detection walks parent links iteratively, so a 100,000-deep chain cannot overflow the stack.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import type { IssueList } from './issues';
import { clip } from './limits';

const IDS_LISTED = 1000;

/** Structure counts of a snapshot. */
export interface StructureCounts {
  roots: number;
  orphans: number;
  selfReports: number;
  cycles: number;
  /** manager index of each record; -1 for roots, orphans and self-reports. */
  parent: Int32Array;
}

/** Keep the first row of each employee id; later rows are errors, or warnings with skipDuplicates. */
export function dropDuplicates(
  records: OrgRecord[],
  skipDuplicates: boolean,
  issues: IssueList,
  fileOf: (r: OrgRecord) => string,
): { kept: OrgRecord[]; duplicates: number; indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const kept: OrgRecord[] = [];
  let duplicates = 0;
  for (const r of records) {
    const firstIndex = indexOf.get(r.employeeId);
    if (firstIndex === undefined) {
      indexOf.set(r.employeeId, kept.length);
      kept.push(r);
      continue;
    }
    const firstRow = kept[firstIndex]?.row ?? 0;
    duplicates++;
    issues.add({
      severity: skipDuplicates ? 'warning' : 'error',
      code: skipDuplicates ? 'duplicate-id-skipped' : 'duplicate-id',
      message: skipDuplicates
        ? `Row ${r.row}: employee_id ${r.employeeId} was already at row ${firstRow}; this row was skipped (keep first).`
        : `Row ${r.row}: employee_id ${r.employeeId} is also at row ${firstRow}.`,
      row: r.row,
      ids: [r.employeeId],
      file: fileOf(r),
    });
  }
  return { kept, duplicates, indexOf };
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
  let selfReports = 0;
  records.forEach((r, i) => {
    if (r.managerId === null) {
      roots.push(r.employeeId);
      return;
    }
    if (r.managerId === r.employeeId) {
      selfReports++;
      issues.add({
        severity: 'error',
        code: 'self-manager',
        message: `Row ${r.row}: ${clip(r.employeeId)} is recorded as their own manager (a reporting cycle of one).`,
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
    orphans++;
    if (alreadyReported.has(r)) return;
    issues.add({
      severity: 'warning',
      code: 'orphan',
      message:
        r.aggregatedCount === null
          ? `Row ${r.row}: manager "${clip(r.managerId)}" of ${clip(r.employeeId)} is not in the file; ${clip(r.employeeId)} becomes an extra root (orphan).`
          : `Row ${r.row}: junior staff (${r.aggregatedCount} FTE) report to senior post "${clip(r.managerId)}", which is not in the senior file; counted as an orphan.`,
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
      code: 'reporting-cycle',
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
  return { roots: roots.length, orphans, selfReports, cycles: cycles.length, parent };
}
