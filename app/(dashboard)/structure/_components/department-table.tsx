'use client';

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import type { DepartmentRow, DepartmentStructure } from '@/lib/views/structure-departments';
import { toCsv } from '@/lib/export/csv';
import { isSuppressed } from '@/lib/query/suppressed';
import { hiddenText, hiddenSentence, isFoldable } from '@/lib/privacy/hidden-text';
import { downloadText } from '@/app/_components/ui/data-table';
import { PrivacyFold } from '@/app/_components/ui/privacy-fold';
import styles from './structure.module.css';

/** Rows shown at first (in the chosen order; about 100 organogram departments made the page 15,000 px long). */
const FIRST = 25;

type MetricKey = keyof DepartmentStructure;
interface MetricCol {
  key: MetricKey;
  label: string;
  title: string;
  format: 'int' | 'decimal' | 'percent' | 'fte';
}

/** Every structure metric per department, in SPEC order. */
const METRICS: MetricCol[] = [
  { key: 'headcount', label: 'Headcount', title: 'Filled people', format: 'int' },
  { key: 'managers', label: 'Managers', title: 'People with at least one direct report', format: 'int' },
  { key: 'ics', label: 'ICs', title: 'Individual contributors (no direct reports)', format: 'int' },
  { key: 'depth', label: 'Depth', title: 'Largest layer of anyone in the department', format: 'int' },
  {
    key: 'managementLayers',
    label: 'Mgmt layers',
    title: 'Layers containing at least one manager',
    format: 'int',
  },
  { key: 'managerRatio', label: 'Manager ratio', title: 'Managers / headcount', format: 'percent' },
  { key: 'icsPerManager', label: 'ICs / manager', title: 'ICs / managers', format: 'decimal' },
  { key: 'spanMean', label: 'Span mean', title: 'Mean direct reports over managers', format: 'decimal' },
  {
    key: 'spanMedian',
    label: 'Span median',
    title: 'Median direct reports over managers',
    format: 'decimal',
  },
  { key: 'spanP10', label: 'Span p10', title: '10th percentile span', format: 'decimal' },
  { key: 'spanP90', label: 'Span p90', title: '90th percentile span', format: 'decimal' },
  {
    key: 'middleManagers',
    label: 'Middle mgrs',
    title: 'Managers of managers below the executive layers',
    format: 'int',
  },
  { key: 'openPositions', label: 'Open', title: 'Vacant positions (not headcount)', format: 'int' },
];

/** Shown when a department has aggregated junior-staff rows (organograms): FTE beside the people. */
const FTE_METRICS: MetricCol[] = [
  {
    key: 'juniorFte',
    label: 'Junior FTE',
    title: 'Junior staff full-time equivalents (not people, not direct reports)',
    format: 'fte',
  },
  {
    key: 'totalFte',
    label: 'Total FTE',
    title: 'Senior posts (one each) plus junior staff FTE',
    format: 'fte',
  },
];

const fmt = (v: number | null | undefined, f: MetricCol['format']) =>
  v === null || v === undefined
    ? '—'
    : f === 'percent'
      ? `${(v * 100).toFixed(1)}%`
      : v.toLocaleString('en', { maximumFractionDigits: f === 'int' || f === 'fte' ? 1 : 2 });

const deptName = (r: DepartmentRow) => r.department ?? '(no department)';

/**
 * The department table (TanStack Table): sortable columns announced with aria-sort, suppressed rows
 * kept (with their name) but without numbers, a CSV of exactly the rows shown, and a button per
 * department that filters the whole dashboard to it.
 */
