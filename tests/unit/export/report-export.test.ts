import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  categoryPositions,
  computeLinearScale,
  pickLabelIndices,
  pickLabelsAt,
} from '@/lib/export/chart-scale';
import { formatChange, formatValue } from '@/lib/export/format';
import { renderReportPdf } from '@/lib/export/pdf';
import PDFDocument from 'pdfkit';
import { computeColumnWidths } from '@/lib/export/pdf-table';
import { registerFonts, textWidth, toPdfText } from '@/lib/export/pdf-text';
import { renderTableCsv } from '@/lib/export/report-csv';
import type { ReportDocument, ReportTable } from '@/lib/export/report-model';
import { renderReportXlsx, toSheetName } from '@/lib/export/xlsx';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

const longTable: ReportTable = {
  id: 'people',
  title: 'A long table',
  columns: [
    { key: 'name', label: 'Name', format: 'text' },
    { key: 'n', label: 'Count', format: 'int' },
    { key: 'share', label: 'Share', format: 'percent' },
  ],
  rows: Array.from({ length: 150 }, (_, i) => [
    i === 0 ? '=HYPERLINK("x")' : i === 74 ? '\u0141ukasz \u0410\u043d\u043d\u0430' : `Row ${i + 1}`,
    i + 1,
    (i + 1) / 150,
  ]),
};

const doc: ReportDocument = {
  meta: {
    title: 'Planning review',
    organisation: 'Zoë & Co',
    scopeLabel: 'Whole organisation',
    asOf: '2024-02-29',
    comparisonAsOf: null,
    generatedAt: '2024-03-01 09:15 UTC',
    generatedAtIso: '2024-03-01T09:15:00.000Z',
    generatedBy: 'Test',
    role: 'admin',
    minGroupSize: 5,
    suppressionApplied: false,
    includesPeople: false,
    sectionTitles: ['Only'],
  },
  sections: [
    {
      id: 'only',
      title: 'Only',
      blocks: [
        {
          kind: 'chart',
          chart: {
            kind: 'line',
            title: 'A line',
            categoryLabel: 'Snapshot',
            valueLabel: 'People',
            categories: ['2024-01-31', '2024-02-29'],
            series: [{ label: 'Headcount', values: [10, 12] }],
          },
        },
        { kind: 'table', table: longTable },
      ],
    },
  ],
  definitions: [{ group: 'Structure', term: 'Headcount', definition: 'Filled people.' }],
};

