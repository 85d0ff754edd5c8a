import 'server-only';
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
  'annual_cost',
] as const;

/** Bytes per yielded chunk: small enough to stream, big enough to be cheap. */
const CHUNK_BYTES = 1024 * 1024;

const SPECIAL = /[\\\t\n\r]/;

/** copyValue for strings, with a fast path for the common value that needs no escaping. */
function text(v: string | null): string {
  return v === null ? '\\N' : SPECIAL.test(v) ? copyValue(v) : v;
}

/** One record as a line of COPY text; the dates may be given (ISO) instead of the record's own. */
function copyLine(
  idTab: string,
  r: OrgRecord,
  hireDate: string | null,
  levelStartDate: string | null,
): string {
  return (
    idTab +
    r.row +
    '\t' +
    text(r.employeeId) +
    '\t' +
    text(r.managerId) +
    '\t' +
    text(r.name) +
    '\t' +
    text(r.email) +
    '\t' +
    text(r.title) +
    '\t' +
    text(r.level) +
    '\t' +
    text(r.track) +
    '\t' +
    text(r.department) +
    '\t' +
    text(r.location) +
    '\t' +
    text(r.costCenter) +
    '\t' +
    text(r.employmentType) +
    '\t' +
    text(hireDate) +
    '\t' +
    text(levelStartDate) +
    '\t' +
    text(r.githubLogin) +
    '\t' +
    r.status +
    '\t' +
    copyValue(r.aggregatedCount) +
    '\t' +
    copyValue(r.annualCost) +
    '\n'
  );
}

/**
 * Writes records as COPY text (UTF-8) into buffers of about 1 MB and hands each full one to
 * `emit`, so a 1M-person snapshot never becomes one string. Each row is written straight into the
 * chunk's buffer: about twice as fast as joining arrays of escaped cells, and the bytes can be
 * handed to another thread without a copy. Every chunk is a fresh buffer that the consumer may keep.
 */
export class PeopleCopyWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  private readonly idTab: string;

  constructor(
    snapshotId: number,
    private readonly emit: (chunk: Uint8Array) => void,
  ) {
    this.idTab = `${snapshotId}\t`;
  }

  /** Add one record (with its final ISO dates, when they differ from the record's own). */
  add(
    r: OrgRecord,
    hireDate: string | null = r.hireDate,
    levelStartDate: string | null = r.levelStartDate,
  ): void {
    const line = copyLine(this.idTab, r, hireDate, levelStartDate);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long row needs its exact size.
    if (this.at + line.length * 3 > CHUNK_BYTES) {
      const bytes = Buffer.byteLength(line, 'utf8');
      if (this.at + bytes > CHUNK_BYTES) {
        this.flush();
        if (bytes > CHUNK_BYTES) {
          this.emit(Buffer.from(line, 'utf8'));
          return;
        }
      }
    }
    this.at += this.buf.write(line, this.at, 'utf8');
  }

  /** Hand over what is buffered (call once at the end). */
  flush(): void {
    if (this.at === 0) return;
    this.emit(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
  }
}

/** The records as COPY text in chunks of about 1 MB (see PeopleCopyWriter). */
export function* peopleCopyChunks(snapshotId: number, records: readonly OrgRecord[]): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const writer = new PeopleCopyWriter(snapshotId, (chunk) => ready.push(chunk));
  for (const r of records) {
    writer.add(r);
    if (ready.length > 0) yield* ready.splice(0);
  }
  writer.flush();
  yield* ready;
}

/** Fields whose values repeat across a snapshot. */
const REPEATED = [
  'title',
  'level',
  'department',
  'location',
  'costCenter',
  'employmentType',
  'hireDate',
  'levelStartDate',
] as const;

/** A field with more distinct values than this is not worth sharing (and its pool would cost). */
const MAX_SHARED_VALUES = 100_000;

/**
 * Makes equal values of the repeated fields (titles, levels, departments, dates...) share one
 * string, in place; the values themselves do not change. Parsed records carry their own copy of
 * every cell, ~250 MB of duplicates at a million rows: freeing them before the metrics run keeps
 * a million-person import inside its memory budget (and the metrics a little faster).
 */
export function shareRepeatedValues(records: readonly OrgRecord[]): void {
  const pools = REPEATED.map(() => new Map<string, string>());
  for (const r of records) {
    for (let f = 0; f < REPEATED.length; f++) {
      const field = REPEATED[f];
      const pool = pools[f];
      if (field === undefined || pool === undefined) continue;
      const v = r[field];
      if (v === null) continue;
      const shared = pool.get(v);
      if (shared !== undefined) r[field] = shared;
      else if (pool.size < MAX_SHARED_VALUES) pool.set(v, v);
    }
  }
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
  annual_cost: number | string | null;
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
    annualCost: r.annual_cost === null || r.annual_cost === undefined ? null : Number(r.annual_cost),
  };
}
