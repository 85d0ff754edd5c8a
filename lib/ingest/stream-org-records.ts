/**
 * Lower-level streaming API: one uploaded file -> its sources (the CSV, or each worksheet) with
 * records grouped by as-of label. Rows flow from papaparse/exceljs straight into OrgRecords; no
 * array of row objects is ever built, so a 1M-row file costs the records and one row at a time.
 */
import { IngestError } from './errors';
import { withLimits, type InputLimits } from './limits';
import { readCsvRows } from './csv-rows';
import { SourceCollector, type CollectedSource } from './source-collector';
import { EncodingMismatch, decodeTextChunks, openUpload, type OpenedFile } from './text-source';
import type { Issue, MappingOverride, UploadFile } from './types';
import type { RecordStream } from './record-stream';
import { readXlsxSheets } from './xlsx-rows';

/** Default per-file size limit (1 GiB). */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
/** Default per-file data-row limit (2 million: a 1M-person company with room). */
export const DEFAULT_MAX_ROWS = 2_000_000;

/** Options of streamOrgRecords. */
export interface StreamOptions {
  mapping?: MappingOverride;
  maxBytes?: number;
  maxRows?: number;
  onProgress?: (file: string, rows: number) => void;
  /** Hand records over while reading (CSV only; see record-stream.ts). */
  stream?: RecordStream;
  /** line, cell, column and workbook limits (defaults: limits.ts). */
  limits?: Partial<InputLimits>;
}

/** One uploaded file after streaming: its sources and file-level warnings. */
export interface StreamedFile {
  sources: CollectedSource[];
  /** e.g. worksheets skipped because they hold no org table. */
  issues: Issue[];
  encoding: string | null;
}

async function streamCsv(
  opened: OpenedFile,
  options: StreamOptions,
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be',
): Promise<CollectedSource> {
  const collector = new SourceCollector(opened.name, {
    mapping: options.mapping,
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    onProgress: options.onProgress,
    stream: options.stream,
    limits: options.limits,
  });
  await readCsvRows(
    decodeTextChunks(opened.byteChunks(), encoding),
    {
      onStart: (info) => collector.setPreamble(info.preamble),
      onRow: (cells, line) => collector.onRow(cells, line),
      onParseIssue: (code, _message, record) => collector.onParseIssue(code, record),
    },
    withLimits(options.limits).maxLineChars,
  );
  return collector.finish();
}

/** Sheet problems that only mean "this sheet is not an org table" (notes, index sheets ...). */
const SKIPPABLE_SHEET_CODES = new Set(['missing-column', 'no-header', 'no-rows']);

async function streamWorkbook(opened: OpenedFile, options: StreamOptions): Promise<StreamedFile> {
  const sheets: Array<{ collector: SourceCollector; refusal: IngestError | null }> = [];
  await readXlsxSheets(opened, withLimits(options.limits), (sheet) => {
    const entry = {
      collector: new SourceCollector(`${opened.name}#${sheet}`, {
        mapping: options.mapping,
        maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
        onProgress: options.onProgress,
        limits: options.limits,
      }),
      refusal: null as IngestError | null,
    };
    sheets.push(entry);
    return {
      onRow: (cells, line) => {
        try {
          entry.collector.onRow(cells, line);
          return true;
        } catch (error) {
          if (!(error instanceof IngestError) || !SKIPPABLE_SHEET_CODES.has(error.code)) throw error;
          entry.refusal = error;
          return false;
        }
      },
    };
  });
  const sources: CollectedSource[] = [];
  const issues: Issue[] = [];
  const refusals: IngestError[] = [];
  for (const entry of sheets) {
    try {
      if (entry.refusal) throw entry.refusal;
      sources.push(entry.collector.finish());
    } catch (error) {
      if (!(error instanceof IngestError) || !SKIPPABLE_SHEET_CODES.has(error.code)) throw error;
      refusals.push(error);
      const name = entry.collector.name;
      issues.push({
        severity: 'warning',
        code: 'sheet-skipped',
        message: `Sheet "${name}" skipped: ${error.message}`,
        file: name,
      });
    }
  }
  if (sources.length === 0) {
    throw refusals[0] ?? new IngestError('no-header', 'the workbook has no worksheet with data.');
  }
  return { sources, issues, encoding: null };
}

/** Stream one uploaded file into its collected sources; throws IngestError when it is refused. */
export async function streamOrgRecords(file: UploadFile, options: StreamOptions = {}): Promise<StreamedFile> {
  const opened = await openUpload(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (opened.kind === 'xlsx') {
    options.stream?.end('workbook');
    return streamWorkbook(opened, options);
  }
  if (opened.encoding !== null) {
    return {
      sources: [await streamCsv(opened, options, opened.encoding)],
      issues: [],
      encoding: opened.encoding,
    };
  }
  // A file on disk: read as UTF-8 and start again as Windows-1252 at the first invalid byte.
  try {
    return { sources: [await streamCsv(opened, options, 'utf-8')], issues: [], encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof EncodingMismatch)) throw error;
    options.stream?.end('encoding'); // what was handed over was read with the wrong encoding
    return {
      sources: [await streamCsv(opened, options, 'windows-1252')],
      issues: [],
      encoding: 'windows-1252',
    };
  }
}