describe('report export helpers', () => {
  it('chooses round axis ticks and non-overlapping labels', () => {
    expect(computeLinearScale([0, 37]).ticks).toEqual([0, 10, 20, 30, 40]);
    expect(computeLinearScale([3, 3.4], 5, false).ticks.at(-1)).toBeGreaterThanOrEqual(3.4);
    const picked = pickLabelIndices(24, 400, 60);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(23);
    expect(picked.length).toBeLessThanOrEqual(7);
  });

  it('places snapshot dates on a time axis: a 12-month gap is twice a 6-month one (issue #16)', () => {
    // the Home Office's snapshots: 2011-03-31, 2011-09-30, 2012-09-30 (183 and 366 days apart)
    const at = categoryPositions(['2011-03-31', '2011-09-30', '2012-09-30']);
    expect(at[0]).toBe(0);
    expect(at[2]).toBe(1);
    expect(at[1]).toBeCloseTo(183 / 549, 6);
    // months or labels stay evenly spaced
    expect(categoryPositions(['2026-05', '2026-06', '2026-07'])).toEqual([0, 0.5, 1]);
    expect(categoryPositions(['b', 'a'])).toEqual([0, 1]);
    // labels at uneven positions never overlap, and the first and last are drawn
    const xs = [0, 10, 20, 200, 400];
    expect(pickLabelsAt(xs, 60)).toEqual([0, 3, 4]);
    expect(pickLabelsAt([0, 100, 130], 60)).toEqual([0, 2]);
  });

  it('formats values and changes the same way everywhere', () => {
    expect(formatValue(3000, 'int')).toBe('3,000');
    expect(formatValue(4.42857, 'decimal')).toBe('4.43');
    expect(formatValue(0.0645, 'percent')).toBe('6.5%');
    expect(formatValue(null, 'int')).toBe('\u2014');
    expect(formatChange(-3, 'int')).toBe('-3');
    expect(formatChange(0.001, 'percent')).toBe('+0.1 pts');
    expect(formatChange(0, 'int')).toBe('\u00b10');
  });

  it('keeps what the embedded font prints and marks the rest', async () => {
    await renderReportPdf(doc); // registers the font, so its coverage is known
    // Minus, >=, arrows, Polish, Greek and Cyrillic print as written; a CJK name has no glyph.
    const sample =
      '\u22123 \u2265 5 \u2192 Zo\u00eb \u0141ukasz \u0391\u03bb\u03ad\u03be\u03b7\u03c2 \u041e\u043b\u044c\u0433\u0430 \u674e \u2014 \u201cq\u201d';
    expect(toPdfText(sample)).toBe(sample.replace('\u674e', '?'));
    expect(toPdfText('a\tb\u0007c\nd')).toBe('a b c\nd');
  });

  it('gives a long text column the width it needs relative to the others, not the same cap', () => {
    const pdf = new PDFDocument({ size: 'A4' });
    registerFonts(pdf);
    const reasons =
      'Holds the highest IC level in Customer Support (IC3): no IC rung above them there. 64 months in IC3: over 24 months (too few promotions from IC3 to compare).';
    const table: ReportTable = {
      id: 'risk',
      title: 'Risk',
      columns: [
        { key: 'name', label: 'Name', format: 'text' },
        { key: 'title', label: 'Title', format: 'text' },
        { key: 'score', label: 'Score', format: 'int' },
        { key: 'reasons', label: 'Reasons', format: 'text' },
      ],
      rows: [['Charles Menon', 'Senior Support Specialist, Customer Operations', 60, reasons]],
    };
    const widths = computeColumnWidths(pdf, table, 480);
    const [name, title, score, why] = widths.map((w) => w ?? 0) as [number, number, number, number];
    expect(name + title + score + why).toBeCloseTo(480, 3);
    expect(why).toBeGreaterThan(2 * title);
    // About as many lines in the two wrapped columns (width shares follow the text lengths).
    const lines = (text: string, w: number) => textWidth(pdf, text, { size: 8 }) / w;
    const ratio = lines(reasons, why) / lines('Senior Support Specialist, Customer Operations', title);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    expect(score).toBeGreaterThanOrEqual(textWidth(pdf, 'Score', { size: 8 }));
  });

  it('makes valid, unique sheet names', () => {
    const taken = new Set<string>();
    expect(toSheetName('IC-ceiling risk by department [all]', taken)).toBe('IC-ceiling risk by department');
    expect(toSheetName('IC-ceiling risk by department', taken)).toBe('IC-ceiling risk by department 2');
    expect(toSheetName('a/b:c', taken)).toBe('a b c');
  });

  it('writes CSV with raw numbers and neutralised text', () => {
    const csv = renderTableCsv({ ...longTable, rows: longTable.rows.slice(0, 2) });
    expect(csv).toBe(
      'Name,Count,Share\r\n"\'=HYPERLINK(""x"")",1,0.006666666666666667\r\nRow 2,2,0.013333333333333334\r\n',
    );
  });

  it('writes typed numbers with formats, frozen bold headers and safe text to XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'A long table']);
    const ws = wb.getWorksheet('A long table');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(ws?.getCell('A2').value).toBe('\'=HYPERLINK("x")');
    expect(ws?.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('B3').value).toBe(2);
    expect(ws?.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(ws?.getCell('C3').numFmt).toBe('0.0%');
    expect(ws?.rowCount).toBe(151);
  });

  it.skipIf(!hasPoppler)(
    'repeats a long table header on every page it runs onto, with page numbers',
    async () => {
      const bytes = await renderReportPdf(doc);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'strata-pdf-')), 'r.pdf');
      fs.writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.length).toBeGreaterThanOrEqual(5);
      const tablePages = pages.filter((p) => /Row \d+/.test(p));
      expect(tablePages.length).toBeGreaterThanOrEqual(3);
      for (const p of tablePages.slice(1))
        expect(p).toMatch(/A long table \(continued\)\s*\n\s*Name\s+Count\s+Share/);
      expect(text).toContain('Row 150');
      expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
      expect(text).toContain('Zo\u00eb & Co');
      // Names outside Latin-1 survive into the PDF's text (the font is embedded, not WinAnsi).
      expect(text).toContain('\u0141ukasz \u0410\u043d\u043d\u0430');
    },
  );
});
