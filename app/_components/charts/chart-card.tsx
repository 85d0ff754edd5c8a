'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { toCsv, type CsvCell } from '@/lib/export/csv';
import { downloadChartPng, downloadChartSvg } from './chart-image';

export interface Column<Row> {
  key: string;
  label: string;
  value: (row: Row) => CsvCell;
  numeric?: boolean;
}

/** Starts a browser download of text content. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Props<Row> {
  title: string;
  /** the metric's definition, shown in the tooltip and under the title for screen readers */
  definition: string;
  rows: Row[];
  columns: Column<Row>[];
  filename: string;
  children: ReactNode;
  /** extra controls shown beside the view toggle */
  actions?: ReactNode;
  /** chart height in px when the default does not fit (one bar per department), or 'auto' for HTML charts */
  bodyHeight?: number | 'auto';
  /** shown under the chart or table in both views (e.g. a reference legend with its source) */
  footer?: ReactNode;
}

/**
 * Every chart: a title with its definition, a chart/table toggle (the table is the accessible
 * alternative), and a CSV download of exactly the numbers drawn.
 */
export function ChartCard<Row>({
  title,
  definition,
  rows,
  columns,
  filename,
  children,
  actions,
  bodyHeight,
  footer,
}: Props<Row>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <div className="chart-head">
        <h2 id={`${id}-t`}>
          {title}{' '}
          <span
            className="info"
            tabIndex={0}
            role="img"
            aria-label={`Definition: ${definition}`}
            title={definition}
          >
            i
          </span>
        </h2>
        <div className="chart-actions">
          {actions}
          <div role="group" aria-label={`${title}: view`} className="segmented">
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              Chart
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              Table
            </button>
          </div>
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
          <button
            type="button"
            className="secondary"
            disabled={view !== 'chart'}
            aria-label={`Download ${title} as a PNG image`}
            onClick={() => chartRef.current && void downloadChartPng(chartRef.current, title, filename)}
          >
            PNG
          </button>
          <button
            type="button"
            className="secondary"
            disabled={view !== 'chart'}
            aria-label={`Download ${title} as an SVG image`}
            onClick={() => chartRef.current && downloadChartSvg(chartRef.current, title, filename)}
          >
            SVG
          </button>
        </div>
      </div>
      <p id={`${id}-d`} className="definition">
        {definition}
      </p>
      {view === 'chart' ? (
        <div className="chart-body" ref={chartRef} style={bodyHeight ? { height: bodyHeight } : undefined}>
          {children}
        </div>
      ) : (
        <div className="table-wrap chart-table" tabIndex={0}>
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {formatCell(c.value(r))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer}
    </section>
  );
}

function formatCell(v: CsvCell): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return v.toLocaleString('en', { maximumFractionDigits: 4 });
  return String(v);
}
