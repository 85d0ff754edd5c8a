'use client';

import { hiddenText } from '@/lib/privacy/hidden-text';
import { costHeading } from '@/lib/cost-format';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { AiManagerRow } from '@/lib/dal/dashboards/ai';
import { toCsv, type CsvCell } from '@/lib/export/csv';
import { isSuppressed } from '@/lib/query/suppressed';
import { downloadText } from '@/app/_components/ui/data-table';
import { formatValue, type ValueFormat } from '@/app/_components/charts/value-format';
import styles from './ai.module.css';
import { UnmatchedNote } from './unmatched-note';

type FigureKey =
  | 'engineers'
  | 'adoption'
  | 'throughputPerEngineerWeek'
  | 'costPerMergedPr'
  | 'acceptanceRateByCount'
  | 'aiAssistedPrShare'
  | 'spendPerEngineerMonth';

const PER_PR_HEAD = costHeading('AI cost', { currency: 'USD', per: 'merged PR' });
const SPEND_HEAD = costHeading('AI spend', { currency: 'USD', per: 'engineer', period: 'month' });

const FIGURES: Array<{ key: FigureKey; label: string; format: ValueFormat }> = [
  { key: 'engineers', label: 'Engineers', format: 'int' },
  { key: 'adoption', label: 'Adoption', format: 'percent' },
  { key: 'throughputPerEngineerWeek', label: 'PRs per engineer per week', format: 'decimal' },
  { key: 'costPerMergedPr', label: PER_PR_HEAD, format: 'usd' },
  { key: 'acceptanceRateByCount', label: 'Acceptance (count)', format: 'percent' },
  { key: 'aiAssistedPrShare', label: 'AI-assisted PRs', format: 'percent' },
  { key: 'spendPerEngineerMonth', label: SPEND_HEAD, format: 'usd' },
];

const columnValue = (v: number | null, format: ValueFormat): string =>
  format === 'decimal' && v !== null && Number.isFinite(v)
    ? v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : formatValue(v, format);

const figure = (r: AiManagerRow, k: FigureKey): number | null =>
  isSuppressed(r.figures) ? null : r.figures[k];
const PAGE = 50;
const col = createColumnHelper<AiManagerRow>();

/**
 * Every manager in the unit with their subtree's AI figures beside their span and layer: sortable,
 * searchable, downloadable. Rows under the minimum group size show no figures for leaders and viewers.
 */
