'use client';

import { hiddenLegend } from '@/lib/privacy/hidden-text';
import styles from './heatmap.module.css';

export interface HeatmapAxisItem {
  key: string;
  label: string;
}

/** What one cell shows: a number on the colour scale, or why there is none. */
export type HeatmapCellValue =
  | { kind: 'value'; value: number; text: string; detail: string }
  | { kind: 'suppressed'; text: string; detail: string }
  | { kind: 'empty' };

// Viridis (perceptually uniform, readable with every common colour-vision deficiency and in
// greyscale), light = low, dark = high.
const STOPS = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The scale's colour for t in [0, 1]. */
export function heatColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const lo = Math.floor(x);
  const a = hexToRgb(STOPS[lo] ?? '#fde725');
  const b = hexToRgb(STOPS[Math.min(STOPS.length - 1, lo + 1)] ?? '#440154');
  const f = x - lo;
  const mix = a.map((v, k) => Math.round(v + f * ((b[k] ?? v) - v)));
  return `rgb(${mix.join(',')})`;
}

/** Black or white text, whichever contrasts more with the cell colour (WCAG relative luminance). */
function textOn(t: number): string {
  const rgb = heatColor(t)
    .slice(4, -1)
    .split(',')
    .map((v) => Number(v) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * (rgb[0] ?? 0) + 0.7152 * (rgb[1] ?? 0) + 0.0722 * (rgb[2] ?? 0);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/**
 * A heatmap as a real table (row and column headers, every value printed in its cell), coloured
 * on a sequential colour-blind-safe scale with a legend. Suppressed cells are hatched and say so;
 * empty cells (nobody there) are blank.
 */
export function Heatmap({
  rows,
  columns,
  cell,
  domain,
  legendLabel,
  caption,
  formatTick = (v) => String(v),
  rowHeader = '',
}: {
  rows: HeatmapAxisItem[];
  columns: HeatmapAxisItem[];
  cell: (rowKey: string, columnKey: string) => HeatmapCellValue;
  domain: [number, number];
  legendLabel: string;
  caption: string;
  formatTick?: (v: number) => string;
  rowHeader?: string;
}) {
  const [min, max] = domain;
  const t = (v: number) => (max > min ? (v - min) / (max - min) : 0);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => min + k * (max - min));
  return (
    <div className={styles.heatmap}>
      <div className={styles.legend} aria-hidden="true">
        <span className={styles.legendLabel}>{legendLabel}</span>
        <div>
          <div
            className={styles.ramp}
            style={{
              background: `linear-gradient(to right, ${[0, 0.2, 0.4, 0.6, 0.8, 1].map((k) => heatColor(k)).join(', ')})`,
            }}
          />
          <div className={styles.ticks}>
            {ticks.map((v) => (
              <span key={v}>{formatTick(v)}</span>
            ))}
          </div>
        </div>
        <span className={styles.legendKey}>
          <span className={`${styles.swatch} ${styles.hatch}`} /> {hiddenLegend()}
        </span>
      </div>
      <p className="visually-hidden">
        Colour scale for {legendLabel}: light yellow = {formatTick(min)}, dark purple = {formatTick(max)}.
      </p>
      <div className={`table-wrap ${styles.scroll}`} tabIndex={0}>
        <table className={styles.grid}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                {rowHeader}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={styles.rowHead}>
                  {r.label}
                </th>
                {columns.map((c) => {
                  const v = cell(r.key, c.key);
                  if (v.kind === 'empty')
                    return (
                      <td key={c.key} className={styles.empty}>
                        <span className="visually-hidden">nobody</span>
                      </td>
                    );
                  if (v.kind === 'suppressed')
                    return (
                      <td key={c.key} className={styles.hatch} title={v.detail}>
                        <span aria-hidden="true">{v.text}</span>
                        <span className="visually-hidden">{v.detail}</span>
                      </td>
                    );
                  const tt = t(v.value);
                  return (
                    <td
                      key={c.key}
                      className={styles.value}
                      style={{ background: heatColor(tt), color: textOn(tt) }}
                      title={v.detail}
                    >
                      <span aria-hidden="true">{v.text}</span>
                      <span className="visually-hidden">{v.detail}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
