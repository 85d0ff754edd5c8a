/** One report table as CSV: raw numbers (not formatted), text neutralised against formulas. */
import { toCsv } from './csv';
import type { ReportTable } from './report-model';

/** The CSV of one table, exactly the rows the PDF and workbook show. */
export function renderTableCsv(table: ReportTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows,
  );
}
