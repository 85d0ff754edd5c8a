import { copyValue } from '@/db/raw';
import type { OrgRecord } from '@/lib/metrics/types';

/** people columns in COPY order (matches db/schema/org.ts). */
export const PEOPLE_COLUMNS = [
  'snapshot_id',
  'row_no',
  'employee_id',
  'manager_id',
  'name',
  'email',
  'title',
  'level',
  'track',
  'department',
  'location',
  'cost_center',
  'employment_type',
  'hire_date',
  'level_start_date',
  'github_login',
  'status',
  'aggregated_count',
] as const;

const BATCH = 5000;

/** Yields COPY text for the records in batches, so a 1M-person snapshot never becomes one string. */
export function* peopleCopyChunks(snapshotId: number, records: readonly OrgRecord[]): Generator<string> {
  let buf: string[] = [];
  for (const r of records) {
    buf.push(
      [
        snapshotId,
        r.row,
        copyValue(r.employeeId),
        copyValue(r.managerId),
        copyValue(r.name),
        copyValue(r.email),
        copyValue(r.title),
        copyValue(r.level),
        copyValue(r.track),
        copyValue(r.department),
        copyValue(r.location),
        copyValue(r.costCenter),
        copyValue(r.employmentType),
        copyValue(r.hireDate),
        copyValue(r.levelStartDate),
        copyValue(r.githubLogin),
        r.status,
        copyValue(r.aggregatedCount),
      ].join('\t'),
    );
    if (buf.length >= BATCH) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n') + '\n';
}

/** Row shape read back from the people table. */
export interface PeopleRow {
  row_no: number;
  employee_id: string;
  manager_id: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  level: string | null;
  track: string | null;
  department: string | null;
  location: string | null;
  cost_center: string | null;
  employment_type: string | null;
  hire_date: string | Date | null;
  level_start_date: string | Date | null;
  github_login: string | null;
  status: string;
  aggregated_count: number | null;
}

function isoDate(v: string | Date | null): string | null {
  if (v === null) return null;
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

/** Turns a stored row back into the canonical record. */
export function rowToRecord(r: PeopleRow): OrgRecord {
  return {
    row: r.row_no,
    employeeId: r.employee_id,
    managerId: r.manager_id,
    name: r.name,
    email: r.email,
    title: r.title,
    level: r.level,
    track: r.track === 'ic' || r.track === 'manager' ? r.track : null,
    department: r.department,
    location: r.location,
    costCenter: r.cost_center,
    employmentType: r.employment_type,
    hireDate: isoDate(r.hire_date),
    levelStartDate: isoDate(r.level_start_date),
    githubLogin: r.github_login,
    status: r.status === 'vacant' ? 'vacant' : 'filled',
    aggregatedCount: r.aggregated_count === null ? null : Number(r.aggregated_count),
  };
}
