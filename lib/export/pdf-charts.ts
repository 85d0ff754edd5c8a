/**
 * Vector charts for the PDF pack, drawn with pdfkit primitives (no browser, no raster): vertical
 * bars, stacked horizontal bars (the layer pyramid) and lines over snapshots. Every chart has a
 * title, a legend, labelled axes with round ticks, and colour plus dash patterns from the
 * colour-blind-safe palette.
 */
import { seriesColor } from '@/lib/palette';
import {
  categoryPositions,
  computeLinearScale,
  pickLabelIndices,
  pickLabelsAt,
  type LinearScale,
} from './chart-scale';
import { formatTick, formatValue } from './format';
import { drawText, FONT, INK, textWidth, toPdfText, type Doc } from './pdf-text';
import type { ChartSpec } from './report-model';

const TICK = { size: 7.5, color: INK.muted };
const AXIS_TITLE = { size: 8, color: INK.muted, font: FONT.bold };
const DASHES: Array<number[] | null> = [null, [5, 3], [1.5, 2], [7, 2, 1.5, 2]];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function legendLabel(spec: ChartSpec, i: number): string {
  const s = spec.series[i];
  if (!s) return '';
  return s.label;
}

function legendRows(doc: Doc, spec: ChartSpec, w: number): number {
  let rows = 1;
  let cx = 0;
  spec.series.forEach((_, i) => {
    const itemW = 18 + textWidth(doc, legendLabel(spec, i), { size: 8 }) + 12;
    if (cx + itemW > w && cx > 0) {
      rows++;
      cx = 0;
    }
    cx += itemW;
  });
  return rows;
}

/** Legend rows under the title; returns the height used. */
function drawLegend(doc: Doc, spec: ChartSpec, x: number, y: number, w: number): number {
  if (spec.series.length < 2) return 0;
  let cx = x;
  let cy = y;
  const rowH = 12;
  spec.series.forEach((_s, i) => {
    const label = legendLabel(spec, i);
    const itemW = 18 + textWidth(doc, label, { size: 8 }) + 12;
    if (cx + itemW > x + w && cx > x) {
      cx = x;
      cy += rowH;
    }
    const color = seriesColor(i);
    if (spec.kind === 'line') {
      doc.save().lineWidth(2).strokeColor(color);
      const dash = DASHES[i % DASHES.length];
      if (dash) doc.dash(dash[0] ?? 3, { space: dash[1] ?? 2 });
      doc
        .moveTo(cx, cy + 4.5)
        .lineTo(cx + 14, cy + 4.5)
        .stroke()
        .undash()
        .restore();
    } else {
      doc.save().rect(cx, cy, 10, 9).fill(color).restore();
    }
    drawText(doc, label, cx + 18, cy + 0.5, { size: 8 });
    cx += itemW;
  });
  return cy - y + rowH + 4;
}

function drawValueAxis(doc: Doc, scale: LinearScale, plot: Box, spec: ChartSpec) {
  for (const t of scale.ticks) {
    const ty = plot.y + plot.h - ((t - scale.min) / (scale.max - scale.min)) * plot.h;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(INK.grid)
      .moveTo(plot.x, ty)
      .lineTo(plot.x + plot.w, ty)
      .stroke()
      .restore();
    drawText(doc, formatTick(t, spec.format), plot.x - 46, ty - 3.5, { ...TICK, width: 42, align: 'right' });
  }
}

/** Axis title rotated along a vertical axis. */
function drawVerticalTitle(doc: Doc, text: string, x: number, plot: Box) {
  const t = toPdfText(text);
  doc.save();
  doc.font(AXIS_TITLE.font).fontSize(AXIS_TITLE.size).fillColor(AXIS_TITLE.color);
  const w = doc.widthOfString(t);
  const cy = plot.y + plot.h / 2 + Math.min(w, plot.h) / 2;
  doc.rotate(-90, { origin: [x, cy] });
  doc.text(t, x, cy, { width: plot.h, lineBreak: false, ellipsis: true, height: 10 });
  doc.restore();
}

function categoryLabels(doc: Doc, spec: ChartSpec, plot: Box, centers: number[], uneven = false) {
  const widest = Math.max(...spec.categories.map((c) => textWidth(doc, c, { size: TICK.size })), 10);
  const picked = uneven
    ? pickLabelsAt(centers, widest + 6)
    : pickLabelIndices(spec.categories.length, plot.w, widest + 6);
  for (const i of picked) {
    const cx = centers[i] ?? plot.x;
    const label = spec.categories[i] ?? '';
    const w = widest + 6;
    drawText(doc, label, cx - w / 2, plot.y + plot.h + 4, { ...TICK, width: w, align: 'center' });
  }
}

