'use client';

import { DefinitionIcon } from '@/app/_components/ui/figure-cards';
import { useId, useRef, useState, type ReactNode } from 'react';
import { DataTable, downloadRowsCsv, type Column } from '@/app/_components/ui/data-table';
import { formatDaysIn } from '@/lib/dates';
import { downloadChartPng, downloadChartSvg } from './chart-image';

export type { Column } from '@/app/_components/ui/data-table';

/** Why PNG and SVG are greyed out in table view (shown beside them and read with them). */
export const IMAGE_HINT = 'PNG and SVG are drawn from the chart: switch to Chart to download an image.';

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
  definition: rawDefinition,
  rows,
  columns,
  filename,
  children,
  actions,
  bodyHeight,
  footer,
}: Props<Row>) {
  // a date inside a definition ("since 2026-05-31") reads as every date on screen
  const definition = formatDaysIn(rawDefinition);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <div className="chart-head">
        <h2 id={`${id}-t`}>
          {title} <DefinitionIcon definition={definition} />
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
            onClick={() => downloadRowsCsv(filename, columns, rows)}
          >
            Download CSV
          </button>
          <button
            type="button"
            className="secondary"
            disabled={view !== 'chart'}
            title={view !== 'chart' ? IMAGE_HINT : undefined}
            aria-describedby={view !== 'chart' ? `${id}-img` : undefined}
            aria-label={`Download ${title} as a PNG image`}
            onClick={() => chartRef.current && void downloadChartPng(chartRef.current, title, filename)}
          >
            PNG
          </button>
          <button
            type="button"
            className="secondary"
            disabled={view !== 'chart'}
            title={view !== 'chart' ? IMAGE_HINT : undefined}
            aria-describedby={view !== 'chart' ? `${id}-img` : undefined}
            aria-label={`Download ${title} as an SVG image`}
            onClick={() => chartRef.current && downloadChartSvg(chartRef.current, title, filename)}
          >
            SVG
          </button>
        </div>
      </div>
      <p id={`${id}-d`} className="definition" suppressHydrationWarning>
        {definition}
      </p>
      {view !== 'chart' && (
        <p id={`${id}-img`} className="chart-image-hint" data-testid="image-hint">
          {IMAGE_HINT}
        </p>
      )}
      {view === 'chart' ? (
        <div className="chart-body" ref={chartRef} style={bodyHeight ? { height: bodyHeight } : undefined}>
          {children}
        </div>
      ) : (
        <div className="table-wrap chart-table" tabIndex={0}>
          <DataTable caption={title} columns={columns} rows={rows} />
        </div>
      )}
      {footer}
    </section>
  );
}
