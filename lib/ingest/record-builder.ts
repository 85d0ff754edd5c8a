/**
 * One data row -> one OrgRecord (the per-row hot path: reads only mapped columns, allocates only
 * the record). Manager cells are kept raw here (an id, a name or an email) and dates are kept as
 * written; both are resolved when the snapshot is finalised, once the whole file has been seen.
 */
import type { Track } from '@/lib/metrics/types';
import { cleanId, cleanText, isRootMarker } from './cell-values';
import { hasCostColumns, readCost } from './cost-cells';
import { dateOrderEvidence, parseDate } from './dates';
import { buildJuniorRecord } from './junior-rows';
import { combineStatus, statusFromName, statusFromValue } from './position-status';
import type { DateEvidence, SnapshotGroup } from './snapshot-group';
import type { LogicalField, OrgFormat } from './types';

type Columns = Partial<Record<LogicalField, number>>;

/** Declared track from a track column: IC or manager, else null. */
export function parseTrack(value: string | null): Track | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (/^(ic|individual|contributor|professional|specialist|technical|engineer)/.test(v)) return 'ic';
  if (/^(m|mgr|manager|management|people ?manager|people leader|leader|leadership|exec)/.test(v))
    return 'manager';
  return null;
}

/** Fields whose values repeat from row to row: one string per distinct cell is kept. */
const SHARED_FIELDS = [
  'title',
  'level',
  'track',
  'department',
  'location',
  'cost_center',
  'employment_type',
] as const satisfies readonly LogicalField[];
type SharedField = (typeof SHARED_FIELDS)[number];

/** A column with more distinct cells than this is not worth a pool (its pool would cost). */
const MAX_POOLED = 50_000;

/** A date cell: what the record keeps, the d/m/y evidence it carries and its final value if known. */
interface DateCell {
  /** the ISO date when the reading does not depend on the column's d/m/y order, else the trimmed text. */
  kept: string | null;
  order: 'dmy' | 'mdy' | null;
  /** the final value (null: empty or unreadable) when it does not depend on the order; else false. */
  iso: string | null | false;
}

function readDateCell(raw: string): DateCell {
  const text = cleanText(raw);
  if (text === null) return { kept: null, order: null, iso: null };
  const dayFirst = parseDate(text, 'dmy');
  const iso = dayFirst === parseDate(text, 'mdy') ? dayFirst : false;
  // An unreadable date keeps its text, so finalisation can quote it in the warning.
  return { kept: typeof iso === 'string' ? iso : text, order: dateOrderEvidence(text), iso };
}

const NO_DATE: DateCell = { kept: null, order: null, iso: null };

/** Turns rows of one source into records of its snapshot groups. */
export class RecordBuilder {
  /** junior rows in a file without an FTE column (IfG processed files): skipped and counted. */
  juniorWithoutFte = 0;
  syntheticRootDropped = false;
  /** Final dates of the record added last (false: they depend on the column's d/m/y order). */
  lastHireDate: string | null | false = null;
  lastLevelStartDate: string | null | false = null;
  private readonly managerColumn: number | undefined;
  private readonly costed: boolean;
  private readonly requiredWidth: number;
  /**
   * Raw cell -> cleaned value, per repeated field. Equal cells then share one string: a million
   * records keep a few thousand titles and dates instead of a million copies (less memory, less
   * garbage collection), and each distinct cell is cleaned and date-checked once.
   */
  private readonly pools = new Map<SharedField, Map<string, string | null>>(
    SHARED_FIELDS.map((f) => [f, new Map()]),
  );
  private readonly tracks = new Map<string, Track | null>();
  private readonly datePools = {
    hireDate: new Map<string, DateCell>(),
    levelStartDate: new Map<string, DateCell>(),
  };

  constructor(
    private readonly columns: Columns,
    private readonly format: OrgFormat,
    private readonly file: string,
  ) {
    this.managerColumn = columns.manager_id ?? columns.manager_name ?? columns.manager_email;
    this.requiredWidth = Math.max(columns.employee_id ?? -1, this.managerColumn ?? -1) + 1;
    this.costed = hasCostColumns(columns);
  }

  /** The row's annual cost (null without cost columns), warning about an unreadable cell. */
  private cost(cells: string[], row: number, group: SnapshotGroup): number | null {
    if (!this.costed) return null;
    return readCost(cells, this.columns, row, (issue) => group.issues.add({ ...issue, file: this.file }));
  }

  private text(cells: string[], field: LogicalField): string | null {
    const i = this.columns[field];
    return i === undefined ? null : cleanText(cells[i]);
  }

  /** Cleaned cell of a repeated field, shared with equal cells of earlier rows. */
  private shared(cells: string[], field: SharedField): string | null {
    const i = this.columns[field];
    if (i === undefined) return null;
    const raw = cells[i];
    if (raw === undefined) return null;
    const pool = this.pools.get(field);
    const hit = pool?.get(raw);
    if (hit !== undefined) return hit;
    const value = cleanText(raw);
    if (pool !== undefined && pool.size < MAX_POOLED) pool.set(raw, value);
    return value;
  }

