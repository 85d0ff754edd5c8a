import type { ReactNode } from 'react';
import { formatDay } from '@/lib/dates';
import { toCsv, type CsvCell } from '@/lib/export/csv';

/** A column: its CSV/raw value, optional on-screen rendering, right-aligned when numeric. */
export interface Column<Row> {
  key: string;
  label: string;
  value: (row: Row) => CsvCell;
  numeric?: boolean;
  display?: (row: Row) => ReactNode;
}

/** A cell on screen: em dash for missing values, locale-formatted numbers, dates as on every page (lib/dates.ts). */
export function formatCell(v: CsvCell): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return v.toLocaleString('en', { maximumFractionDigits: 4 });
  // an ISO calendar date (a snapshot's as-of) reads as the other dates on screen; the CSV keeps ISO
  return formatDay(String(v));
}

/** Starts a browser download of a blob (CSV, SVG, PNG). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Starts a browser download of text content. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), filename);
}

/** Downloads exactly these rows as formula-safe CSV (raw values, not the on-screen formatting). */
export function downloadRowsCsv<Row>(filename: string, columns: Column<Row>[], rows: Row[]): void {
  downloadText(
    `${filename}.csv`,
    toCsv(
      columns.map((c) => c.label),
      rows.map((r) => columns.map((c) => c.value(r))),
    ),
  );
}

/** The plain data table used by chart table views and table cards. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
}) {
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {/* a snapshot's as-of as a column heading reads as every date on screen; the CSV keeps ISO */}
              {formatDay(c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : undefined} suppressHydrationWarning>
                {c.display ? c.display(r) : formatCell(c.value(r))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
