/**
 * The report as an XLSX workbook: an "About" sheet (scope, snapshot, who and when), then one
 * sheet per metric table with typed numbers (never numbers stored as text), number formats, a
 * frozen bold header row, column widths and an autofilter. Text cells that a spreadsheet would run
 * as a formula (= + - @, tab, CR) are neutralised exactly as in CSV.
 */
import ExcelJS from 'exceljs';
import { hiddenRule } from '@/lib/privacy/hidden-text';
import { neutraliseFormula } from './csv';
import { sectionTables, type ReportDocument, type ReportTable, type ValueFormat } from './report-model';

const NUM_FMT: Record<ValueFormat, string | undefined> = {
  int: '#,##0.##',
  decimal: '#,##0.00',
  percent: '0.0%',
  months: '0.0',
  fte: '#,##0.0" FTE"',
  text: undefined,
};

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function toSheetName(title: string, taken: Set<string>): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let base = clean.slice(0, 31);
  // cut at a word boundary rather than mid-word when the title is too long
  if (clean.length > 31 && clean[31] !== ' ' && base.lastIndexOf(' ') >= 15)
    base = base.slice(0, base.lastIndexOf(' '));
  base = base.trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function safeText(v: string): string {
  return neutraliseFormula(v);
}

function cellValue(v: ReportTable['rows'][number][number]) {
  if (typeof v === 'string') return safeText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

/** Writes a table's rows (typed, formatted) under the current last row of the sheet. */
function addRows(ws: ExcelJS.Worksheet, table: ReportTable): void {
  table.rows.forEach((row, r) => {
    const added = ws.addRow(row.map(cellValue));
    table.columns.forEach((c, j) => {
      const v = row[j];
      if (typeof v !== 'number') return;
      const fmt = NUM_FMT[table.rowFormats?.[r] ?? c.format] ?? NUM_FMT[c.format];
      if (fmt) added.getCell(j + 1).numFmt = fmt;
    });
  });
}

/** Column widths fitted to the longest label or value of the tables on a sheet (first 500 rows each). */
function fitColumns(ws: ExcelJS.Worksheet, tables: readonly ReportTable[]): void {
  const widths: number[] = [];
  for (const table of tables)
    table.columns.forEach((c, j) => {
      let width = Math.max(widths[j] ?? 0, c.label.length);
      for (const row of table.rows.slice(0, 500)) {
        const v = row[j];
        const len =
          v === null || v === undefined
            ? 1
            : typeof v === 'number'
              ? String(Math.round(v * 100) / 100).length + 2
              : String(v).length;
        width = Math.max(width, len);
      }
      widths[j] = width;
    });
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = Math.min(60, Math.max(8, w + 2))));
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } } as const;

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({ header: safeText(c.label), key: c.key }));
  addRows(ws, table);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  fitColumns(ws, [table]);
  table.columns.forEach((c, j) => {
    if (c.format !== 'text') ws.getColumn(j + 1).alignment = { horizontal: 'right' };
  });
  if (table.rows.length > 0 && table.columns.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** Several tables on one sheet, one under the other: a bold title, its note, a header row, its rows. */
function addStackedSheet(wb: ExcelJS.Workbook, tables: readonly ReportTable[], name: string): void {
  const ws = wb.addWorksheet(name);
  tables.forEach((table, i) => {
    if (i > 0) ws.addRow([]);
    ws.addRow([safeText(table.title)]).font = { bold: true, size: 12 };
    if (table.note) ws.addRow([safeText(table.note)]).font = { italic: true, color: { argb: 'FF555555' } };
    const header = ws.addRow(table.columns.map((c) => safeText(c.label)));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    addRows(ws, table);
  });
  fitColumns(ws, tables);
}

function addAboutSheet(
  wb: ExcelJS.Workbook,
  report: ReportDocument,
  sheets: Array<[string, ReportTable]>,
): void {
  const m = report.meta;
  const ws = wb.addWorksheet('About', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Item', key: 'k', width: 22 },
    { header: 'Value', key: 'v', width: 90 },
  ];
  const rows: Array<[string, string]> = [
    ['Report', m.title],
    ['Organisation', m.organisation],
    ['Scope', m.scopeLabel],
    ['Snapshot', m.asOf],
    ['Compared with', m.comparisonAsOf ?? ''],
    ['Generated', m.generatedAt],
    ['Generated by', `${m.generatedBy} (${m.role})`],
    [
      'Privacy',
      m.suppressionApplied
        ? `${hiddenRule(m.minGroupSize)} (blank cells marked in the notes).`
        : 'Full figures (no suppression for this role).',
    ],
    ['Person-level sheets', m.includesPeople ? 'included (confidential)' : 'not included'],
  ];
  for (const [k, v] of rows) ws.addRow([safeText(k), safeText(v)]);
  ws.addRow([]);
  ws.addRow(['Sheet', 'Table']).font = { bold: true };
  for (const [name, t] of sheets)
    ws.addRow([safeText(name), safeText(t.note ? `${t.title}: ${t.note}` : t.title)]);
  ws.addRow([]);
  ws.addRow(['Term', 'Definition']).font = { bold: true };
  for (const d of report.definitions) ws.addRow([safeText(d.term), safeText(d.definition)]);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * Renders every table of the report (KPIs included) as a workbook, one sheet per table, except a
 * section with a `sheet` name (a scenario), whose tables share that one sheet; returns the .xlsx bytes.
 */
export async function renderReportXlsx(report: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Strata';
  const created = new Date(report.meta.generatedAtIso);
  wb.created = Number.isNaN(created.getTime()) ? new Date() : created;
  const taken = new Set<string>(['about']);
  const sheets: Array<{ name: string; tables: ReportTable[]; about: ReportTable }> = [];
  for (const s of report.sections) {
    const tables = sectionTables(s);
    if (tables.length === 0) continue;
    if (s.sheet !== undefined) {
      const about = { ...tables[0], title: s.title, note: undefined } as ReportTable;
      sheets.push({ name: toSheetName(s.sheet, taken), tables, about });
    } else for (const t of tables) sheets.push({ name: toSheetName(t.title, taken), tables: [t], about: t });
  }
  addAboutSheet(
    wb,
    report,
    sheets.map((x) => [x.name, x.about]),
  );
  for (const x of sheets)
    if (x.tables.length === 1 && x.about === x.tables[0]) addTableSheet(wb, x.about, x.name);
    else addStackedSheet(wb, x.tables, x.name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
