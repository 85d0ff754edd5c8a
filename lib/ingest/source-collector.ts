/**
 * Consumes the rows of one source (a CSV file or one worksheet): the first row is the header
 * (format detection + header mapping), every later row goes to the record builder, grouped by
 * as-of label. Refuses the source with a clear IngestError when a required column is missing.
 */
import { IngestError } from './errors';
import { detectFormat, managerRefFromColumns } from './detect-format';
import { mapHeaders, type HeaderMapping } from './header-mapping';
import { RecordBuilder } from './record-builder';
import { checkHeaderCells, clip, firstLongCell, withLimits, type InputLimits } from './limits';
import { createGroup, type SnapshotGroup } from './snapshot-group';
import type { RecordStream } from './record-stream';
import type { Issue, ManagerRef, MappingOverride, OrgFormat } from './types';

/** Row problems of one kind listed before the rest are only counted. */
const LISTED_CELL_ISSUES = 100;

/** Everything read from one source, grouped by as-of label. */
export interface CollectedSource {
  name: string;
  format: OrgFormat;
  headers: string[];
  mapping: HeaderMapping;
  managerRef: ManagerRef | 'auto';
  groups: SnapshotGroup[];
  hasAsOfColumn: boolean;
  rows: number;
  /** source-level warnings (skipped junior rows, ambiguous headers ...). */
  issues: Issue[];
}

/** Limits and hooks for one source. */
export interface CollectorOptions {
  mapping?: MappingOverride;
  maxRows: number;
  onProgress?: (file: string, rows: number) => void;
  /** Records are handed to this stream as they are read (see record-stream.ts). */
  stream?: RecordStream;
  /** cell and column limits (defaults: limits.ts). */
  limits?: Partial<InputLimits>;
}

/** Row consumer for one source; call onRow for every row, then finish(). */
export class SourceCollector {
  private headers: string[] | null = null;
  private builder: RecordBuilder | null = null;
  private format: OrgFormat = 'hris';
  private mapping: HeaderMapping | null = null;
  private managerRef: ManagerRef | 'auto' = 'auto';
  private readonly groups = new Map<string, SnapshotGroup>();
  private rows = 0;
  /** file line of the current row. */
  private line = 1;
  private preamble: readonly string[] = [];
  private readonly parseIssues: Issue[] = [];
  private readonly limits: InputLimits;
  private oversized = 0;

  constructor(
    readonly name: string,
    private readonly options: CollectorOptions,
  ) {
    this.limits = withLimits(options.limits);
  }

  /** Lines skipped before the header (draw.io configuration). */
  setPreamble(lines: readonly string[]): void {
    this.preamble = lines;
  }

  /** Malformed quoting seen by the CSV parser, at the file line where the record starts. */
  onParseIssue(code: string, record: number): void {
    if (this.parseIssues.length >= 100) return;
    const unclosed = code === 'MissingQuotes';
    this.parseIssues.push({
      severity: unclosed ? 'error' : 'warning',
      code: unclosed ? 'unclosed-quote' : 'malformed-quotes',
      message: unclosed
        ? `Line ${record}: a quoted field is never closed, so the rest of the file would be read into one cell.`
        : `Line ${record}: a quote in the middle of a field; the row was read as written.`,
      row: record,
      file: this.name,
    });
  }

  /**
   * Feed one row of raw cells (blank rows are ignored) with its file line (CSV: the line the record
   * starts on; XLSX: the sheet row); without one, rows are numbered as if the header were line 1.
   */
  onRow(cells: string[], line?: number): void {
    if (cells.every((c) => c.trim() === '')) return;
    if (this.builder === null) {
      this.startHeader(cells);
      return;
    }
    this.rows += 1;
    this.line = line ?? this.rows + 1;
    if (this.rows > this.options.maxRows) {
      throw new IngestError(
        'too-many-rows',
        `the file has more than ${this.options.maxRows.toLocaleString('en-US')} data rows (the row limit).`,
      );
    }
    if (this.rows % 50_000 === 0) this.options.onProgress?.(this.name, this.rows);
    const row =
      cells.length > this.limits.maxColumns || firstLongCell(cells, this.limits.maxCellChars) !== -1
        ? this.boundRow(cells)
        : cells;
    const label = this.builder.labelOf(row);
    let group = this.groups.get(label);
    if (!group) {
      if (this.groups.size > 0) this.options.stream?.end('several-groups');
      group = createGroup(label, this.name);
      this.groups.set(label, group);
    }
    const before = group.records.length;
    this.builder.add(row, this.line, group);
    const stream = this.options.stream;
    if (stream !== undefined && group.records.length > before) {
      const added = group.records[before];
      if (added !== undefined) stream.emit(added, this.builder.lastHireDate, this.builder.lastLevelStartDate);
    }
  }

