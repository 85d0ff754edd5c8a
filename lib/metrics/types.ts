/**
 * The canonical person record shared by ingest (producer), storage and metrics (consumer).
 * Field names follow SPEC.md "Inputs" logical fields. Empty values are null, never "".
 */
export type Track = 'ic' | 'manager';

/**
 * Links the ingest validator has already worked out for a list of records, so building the tree
 * does not hash every id again: the first index of each employee id, and each record's manager
 * index (-1 for roots and orphans). Only valid for the exact array it was computed on, and only
 * when nobody is their own manager.
 */
export interface RecordLinks {
  indexById: ReadonlyMap<string, number>;
  parent: Int32Array;
}

/** filled = a person; vacant = an open position (kept in the tree, not headcount). */
export type PositionStatus = 'filled' | 'vacant';

export interface OrgRecord {
  /** 1-based data row number in the source file (for messages); 0 when synthetic. */
  row: number;
  employeeId: string;
  /** null for a root. */
  managerId: string | null;
  name: string | null;
  email: string | null;
  title: string | null;
  level: string | null;
  /** declared track from a track column; null when the file has none. */
  track: Track | null;
  department: string | null;
  location: string | null;
  costCenter: string | null;
  employmentType: string | null;
  /** ISO dates YYYY-MM-DD or null. */
  hireDate: string | null;
  levelStartDate: string | null;
  githubLogin: string | null;
  status: PositionStatus;
  /**
   * Aggregated staff (UK organogram junior-staff rows: N FTE of a grade under a senior post).
   * null for a person-level row. When set, the record stands for N full-time equivalents: not a
   * person, not a direct report and no layer of its own (SPEC "Posts, people and FTE"); it adds
   * N to its post's junior FTE (lib/metrics/roles.ts).
   */
  aggregatedCount: number | null;
  /**
   * Annual cost of one person (salary or total compensation, in the file's currency), null when
   * the file gives none. UK organograms: the midpoint of the pay floor and ceiling (senior posts)
   * or of the payscale minimum and maximum (junior staff, per FTE: an aggregated row costs
   * annualCost x aggregatedCount). See lib/metrics/cost.ts.
   */
  annualCost: number | null;
}
