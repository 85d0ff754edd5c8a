'use client';

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { toCsv, type CsvCell } from '@/lib/export/csv';
import { downloadText } from './data-table';
import styles from './sortable-table.module.css';

export interface SortableColumn<Row> {
  id: string;
  header: string;
  /** the value sorted on and exported; null sorts last in both directions */
  value: (row: Row) => string | number | null;
  /** how the cell is shown (default: the value, numbers formatted) */
  cell?: (row: Row) => ReactNode;
  /** the CSV cell when it differs from value */
  csv?: (row: Row) => CsvCell;
  numeric?: boolean;
  sortable?: boolean;
  /** exported in the CSV but not shown (its value is shown inside another column) */
  hidden?: boolean;
  /** extra class on the column's header and cells (e.g. to hide it on narrow screens) */
  className?: string;
}

interface Props<Row> {
  rows: Row[];
  columns: SortableColumn<Row>[];
  caption: string;
  rowKey: (row: Row) => string;
  initialSort?: { id: string; desc: boolean };
  /** rows per page; all rows on one page when unset */
  pageSize?: number;
  /** CSV download of every row (in the current sort order) when set */
  csvFilename?: string;
  testId?: string;
}

interface ColumnMeta {
  numeric?: boolean;
  className?: string;
}

const cellClass = (m: ColumnMeta | undefined) =>
  [m?.numeric ? 'num' : '', m?.className ?? ''].filter(Boolean).join(' ') || undefined;

const fmt = (v: string | number | null) =>
  v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 2 }) : v;

/**
 * A data table sorted by clicking (or pressing Enter/Space on) a column header; the header carries
 * aria-sort. Optional paging and a CSV download of all rows in the order shown.
 */
export function SortableTable<Row>({
  rows,
  columns,
  caption,
  rowKey,
  initialSort,
  pageSize,
  csvFilename,
  testId,
}: Props<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [initialSort] : []);
  const defs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (r: Row) => c.value(r) ?? undefined,
        cell: (info) => (c.cell ? c.cell(info.row.original) : fmt(c.value(info.row.original))),
        enableSorting: c.sortable !== false,
        sortUndefined: 'last',
        sortingFn: c.numeric ? 'basic' : 'alphanumeric',
        sortDescFirst: c.numeric === true,
        meta: { numeric: c.numeric === true, className: c.className },
      })),
    [columns],
  );
  // TanStack Table returns non-memoisable functions by design; the table is rendered here only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: {
      sorting,
      columnVisibility: Object.fromEntries(columns.map((c) => [c.id, c.hidden !== true])),
    },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(pageSize ? { getPaginationRowModel: getPaginationRowModel() } : {}),
    initialState: pageSize ? { pagination: { pageIndex: 0, pageSize } } : {},
    getRowId: rowKey,
    autoResetPageIndex: true,
  });
  const download = () => {
    const sorted = table.getSortedRowModel().rows.map((r) => r.original);
    downloadText(
      `${csvFilename ?? 'table'}.csv`,
      toCsv(
        columns.map((c) => c.header),
        sorted.map((r) => columns.map((c) => (c.csv ? c.csv(r) : c.value(r)))),
      ),
    );
  };
  const pages = table.getPageCount();
  return (
    <div className={styles.wrap} data-testid={testId}>
      {(csvFilename || (pageSize && pages > 1)) && (
        <div className={styles.toolbar}>
          {pageSize && pages > 1 ? (
            <div className={styles.pager} role="group" aria-label={`${caption}: pages`}>
              <button
                type="button"
                className="secondary"
                onClick={() => table.previousPage()}
                disabled={!table.getCanPreviousPage()}
              >
                Previous
              </button>
              <span aria-live="polite">
                Page {table.getState().pagination.pageIndex + 1} of {pages}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => table.nextPage()}
                disabled={!table.getCanNextPage()}
              >
                Next
              </button>
            </div>
          ) : (
            <span />
          )}
          {csvFilename && (
            <button type="button" className="secondary" onClick={download}>
              Download CSV
            </button>
          )}
        </div>
      )}
      <div className="table-wrap" tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const meta = h.column.columnDef.meta as ColumnMeta | undefined;
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={cellClass(meta)}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : h.column.getCanSort()
                              ? 'none'
                              : undefined
                      }
                    >
                      {h.column.getCanSort() ? (
                        <button
                          type="button"
                          className={styles.sort}
                          onClick={h.column.getToggleSortingHandler()}
                        >
                          {label}
                          <span aria-hidden="true" className={styles.arrow}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((c) => (
                  <td key={c.id} className={cellClass(c.column.columnDef.meta as ColumnMeta | undefined)}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
