/**
 * Scenarios in the planning pack and the workbook (issue #14 part 5), on both databases: the
 * scenario section's figures against hand-computed ones on tests/fixtures/scenarios/small-tree
 * (drawn in tests/unit/scenarios/small-tree.ts), a leader cannot include another subtree's
 * scenario, rights re-checked at download, and every export audited as scenario.export.
 *
 * The scenario: merge G into B (H and I move to B; G stays, as an IC under C), and F from IC3 to IC2.
 *   before: managers A(3) B(3) C(2) G(2) K(1): 5, mean span 11/5 = 2.2, median 2; layers 4
 *           (1: A; 2: B C K; 3: D E F G J L; 4: H I); span bands 1: K, 2-3: A B C G.
 *   after:  managers A(3) B(5) C(2) K(1): 4, ICs 8, mean 11/4 = 2.75, median (2+3)/2 = 2.5;
 *           layers 3 (1: A; 2: B C K; 3: D E F G H I J L = 8); bands 1: K, 2-3: A C, 4-7: B.
 *   ceiling: Eng's highest IC level is IC3 (F) before and IC2 after (D E F I J; H is IC1); Sales'
 *           is IC2 (L): ICs at their department's ceiling 2 before, 6 after, of 7 ICs.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/dal/errors';
import { assertReportAccess } from '@/lib/dal/reports/access';
import { generateReport } from '@/lib/dal/reports/generate';
import { parseReportParams } from '@/lib/dal/reports/params';
import { createScenario } from '@/lib/dal/scenarios';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { ReportSection, ReportTable } from '@/lib/export/report-model';
import { queryRows } from '../support/cli';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';
import { SMALL_TREE } from '../unit/scenarios/small-tree';

const admin = inOrg(CLI_ACTOR, 1);

function tableOf(section: ReportSection | undefined, suffix: string): ReportTable {
  for (const b of section?.blocks ?? [])
    if (b.kind === 'table' && b.table.id.endsWith(suffix)) return b.table;
  throw new Error(`no table ${suffix}`);
}

const rowOf = (t: ReportTable, label: string) => t.rows.find((r) => r[0] === label);

describe.each(backends())('scenarios in reports on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const { result } = await importFiles([SMALL_TREE], { actor: admin }, () => undefined);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('the pack and the workbook carry the scenario section with the hand-computed figures, and audit it', async () => {
    const hr = testActor('hr');
    const s = await createScenario(hr, {
      name: 'Flatter Eng',
      effectiveDate: '2024-09-01',
      ops: [
        { op: 'merge', from: 'G', into: 'B' },
        { op: 'set-level', id: 'F', level: 'IC2' },
      ],
    });
    const xlsx = await generateReport(
      hr,
      parseReportParams({ format: 'xlsx', sections: ['structure'], scenarios: [s.id] }),
    );
    const section = xlsx.document.sections.find((x) => x.id === `scenario-${s.id}`);
    expect(section?.title).toBe('Scenario: Flatter Eng');
    const about = tableOf(section, '-about');
    expect(about.rows).toEqual([
      ['Name', 'Flatter Eng'],
      ['Status', 'draft'],
      ['Effective date', '2024-09-01'],
      ['Owner', 'hr@x.test'],
      ['Unit', 'the whole organisation'],
      ['Starts from the snapshot of', '2024-06-30'],
      ['Operations', '2'],
    ]);
    const f = tableOf(section, '-figures');
    expect(rowOf(f, 'Headcount')).toEqual(['Headcount', 12, 12, 0]);
    expect(rowOf(f, 'Managers')).toEqual(['Managers', 5, 4, -1]);
    expect(rowOf(f, 'ICs')).toEqual(['ICs', 7, 8, 1]);
    expect(rowOf(f, 'Layers (depth)')).toEqual(['Layers (depth)', 4, 3, -1]);
    expect(rowOf(f, 'Management layers')).toEqual(['Management layers', 3, 2, -1]);
    expect(rowOf(f, 'Span: mean')).toEqual(['Span: mean', 2.2, 2.75, 0.55]);
    expect(rowOf(f, 'Span: median')).toEqual(['Span: median', 2, 2.5, 0.5]);
    expect(rowOf(f, "ICs at their department's IC ceiling")).toEqual([
      "ICs at their department's IC ceiling",
      2,
      6,
      4,
    ]);
    const bands = tableOf(section, '-span-bands');
    expect(bands.rows.filter((r) => r[1] !== 0 || r[2] !== 0)).toEqual([
      ['1', 1, 1, 0],
      ['2-3', 4, 2, -2],
      ['4-7', 0, 1, 1],
    ]);
    expect(tableOf(section, '-layers').rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, 1, 1],
      [2, 3, 3],
      [3, 6, 8],
      [4, 2, 0],
    ]);
    const changes = tableOf(section, '-changes').rows;
    expect(changes).toEqual(
      expect.arrayContaining([
        ['Moved', 'Hal Dev (H)', 'Gus Lead (G)', 'Ben Lead (B)', 1],
        ['Moved', 'Ivy Dev (I)', 'Gus Lead (G)', 'Ben Lead (B)', 1],
      ]),
    );
    expect(changes.find((r) => r[0] === 'Level change')).toEqual([
      'Level change',
      'Fay Dev (F)',
      expect.stringMatching(/^IC3/),
      expect.stringMatching(/^IC2/),
      2,
    ]);
    // The workbook: one sheet "Scenario <name>" with the same tables.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Scenario Flatter Eng');
    expect(sheet).toBeDefined();
    const values = (sheet?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values).toContainEqual(['Managers', 5, 4, -1]);
    expect(values).toContainEqual(['Moved', 'Hal Dev (H)', 'Gus Lead (G)', 'Ben Lead (B)', 1]);

    const pdf = await generateReport(
      hr,
      parseReportParams({ format: 'pdf', sections: ['overview'], scenarios: [s.id] }),
    );
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.access.scenarios).toEqual([s.id]);
    if (process.env.SCENARIO_PDF_OUT) writeFileSync(process.env.SCENARIO_PDF_OUT, pdf.bytes);

    const audit = await queryRows<{ action: string; target: string; details: unknown }>(
      tdb.handle,
      `select action, target, details from audit_log where action = 'scenario.export' order by id`,
    );
    expect(audit.map((a) => [a.target, (a.details as { format: string }).format])).toEqual([
      ['Flatter Eng', 'xlsx'],
      ['Flatter Eng', 'pdf'],
    ]);
  });

  it('a leader includes only their own subtree scenarios; rights are checked again at download', async () => {
    const leadC = testActor('leader', 'C');
    const mine = await createScenario(leadC, {
      name: 'Platform',
      ops: [{ op: 'merge', from: 'G', into: 'J' }],
    });
    const sales = await createScenario(testActor('hr'), { name: 'Sales', unit: 'K', ops: [] });
    const whole = await createScenario(testActor('hr'), { name: 'Whole', ops: [] });
    const own = await generateReport(
      leadC,
      parseReportParams({ format: 'pdf', sections: ['overview'], scenarios: [mine.id] }),
    );
    expect(own.document.sections.map((x) => x.id)).toContain(`scenario-${mine.id}`);
    for (const other of [sales.id, whole.id])
      await expect(
        generateReport(
          leadC,
          parseReportParams({ format: 'pdf', sections: ['overview'], scenarios: [other] }),
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
    // hr's scenario on C's subtree also changes people elsewhere: C's leader may not put it in a
    // pack (their rights do not reach those changes); hr sees every change.
    const wide = await createScenario(testActor('hr'), {
      name: 'Into platform',
      unit: 'C',
      ops: [
        { op: 'move', id: 'L', to: 'G' },
        { op: 'set-level', id: 'D', level: 'IC3' },
      ],
    });
    await expect(
      generateReport(
        leadC,
        parseReportParams({ format: 'xlsx', sections: ['overview'], scenarios: [wide.id] }),
      ),
    ).rejects.toThrow(/not inside the subtree of C/);
    const full = await generateReport(
      testActor('hr'),
      parseReportParams({ format: 'xlsx', sections: ['overview'], scenarios: [wide.id] }),
    );
    expect(tableOf(full.document.sections.at(-1), '-changes').rows).toHaveLength(2);
    await expect(
      generateReport(
        testActor('viewer'),
        parseReportParams({ format: 'pdf', sections: ['overview'], scenarios: [whole.id] }),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // A leader of the whole tree makes a pack about K's subtree holding C's scenario; a leader of K
    // may read packs about K but not C's scenario in it.
    const leadA = testActor('leader', 'A');
    const pack = await generateReport(
      leadA,
      parseReportParams({
        format: 'xlsx',
        sections: ['overview'],
        scope: { kind: 'subtree', subtree: 'K' },
        scenarios: [mine.id],
      }),
    );
    await expect(assertReportAccess(leadA, pack.access, 1)).resolves.toBeUndefined();
    const leadK = testActor('leader', 'K');
    await expect(assertReportAccess(leadK, { ...pack.access, scenarios: [] }, 1)).resolves.toBeUndefined();
    await expect(assertReportAccess(leadK, pack.access, 1)).rejects.toThrow(/scenario you may no longer see/);
    expect(() => parseReportParams({ format: 'csv', table: 'overview-kpis', scenarios: [mine.id] })).toThrow(
      ValidationError,
    );
  });
});

/**
 * With costs (tests/fixtures/structure/small-org-cost.csv, every salary distinct): removing 16
 * (100,016, the only report of 7) leaves 7 an IC. Before: total 2,939,325, management (1, 2, 3, 4,
 * 5, 6, 7, 17, 25) 1,429,070, ICs 1,510,255. After: total 2,939,325 - 100,016 = 2,839,309;
 * management 1,429,070 - 126,007 (7) = 1,303,063; ICs 1,536,246 (+126,007 - 100,016 = +25,991).
 */