  /** An error per over-long cell or over-wide row; the row goes on cut to the limits (it cannot be imported). */
  private boundRow(cells: string[]): string[] {
    const { maxCellChars, maxColumns } = this.limits;
    const note = (code: string, message: string, column?: string): void => {
      this.oversized += 1;
      if (this.oversized > LISTED_CELL_ISSUES) return;
      this.parseIssues.push({
        severity: 'error',
        code,
        message,
        row: this.line,
        file: this.name,
        ...(column === undefined ? {} : { column }),
      });
    };
    if (cells.length > maxColumns) {
      note(
        'too-many-cells',
        `Line ${this.line}: ${cells.length.toLocaleString('en-US')} cells; the limit is ${maxColumns.toLocaleString('en-US')} columns. Check the quoting and delimiters of this row.`,
      );
    }
    const out = cells.length > maxColumns ? cells.slice(0, maxColumns) : cells;
    for (let i = 0; i < out.length; i++) {
      const cell = out[i] ?? '';
      if (cell.length <= maxCellChars) continue;
      const column = clip(this.headers?.[i] || `column ${i + 1}`, 60);
      note(
        'cell-too-long',
        `Line ${this.line}, column "${column}": the cell is ${cell.length.toLocaleString('en-US')} characters long; the limit is ${maxCellChars.toLocaleString('en-US')}. ` +
          'Shorten the value in the source file (or close the quote that runs it into the next cells) and upload again.',
        column,
      );
      out[i] = cell.slice(0, maxCellChars);
    }
    return out;
  }

  private startHeader(cells: string[]): void {
    checkHeaderCells(cells, this.limits);
    const headers = cells.map((c) => c.trim());
    const detected = detectFormat(headers, this.preamble);
    const mapping = mapHeaders(headers, { ...detected.preset, ...this.options.mapping }, detected.required);
    if (mapping.missing.length > 0) {
      const shown = headers
        .filter((h) => h !== '')
        .slice(0, 30)
        .map((h) => clip(h, 40));
      throw new IngestError(
        'missing-column',
        `missing required column${mapping.missing.length > 1 ? 's' : ''} ${mapping.missing.join(', ')}; ` +
          `found ${headers.length} column${headers.length === 1 ? '' : 's'}: ${shown.join(', ')}${headers.length > shown.length ? ', …' : ''}. ` +
          'Map them by hand in the upload screen if they are there under another name.',
        { column: mapping.missing.join(', ') },
      );
    }
    this.headers = headers;
    this.format = detected.format;
    this.mapping = mapping;
    this.managerRef = managerRefFromColumns(mapping.columns, headers, detected.managerRef);
    this.builder = new RecordBuilder(mapping.columns, detected.format, this.name);
    this.options.stream?.checkFormat(detected.format);
  }

  /** Everything read from the source; refuses a source without header or data rows. */
  finish(): CollectedSource {
    if (this.headers === null || this.mapping === null || this.builder === null) {
      throw new IngestError(
        'no-header',
        'no header row was found (the file holds only blank or comment lines).',
      );
    }
    if (this.rows === 0) {
      throw new IngestError(
        'no-rows',
        `the file has a header (${this.headers.length} columns) but no data rows.`,
      );
    }
    const issues: Issue[] = [...this.parseIssues];
    if (this.oversized > LISTED_CELL_ISSUES) {
      issues.push({
        severity: 'error',
        code: 'cell-too-long',
        message: `…and ${(this.oversized - LISTED_CELL_ISSUES).toLocaleString('en-US')} more over-long cells or rows.`,
        file: this.name,
      });
    }
    if (this.builder.juniorWithoutFte > 0) {
      issues.push({
        severity: 'warning',
        code: 'junior-rows-without-fte',
        message:
          `${this.builder.juniorWithoutFte} junior-staff rows carry no FTE count in this file and were not imported; ` +
          'upload the junior-staff CSV or the multi-snapshot file for junior headcount.',
        file: this.name,
      });
    }
    for (const a of this.mapping.ambiguous) {
      issues.push({
        severity: 'warning',
        code: 'ambiguous-column',
        message: `Several columns could be ${a.field} (${a.headers.map((h) => clip(h, 40)).join(', ')}); "${clip(a.headers[0] ?? '', 40)}" was used.`,
        column: clip(a.headers[0] ?? '', 60),
        file: this.name,
      });
    }
    return {
      name: this.name,
      format: this.format,
      headers: this.headers,
      mapping: this.mapping,
      managerRef: this.managerRef,
      groups: [...this.groups.values()],
      hasAsOfColumn: this.mapping.columns.as_of !== undefined,
      rows: this.rows,
      issues,
    };
  }
}