export function ManagerTable({
  rows,
  unmatchedShare,
  canManage,
  period,
}: {
  rows: AiManagerRow[];
  unmatchedShare: number | null;
  canManage: boolean;
  period: string;
}) {
  const pathname = usePathname();
  const params = useSearchParams();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'engineers', desc: true }]);
  const [q, setQ] = useState('');
  const [all, setAll] = useState(false);
  const columns = useMemo(
    () => [
      col.accessor((r) => r.name ?? r.id, {
        id: 'name',
        header: 'Manager',
        cell: (c) => {
          const next = new URLSearchParams(params.toString());
          next.set('subtree', c.row.original.id);
          const figures = c.row.original.figures;
          return (
            <>
              <Link
                href={`${pathname}?${next.toString()}`}
                title="Show this manager's subtree"
                style={{ whiteSpace: 'nowrap' }}
              >
                {c.getValue()}
              </Link>
              {/* why the row's figures are hidden, said once under the name (not in each of seven cells) */}
              {isSuppressed(figures) && (
                <span className={styles.suppressedNote}>
                  Figures hidden: {hiddenText(figures, 'engineers')}
                </span>
              )}
            </>
          );
        },
      }),
      col.accessor((r) => r.department ?? '', { id: 'department', header: 'Department' }),
      col.accessor('layer', { header: 'Layer', meta: { numeric: true } }),
      col.accessor('span', { header: 'Span', meta: { numeric: true } }),
      col.accessor('subtreeSize', { header: 'Team size', meta: { numeric: true } }),
      ...FIGURES.map((f) =>
        col.accessor((r) => figure(r, f.key), {
          id: f.key,
          header: f.label,
          meta: { numeric: true },
          sortUndefined: 'last',
          sortingFn: (a, b, id) => {
            const x = a.getValue<number | null>(id);
            const y = b.getValue<number | null>(id);
            if (x === null && y === null) return 0;
            if (x === null) return -1;
            if (y === null) return 1;
            return x - y;
          },
          cell: (c) =>
            isSuppressed(c.row.original.figures) ? (
              <span className={styles.suppressedCell} title={hiddenText(c.row.original.figures, 'engineers')}>
                —
              </span>
            ) : (
              // a column of ratios reads aligned: 2.30 and 2.00 beside 2.16, not 2.3 and 2
              columnValue(c.getValue(), f.format)
            ),
        }),
      ),
    ],
    [params, pathname],
  );
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle
      ? rows.filter((r) => `${r.name ?? ''} ${r.id} ${r.department ?? ''}`.toLowerCase().includes(needle))
      : rows;
  }, [rows, q]);
  // TanStack Table returns fresh functions each render; the React Compiler skips this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: filtered,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const sorted = table.getRowModel().rows;
  const shown = all ? sorted : sorted.slice(0, PAGE);

  function download() {
    const header = [
      'Manager',
      'Employee ID',
      'Department',
      'Layer',
      'Span',
      'Team size',
      ...FIGURES.map((f) => f.label),
      'Unmatched share (org)',
    ];
    const body: CsvCell[][] = sorted.map(({ original: r }) => [
      r.name,
      r.id,
      r.department,
      r.layer,
      r.span,
      r.subtreeSize,
      ...FIGURES.map((f) => (isSuppressed(r.figures) ? 'suppressed' : r.figures[f.key])),
      unmatchedShare,
    ]);
    downloadText(`ai-managers-${period}.csv`, toCsv(header, body));
  }

  return (
    <section className="card" aria-labelledby="ai-managers-h" data-testid="ai-managers">
      <div className={styles.tableHead}>
        <div>
          <h2 id="ai-managers-h" style={{ margin: 0 }}>
            Managers: their subtree&apos;s AI figures
          </h2>
          <p className="definition">
            Each manager&apos;s whole subtree (team rows roll up to every ancestor). Team size = everyone
            below the manager; span = direct reports. Select a name to focus the page on that subtree.
          </p>
          <UnmatchedNote share={unmatchedShare} canManage={canManage} />
        </div>
        <div className="chart-actions">
          <div className="field" style={{ margin: 0 }}>
            <label htmlFor="ai-manager-q">Find a manager</label>
            <input id="ai-manager-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <button type="button" className="secondary" onClick={download}>
            Download CSV
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No manager in this unit has engineers or AI usage in the period.</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} style={{ maxHeight: 560, overflowY: 'auto' }}>
            <table className="data" data-testid="ai-manager-table">
              <caption className="visually-hidden">
                Managers and their subtree&apos;s AI figures for {period}
              </caption>
              <thead>
                {table.getHeaderGroups().map((hg) => (
                  <tr key={hg.id}>
                    {hg.headers.map((h) => {
                      const dir = h.column.getIsSorted();
                      const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                      return (
                        <th
                          key={h.id}
                          scope="col"
                          className={numeric ? 'num' : undefined}
                          aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                        >
                          <button
                            type="button"
                            className={styles.sortButton}
                            onClick={h.column.getToggleSortingHandler()}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id} data-testid={`ai-manager-${r.original.id}`}>
                    {r.getVisibleCells().map((c) => {
                      const numeric = (c.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                      return (
                        <td key={c.id} className={numeric ? 'num' : undefined}>
                          {flexRender(c.column.columnDef.cell, c.getContext())}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sorted.length > PAGE && (
            <p>
              <button type="button" className="link" onClick={() => setAll(!all)}>
                {all ? `Show the first ${PAGE}` : `Show all ${sorted.length} managers`}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
