/**
 * Shared types of the org-snapshot ingest pipeline (SPEC.md "Inputs", "What happens to bad input").
 * Producers: the readers in lib/ingest; consumer: the upload route, the CLI and db/ import.
 */
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import type { InputLimits } from './limits';
import type { RecordSink } from './record-stream';
import type { ResolutionOffer, Resolutions } from './resolutions';

/** One problem found in an upload; errors refuse the whole upload, warnings are shown. */
export interface Issue {
  severity: 'error' | 'warning';
  /** stable machine code, e.g. 'duplicate-id', 'manager-not-found', 'cycle' (SPEC codes). */
  code: string;
  message: string;
  /** the file line the row starts on, as an editor shows it (header = line 1); XLSX: sheet row. */
  row?: number;
  column?: string;
  ids?: string[];
  /** source file (and sheet) the row belongs to, when a snapshot has several. */
  file?: string;
}

/** The column layouts Strata recognises on its own (see detect-format.ts). */
export type OrgFormat =
  'hris' | 'id-parent' | 'drawio' | 'organogram-senior' | 'organogram-junior' | 'ifg-multi' | 'ifg-processed';

/** How the manager column refers to the manager. */
export type ManagerRef = 'id' | 'name' | 'email';

/** Logical fields a column can be mapped to: SPEC fields plus a few helpers (names, fte, row kind). */
export const LOGICAL_FIELDS = [
  'employee_id',
  'manager_id',
  'manager_name',
  'manager_email',
  'name',
  'first_name',
  'last_name',
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
  'as_of',
  'status',
  'fte',
  'row_kind',
  'annual_cost',
  'pay_floor',
  'pay_ceiling',
] as const;
/** A logical field name (snake_case as in SPEC.md). */
export type LogicalField = (typeof LOGICAL_FIELDS)[number];

/** A user's hand mapping: header text -> field, or null to ignore the column. */
export type MappingOverride = Record<string, LogicalField | null>;

/** An uploaded file, in memory or on disk (CLI). */
export type UploadFile = { name: string; bytes: Uint8Array } | { name: string; path: string };

/** Options of parseOrgUpload (upload form / command-line flags). */
export interface ParseOptions {
  /** upload-form as-of date (YYYY-MM-DD); used when the file has no as_of column. */
  asOf?: string;
  /** keep the first row of each duplicated id instead of refusing the upload (= duplicate-id=keep-first). */
  skipDuplicates?: boolean;
  /** the chosen resolution per defect class (resolutions.ts); wins over skipDuplicates. */
  resolutions?: Resolutions;
  mapping?: MappingOverride;
  /** per file; default 1 GiB. */
  maxBytes?: number;
  /** data rows per file; default 2,000,000. */
  maxRows?: number;
  /** line, cell, column and workbook limits (defaults: limits.ts). */
  limits?: Partial<InputLimits>;
  /** called every 50,000 rows with the rows read so far in the current file. */
  onProgress?: (file: string, rows: number) => void;
  /**
   * Called with each record while the file is still being read, dates already ISO, when the
   * upload is one CSV file whose records cannot change later (record-stream.ts). The result's
   * `streamed` says whether what was handed over is exactly its only snapshot's records.
   */
  onRecord?: RecordSink;
}

/** Counts shown in the validation report and checked by the tests. */
export interface SnapshotStats {
  /** data rows read for this snapshot (all its files, blank lines excluded). */
  rows: number;
  /** filled, non-aggregated records. */
  people: number;
  vacant: number;
  eliminated: number;
  /** aggregated (junior-staff) records and the FTE they stand for. */
  aggregated: number;
  aggregatedFte: number;
  /** person-level rows without a manager (aggregated junior rows are not people: never roots). */
  roots: number;
  /** person-level rows whose manager is not in the file (each an extra root, flagged orphan). */
  orphans: number;
  /** junior-staff (aggregated) rows whose reporting post is absent: their FTE counts at the top. */
  juniorOrphans: number;
  /** rows whose employee_id was seen before (after eliminated rows were dropped). */
  duplicates: number;
  /** junior-staff rows identical to an earlier one (dropped). */
  duplicateJuniorRows: number;
  selfReports: number;
}

/** One validated snapshot, ready to be stored when the upload is ok. */
export interface ParsedSnapshot {
  asOf: string;
  /** the label the file used (e.g. 'Sep-12' or the as_of cell), when it came from a column. */
  label?: string;
  sourceFiles: string[];
  format: OrgFormat;
  managerRef: ManagerRef;
  /** the duplicate-id resolution applied, or 'refuse'. */
  duplicatePolicy: 'refuse' | 'keep-first' | 'keep-last' | 'drop-all';
  /** resolutions applied to this snapshot's defects (stored with the snapshot). */
  resolutions: Resolutions;
  /** each defect class present, with its actions, row counts and the choice (upload screen, --json). */
  offers: ResolutionOffer[];
  records: OrgRecord[];
  issues: Issue[];
  stats: SnapshotStats;
  /** ids and manager links of `records` as validated (see RecordLinks); absent with self-reports. */
  readonly links?: RecordLinks;
}

/** Result of parseOrgUpload: snapshots plus the bad-input report. */
export interface UploadResult {
  snapshots: ParsedSnapshot[];
  /** problems that stopped a whole file (binary, empty, missing column, no as-of date...). */
  fileIssues: Issue[];
  /** true when there is no error anywhere: the upload may be committed. */
  ok: boolean;
  /** true when ParseOptions.onRecord received exactly snapshots[0].records (and dates), in order. */
  streamed?: boolean;
}
