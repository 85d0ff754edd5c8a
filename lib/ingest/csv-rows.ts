/**
 * Streaming CSV reader on papaparse: rows are handed to a callback one at a time (no array of rows).
 * Handles a '#' preamble before the header (draw.io), guesses the delimiter from the header line,
 * skips blank lines, and keeps quoted commas, quotes and newlines inside fields.
 */
import Papa from 'papaparse';
import { IngestError } from './errors';
import { DEFAULT_LIMITS } from './limits';
import { RecordAligner } from './record-aligner';

/** Callbacks of readCsvRows. */
export interface CsvRowHandlers {
  /** Called once before the first row, with the preamble lines and the delimiter chosen. */
  onStart?(info: CsvReadInfo): void;
  /**
   * One parsed row (cells untrimmed) and the file line it starts on (1-based, as an editor shows
   * it: preamble and blank lines counted, a quoted newline moves later rows down); return false to
   * stop reading.
   */
  onRow(cells: string[], line: number): boolean | void;
  /** Malformed quoting reported by the parser, with the file line where the record starts. */
  onParseIssue?(code: string, message: string, line: number): void;
}

/** What was learnt about the file before its header. */
export interface CsvReadInfo {
  /** lines before the header that were skipped ('#' comments/configuration, blank lines). */
  preamble: string[];
  delimiter: string;
}

/** A record longer than this (an unclosed quote, a file with no line breaks) is refused. */
export const MAX_RECORD_CHARS = DEFAULT_LIMITS.maxLineChars;

const DELIMITERS = [',', ';', '\t', '|'];

/** A draw.io-style comment or configuration line ('## text', '# key: value', a lone '#'). */
export function isPreambleLine(line: string): boolean {
  return line.trim() === '' || /^#(#|\s|$)/.test(line);
}

/** The delimiter that occurs most often outside quotes in the header line (',' when none does). */
export function guessDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && DELIMITERS.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const c = counts.get(d) ?? 0;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** A row of only spaces and delimiters (usually decided by its first cell). */
function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.length > 0 && c.trim().length > 0) return false;
  return true;
}

/** Read CSV text chunks ('\n' line ends) and call onRow for the header and each data row. */
export async function readCsvRows(
  chunks: AsyncIterable<string>,
  handlers: CsvRowHandlers,
  maxRecordChars = MAX_RECORD_CHARS,
): Promise<CsvReadInfo> {
  const preamble: string[] = [];
  let head = '';
  let aligner: RecordAligner | null = null;
  let delimiter = ',';
  let stopped = false;
  let record = -1;
  // File line of the first character of the next text handed to parse().
  let lineAtText = 1;

  const parse = (text: string): void => {
    if (text.length === 0 || stopped) return;
    // Line numbers: each record starts after the previous record's cursor and the empty lines the
    // parser skips; its own newlines (quoted ones included) are counted with indexOf, so the cost
    // is one native scan of the text, not per-character work in JavaScript.
    let pos = 0;
    let line = lineAtText;
    Papa.parse<string[]>(text, {
      delimiter,
      newline: '\n',
      quoteChar: '"',
      // 'greedy' would join every row to test it; empty lines are skipped here, blank ones below.
      skipEmptyLines: true,
      step(results, parser) {
        while (text.charCodeAt(pos) === 10) {
          pos += 1;
          line += 1;
        }
        const start = line;
        const end = Math.min(results.meta.cursor, text.length);
        for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1))
          line += 1;
        pos = end;
        if (stopped || (results.errors.length === 0 && isBlankRow(results.data))) return;
        record += 1;
        let chars = 0;
        for (const c of results.data) chars += c.length;
        if (chars > maxRecordChars) {
          throw new IngestError(
            'record-too-long',
            `record ${record} is longer than ${maxRecordChars.toLocaleString('en-US')} characters.`,
          );
        }
        for (const e of results.errors) {
          handlers.onParseIssue?.(e.code, e.message, start);
        }
        if (handlers.onRow(results.data, start) === false) {
          stopped = true;
          parser.abort();
        }
      },
    });
    for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', nl + 1)) line += 1;
    lineAtText = line;
  };

  // Until the header line is complete, collect text and peel off preamble lines.
  const takePreamble = (final: boolean): RecordAligner | null => {
    for (;;) {
      const nl = head.indexOf('\n');
      if (nl === -1 && !final) {
        if (head.length > maxRecordChars) {
          throw new IngestError(
            'record-too-long',
            `the first line is longer than ${maxRecordChars.toLocaleString('en-US')} characters.`,
          );
        }
        return null;
      }
      const line = nl === -1 ? head : head.slice(0, nl);
      if (isPreambleLine(line)) {
        preamble.push(line);
        head = nl === -1 ? '' : head.slice(nl + 1);
        if (nl === -1) return null;
        continue;
      }
      delimiter = guessDelimiter(line);
      lineAtText = preamble.length + 1;
      handlers.onStart?.({ preamble, delimiter });
      const created = new RecordAligner(delimiter, maxRecordChars);
      const text = head;
      head = '';
      parse(created.push(text));
      return created;
    }
  };

  for await (const chunk of chunks) {
    if (stopped) break;
    if (aligner === null) {
      head += chunk;
      aligner = takePreamble(false);
    } else {
      parse(aligner.push(chunk));
    }
  }
  if (aligner === null && head.length > 0) aligner = takePreamble(true);
  if (aligner !== null && !stopped) parse(aligner.end());
  // Drop trailing blank preamble lines from the report; they carry nothing.
  while (preamble.length > 0 && (preamble[preamble.length - 1] ?? '').trim() === '') preamble.pop();
  return { preamble, delimiter };
}
