import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '@/lib/export/pdf';
import type { ChartSpec, ReportDocument, ReportSection } from '@/lib/export/report-model';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

function meta(scopeLabel: string): ReportDocument['meta'] {
  return {
    title: 'Planning review',
    organisation: 'Organisation',
    scopeLabel,
    asOf: '2024-02-29',
    comparisonAsOf: null,
    generatedAt: '2024-03-01 09:15 UTC',
    generatedAtIso: '2024-03-01T09:15:00.000Z',
    generatedBy: 'Test',
    role: 'leader',
    minGroupSize: 5,
    suppressionApplied: true,
    includesPeople: false,
    sectionTitles: [],
  };
}

const bar = (title: string): ChartSpec => ({
  kind: 'bar',
  title,
  categoryLabel: 'Span band',
  valueLabel: 'Managers',
  categories: ['1', '2-3', '4-7'],
  series: [{ label: 'Managers', values: [3, 8, 5] }],
});

async function pagesOf(report: ReportDocument): Promise<string[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'strata-pdf-')), 'r.pdf');
  fs.writeFileSync(file, await renderReportPdf(report));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim());
}

const short = (id: string, title: string): ReportSection => ({
  id,
  title,
  intro: `What ${title} shows.`,
  blocks: [{ kind: 'paragraph', text: `${title} body.` }],
});

describe('PDF pack layout', () => {
  it.skipIf(!hasPoppler)('names the subtree on the cover, not just the organisation', async () => {
    const [cover] = await pagesOf({
      meta: meta('Subtree of Ada Lovelace (E000002), your scope'),
      sections: [short('a', 'Overview')],
      definitions: [],
    });
    const lines = (cover ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const title = lines.indexOf('Planning review');
    expect(lines[title + 1]).toBe('Subtree of Ada Lovelace (E000002), your scope');
    expect(lines[title + 2]).toBe('in Organisation');
  });

  it.skipIf(!hasPoppler)('lets short sections follow each other on one page', async () => {
    const pages = await pagesOf({
      meta: meta('Whole organisation'),
      sections: [short('a', 'Overview'), short('b', 'Structure'), short('c', 'Trends')],
      definitions: [{ group: 'Structure', term: 'Headcount', definition: 'Filled people.' }],
    });
    // cover + one page holding the three sections and the appendix (was one page per section)
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatch(/Overview[\s\S]*Structure[\s\S]*Trends[\s\S]*Appendix: definitions/);
    expect(pages[0]).toMatch(/Overview\s*\.*\s*2\s*\n[\s\S]*Structure\s*\.*\s*2\s*\n/);
  });

  /** A page-long text block of `lines` bullets, then the charts. */
  const afterText = (lines: number, charts: string[]) =>
    pagesOf({
      meta: meta('Whole organisation'),
      sections: [
        {
          id: 'a',
          title: 'Structure',
          blocks: [
            { kind: 'bullets', items: Array.from({ length: lines }, (_, i) => `Line ${i + 1}`) },
            ...charts.map((t) => ({ kind: 'chart' as const, chart: bar(t) })),
          ],
        },
      ],
      definitions: [],
    });

  it.skipIf(!hasPoppler)('keeps every chart title on the page its chart is drawn on', async () => {
    // The text leaves various amounts of room at the foot of page 2 for the charts.
    for (const lines of [29, 31, 33, 36, 40]) {
      const pages = await afterText(lines, ['Span bands', 'Spans of control']);
      for (const title of ['Span bands', 'Spans of control']) {
        const page = pages.find((p) => p.includes(title)) ?? '';
        // the axis titles under and beside the plot are on the same page as the chart title
        const after = page.slice(page.indexOf(title));
        expect(after, `${title} after ${lines} lines`).toContain('Span band');
        expect(after, `${title} after ${lines} lines`).toContain('Managers');
      }
    }
  });

  it.skipIf(!hasPoppler)('uses the foot of a page for a chart that fits once slightly shorter', async () => {
    // 31 lines leave room for a shortened chart but not a full-height one.
    expect(await afterText(31, ['Span bands'])).toHaveLength(2);
  });
});