function drawBars(doc: Doc, spec: ChartSpec, box: Box) {
  const n = spec.categories.length;
  const stackedTotals = spec.categories.map((_, c) =>
    spec.series.reduce((a, s) => a + Math.max(0, s.values[c] ?? 0), 0),
  );
  const all = spec.stacked ? stackedTotals : spec.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const scale = computeLinearScale(all, 5, spec.format !== 'percent' && spec.format !== 'decimal');
  const plot: Box = { x: box.x + 58, y: box.y + 6, w: box.w - 66, h: box.h - 40 };
  drawValueAxis(doc, scale, plot, spec);
  const band = plot.w / Math.max(1, n);
  const groups = spec.stacked ? 1 : spec.series.length;
  const barW = Math.max(1, Math.min(38, (band * 0.72) / groups));
  const yOf = (v: number) => plot.y + plot.h - ((v - scale.min) / (scale.max - scale.min)) * plot.h;
  const centers: number[] = [];
  const labelValues = n <= 16;
  for (let c = 0; c < n; c++) {
    const cx = plot.x + band * c + band / 2;
    centers.push(cx);
    let base = 0;
    spec.series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      if (v <= 0) return;
      const x = spec.stacked ? cx - barW / 2 : cx - (barW * groups) / 2 + i * barW;
      const y0 = yOf(spec.stacked ? base + v : v);
      const y1 = yOf(spec.stacked ? base : 0);
      doc
        .save()
        .rect(x, y0, barW, Math.max(0.5, y1 - y0))
        .fill(seriesColor(i))
        .restore();
      if (!spec.stacked && labelValues && groups === 1)
        drawText(doc, formatValue(v, spec.format ?? 'int'), x - 10, y0 - 9, {
          size: 6.5,
          color: INK.muted,
          width: barW + 20,
          align: 'center',
        });
      base += v;
    });
    if (spec.stacked && labelValues && (stackedTotals[c] ?? 0) > 0)
      drawText(
        doc,
        formatValue(stackedTotals[c] ?? 0, spec.format ?? 'int'),
        cx - 20,
        yOf(stackedTotals[c] ?? 0) - 9,
        {
          size: 6.5,
          color: INK.muted,
          width: 40,
          align: 'center',
        },
      );
  }
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(INK.muted)
    .moveTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .stroke()
    .restore();
  categoryLabels(doc, spec, plot, centers);
  drawText(doc, spec.categoryLabel, plot.x, plot.y + plot.h + 16, {
    ...AXIS_TITLE,
    width: plot.w,
    align: 'center',
  });
  drawVerticalTitle(doc, spec.valueLabel, box.x, plot);
}

function drawHorizontalBars(doc: Doc, spec: ChartSpec, box: Box) {
  const n = spec.categories.length;
  const totals = spec.categories.map((_, c) =>
    spec.series.reduce((a, s) => a + Math.max(0, s.values[c] ?? 0), 0),
  );
  const scale = computeLinearScale(
    spec.stacked ? totals : spec.series.flatMap((s) => s.values.map((v) => v ?? 0)),
  );
  const labelW = Math.min(
    110,
    Math.max(...spec.categories.map((c) => textWidth(doc, c, { size: TICK.size }))) + 8,
  );
  const plot: Box = { x: box.x + 16 + labelW, y: box.y + 4, w: box.w - 16 - labelW - 40, h: box.h - 34 };
  const xOf = (v: number) => plot.x + ((v - scale.min) / (scale.max - scale.min)) * plot.w;
  for (const t of scale.ticks) {
    const tx = xOf(t);
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(INK.grid)
      .moveTo(tx, plot.y)
      .lineTo(tx, plot.y + plot.h)
      .stroke()
      .restore();
    drawText(doc, formatTick(t, spec.format), tx - 25, plot.y + plot.h + 4, {
      ...TICK,
      width: 50,
      align: 'center',
    });
  }
  const band = plot.h / Math.max(1, n);
  const groups = spec.stacked ? 1 : spec.series.length;
  const barH = Math.max(2, Math.min(22, band * 0.7));
  const subH = barH / groups;
  for (let c = 0; c < n; c++) {
    const cy = plot.y + band * c + band / 2;
    drawText(doc, spec.categories[c] ?? '', plot.x - labelW - 2, cy - 4, {
      ...TICK,
      color: INK.text,
      width: labelW - 4,
      align: 'right',
      ellipsis: true,
    });
    let base = 0;
    spec.series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      const top = spec.stacked ? cy - barH / 2 : cy - barH / 2 + i * subH;
      if (v > 0) {
        const from = spec.stacked ? base : 0;
        doc
          .save()
          .rect(xOf(from), top, Math.max(0.5, xOf(from + v) - xOf(from)), subH)
          .fill(seriesColor(i))
          .restore();
      }
      if (!spec.stacked && subH >= 6)
        drawText(doc, formatValue(v, spec.format ?? 'int'), xOf(v) + 3, top + subH / 2 - 3.5, {
          size: 6.5,
          color: INK.muted,
        });
      base += Math.max(0, v);
    });
    if (spec.stacked)
      drawText(doc, formatValue(totals[c] ?? 0, spec.format ?? 'int'), xOf(totals[c] ?? 0) + 3, cy - 3.5, {
        size: 7,
        color: INK.muted,
      });
  }
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(INK.muted)
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.h)
    .stroke()
    .restore();
  drawText(doc, spec.valueLabel, plot.x, plot.y + plot.h + 16, {
    ...AXIS_TITLE,
    width: plot.w,
    align: 'center',
  });
  drawVerticalTitle(doc, spec.categoryLabel, box.x, plot);
}

