/**
 * Tables for the PDF pack: column widths from the content, text wrapped inside cells, numbers
 * right-aligned, zebra rows, and the header row repeated on every page the table runs onto.
 */
import { isHiddenText } from '@/lib/privacy/hidden-text';
import { formatValue } from './format';
import type { PdfFlow } from './pdf-flow';
import { drawText, FONT, INK, measureText, textWidth, type Doc } from './pdf-text';
import type { ReportCell, ReportTable, ValueFormat } from './report-model';

const SIZE = 8;
const PAD_X = 4;
const PAD_Y = 3;
const SAMPLE_ROWS = 300;

function cellText(table: ReportTable, row: number, col: number): string {
  const column = table.columns[col];
  const v: ReportCell | undefined = table.rows[row]?.[col];
  if (!column) return '';
  const format: ValueFormat =
    column.format !== 'text' && typeof v === 'number'
      ? (table.rowFormats?.[row] ?? column.format)
      : column.format;
  return formatValue(v ?? null, format);
}

function longestWord(doc: Doc, text: string, font: string): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(doc, w, { font, size: SIZE })));
}

/**
 * Column widths that fit the page. In order of preference: every header and cell on one line;
 * else cells on one line with long headers wrapped; else the widest columns capped (water-filling)
 * so short columns keep their width and only the longest text wraps.
 */
export function computeColumnWidths(doc: Doc, table: ReportTable, total: number): number[] {
  const n = table.columns.length;
  const full: number[] = [];
  const natural: number[] = [];
  const minimum: number[] = [];
  const rows = Math.min(table.rows.length, SAMPLE_ROWS);
  table.columns.forEach((c, j) => {
    const header = longestWord(doc, c.label, FONT.bold);
    let data = 0;
    let min = header;
    for (let r = 0; r < rows; r++) {
      const t = cellText(table, r, j);
      data = Math.max(data, textWidth(doc, t, { size: SIZE }));
      min = Math.max(
        min,
        c.format === 'text'
          ? Math.min(longestWord(doc, t, FONT.regular), 90)
          : textWidth(doc, t, { size: SIZE }),
      );
    }
    full.push(Math.max(data, textWidth(doc, c.label, { font: FONT.bold, size: SIZE })) + 2 * PAD_X);
    natural.push(Math.max(data, header) + 2 * PAD_X);
    minimum.push(Math.min(Math.max(data, header), min) + 2 * PAD_X);
  });
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  if (sum(full) <= total) return full.map((w) => w + (total - sum(full)) / Math.max(1, n));
  if (sum(natural) <= total) {
    // give the room left to the headers that wrap, in proportion to what each needs
    const need = full.map((w, j) => w - (natural[j] ?? 0));
    const room = total - sum(natural);
    return natural.map((w, j) => w + ((need[j] ?? 0) / Math.max(1e-9, sum(need))) * room);
  }
  const minSum = sum(minimum);
  if (minSum >= total) return minimum.map((w) => (w / minSum) * total);
  const at = (cap: number) => natural.map((w, j) => Math.max(minimum[j] ?? 0, Math.min(w, cap)));
  let lo = 0;
  let hi = Math.max(...natural);
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (sum(at(mid)) > total) hi = mid;
    else lo = mid;
  }
  // The columns the cap cut share what the others leave in proportion to their natural widths, so
  // each wraps to about the same number of lines (a long "reasons" column no longer gets the
  // width of a short title and runs ten lines deep); never below a column's longest word.
  const widths = at(lo);
  let open = natural.map((w, j) => j).filter((j) => (natural[j] ?? 0) > lo + 0.5);
  let room = total - sum(widths.filter((_, j) => !open.includes(j)));
  for (let pass = 0; pass < n && open.length > 0; pass++) {
    const weight = sum(open.map((j) => natural[j] ?? 0));
    const short = open.filter((j) => (room * (natural[j] ?? 0)) / weight < (minimum[j] ?? 0));
    if (short.length === 0) {
      for (const j of open) widths[j] = (room * (natural[j] ?? 0)) / weight;
      open = [];
      break;
    }
    for (const j of short) {
      widths[j] = minimum[j] ?? 0;
      room -= widths[j] ?? 0;
    }
    open = open.filter((j) => !short.includes(j));
  }
  const slack = total - sum(widths);
  return widths.map((w) => w + slack / n);
}

