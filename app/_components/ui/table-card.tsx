'use client';

import { useId, useState, type ReactNode } from 'react';
import { toCsv, type CsvCell } from '@/lib/export/csv';
import { downloadText, type Column } from '../charts/chart-card';

/**
 * A column; `display` formats the cell on screen while the CSV keeps the raw value, and
 * `csvOnly` columns are in the download but not on screen (e.g. a target folded into another cell).
 */
export type TableColumn<Row> = Column<Row> & { display?: (row: Row) => ReactNode; csvOnly?: boolean };

/**
 * A table in a card with a CSV download of all its rows and, when there are more than pageSize
 * rows, keyboard-operable pagination. For person lists and metric tables that are not charts.
 */
export function TableCard<Row>({
  title,
  headingLevel = 2,
  intro,
  rows,
  columns,
  filename,
  pageSize = 25,
  empty = 'Nothing to show.',
  testId,
}: {
  title: string;
  headingLevel?: 2 | 3;
  intro?: ReactNode;
  rows: Row[];
  columns: TableColumn<Row>[];
  filename: string;
  pageSize?: number;
  empty?: string;
  testId?: string;
}) {
  const id = useId();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * pageSize, (current + 1) * pageSize);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const onScreen = columns.filter((c) => !c.csvOnly);
  return (
    <section className="card" aria-labelledby={`${id}-t`} data-testid={testId}>
      <div className="chart-head">
        <Heading id={`${id}-t`}>{title}</Heading>
        {rows.length > 0 && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadText(
                `${filename}.csv`,
                toCsv(
                  columns.map((c) => c.label),
                  rows.map((r) => columns.map((c) => c.value(r))),
                ),
              )
            }
          >
            Download CSV
          </button>
        )}
      </div>
      {intro && <div className="definition">{intro}</div>}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          {/* relative: visually hidden cells must not escape the scroll box and widen the page */}
          <div className="table-wrap" tabIndex={0} style={{ position: 'relative' }}>
            <table className="data">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {onScreen.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={i}>
                    {onScreen.map((c) => (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {c.display ? c.display(r) : formatCell(c.value(r))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="form-row" aria-label={`${title}: pages`} style={{ marginTop: '0.5rem' }}>
              <button
                type="button"
                className="secondary"
                onClick={() => setPage(current - 1)}
                disabled={current === 0}
              >
                Previous
              </button>
              <span aria-live="polite">
                Page {current + 1} of {pages} ({rows.length.toLocaleString('en')} rows)
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => setPage(current + 1)}
                disabled={current >= pages - 1}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function formatCell(v: CsvCell): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return v.toLocaleString('en', { maximumFractionDigits: 4 });
  return String(v);
}