  /** Declared track of a row, parsed once per distinct track cell. */
  private track(cells: string[]): Track | null {
    const text = this.shared(cells, 'track');
    if (text === null) return null;
    let track = this.tracks.get(text);
    if (track === undefined) {
      track = parseTrack(text);
      if (this.tracks.size < MAX_POOLED) this.tracks.set(text, track);
    }
    return track;
  }

  /** A date cell (resolved when the snapshot is finalised), counting its d/m/y evidence. */
  private date(cells: string[], field: 'hireDate' | 'levelStartDate', evidence: DateEvidence): DateCell {
    const i = field === 'hireDate' ? this.columns.hire_date : this.columns.level_start_date;
    if (i === undefined) return NO_DATE;
    const raw = cells[i];
    if (raw === undefined) return NO_DATE;
    const pool = this.datePools[field];
    let cell = pool.get(raw);
    if (cell === undefined) {
      cell = readDateCell(raw);
      if (pool.size < MAX_POOLED) pool.set(raw, cell);
    }
    if (cell.order !== null) evidence[cell.order] += 1;
    return cell;
  }

  /** The raw as-of label of a row ('' without an as_of column). */
  labelOf(cells: string[]): string {
    const i = this.columns.as_of;
    return i === undefined ? '' : (cleanText(cells[i]) ?? '');
  }

  /** Add one data row (1-based row number) to its group. */
  add(cells: string[], row: number, group: SnapshotGroup): void {
    const c = this.columns;
    group.rows += 1;
    const kind = c.row_kind === undefined ? '' : (cells[c.row_kind] ?? '').trim().toLowerCase();
    if (this.format === 'organogram-junior' || kind.startsWith('junior')) {
      if (c.fte === undefined) this.juniorWithoutFte += 1;
      else buildJuniorRecord(cells, row, group, c, this.file, (r) => this.cost(cells, r, group));
      return;
    }
    const id = cleanId(c.employee_id === undefined ? undefined : cells[c.employee_id]);
    const managerRaw = this.managerColumn === undefined ? undefined : cells[this.managerColumn];
    if (this.format === 'ifg-processed' && id === 'root' && isRootMarker(managerRaw)) {
      this.syntheticRootDropped = true; // the processed files' invented top node, not a post
      group.rows -= 1;
      return;
    }
    let name = c.name === undefined ? null : cleanText(cells[c.name]);
    const fromName = statusFromName(name);
    const status = combineStatus(
      c.status === undefined ? null : statusFromValue(cleanText(cells[c.status])),
      fromName,
    );
    if (status === 'eliminated') {
      group.eliminated.push({ row, id });
      return;
    }
    if (cells.length < this.requiredWidth) {
      group.issues.add({
        severity: 'error',
        code: 'short-row',
        message: `Line ${row} has ${cells.length} cells; the id and manager columns need ${this.requiredWidth} (a truncated row?).`,
        row,
        file: this.file,
      });
      return;
    }
    if (id === null) {
      group.issues.add({
        severity: 'error',
        code: 'missing-employee-id',
        message: `Line ${row} has no employee id.`,
        row,
        file: this.file,
      });
      return;
    }
    if (fromName !== null) name = null; // 'Vacant' is a marker, not a name
    const first = c.first_name === undefined ? null : cleanText(cells[c.first_name]);
    const last = c.last_name === undefined ? null : cleanText(cells[c.last_name]);
    if (last !== null && (name ?? first) !== null) name = `${name ?? first} ${last}`;
    else if (name === null) name = first ?? last;
    const hire = this.date(cells, 'hireDate', group.dateEvidence.hireDate);
    const levelStart = this.date(cells, 'levelStartDate', group.dateEvidence.levelStartDate);
    this.lastHireDate = hire.iso;
    this.lastLevelStartDate = levelStart.iso;
    let managerId = isRootMarker(managerRaw) ? null : (managerRaw ?? '').trim();
    if (this.format === 'ifg-processed' && managerId === 'root') managerId = null;
    group.records.push({
      row,
      employeeId: id,
      managerId,
      name,
      email: this.text(cells, 'email'),
      title: this.shared(cells, 'title'),
      level: this.shared(cells, 'level'),
      track: this.track(cells),
      department: this.shared(cells, 'department'),
      location: this.shared(cells, 'location'),
      costCenter: this.shared(cells, 'cost_center'),
      employmentType: this.shared(cells, 'employment_type'),
      hireDate: hire.kept,
      levelStartDate: levelStart.kept,
      githubLogin: this.text(cells, 'github_login'),
      status,
      aggregatedCount: null,
      annualCost: this.cost(cells, row, group),
    });
  }
}
