/**
 * XLSX workbooks via exceljs's streaming reader. Every worksheet is read as its own source
 * ('book.xlsx#Sheet'), so a workbook holding the organogram 'senior' and 'junior' sheets is handled
 * like the two CSV files; sheets without an org header are skipped by the caller with a warning.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { IngestError } from './errors';
import type { InputLimits } from './limits';
import type { OpenedFile } from './text-source';
import { checkXlsxExpansion } from './zip-check';

/** Text of one cell as a CSV export would show it (dates as YYYY-MM-DD when there is no time). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

/** Row callback for one worksheet. */
export interface SheetHandler {
  /** one row of cells and its sheet row number; return false to stop reading this sheet. */
  onRow(cells: string[], line: number): boolean | void;
}

/** Stream every worksheet (after the zip-bomb check); onSheet returns the row handler for it (or null to skip the sheet). */
export async function readXlsxSheets(
  opened: OpenedFile,
  limits: InputLimits,
  onSheet: (sheetName: string) => SheetHandler | null,
): Promise<void> {
  await checkXlsxExpansion(opened.origin, limits);
  const input = Readable.from(opened.byteChunks());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const name = 'name' in sheet && typeof sheet.name === 'string' ? sheet.name : 'Sheet';
      const handler = onSheet(name);
      let stopped = handler === null;
      let width = 0;
      for await (const row of sheet) {
        if (stopped || handler === null) continue; // drain the sheet so the zip stream moves on
        const values = Array.isArray(row.values) ? row.values.slice(1) : Object.values(row.values);
        const cells = Array.from(values, (v: CellValue) => cellText(v));
        // Excel stores no trailing empty cells: pad to the header's width like a CSV row.
        if (width === 0) width = cells.length;
        while (cells.length < width) cells.push('');
        if (handler.onRow(cells, row.number) === false) stopped = true;
      }
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('bad-xlsx', 'the workbook could not be read as .xlsx (damaged or not a workbook).');
  }
}
