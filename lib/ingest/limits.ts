/**
 * Work limits of one upload, checked by the readers before anything large is built: the length of
 * a CSV/NDJSON line, of a cell, the number of columns, the expanded size of an XLSX and of a JSON
 * document. Also the quoting helpers that keep an issue message short whatever the input holds.
 */
import { IngestError } from './errors';
import type { Issue } from './types';

/** Per-file input limits; every reader takes them (defaults below). */
export interface InputLimits {
  /** characters of one CSV record or NDJSON line. */
  maxLineChars: number;
  /** characters of one cell (a name, an id ...). */
  maxCellChars: number;
  /** columns of a header or data row. */
  maxColumns: number;
  /** total uncompressed bytes of the entries of an XLSX workbook. */
  maxXlsxExpandedBytes: number;
  /** uncompressed / compressed size of one XLSX entry (zip bombs compress far beyond this). */
  maxXlsxRatio: number;
  /** characters of a JSON document read at once (NDJSON is read line by line). */
  maxJsonChars: number;
}

/** Defaults: 1 MiB lines, 10,000-character cells, 500 columns, 1 GiB expanded XLSX, 32 MiB JSON. */
export const DEFAULT_LIMITS: InputLimits = {
  maxLineChars: 1024 * 1024,
  maxCellChars: 10_000,
  maxColumns: 500,
  maxXlsxExpandedBytes: 1024 * 1024 * 1024,
  maxXlsxRatio: 200,
  maxJsonChars: 32 * 1024 * 1024,
};

/** The defaults with the given limits replaced. */
export function withLimits(limits: Partial<InputLimits> | undefined): InputLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Characters of input an issue message quotes at most. */
export const QUOTE_CHARS = 120;

/** Input text cut for a message: at most QUOTE_CHARS characters, then "… (N characters)". */
export function clip(text: string, max = QUOTE_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** Messages longer than this are cut in the middle (a safety net behind clip()). */
export const MAX_MESSAGE_CHARS = 600;

/** An issue message kept under MAX_MESSAGE_CHARS: its start and end with the middle left out. */
export function boundMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const half = Math.floor((MAX_MESSAGE_CHARS - 5) / 2);
  return `${message.slice(0, half)} … ${message.slice(message.length - half)}`;
}

/** Refuses a header row wider than maxColumns or with a cell longer than maxCellChars. */
export function checkHeaderCells(cells: readonly string[], limits: InputLimits): void {
  if (cells.length > limits.maxColumns) {
    throw new IngestError(
      'too-many-columns',
      `the header row has ${cells.length.toLocaleString('en-US')} columns; the limit is ${limits.maxColumns.toLocaleString('en-US')} (is this a CSV file with line breaks?).`,
    );
  }
  const long = firstLongCell(cells, limits.maxCellChars);
  if (long !== -1) {
    throw new IngestError(
      'header-too-long',
      `header ${long + 1} ("${clip(cells[long] ?? '')}") is longer than ${limits.maxCellChars.toLocaleString('en-US')} characters; is the first line really the header?`,
    );
  }
}

/** An issue with its message bounded and the input it names (column, ids) clipped. */
export function boundIssue(issue: Issue): Issue {
  const long =
    issue.message.length > MAX_MESSAGE_CHARS ||
    (issue.column !== undefined && issue.column.length > QUOTE_CHARS) ||
    (issue.ids?.some((id) => id.length > QUOTE_CHARS) ?? false);
  if (!long) return issue;
  return {
    ...issue,
    message: boundMessage(issue.message),
    ...(issue.column === undefined ? {} : { column: clip(issue.column) }),
    ...(issue.ids === undefined ? {} : { ids: issue.ids.map((id) => clip(id)) }),
  };
}

/** Index of the first cell longer than max, or -1. */
export function firstLongCell(cells: readonly string[], max: number): number {
  for (let i = 0; i < cells.length; i++) if ((cells[i] ?? '').length > max) return i;
  return -1;
}

/**
 * Watches the bytes of a text upload as they arrive: false once a run with no line-feed byte is
 * longer than 4 bytes per character of maxLineChars, so the line must be over the limit in any
 * encoding (UTF-8, 1252, UTF-16). Lets the server stop reading such a file early. Zip files are
 * not watched (compressed bytes hold no lines).
 */
export function createLineWatch(maxLineChars: number): (chunk: Uint8Array) => boolean {
  let run = 0;
  let first = true;
  let zip = false;
  return (chunk) => {
    if (first && chunk.byteLength >= 2) {
      zip = chunk[0] === 0x50 && chunk[1] === 0x4b;
      first = false;
    }
    if (zip) return true;
    const last = chunk.lastIndexOf(0x0a);
    if (last === -1) run += chunk.byteLength;
    else {
      // the longest run inside this chunk, and the run before its first line feed
      let prev = -1;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
        if ((prev === -1 ? run + i : i - prev - 1) > 4 * maxLineChars) return false;
        prev = i;
      }
      run = chunk.byteLength - last - 1;
    }
    return run <= 4 * maxLineChars;
  };
}
