/**
 * What one source file contributes to one snapshot while it is being read: the records (the only
 * per-row objects kept), eliminated rows, junior-row bookkeeping and row-level issues.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { IssueList } from './issues';
import type { DateOrder } from './dates';

/** Counts of values that can only be read day-first or month-first. */
export interface DateEvidence {
  dmy: number;
  mdy: number;
}

/** Records and bookkeeping of one as-of label of one source. */
export interface SnapshotGroup {
  /** the raw as-of label ('' when the file has no as_of column). */
  label: string;
  file: string;
  records: OrgRecord[];
  eliminated: Array<{ row: number; id: string | null }>;
  /** junior rows: exact-duplicate detection and the running number in synthetic ids. */
  juniorKeys: Set<string>;
  juniorSeq: Map<string, number>;
  duplicateJuniorRows: number;
  /** data rows read for this group (blank lines excluded). */
  rows: number;
  issues: IssueList;
  /** d/m/y vs m/d/y evidence per date field, decided when the snapshot is finalised. */
  dateEvidence: { hireDate: DateEvidence; levelStartDate: DateEvidence };
}

/** A fresh, empty group for one label of one file. */
export function createGroup(label: string, file: string): SnapshotGroup {
  return {
    label,
    file,
    records: [],
    eliminated: [],
    juniorKeys: new Set(),
    juniorSeq: new Map(),
    duplicateJuniorRows: 0,
    rows: 0,
    issues: new IssueList(),
    dateEvidence: { hireDate: { dmy: 0, mdy: 0 }, levelStartDate: { dmy: 0, mdy: 0 } },
  };
}

/** The column's date order: day-first unless month-first values outnumber day-first ones. */
export function decideOrder(e: DateEvidence): DateOrder {
  return e.mdy > e.dmy ? 'mdy' : 'dmy';
}
