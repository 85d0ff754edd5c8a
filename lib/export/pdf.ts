/**
 * The planning-review PDF pack, built on the server with pdfkit (no browser): a cover (organisation,
 * scope, snapshot, generated at and by whom, contents), then one chapter per section with KPI
 * cards, vector charts and tables, a definitions appendix, and "Page N of M" with the scope and
 * snapshot on every page. It renders a ReportDocument; it never computes or looks anything up.
 */
import PDFDocument from 'pdfkit';
import { hiddenRule } from '@/lib/privacy/hidden-text';
import { drawChart, measureChart, minChartHeight } from './pdf-charts';
import { PAGE, PdfFlow } from './pdf-flow';
import { drawTable, measureTableLead } from './pdf-table';
import { drawText, FONT, INK, measureText, registerFonts, toPdfText, type Doc } from './pdf-text';
import { formatChange, formatValue } from './format';
import {
  WHOLE_ORGANISATION,
  type KpiItem,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
} from './report-model';

function heading(doc: Doc, flow: PdfFlow, text: string, size: number, space = 8): void {
  const h = measureText(doc, text, flow.width, { font: FONT.bold, size });
  flow.ensure(h + 40);
  drawText(doc, text, flow.left, flow.y, { font: FONT.bold, size, width: flow.width });
  flow.gap(h + space);
}

function paragraph(doc: Doc, flow: PdfFlow, text: string, color: string = INK.text, size = 9.5): void {
  const h = measureText(doc, text, flow.width, { size });
  flow.ensure(h);
  drawText(doc, text, flow.left, flow.y, { size, color, width: flow.width });
  flow.gap(h + 8);
}

function boxedNote(doc: Doc, flow: PdfFlow, text: string, fill: string, color: string): void {
  const h = measureText(doc, text, flow.width - 16, { size: 9 }) + 12;
  flow.ensure(h);
  doc.save().roundedRect(flow.left, flow.y, flow.width, h, 4).fill(fill).restore();
  drawText(doc, text, flow.left + 8, flow.y + 6, { size: 9, color, width: flow.width - 16 });
  flow.gap(h + 10);
}

function kpiCard(doc: Doc, k: KpiItem, x: number, y: number, w: number, h: number, cmp: string | null) {
  doc.save().roundedRect(x, y, w, h, 4).lineWidth(0.7).strokeColor(INK.border).stroke().restore();
  drawText(doc, k.label, x + 7, y + 6, { size: 8, color: INK.muted, width: w - 14 });
  drawText(doc, formatValue(k.value, k.format), x + 7, y + 18, { font: FONT.bold, size: 17, width: w - 14 });
  const lines = [
    `vs previous: ${formatChange(k.changeVsPrevious, k.format)}`,
    `vs peak${k.peak !== null ? ` (${formatValue(k.peak, k.format)})` : ''}: ${formatChange(k.changeVsPeak, k.format)}`,
  ];
  if (cmp !== null) lines.push(`vs ${cmp}: ${formatChange(k.changeVsComparison ?? null, k.format)}`);
  lines.forEach((l, i) =>
    drawText(doc, l, x + 7, y + 41 + i * 10, { size: 7.5, color: INK.muted, width: w - 14 }),
  );
}

function kpiGrid(doc: Doc, flow: PdfFlow, b: Extract<ReportBlock, { kind: 'kpis' }>): void {
  const cols = 4;
  const gap = 8;
  const w = (flow.width - gap * (cols - 1)) / cols;
  const h = b.comparisonAsOf ? 74 : 64;
  for (let i = 0; i < b.items.length; i += cols) {
    flow.ensure(h + gap);
    b.items
      .slice(i, i + cols)
      .forEach((k, j) => kpiCard(doc, k, flow.left + j * (w + gap), flow.y, w, h, b.comparisonAsOf));
    flow.gap(h + gap);
  }
  const basis = [
    b.previousAsOf
      ? `Previous = the ${b.previousAsOf} snapshot.`
      : 'No earlier snapshot: no change vs previous.',
    'Peak = the highest value over earlier snapshots.',
    b.comparisonAsOf ? `Comparison = the ${b.comparisonAsOf} snapshot chosen for this pack.` : '',
    'Shares change in percentage points.',
  ]
    .filter(Boolean)
    .join(' ');
  paragraph(doc, flow, basis, INK.muted, 8);
}

const PAIR_GAP = 18;

/** Least height a block needs on the page it starts on (a heading is kept with it). */
function leadHeight(doc: Doc, flow: PdfFlow, b: ReportBlock | undefined): number {
  switch (b?.kind) {
    case 'kpis':
      return (b.comparisonAsOf ? 74 : 64) + 8;
    case 'chart':
      return minChartHeight(doc, b.chart, flow.width) + 10;
    case 'chart-pair':
      return Math.max(...b.charts.map((c) => minChartHeight(doc, c, (flow.width - PAIR_GAP) / 2))) + 10;
    case 'table':
      return b.table.inPdf === false ? 0 : measureTableLead(doc, b.table, flow.width);
    case undefined:
      return 0;
    default:
      return 40;
  }
}