export function DepartmentTable({
  rows: allRows,
  asOf,
  onFilter,
}: {
  rows: DepartmentRow[];
  asOf: string;
  onFilter: (department: string) => void;
}) {
  const id = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [all, setAll] = useState(false);
  // rows the floor hides are listed on request (a Home Office leader read 17 rows of "Fewer than 5 people")
  const [withHidden, setWithHidden] = useState(false);
  const hiddenCount = allRows.filter((r) => isSuppressed(r.metrics)).length;
  // memoised: TanStack Table re-renders without end when its data is a new array on every render
  const rows = useMemo(
    () =>
      isFoldable(hiddenCount, allRows.length) && !withHidden
        ? allRows.filter((r) => !isSuppressed(r.metrics))
        : allRows,
    [allRows, hiddenCount, withHidden],
  );
  const hasFte = rows.some((r) => !isSuppressed(r.metrics) && r.metrics.juniorFte !== undefined);
  // FTE right after the headcount: a department of junior staff only (organograms) read "0" people
  // with its FTE 13 columns away, off the screen
  const metrics = useMemo(
    () => (hasFte ? [METRICS[0] as MetricCol, ...FTE_METRICS, ...METRICS.slice(1)] : METRICS),
    [hasFte],
  );
  const columns = useMemo<ColumnDef<DepartmentRow>[]>(
    () => [
      {
        id: 'department',
        header: 'Department',
        accessorFn: deptName,
        cell: (c) =>
          c.row.original.department === null ? (
            deptName(c.row.original)
          ) : (
            <button
              type="button"
              className={`link ${styles.linkLeft}`}
              title="Filter the dashboard to this department"
              onClick={() => onFilter(c.row.original.department ?? '')}
            >
              {deptName(c.row.original)}
            </button>
          ),
        sortingFn: 'alphanumeric',
      },
      ...metrics.map<ColumnDef<DepartmentRow>>((m) => ({
        id: m.key,
        header: m.label,
        accessorFn: (r) => (isSuppressed(r.metrics) ? undefined : (r.metrics[m.key] ?? undefined)),
        sortUndefined: 'last',
        sortDescFirst: true,
        cell: (c) => fmt(c.getValue<number | undefined>(), m.format),
      })),
    ],
    [onFilter, metrics],
  );
  // TanStack Table hands back fresh functions each render, so the React Compiler skips this component (known, harmless here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const download = () =>
    downloadText(
      `departments-structure-${asOf}.csv`,
      toCsv(
        ['Department', ...metrics.map((m) => m.label), 'Note'],
        table
          .getRowModel()
          .rows.map(({ original: r }) =>
            isSuppressed(r.metrics)
              ? [deptName(r), ...metrics.map(() => null), hiddenText(r.metrics)]
              : [deptName(r), ...metrics.map((m) => (isSuppressed(r.metrics) ? null : r.metrics[m.key])), ''],
          ),
      ),
    );
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="department-table">
      <div className="chart-head">
        <h2 id={`${id}-h`}>Departments</h2>
        <div className="chart-actions">
          <button type="button" className="secondary" onClick={download}>
            Download CSV
          </button>
        </div>
      </div>
      <p className="definition">
        Every structure metric per department inside this view (org-wide spans; a department is a slice of the
        tree). Click a column to sort; click a department to filter the dashboard to it. The table scrolls
        sideways; the department column stays.
      </p>
      {allRows.length === 0 ? (
        <p className="muted">No departments in this view.</p>
      ) : rows.length === 0 ? null : (
        // up to 17 metrics: made to scroll sideways, the department column staying in view
        <div className="table-wrap" tabIndex={0} data-scrolls="sideways">
          <table className={`data ${styles.deptTable}`}>
            <caption className="visually-hidden">Structure metrics per department</caption>
            <thead>
              {table.getHeaderGroups().map((g) => (
                <tr key={g.id}>
                  {g.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    const meta = metrics.find((m) => m.key === h.column.id);
                    return (
                      <th
                        key={h.id}
                        scope="col"
                        className={meta ? 'num' : undefined}
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      >
                        <button
                          type="button"
                          className={styles.sortBtn}
                          onClick={h.column.getToggleSortingHandler()}
                          title={meta?.title}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true" className={styles.sortMark}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {(all ? table.getRowModel().rows : table.getRowModel().rows.slice(0, FIRST)).map((row) =>
                isSuppressed(row.original.metrics) ? (
                  <tr key={row.id} data-suppressed="true" data-reason={row.original.metrics.reason}>
                    <th scope="row" className={styles.rowHead}>
                      {deptName(row.original)}
                    </th>
                    <td colSpan={metrics.length} className="muted">
                      {hiddenSentence(row.original.metrics)}: hidden to protect privacy.
                    </td>
                  </tr>
                ) : (
                  <tr key={row.id}>
                    {row.getVisibleCells().map((c, k) =>
                      k === 0 ? (
                        <th key={c.id} scope="row" className={styles.rowHead}>
                          {flexRender(c.column.columnDef.cell, c.getContext())}
                        </th>
                      ) : (
                        <td key={c.id} className="num">
                          {flexRender(c.column.columnDef.cell, c.getContext())}
                        </td>
                      ),
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > FIRST && (
        <button
          type="button"
          className="link"
          onClick={() => setAll((a) => !a)}
          data-testid="department-table-all"
        >
          {all ? `Show the first ${FIRST}` : `Show all ${rows.length.toLocaleString('en')} departments`}
        </button>
      )}
      <PrivacyFold
        hidden={hiddenCount}
        total={allRows.length}
        shown={withHidden}
        onToggle={() => setWithHidden((v) => !v)}
        noun="department"
        testId="department-table-hidden"
      />
    </section>
  );
}
