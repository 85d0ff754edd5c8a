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
import type { ScenarioCostView } from '@/lib/scenarios';
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
    minGroupSize: 5,
  };
}

const tables = (s: ReturnType<typeof scenarioSection>): ReportTable[] =>
  s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

describe('scenario section', () => {
  it('draws no cost without one; with one, before / after / difference and the cost that moves', async () => {
    const plain = scenarioSection(await input());
    expect(tables(plain).map((t) => t.id)).not.toContain('scenario-7-cost');
    const side = (total: number, management: number) => ({
      total,
      management,
      ic: total - management,
      managementShare: Math.round((management / total) * 10000) / 10000,
      costPerIc: null,
      managementCostPerIc: null,
      coverage: 1,
    });
    const cost: ScenarioCostView = {
      hiddenReason: null,
      before: side(1000, 400),
      after: side(900, 300),
      difference: { total: -100, management: -100, ic: 0 },
      removed: { people: 1, costed: 1, cost: 100 },
      becameManagers: { people: 0, costed: 0, cost: 0 },
      stoppedManaging: { people: 1, costed: 1, cost: 90 },
      planned: { positions: [], cost: 0, notCosted: 0 },
      people: [{ id: 'G', name: 'Gus Lead', change: 'stopped-managing', annualCost: 90 }],
    };
    const costed = tables(scenarioSection(await input({ cost })));
    expect(costed.find((t) => t.id === 'scenario-7-cost')?.rows.slice(0, 4)).toEqual([
      ['Total cost', 1000, 900, -100],
      ['Management cost', 400, 300, -100],
      ['IC cost', 600, 600, 0],
      ['Management share of cost', 0.4, 0.3333, -0.0667],
    ]);
    expect(costed.find((t) => t.id === 'scenario-7-cost-moves')?.rows[0]).toEqual(['Removed', 1, 1, 100]);
    expect(costed.find((t) => t.id === 'scenario-7-cost-people')?.rows).toEqual([
      ['Stops managing', 'G', 90],
    ]);
    // a leader whose unit has someone without a cost: said so, no money
    const hidden = scenarioSection(
      await input({
        cost: {
          ...cost,
          hiddenReason: 'partial-coverage',
          before: { suppressed: true, minGroupSize: 5 },
          after: { suppressed: true, minGroupSize: 5 },
          difference: { suppressed: true, minGroupSize: 5 },
          people: undefined,
        },
      }),
    );
    expect(tables(hidden).map((t) => t.id)).not.toContain('scenario-7-cost');
    expect(hidden.blocks.some((b) => b.kind === 'suppressed' && /no cost on record/.test(b.text))).toBe(true);
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