describe.each(backends())('scenario cost in reports on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const file = path.resolve(process.cwd(), 'tests/fixtures/structure/small-org-cost.csv');
    const { result } = await importFiles([file], { actor: admin, asOf: '2024-06-30' }, () => undefined);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('hr sees the cost before, after and the difference, and who moves it', async () => {
    const hr = testActor('hr');
    const s = await createScenario(hr, { name: 'Costed', ops: [{ op: 'remove', id: '16' }] });
    const report = await generateReport(
      hr,
      parseReportParams({ format: 'xlsx', sections: ['overview'], scenarios: [s.id] }),
    );
    const section = report.document.sections.find((x) => x.id === `scenario-${s.id}`);
    const cost = tableOf(section, '-cost');
    expect(cost.rows.slice(0, 3)).toEqual([
      ['Total cost', 2939325, 2839309, -100016],
      ['Management cost', 1429070, 1303063, -126007],
      ['IC cost', 1510255, 1536246, 25991],
    ]);
    expect(tableOf(section, '-cost-people').rows).toEqual(
      expect.arrayContaining([
        ['Removed', expect.stringContaining('(16)'), 100016],
        ['Stops managing', expect.stringContaining('(7)'), 126007],
      ]),
    );
    if (process.env.SCENARIO_COST_PDF_OUT) {
      const pdf = await generateReport(
        hr,
        parseReportParams({ format: 'pdf', sections: ['overview'], scenarios: [s.id] }),
      );
      writeFileSync(process.env.SCENARIO_COST_PDF_OUT, pdf.bytes);
    }
  });
});
