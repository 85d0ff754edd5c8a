/**
 * The scenario section's layout (lib/views/reports/scenario.ts) on the small tree's documents:
 * the cost part is drawn only when the result has a cost, as a before / after / difference table,
 * and the PDF draws at most pdfChangeRows changes while the workbook keeps them all.
 */
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from '@/lib/export/xlsx';
import type { ReportDocument, ReportTable } from '@/lib/export/report-model';
import { applyOperations } from '@/lib/scenarios';
import { scenarioSection, type ScenarioSectionInput } from '@/lib/views/reports/scenario';
import { documentOf, readSmallTree } from '../scenarios/small-tree';

async function input(extra: Record<string, unknown> = {}): Promise<ScenarioSectionInput> {
  const records = await readSmallTree();
  const applied = applyOperations(records, [{ op: 'merge', from: 'G', into: 'B' }]);
  if (!applied.ok) throw new Error(applied.refusal.message);
  return {
    scenario: {
      id: 7,
      name: 'Flatter',
      status: 'draft',
      effectiveDate: '2024-09-01',
      ownerEmail: 'hr@x.test',
      fromAsOf: '2024-06-30',
      unitLabel: 'the whole organisation',
      operations: 1,
    },
    result: {
      before: documentOf(records),
      after: documentOf(applied.records),
      changes: applied.changes,
      ...extra,
    },
    ceiling: null,
    nameOf: (id) => id ?? 'nobody',
    pdfChangeRows: 1,
  };
}

const tables = (s: ReturnType<typeof scenarioSection>): ReportTable[] =>
  s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

describe('scenario section', () => {
  it('draws no cost without one, and a before / after / difference cost table with one', async () => {
    const plain = scenarioSection(await input());
    expect(tables(plain).map((t) => t.id)).not.toContain('scenario-7-cost');
    const costed = scenarioSection(
      await input({
        cost: { before: { management: 500, perIc: 70.5 }, after: { management: 420, perIc: 61.25 } },
      }),
    );
    const cost = tables(costed).find((t) => t.id === 'scenario-7-cost');
    expect(cost?.rows).toEqual([
      ['Management', 500, 420, -80],
      ['Per IC', 70.5, 61.25, -9.25],
    ]);
  });

  it('caps the changes in the PDF, keeps them all in the workbook on one sheet', async () => {
    const section = scenarioSection(await input());
    const changes = tables(section).find((t) => t.id === 'scenario-7-changes');
    // merge G into B moves H and I
    expect(changes?.rows.map((r) => r[1])).toEqual(['H', 'I']);
    expect(changes?.pdfRowLimit).toBe(1);
    expect(changes?.note).toMatch(/first 1 of 2 changes/);
    const doc: ReportDocument = {
      meta: {
        title: 'Planning review',
        organisation: 'Test',
        scopeLabel: 'Whole organisation',
        asOf: '2024-06-30',
        comparisonAsOf: null,
        generatedAt: '2024-07-01 09:00 UTC',
        generatedAtIso: '2024-07-01T09:00:00.000Z',
        generatedBy: 'hr',
        role: 'hr',
        minGroupSize: 5,
        suppressionApplied: false,
        includesPeople: true,
        sectionTitles: [section.title],
      },
      sections: [section],
      definitions: [],
    };
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Scenario Flatter']);
    const rows = (wb.getWorksheet('Scenario Flatter')?.getSheetValues() ?? []).map((r) =>
      Array.isArray(r) ? r.slice(1) : [],
    );
    expect(rows.filter((r) => r[0] === 'Moved').map((r) => r[1])).toEqual(['H', 'I']);
  });
});
