/**
 * Preview for the upload mapping screen: detected format, headers, the first 10 data rows and the
 * suggested header mapping (with unmatched headers, ambiguous and missing fields to fix by hand).
 * Reads only the start of the file. Throws IngestError for binary, empty and header-less files.
 */
import { IngestError } from './errors';
import { checkHeaderCells, clip, withLimits, type InputLimits } from './limits';
import { readCsvRows } from './csv-rows';
import { detectFormat } from './detect-format';
import { mapHeaders, type HeaderMapping } from './header-mapping';
import { decodeTextChunks, openUpload } from './text-source';
import type { MappingOverride, OrgFormat } from './types';
import { readXlsxSheets } from './xlsx-rows';
import { DEFAULT_MAX_BYTES } from './stream-org-records';

const PREVIEW_ROWS = 10;

/** What the mapping screen shows for an uploaded file. */
export interface FilePreview {
  format: OrgFormat;
  headers: string[];
  firstRows: string[][];
  suggestedMapping: HeaderMapping;
  encoding: string | null;
  /** the worksheet shown, for workbooks. */
  sheet?: string;
}

interface Sample {
  headers: string[] | null;
  rows: string[][];
  preamble: readonly string[];
}

function sampler(sample: Sample, limits: InputLimits): (cells: string[]) => boolean {
  return (cells) => {
    if (cells.every((c) => c.trim() === '')) return true;
    if (sample.headers === null) {
      checkHeaderCells(cells, limits);
      sample.headers = cells.map((c) => c.trim());
    } else {
      // The preview shows the start of each cell; the validation report names over-long ones.
      sample.rows.push(cells.slice(0, limits.maxColumns).map((c) => clip(c.trim(), 200)));
    }
    return sample.rows.length < PREVIEW_ROWS;
  };
}

function toPreview(
  sample: Sample,
  mapping: MappingOverride | undefined,
  encoding: string | null,
  sheet?: string,
): FilePreview {
  if (sample.headers === null)
    throw new IngestError(
      'no-header',
      'no header row was found (the file holds only blank or comment lines).',
    );
  const detected = detectFormat(sample.headers, sample.preamble);
  return {
    format: detected.format,
    headers: sample.headers,
    firstRows: sample.rows,
    suggestedMapping: mapHeaders(sample.headers, { ...detected.preset, ...mapping }, detected.required),
    encoding,
    ...(sheet !== undefined ? { sheet } : {}),
  };
}

/** Preview the start of a file for the mapping screen. */
export async function previewFile(
  bytes: Uint8Array,
  name: string,
  mapping?: MappingOverride,
  inputLimits?: Partial<InputLimits>,
): Promise<FilePreview> {
  const limits = withLimits(inputLimits);
  const opened = await openUpload({ name, bytes }, DEFAULT_MAX_BYTES);
  if (opened.kind === 'text') {
    const sample: Sample = { headers: null, rows: [], preamble: [] };
    const encoding = opened.encoding ?? 'utf-8';
    const onRow = sampler(sample, limits);
    await readCsvRows(
      decodeTextChunks(opened.byteChunks(), encoding),
      {
        onStart: (info) => {
          sample.preamble = info.preamble;
        },
        onRow,
      },
      limits.maxLineChars,
    );
    return toPreview(sample, mapping, encoding);
  }
  const sheets: Array<{ name: string; sample: Sample }> = [];
  await readXlsxSheets(opened, limits, (sheet) => {
    const sample: Sample = { headers: null, rows: [], preamble: [] };
    sheets.push({ name: sheet, sample });
    const onRow = sampler(sample, limits);
    return { onRow };
  });
  const previews = sheets
    .filter((s) => s.sample.headers !== null)
    .map((s) => toPreview(s.sample, mapping, null, s.name));
  const best = previews.find((p) => p.suggestedMapping.missing.length === 0) ?? previews[0];
  if (!best) throw new IngestError('no-header', 'the workbook has no worksheet with data.');
  return best;
}
