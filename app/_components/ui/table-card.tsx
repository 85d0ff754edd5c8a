'use client';

import { useId, useState, type ReactNode } from 'react';
import { DataTable, downloadRowsCsv, type Column } from './data-table';

/**
 * A column; `display` formats the cell on screen while the CSV keeps the raw value, and
 * `csvOnly` columns are in the download but not on screen (e.g. a target folded into another cell).
 */
export type TableColumn<Row> = Column<Row> & { csvOnly?: boolean };

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
            onClick={() => downloadRowsCsv(filename, columns, rows)}
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
            <DataTable caption={title} columns={onScreen} rows={shown} />
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