function drawLines(doc: Doc, spec: ChartSpec, box: Box) {
  // one value axis per chart (issue #16): two units make two charts (a 'chart-pair'), not a right axis
  const integer = spec.format !== 'percent' && spec.format !== 'decimal';
  const scale = computeLinearScale(
    spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
    5,
    integer,
  );
  const plot: Box = { x: box.x + 58, y: box.y + 6, w: box.w - 66, h: box.h - 40 };
  drawValueAxis(doc, scale, plot, spec);
  const n = spec.categories.length;
  // snapshots on a time axis: dates spaced by their gaps
  const at = categoryPositions(spec.categories);
  const xOf = (c: number) => plot.x + (at[c] ?? 0.5) * plot.w;
  spec.series.forEach((s, i) => {
    const yOf = (v: number) => plot.y + plot.h - ((v - scale.min) / (scale.max - scale.min)) * plot.h;
    doc.save().lineWidth(1.8).strokeColor(seriesColor(i)).lineJoin('round');
    const dash = DASHES[i % DASHES.length];
    if (dash) doc.dash(dash[0] ?? 3, { space: dash[1] ?? 2 });
    let started = false;
    s.values.forEach((v, c) => {
      if (v === null) {
        started = false;
        return;
      }
      if (!started) doc.moveTo(xOf(c), yOf(v));
      else doc.lineTo(xOf(c), yOf(v));
      started = true;
    });
    doc.stroke().undash().restore();
    if (n <= 2 || s.values.filter((v) => v !== null).length === 1)
      s.values.forEach((v, c) => {
        if (v !== null) doc.save().circle(xOf(c), yOf(v), 2.5).fill(seriesColor(i)).restore();
      });
  });
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(INK.muted)
    .moveTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .stroke()
    .restore();
  categoryLabels(
    doc,
    spec,
    plot,
    spec.categories.map((_, c) => xOf(c)),
    true,
  );
  drawText(doc, spec.categoryLabel, plot.x, plot.y + plot.h + 16, {
    ...AXIS_TITLE,
    width: plot.w,
    align: 'center',
  });
  drawVerticalTitle(doc, spec.valueLabel, box.x, plot);
}

/** Height a chart needs at this width (title, legend and plot). */
export function measureChart(doc: Doc, spec: ChartSpec, width: number): number {
  const legend = spec.series.length < 2 ? 0 : legendRows(doc, spec, width) * 12 + 4;
  const perRow = spec.stacked ? 22 : Math.max(22, 10 * spec.series.length + 8);
  const plot =
    spec.kind === 'hbar' ? Math.max(120, Math.min(560, spec.categories.length * perRow + 40)) : 190;
  return 22 + legend + plot;
}

/**
 * The least height a chart may be drawn at to use the rest of a page: a column or line chart's
 * plot may lose up to a third (still legible); a horizontal bar chart keeps one row per category.
 */
export function minChartHeight(doc: Doc, spec: ChartSpec, width: number): number {
  const full = measureChart(doc, spec, width);
  return spec.kind === 'hbar' ? full : full - Math.round(190 / 3);
}

/** Draws a chart with its title and legend in a box at (x, y), `height` high (default: measureChart). */
export function drawChart(
  doc: Doc,
  spec: ChartSpec,
  x: number,
  y: number,
  w: number,
  height?: number,
): number {
  const h = height ?? measureChart(doc, spec, w);
  drawText(doc, spec.title, x, y, { font: FONT.bold, size: 11, width: w });
  let top = y + 18;
  top += drawLegend(doc, spec, x, top, w);
  const box: Box = { x, y: top, w, h: y + h - top };
  if (spec.series.every((s) => s.values.every((v) => v === null || v === 0))) {
    drawText(doc, 'No data to chart.', x, top + 20, { color: INK.muted, size: 9 });
    return h;
  }
  if (spec.kind === 'bar') drawBars(doc, spec, box);
  else if (spec.kind === 'hbar') drawHorizontalBars(doc, spec, box);
  else drawLines(doc, spec, box);
  return h;
}
