/**
 * UK organogram junior-staff rows: "N FTE of grade G under senior post P". Each becomes one
 * aggregated record (aggregatedCount = FTE) with a synthetic id `J:<seniorRef>:<grade>:<n>`
 * (n counts rows with the same post and grade, from 1), managerId = the senior post, level = grade.
 * Rows identical to an earlier row (all cells, trimmed) are dropped with a warning: the
 * data.gov.uk triplestore export repeats rows (DFID 2013-03-31: 57, Home Office 2012-09-30: 52),
 * and the Institute for Government compilation of the same data has them once.
 * Rows with FTE 0 stand for nobody and are dropped with a warning; unreadable FTE is a warning too.
 * annualCost is per FTE (the payscale midpoint): the row costs annualCost x FTE.
 */
import { cleanText, isRootMarker, parseNumber } from './cell-values';
import type { SnapshotGroup } from './snapshot-group';
import type { LogicalField } from './types';
import { clip } from './limits';

type Columns = Partial<Record<LogicalField, number>>;

/** Synthetic id of a junior-staff record. */
export function juniorId(seniorRef: string, grade: string | null, n: number): string {
  return `J:${seniorRef}:${grade ?? ''}:${n}`;
}

/** Add one junior-staff row to its group as an aggregated record (or a warning). */
export function buildJuniorRecord(
  cells: string[],
  row: number,
  group: SnapshotGroup,
  c: Columns,
  file: string,
  /** the row's annual cost per FTE (null when none); warns about an unreadable cell */
  costOf: (row: number) => number | null = () => null,
): void {
  const key = cells.map((v) => v.trim()).join('\u0001');
  if (group.juniorKeys.has(key)) {
    group.duplicateJuniorRows += 1;
    group.issues.add({
      severity: 'warning',
      code: 'duplicate-junior-row',
      message: `Line ${row} repeats an earlier junior-staff row exactly; counted once.`,
      row,
      file,
    });
    return;
  }
  group.juniorKeys.add(key);
  const text = (f: LogicalField): string | null => {
    const i = c[f];
    return i === undefined ? null : cleanText(cells[i]);
  };
  const fte = parseNumber(c.fte === undefined ? undefined : cells[c.fte]);
  if (!fte.ok || fte.value === null || fte.value < 0) {
    group.issues.add({
      severity: 'warning',
      code: 'bad-fte',
      message: `Line ${row}: the FTE "${clip(c.fte === undefined ? '' : (cells[c.fte] ?? '').trim())}" is not a number; row skipped.`,
      row,
      column: 'fte',
      file,
    });
    return;
  }
  if (fte.value === 0) {
    group.issues.add({
      severity: 'warning',
      code: 'zero-fte',
      message: `Line ${row} has 0 FTE; nobody to count, row skipped.`,
      row,
      file,
    });
    return;
  }
  const managerCol = c.manager_id;
  const managerRaw = managerCol === undefined ? undefined : cells[managerCol];
  const seniorRef = isRootMarker(managerRaw) ? null : (managerRaw ?? '').trim();
  const grade = text('level');
  const seqKey = `${seniorRef ?? ''}\u0001${grade ?? ''}`;
  const n = (group.juniorSeq.get(seqKey) ?? 0) + 1;
  group.juniorSeq.set(seqKey, n);
  group.records.push({
    row,
    employeeId: juniorId(seniorRef ?? '', grade, n),
    managerId: seniorRef,
    name: null,
    email: null,
    title: text('title'),
    level: grade,
    track: null,
    department: text('department'),
    location: text('location'),
    costCenter: null,
    employmentType: null,
    hireDate: null,
    levelStartDate: null,
    githubLogin: null,
    status: 'filled',
    aggregatedCount: fte.value,
    annualCost: costOf(row),
  });
}
