/**
 * One uploaded AI file -> records. Bytes are decoded as the org importer does (UTF-8 with or
 * without BOM, Windows-1252 fallback, UTF-16 with BOM; empty and binary files refused), then the
 * text is read as NDJSON (line by line, never whole), a JSON document, or CSV (streamed).
 */
import { readCsvRows } from '@/lib/ingest/csv-rows';
import type { TextEncodingName } from '@/lib/ingest/decode';
import { IngestError } from '@/lib/ingest/errors';
import { IssueList } from '@/lib/ingest/issues';
import { checkHeaderCells, clip, firstLongCell, withLimits, type InputLimits } from '@/lib/ingest/limits';
import { EncodingMismatch, decodeTextChunks, openUpload } from '@/lib/ingest/text-source';
import { createContext, fileIssue, rowIssue, type FileContext } from './context';
import { createCopilotBillingCsvReader } from './copilot-billing-csv';
import { commitFromCsv, createCommitAggregator } from './cursor-ai-code';
import { detectCsvHeader, firstLine, looksLikeJson, type AiDetection } from './detection';
import { detectJsonValue } from './detect-json';
import { createGenericCsvReader } from './generic-csv';
import { createIdentityCsvReader, createPullRequestCsvReader } from './delivery-csv';
import { createJsonReader } from './json-readers';

/** An upload: bytes in memory or a path on disk (CLI). */
export type AiUploadFile = { name: string; bytes: Uint8Array } | { name: string; path: string };

/** What reading one file gave. */
export interface ReadOutcome {
  ctx: FileContext;
  detection: AiDetection;
}

/** A file refused after detection; carries what it was recognised as. */
export class AiRefusal extends IngestError {
  constructor(readonly detection: AiDetection) {
    super(detection.code ?? 'unknown-format', detection.message ?? 'not a supported AI-usage file.');
  }
}

function refuse(det: AiDetection): never {
  throw new AiRefusal(det);
}

/** Peel the text until the file kind shows: CSV at its first non-blank character, JSON once its first line is complete. */
async function peek(
  chunks: AsyncIterable<string>,
  maxHeadChars: number,
): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  let start = -1; // first non-blank character
  while (!done && head.length < maxHeadChars) {
    if (start === -1) start = head.search(/\S/);
    if (start !== -1) {
      const c = head[start];
      if (c !== '{' && c !== '[') break; // CSV: its reader bounds the length of a line
      if (head.indexOf('\n', start) !== -1) break;
    }
    const next = await it.next();
    if (next.done) done = true;
    else head += next.value;
  }
  head = head.replace(/^\uFEFF/, '');
  async function* rest(): AsyncGenerator<string> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: rest() };
}

function lineTooLong(maxLineChars: number): IngestError {
  return new IngestError(
    'record-too-long',
    `one line is longer than ${maxLineChars.toLocaleString('en-US')} characters (NDJSON needs one record per line).`,
  );
}

async function readNdjson(
  ctx: FileContext,
  rest: AsyncIterable<string>,
  det: AiDetection,
  limits: InputLimits,
): Promise<void> {
  const reader = createJsonReader(ctx, det);
  let carry = '';
  let row = 0;
  const line = (text: string): void => {
    if (text.length > limits.maxLineChars) throw lineTooLong(limits.maxLineChars);
    if (text.trim() === '') return;
    row += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      rowIssue(
        ctx,
        'error',
        'bad-json-line',
        row,
        'this line is not valid JSON (NDJSON needs one JSON object per line).',
      );
      return;
    }
    reader.onValue(value, row);
  };
  for await (const chunk of rest) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    if (carry.length > limits.maxLineChars) throw lineTooLong(limits.maxLineChars);
    for (const p of parts) line(p);
  }
  line(carry);
  reader.finish();
}

function documentTooLarge(maxJsonChars: number): IngestError {
  return new IngestError(
    'file-too-large',
    `a JSON document over ${maxJsonChars.toLocaleString('en-US')} characters cannot be read at once; upload the NDJSON download (one record per line) instead.`,
  );
}