function drawBlock(doc: Doc, flow: PdfFlow, b: ReportBlock): void {
  switch (b.kind) {
    case 'kpis':
      kpiGrid(doc, flow, b);
      return;
    case 'chart': {
      // A chart keeps its title: it shrinks a little to use the page's foot, else moves whole.
      const h = flow.fit(
        measureChart(doc, b.chart, flow.width),
        minChartHeight(doc, b.chart, flow.width),
        10,
      );
      drawChart(doc, b.chart, flow.left, flow.y, flow.width, h);
      flow.gap(h + 16);
      return;
    }
    case 'chart-pair': {
      const w = (flow.width - PAIR_GAP) / 2;
      const h = flow.fit(
        Math.max(...b.charts.map((c) => measureChart(doc, c, w))),
        Math.max(...b.charts.map((c) => minChartHeight(doc, c, w))),
        10,
      );
      b.charts.forEach((c, i) => drawChart(doc, c, flow.left + i * (w + PAIR_GAP), flow.y, w, h));
      flow.gap(h + 16);
      return;
    }
    case 'table': {
      const { table } = b;
      if (table.inPdf === false) return;
      const limit = table.pdfRowLimit;
      drawTable(
        doc,
        flow,
        limit !== undefined && table.rows.length > limit
          ? { ...table, rows: table.rows.slice(0, limit) }
          : table,
      );
      return;
    }
    case 'paragraph':
      paragraph(doc, flow, b.text);
      return;
    case 'bullets': {
      if (b.title) heading(doc, flow, b.title, 11, 4);
      for (const item of b.items) {
        const h = measureText(doc, item, flow.width - 14, { size: 9.5 });
        flow.ensure(h);
        drawText(doc, '\u2022', flow.left + 2, flow.y, { size: 9.5 });
        drawText(doc, item, flow.left + 14, flow.y, { size: 9.5, width: flow.width - 14 });
        flow.gap(h + 4);
      }
      flow.gap(6);
      return;
    }
    case 'suppressed':
      boxedNote(doc, flow, b.text, INK.suppressedFill, INK.suppressedText);
      return;
    case 'notice':
      boxedNote(doc, flow, b.text, '#e6eef7', '#0b3d70');
      return;
  }
}

/** Draws a section where the cursor is (sections flow); returns the page its heading is on. */
function drawSection(doc: Doc, flow: PdfFlow, s: ReportSection): number {
  const titleH = measureText(doc, s.title, flow.width, { font: FONT.bold, size: 18 }) + 16;
  const introH = s.intro ? measureText(doc, s.intro, flow.width, { size: 9.5 }) + 8 : 0;
  // Keep the heading with its intro and the start of its first block.
  flow.ensure(
    titleH +
      introH +
      leadHeight(
        doc,
        flow,
        s.blocks.find((b) => leadHeight(doc, flow, b) > 0),
      ),
  );
  const page = flow.pageNumber;
  heading(doc, flow, s.title, 18, 6);
  doc
    .save()
    .lineWidth(1.5)
    .strokeColor(INK.accent)
    .moveTo(flow.left, flow.y)
    .lineTo(flow.left + 60, flow.y)
    .stroke()
    .restore();
  flow.gap(10);
  if (s.intro) paragraph(doc, flow, s.intro, INK.muted);
  for (const b of s.blocks) drawBlock(doc, flow, b);
  return page;
}

/** The cover band's two lines: what the pack covers, then the organisation it lies in. */
export function coverLines(m: Pick<ReportDocument['meta'], 'organisation' | 'scopeLabel'>): [string, string] {
  return m.scopeLabel === WHOLE_ORGANISATION
    ? [m.organisation, WHOLE_ORGANISATION]
    : [m.scopeLabel, `in ${m.organisation}`];
}

function drawCover(doc: Doc, flow: PdfFlow, report: ReportDocument): number {
  const m = report.meta;
  doc.save().rect(0, 0, PAGE.width, 150).fill(INK.band).restore();
  drawText(doc, 'Strata', flow.left, 44, { font: FONT.bold, size: 14, color: '#9fb4cc' });
  drawText(doc, m.title, flow.left, 66, { font: FONT.bold, size: 26, color: '#ffffff', width: flow.width });
  // The band names what the pack covers: the subtree or department first, then its organisation.
  const [scopeLine, orgLine] = coverLines(m);
  drawText(doc, scopeLine, flow.left, 100, {
    font: FONT.bold,
    size: 14,
    color: '#ffffff',
    width: flow.width,
    ellipsis: true,
  });
  drawText(doc, orgLine, flow.left, 120, { size: 11, color: '#dbe3ec', width: flow.width, ellipsis: true });
  flow.y = 180;
  const rows: Array<[string, string]> = [
    ['Scope', m.scopeLabel],
    ['Snapshot', m.asOf],
    ['Compared with', m.comparisonAsOf ?? 'previous snapshot and peak only'],
    ['Generated', m.generatedAt],
    ['Generated by', `${m.generatedBy} (${m.role})`],
    ['Person-level pages', m.includesPeople ? 'included (confidential)' : 'not included: aggregates only'],
    [
      'Privacy',
      m.suppressionApplied
        ? `${hiddenRule(m.minGroupSize)} for this reader.`
        : `Full figures (${m.role}); groups under ${m.minGroupSize} people are not suppressed for this role.`,
    ],
  ];
  for (const [k, v] of rows) {
    const h = measureText(doc, v, flow.width - 130, { size: 10.5 });
    drawText(doc, k, flow.left, flow.y, { font: FONT.bold, size: 10.5, color: INK.muted, width: 125 });
    drawText(doc, v, flow.left + 130, flow.y, { size: 10.5, width: flow.width - 130 });
    flow.gap(Math.max(h, 13) + 7);
  }
  flow.gap(14);
  drawText(doc, 'Contents', flow.left, flow.y, { font: FONT.bold, size: 13 });
  flow.gap(20);
  const contentsTop = flow.y;
  flow.gap(16 * (report.sections.length + 1) + 18);
  paragraph(
    doc,
    flow,
    'Every figure in this pack is computed by Strata from the imported org snapshots with the definitions in the appendix, and is the same figure the dashboards show for this scope and snapshot.',
    INK.muted,
    9,
  );
  return contentsTop;
}