function headerHeight(doc: Doc, table: ReportTable, widths: number[]): number {
  return (
    Math.max(
      ...table.columns.map((c, j) =>
        measureText(doc, c.label, (widths[j] ?? 40) - 2 * PAD_X, { font: FONT.bold, size: SIZE }),
      ),
    ) +
    2 * PAD_Y
  );
}

function drawHeader(doc: Doc, flow: PdfFlow, table: ReportTable, widths: number[]): void {
  const h = headerHeight(doc, table, widths);
  doc.save().rect(flow.left, flow.y, flow.width, h).fill(INK.headerFill).restore();
  let x = flow.left;
  table.columns.forEach((c, j) => {
    const w = widths[j] ?? 40;
    drawText(doc, c.label, x + PAD_X, flow.y + PAD_Y, {
      font: FONT.bold,
      size: SIZE,
      width: w - 2 * PAD_X,
      align: c.format === 'text' ? 'left' : 'right',
    });
    x += w;
  });
  flow.y += h;
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(INK.border)
    .moveTo(flow.left, flow.y)
    .lineTo(flow.left + flow.width, flow.y)
    .stroke()
    .restore();
}

/** Height of a table's title, note, header and first rows: what must fit on the page it starts on. */
export function measureTableLead(doc: Doc, table: ReportTable, width: number): number {
  const widths = computeColumnWidths(doc, table, width);
  const noteH = table.note ? measureText(doc, table.note, width, { size: 8 }) + 3 : 0;
  // Keep the title with the header and the first few rows (a lone header at a page foot reads badly).
  const firstRowsH = table.rows.length ? Math.min(3, table.rows.length) * 15 : 14;
  return 18 + noteH + headerHeight(doc, table, widths) + firstRowsH;
}

/** Draws a titled table at the cursor, breaking pages between rows and repeating the header. */
export function drawTable(doc: Doc, flow: PdfFlow, table: ReportTable): void {
  const widths = computeColumnWidths(doc, table, flow.width);
  const noteH = table.note ? measureText(doc, table.note, flow.width, { size: 8 }) + 3 : 0;
  flow.ensure(measureTableLead(doc, table, flow.width));
  drawText(doc, table.title, flow.left, flow.y, { font: FONT.bold, size: 11, width: flow.width });
  flow.gap(16);
  if (table.note) {
    drawText(doc, table.note, flow.left, flow.y, { size: 8, color: INK.muted, width: flow.width });
    flow.gap(noteH);
  }
  if (table.rows.length === 0) {
    drawHeader(doc, flow, table, widths);
    drawText(doc, 'No rows.', flow.left + PAD_X, flow.y + PAD_Y, { size: SIZE, color: INK.muted });
    flow.gap(16);
    return;
  }
  const repeat = () => {
    drawText(doc, `${table.title} (continued)`, flow.left, flow.y, {
      font: FONT.bold,
      size: 9,
      color: INK.muted,
    });
    flow.gap(13);
    drawHeader(doc, flow, table, widths);
  };
  drawHeader(doc, flow, table, widths);
  flow.withBreakHandler(repeat, () => {
    table.rows.forEach((_, r) => {
      const texts = table.columns.map((_c, j) => cellText(table, r, j));
      const h =
        Math.max(...texts.map((t, j) => measureText(doc, t, (widths[j] ?? 40) - 2 * PAD_X, { size: SIZE }))) +
        2 * PAD_Y;
      if (flow.y + h > flow.bottom) flow.newPage();
      if (r % 2 === 1) doc.save().rect(flow.left, flow.y, flow.width, h).fill(INK.zebra).restore();
      let x = flow.left;
      table.columns.forEach((c, j) => {
        const w = widths[j] ?? 40;
        const isNumber = c.format !== 'text' && typeof table.rows[r]?.[j] === 'number';
        drawText(doc, texts[j] ?? '', x + PAD_X, flow.y + PAD_Y, {
          size: SIZE,
          width: w - 2 * PAD_X,
          align: isNumber || c.format !== 'text' ? 'right' : 'left',
          color: texts[j] === '\u2014' || isHiddenText(texts[j] ?? '') ? INK.muted : INK.text,
        });
        x += w;
      });
      flow.y += h;
    });
  });
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(INK.border)
    .moveTo(flow.left, flow.y)
    .lineTo(flow.left + flow.width, flow.y)
    .stroke()
    .restore();
  flow.gap(14);
}