async function readDocument(
  ctx: FileContext,
  rest: AsyncIterable<string>,
  maxJsonChars: number,
): Promise<AiDetection> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of rest) {
    size += chunk.length;
    if (size > maxJsonChars) throw documentTooLarge(maxJsonChars);
    parts.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(parts.join(''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${clip(error.message)})` : '';
    throw new IngestError('bad-json', `the file starts like JSON but is not valid JSON${detail}.`);
  }
  const det = detectJsonValue(ctx.file, value);
  if (det.action === 'refuse') refuse(det);
  if (det.action === 'import') {
    const reader = createJsonReader(ctx, det);
    reader.onValue(value, 1);
    reader.finish();
  }
  return det;
}

async function readCsv(
  ctx: FileContext,
  rest: AsyncIterable<string>,
  limits: InputLimits,
): Promise<AiDetection> {
  const state: { det: AiDetection | null; onData: (cells: string[]) => void; finish: () => void } = {
    det: null,
    onData: () => undefined,
    finish: () => undefined,
  };
  let row = 0;
  await readCsvRows(
    rest,
    {
      onRow(cells) {
        if (state.det !== null) {
          row += 1;
          state.onData(boundCells(ctx, cells, row, limits));
          return true;
        }
        checkHeaderCells(cells, limits);
        const det = detectCsvHeader(cells);
        state.det = det;
        if (det.action === 'refuse') refuse(det);
        if (det.action === 'warn') return false;
        if (det.format === 'copilot-billing-csv') {
          const reader = createCopilotBillingCsvReader(ctx, cells);
          state.onData = (c) => reader.onRow(c, row);
          state.finish = reader.finish;
        } else if (det.format === 'cursor-ai-code') {
          const agg = createCommitAggregator(ctx);
          state.onData = (c) => agg.add(commitFromCsv(cells, c, row));
          state.finish = agg.finish;
        } else if (det.format === 'pull-requests-csv' || det.format === 'identity-file') {
          const create =
            det.format === 'identity-file' ? createIdentityCsvReader : createPullRequestCsvReader;
          const reader = create(ctx, ctx.delivery, cells);
          state.onData = reader.onRow;
          state.finish = reader.finish;
        } else {
          const reader = createGenericCsvReader(ctx, cells);
          state.onData = reader.onRow;
          state.finish = reader.finish;
        }
        return true;
      },
      onParseIssue(code, message, record) {
        rowIssue(
          ctx,
          'warning',
          'csv-quoting',
          record,
          `the CSV quoting is broken here (${code}: ${clip(message)}).`,
        );
      },
    },
    limits.maxLineChars,
  );
  if (state.det === null) throw new IngestError('no-header', 'the file has no header line.');
  state.finish();
  return state.det;
}

async function readDecoded(
  ctx: FileContext,
  chunks: AsyncIterable<string>,
  limits: InputLimits,
): Promise<AiDetection> {
  const { head, rest } = await peek(chunks, limits.maxJsonChars);
  if (head.trim() === '')
    throw new IngestError('empty-file', 'the file contains no data (only blank lines).');
  if (!looksLikeJson(head)) return readCsv(ctx, rest, limits);
  const line = firstLine(head);
  if (line.length >= limits.maxJsonChars) throw documentTooLarge(limits.maxJsonChars);
  let first: unknown;
  try {
    first = JSON.parse(line);
  } catch {
    return readDocument(ctx, rest, limits.maxJsonChars);
  }
  // The first line is a whole JSON value: NDJSON (or a one-line document, read the same way).
  const det = detectJsonValue(ctx.file, first);
  if (det.action === 'refuse') refuse(det);
  if (det.action === 'import') await readNdjson(ctx, rest, det, limits);
  return det;
}

/** Over-long cells of a data row become errors (row, column, fix) and are cut to the limit. */
function boundCells(ctx: FileContext, cells: string[], row: number, limits: InputLimits): string[] {
  if (cells.length <= limits.maxColumns && firstLongCell(cells, limits.maxCellChars) === -1) return cells;
  const out = cells.slice(0, limits.maxColumns);
  for (let i = 0; i < out.length; i++) {
    const cell = out[i] ?? '';
    if (cell.length <= limits.maxCellChars) continue;
    rowIssue(
      ctx,
      'error',
      'cell-too-long',
      row,
      `cell ${i + 1} is ${cell.length.toLocaleString('en-US')} characters long; the limit is ${limits.maxCellChars.toLocaleString('en-US')}. Shorten it (or close the quote that runs it on) and upload again.`,
    );
    out[i] = cell.slice(0, limits.maxCellChars);
  }
  return out;
}

/** Read one file; IngestError when it is refused as a whole (empty, binary, unknown, broken). */
export async function readAiFile(
  file: AiUploadFile,
  today: string,
  maxBytes: number,
  inputLimits?: Partial<InputLimits>,
): Promise<ReadOutcome> {
  const limits = withLimits(inputLimits);
  const opened = await openUpload(file, maxBytes);
  if (opened.kind === 'xlsx') {
    throw new IngestError(
      'not-text',
      'this is an Excel workbook; save the sheet as CSV, or upload the JSON/NDJSON as downloaded.',
    );
  }
  const encodings: TextEncodingName[] = opened.encoding ? [opened.encoding] : ['utf-8', 'windows-1252'];
  for (const encoding of encodings) {
    const ctx = createContext(file.name, today, new IssueList());
    try {
      const detection = await readDecoded(ctx, decodeTextChunks(opened.byteChunks(), encoding), limits);
      if (detection.action === 'warn') {
        fileIssue(
          ctx,
          'warning',
          detection.code ?? 'nothing-imported',
          detection.message ?? 'nothing to import.',
        );
      }
      return { ctx, detection };
    } catch (error) {
      if (!(error instanceof EncodingMismatch) || encoding !== 'utf-8') throw error;
    }
  }
  throw new IngestError('unreadable-file', 'the file could not be decoded.');
}