function drawContents(
  doc: Doc,
  left: number,
  width: number,
  top: number,
  entries: Array<[string, number]>,
): void {
  entries.forEach(([title, page], i) => {
    const y = top + i * 16;
    drawText(doc, title, left, y, { size: 10.5, width: width - 60 });
    drawText(doc, String(page), left + width - 50, y, { size: 10.5, width: 50, align: 'right' });
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor(INK.grid)
      .dash(1, { space: 2 })
      .moveTo(left + doc.widthOfString(toPdfText(title)) + 6, y + 9)
      .lineTo(left + width - 56, y + 9)
      .stroke()
      .undash()
      .restore();
  });
}

function drawFooters(doc: Doc, report: ReportDocument): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const m = report.meta;
  const left = `${m.organisation} \u00b7 ${m.scopeLabel} \u00b7 as of ${m.asOf}`;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // footers sit in the margin; stop pdfkit from adding a page
    const y = PAGE.height - PAGE.margin + 8;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(INK.border)
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.width - PAGE.margin, y - 6)
      .stroke()
      .restore();
    drawText(doc, left, PAGE.margin, y, {
      size: 7.5,
      color: INK.muted,
      width: PAGE.width - 2 * PAGE.margin - 80,
      ellipsis: true,
    });
    drawText(doc, `Page ${i + 1} of ${total}`, PAGE.width - PAGE.margin - 80, y, {
      size: 7.5,
      color: INK.muted,
      width: 80,
      align: 'right',
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Space between the end of one section and the next one's heading. */
const SECTION_GAP = 22;

/** Document properties are Unicode strings in the PDF (no font involved). */
const unicode = (text: string) => text.normalize('NFC');

/** Renders the report as a PDF; onProgress gets the fraction of sections drawn. */
export async function renderReportPdf(
  report: ReportDocument,
  onProgress?: (fraction: number) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: unicode(
        `${report.meta.title}: ${report.meta.organisation}, ${report.meta.scopeLabel}, ${report.meta.asOf}`,
      ),
      Author: unicode(report.meta.generatedBy),
      Creator: 'Strata',
      Subject: unicode(`Scope ${report.meta.scopeLabel}; snapshot ${report.meta.asOf}`),
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const flow = new PdfFlow(doc);
  const contentsTop = drawCover(doc, flow, report);
  const contents: Array<[string, number]> = [];
  // The cover stands alone; after it sections follow one another, each starting where the last ended.
  flow.newPage();
  report.sections.forEach((s, i) => {
    if (i > 0) flow.gap(SECTION_GAP);
    contents.push([s.title, drawSection(doc, flow, s)]);
    onProgress?.((i + 1) / (report.sections.length + 1));
  });
  if (report.definitions.length) {
    if (report.sections.length) flow.gap(SECTION_GAP);
    flow.ensure(120);
    contents.push(['Appendix: definitions', flow.pageNumber]);
    heading(doc, flow, 'Appendix: definitions', 18, 10);
    let group = '';
    for (const d of report.definitions) {
      if (d.group !== group) {
        if (group) flow.gap(8);
        group = d.group;
        heading(doc, flow, group, 11.5, 4);
      }
      const h = measureText(doc, d.definition, flow.width - 140, { size: 9 });
      flow.ensure(h + 4);
      drawText(doc, d.term, flow.left, flow.y, { font: FONT.bold, size: 9, width: 132 });
      drawText(doc, d.definition, flow.left + 140, flow.y, { size: 9, width: flow.width - 140 });
      flow.gap(Math.max(h, measureText(doc, d.term, 132, { font: FONT.bold, size: 9 })) + 6);
    }
  }
  doc.switchToPage(0);
  drawContents(doc, flow.left, flow.width, contentsTop, contents);
  drawFooters(doc, report);
  doc.end();
  onProgress?.(1);
  return done;
}
