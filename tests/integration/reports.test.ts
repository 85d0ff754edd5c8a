import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { listAudit } from '@/lib/dal/audit';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { buildOverview, type Kpi } from '@/lib/dal/dashboards/overview';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/dal/errors';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { generateReport } from '@/lib/dal/reports/generate';
import {
  drainReportQueue,
  getReportFile,
  getReportJob,
  listReportJobs,
  startReportJob,
} from '@/lib/dal/reports/jobs';
import { parseReportParams } from '@/lib/dal/reports/params';
import { formatValue } from '@/lib/export/format';
import { backends, createTestDb, type TestDb } from '../support/test-db';

/*
 * Fixture (tests/fixtures/reports), as of 2024-02-29 (38 people; 2024-01-31 had 39):
 *   E1 Casey Root (CEO, Exec)
 *   ├─ E2 Dana Lead (VP Eng)            <- the leader's scope: 13 people
 *   │   ├─ E4 -> E6..E10 (Eng ICs: IC2, IC3, IC3, IC4, IC5 — E10 promoted IC4 -> IC5 in February)
 *   │   └─ E5 -> E11..E13 (Eng IC1..IC3), E14 (Security IC3, in level since 2019), E15 (Security IC2, joined in Feb)
 *   └─ E3 Ivy Sales (VP Sales)
 *       ├─ E16 -> E18..E27 (Sales; E18 "@Mallory Jones" IC3 since 2020, the rest IC2)
 *       └─ E17 -> E28..E38 (department "-Growth", IC2; E39 and E40 left after January)
 */
const FIXTURES = path.resolve('tests/fixtures/reports');
const NOW = new Date('2024-03-01T09:15:00Z');

const admin: Actor = {
  userId: 1,
  email: 'admin@x.test',
  name: 'Ada Admin',
  role: 'admin',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const hr: Actor = {
  userId: 2,
  email: 'hr@x.test',
  name: 'Hana HR',
  role: 'hr',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const leader: Actor = {
  userId: 3,
  email: 'lead@x.test',
  name: 'Lee Leader',
  role: 'leader',
  scopeEmployeeId: 'E2',
  orgId: 1,
  orgIds: [1],
};
const viewer: Actor = {
  userId: 4,
  email: 'view@x.test',
  name: 'Vic Viewer',
  role: 'viewer',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};

const hasPoppler = ['pdftotext', 'pdftoppm'].every((bin) => spawnSync(bin, ['-v']).error === undefined);
if (!hasPoppler) {
  if (process.env.CI)
    throw new Error('CI must install poppler-utils (pdftotext, pdftoppm) for the report tests.');
  console.warn(
    '[tests] poppler-utils (pdftotext/pdftoppm) not installed: PDF text and page-image checks are SKIPPED.',
  );
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-reports-'));
let fileNo = 0;

function writeTmp(bytes: Buffer, ext: string): string {
  const file = path.join(tmp, `r${++fileNo}.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The PDF's text as pdftotext lays it out (optionally one page range). */
function pdfText(bytes: Buffer, first?: number, last?: number): string {
  const args = ['-layout', '-enc', 'UTF-8'];
  if (first) args.push('-f', String(first), '-l', String(last ?? first));
  return execFileSync('pdftotext', [...args, writeTmp(bytes, 'pdf'), '-'], { encoding: 'utf8' });
}

/** Renders every page to PNG with pdftoppm; returns the image files. */
function renderPages(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'pages-'));
  execFileSync('pdftoppm', ['-r', '30', '-png', writeTmp(bytes, 'pdf'), path.join(dir, 'p')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The values printed under a row of KPI card labels on the overview page. */
function kpiRowValues(text: string, firstLabel: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(firstLabel));
  const values = lines.slice(at + 1).find((l) => l.trim() !== '');
  return (values ?? '').trim().split(/\s{2,}/);
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const standalone = (n: number) => new RegExp(`(?<![\\d.,])${n}(?![\\d.,])`);
const OUTSIDE_LEADER = ['Sales', 'Growth', 'Casey', 'Ivy', 'Mallory', 'Seller', 'Grower'];
const NAMES = [
  'Casey Root',
  'Dana Lead',
  'Eli Manager',
  'Fay Manager',
  'Gil Secure',
  'Hal Secure',
  'Mallory',
  'Engineer 6',
];

describe.each(backends())('reports (PDF, XLSX, CSV, jobs) on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    // A report job re-reads its requester's role and scope when it runs: the actors are real users.
    await tdb.handle.db.insert(schema.users).values(
      [admin, hr, leader, viewer].map((a) => ({
        id: a.userId ?? 0,
        email: a.email,
        name: a.name,
        role: a.role,
        scopeEmployeeId: a.scopeEmployeeId,
      })),
    );
    await tdb.handle.db
      .insert(schema.userOrganisations)
      .values([admin, hr, leader, viewer].map((a) => ({ userId: a.userId ?? 0, orgId: 1 })));
    const files = ['org-2024-01-31.csv', 'org-2024-02-29.csv'].map((f) => path.join(FIXTURES, f));
    const { committed } = await importFiles(files, {}, () => undefined);
    expect(committed).toHaveLength(2);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('the overview figures are the hand-computed ones (org and the leader subtree)', async () => {
    const org = await buildOverview(await loadDashboardContext(admin, {}));
    const byKey = (kpis: Kpi[] | unknown) => Object.fromEntries((kpis as Kpi[]).map((k) => [k.key, k.value]));
    // 38 people; managers E1, E2, E3 (span 2 each), E4, E5 (5), E16 (10), E17 (11) = 7; ICs 31;
    // 31 / 7 = 4.4286; spans 2,2,2,5,5,10,11 -> median 5; layers CEO 1, VPs 2, managers 3, ICs 4;
    // no middle managers (E2/E3 are in the 2 executive layers); senior ICs E9 (IC4), E10 (IC5): 2 / 31;
    // at the IC ceiling: E10 (Eng IC5), E14 (Security IC3), E18 (Sales IC3), E28..E38 (-Growth IC2) = 14.
    expect(byKey(org.kpis)).toEqual({
      headcount: 38,
      managers: 7,
      icsPerManager: 4.4286,
      medianSpan: 5,
      depth: 4,
      middleManagers: 0,
      seniorIcShare: 0.0645,
      atIcCeiling: 14,
    });
    const lead = await buildOverview(await loadDashboardContext(leader, {}));
    // E2's subtree: 13 people, managers E2 (2), E4 (5), E5 (5); ICs 10 -> 3.3333; depth 3;
    // senior ICs E9, E10: 2 / 10; at the ceiling E10 and E14 = 2. January: 12 (E15 not yet there).
    expect(byKey(lead.kpis)).toMatchObject({
      headcount: 13,
      managers: 3,
      icsPerManager: 3.3333,
      medianSpan: 5,
      depth: 3,
    });
    expect(byKey(lead.kpis)).toMatchObject({ seniorIcShare: 0.2, atIcCeiling: 2 });
    expect((lead.kpis as Kpi[]).find((k) => k.key === 'headcount')?.previous).toBe(12);
  });

  it.skipIf(!hasPoppler)(
    'prints the same KPI figures as the API for the same snapshot and scope',
    async () => {
      for (const who of [admin, leader]) {
        const report = await generateReport(who, parseReportParams({ format: 'pdf' }), { now: NOW });
        const overview = await buildOverview(await loadDashboardContext(who, {}));
        const kpis = overview.kpis as Kpi[];
        const page2 = pdfText(report.bytes, 2);
        expect(page2).toContain('Overview');
        const fmt = (key: string) => {
          const k = kpis.find((x) => x.key === key);
          return formatValue(k?.value ?? null, k?.format ?? 'int');
        };
        expect(kpiRowValues(page2, 'Headcount')).toEqual(
          ['headcount', 'managers', 'icsPerManager', 'medianSpan'].map(fmt),
        );
        expect(kpiRowValues(page2, 'Layers (depth)')).toEqual(
          ['depth', 'middleManagers', 'seniorIcShare', 'atIcCeiling'].map(fmt),
        );
        // the structure summary table repeats the SPEC contract's numbers for the same scope
        const contract = await getMetricsContract(who, {});
        const all = pdfText(report.bytes);
        // a "Metric    value" row of the structure summary table
        const row = (label: string) =>
          all
            .split('\n')
            .map((l) => l.trim().split(/\s{2,}/))
            .find((cells) => cells.length === 2 && cells[0] === label)?.[1];
        expect(row('Headcount')).toBe(formatValue(contract.headcount, 'int'));
        expect(row('Managers')).toBe(formatValue(contract.managers, 'int'));
        expect(row('Layers (depth)')).toBe(formatValue(contract.depth, 'int'));
        expect(row('Span: median')).toBe(formatValue(contract.span.median, 'decimal'));
        expect(row('ICs per manager')).toBe(formatValue(contract.icsPerManager, 'decimal'));
      }
    },
  );

  it.skipIf(!hasPoppler)(
    'renders every page to an image, with the cover facts and "Page N of M" on each',
    async () => {
      const report = await generateReport(
        admin,
        parseReportParams({ format: 'pdf', compareTo: '2024-01-31' }),
        {
          now: NOW,
        },
      );
      expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = renderPages(report.bytes);
      expect(pages.length).toBeGreaterThanOrEqual(6);
      for (const p of pages) expect(fs.statSync(p).size).toBeGreaterThan(1000);
      const text = pdfText(report.bytes);
      for (let n = 1; n <= pages.length; n++) expect(text).toContain(`Page ${n} of ${pages.length}`);
      const cover = pdfText(report.bytes, 1);
      expect(cover).toMatch(/Scope\s+Whole organisation/);
      expect(cover).toMatch(/Snapshot\s+2024-02-29/);
      expect(cover).toMatch(/Compared with\s+2024-01-31/);
      expect(cover).toMatch(/Generated\s+2024-03-01 09:15 UTC/);
      expect(cover).toMatch(/Generated by\s+Ada Admin \(admin\)/);
      // every section and the definitions appendix, and the comparison on the KPI cards (38 vs 39: -1)
      for (const title of [
        'Overview',
        'Structure',
        'Ladder and ceiling risk',
        'Trends',
        'AI productivity',
        'Appendix: definitions',
      ])
        expect(text).toContain(title);
      expect(text).toContain('vs 2024-01-31: -1');
      // the comparison column equals the Overview dashboard's own figures at 2024-01-31
      const then = await buildOverview(await loadDashboardContext(admin, { asOf: '2024-01-31' }));
      const block = report.document.sections[0]?.blocks.find((b) => b.kind === 'kpis');
      expect(block?.kind === 'kpis' && block.items.map((k) => [k.key, k.comparison])).toEqual(
        (then.kpis as Kpi[]).map((k) => [k.key, k.value]),
      );
      expect(text).toContain('No AI usage data has been imported');
      expect(text).toContain('Span of control');
      // chart titles and axis titles are printed
      for (const label of [
        'Flattening trend',
        'Span bands',
        'Layer pyramid',
        'Direct reports (span band)',
        'People',
      ])
        expect(text).toContain(label);
      // one value axis per chart (issue #16; the chart model has no right axis any more): the
      // flattening trend is two small multiples, not a chart with headcount on a right axis
      const charts = report.document.sections.flatMap((sec) =>
        sec.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : b.kind === 'chart-pair' ? b.charts : [])),
      );
      expect(
        charts.find((c) => c.title === 'Flattening trend: managers')?.series.map((x) => x.label),
      ).toEqual(['Middle managers', 'Managers']);
      expect(
        charts.find((c) => c.title === 'Flattening trend: headcount')?.series.map((x) => x.label),
      ).toEqual(['Headcount']);
    },
  );

  it.skipIf(!hasPoppler)(
    "a leader's pack never contains a number or name from outside their subtree",
    async () => {
      const report = await generateReport(leader, parseReportParams({ format: 'pdf', includePeople: true }), {
        now: NOW,
      });
      const text = pdfText(report.bytes);
      expect(text).toMatch(/Scope\s+Subtree of Dana Lead \(E2\), your scope/);
      expect(text).toMatch(standalone(13)); // the subtree's headcount
      expect(text).not.toMatch(standalone(38)); // the org-wide headcount
      expect(text).not.toMatch(standalone(39)); // the org-wide headcount in January
      for (const word of OUTSIDE_LEADER) expect(text).not.toContain(word);
      // Security has 2 people in the subtree: left out of department tables for a leader
      // (the note says why: small, or hidden so that it cannot be worked out from the others)
      expect(text).toMatch(
        /Departments left out: fewer than 5 people(,\s+or\s+hidden\s+so\s+a\s+smaller\s+group\s+cannot\s+be\s+worked\s+out)?\./,
      );
      // person-level pages inside the scope: Gil Secure (Security IC3 since 2019) is at high ceiling risk
      expect(text).toContain('Person-level pages (confidential)');
      expect(text).toContain('Gil Secure');
    },
  );

  it("a leader's workbook and CSV hold only subtree numbers, typed, with frozen headers", async () => {
    const report = await generateReport(leader, parseReportParams({ format: 'xlsx' }), { now: NOW });
    expect(report.filename).toMatch(/\.xlsx$/);
    const wb = await readWorkbook(report.bytes);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'About',
        'Key figures',
        'Structure summary',
        'Layer pyramid',
        'Snapshot series',
      ]),
    );
    let numbers = 0;
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') {
            numbers++;
            expect(cell.type).toBe(ExcelJS.ValueType.Number);
            expect([38, 39]).not.toContain(cell.value);
          }
          if (typeof cell.value === 'string')
            for (const w of OUTSIDE_LEADER) expect(cell.value).not.toContain(w);
        }),
      );
    }
    expect(numbers).toBeGreaterThan(50);
    const kpis = wb.getWorksheet('Key figures');
    const headcount = kpis?.getRow(2);
    expect(headcount?.getCell(1).value).toBe('Headcount');
    expect(headcount?.getCell(2).value).toBe(13);
    expect(headcount?.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(headcount?.getCell(3).value).toBe(12); // previous (January)
    const csv = await generateReport(
      leader,
      parseReportParams({ format: 'csv', table: 'structure-departments' }),
      {
        now: NOW,
      },
    );
    // Eng: E2, E4, E5, E6..E13 = 11 people; Security (2 people) is suppressed for a leader, and so
    // is Eng: the scope's 13 minus Eng's 11 would be Security's 2 (complementary suppression, #11).
    expect(csv.bytes.toString()).toBe(
      'Department,Headcount,Managers,ICs,Middle managers,Median span,ICs per manager,Manager ratio,Open positions\r\n',
    );
    const hrCsv = await generateReport(
      hr,
      parseReportParams({
        format: 'csv',
        table: 'structure-departments',
        scope: { kind: 'subtree', subtree: 'E2' },
      }),
      {
        now: NOW,
      },
    );
    expect(hrCsv.bytes.toString()).toContain('\r\nSecurity,2,0,2,');
  });

  it('neutralises formula-like text in CSV and XLSX', async () => {
    const csv = await generateReport(
      admin,
      parseReportParams({ format: 'csv', table: 'structure-departments' }),
      {
        now: NOW,
      },
    );
    const text = csv.bytes.toString();
    // -Growth: E17 and E28..E38 = 12 people, 1 manager, 11 ICs
    expect(text).toContain("\r\n'-Growth,12,1,11,");
    expect(text).not.toMatch(/\r\n-Growth/);
    const xlsx = await generateReport(admin, parseReportParams({ format: 'xlsx', includePeople: true }), {
      now: NOW,
    });
    const wb = await readWorkbook(xlsx.bytes);
    const strings: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      );
    expect(strings).toContain("'-Growth");
    expect(strings).toContain("'@Mallory Jones"); // named at high ceiling risk (Sales IC3 since 2020)
    expect(strings).toContain("'=1+2"); // E1's title, on the span outliers page (span 2)
    expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
  });

  it('suppresses small groups for leaders and viewers, not for hr', async () => {
    const params = parseReportParams({
      format: 'xlsx',
      scope: { kind: 'department', department: 'Security' },
    });
    const forLeader = await readWorkbook((await generateReport(leader, params, { now: NOW })).bytes);
    expect(forLeader.getWorksheet('Key figures')).toBeUndefined();
    expect(forLeader.getWorksheet('Structure summary')).toBeUndefined();
    const forHr = await readWorkbook((await generateReport(hr, params, { now: NOW })).bytes);
    expect(forHr.getWorksheet('Key figures')?.getRow(2).getCell(2).value).toBe(2);
    if (hasPoppler) {
      const text = pdfText((await generateReport(viewer, { ...params, format: 'pdf' }, { now: NOW })).bytes);
      expect(text).toContain('Fewer than 5 people: figures for this group are hidden to protect privacy.');
    }
  });

  it('gives viewers no person-level data and keeps leaders inside their scope', async () => {
    await expect(
      generateReport(viewer, parseReportParams({ format: 'pdf', includePeople: true })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startReportJob(viewer, { format: 'xlsx', includePeople: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const wb = await readWorkbook(
      (await generateReport(viewer, parseReportParams({ format: 'xlsx' }), { now: NOW })).bytes,
    );
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') for (const n of NAMES) expect(cell.value).not.toContain(n);
        }),
      );
    await expect(
      generateReport(leader, parseReportParams({ format: 'pdf', scope: { kind: 'subtree', subtree: 'E3' } })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      startReportJob(leader, { format: 'pdf', scope: { kind: 'subtree', subtree: 'E16' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(startReportJob(leader, { format: 'csv' })).rejects.toBeInstanceOf(ValidationError);
    await expect(startReportJob(leader, { format: 'pdf', sections: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('runs reports in the background with progress; only the creator or an admin downloads', async () => {
    const job = await startReportJob(leader, { format: 'pdf', sections: ['overview', 'trends'] });
    expect(['queued', 'running', 'done']).toContain(job.status);
    await drainReportQueue();
    const done = await getReportJob(leader, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(done.summary.scopeLabel).toBe('Subtree of Dana Lead (E2), your scope');
    expect(done.filename).toMatch(/^strata-subtree-of-dana-lead-e2-your-scope-2024-02-29\.pdf$/);
    const file = await getReportFile(leader, job.id);
    expect(Buffer.from(file.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await getReportFile(admin, job.id)).filename).toBe(done.filename);
    await expect(getReportFile(viewer, job.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportJob(hr, job.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listReportJobs(leader)).map((j) => j.id)).toContain(job.id);
    expect((await listReportJobs(viewer)).map((j) => j.id)).not.toContain(job.id);
  });

  it('writes every export to the audit log with scope and sections', async () => {
    await generateReport(inOrg(CLI_ACTOR, 1), parseReportParams({ format: 'csv', table: 'trends-series' }));
    const pdf = await listAudit(admin, { action: 'export.pdf' });
    const leaderPdf = pdf.entries.find((e) => e.actorEmail === leader.email);
    expect(leaderPdf?.details).toMatchObject({
      asOf: '2024-02-29',
      scope: { kind: 'org' },
      scopeLabel: 'Subtree of Dana Lead (E2), your scope',
    });
    expect((leaderPdf?.details as { sections: string[] }).sections).toEqual(
      expect.arrayContaining(['overview', 'trends']),
    );
    expect((await listAudit(admin, { action: 'export.xlsx' })).entries.length).toBeGreaterThanOrEqual(4);
    const csv = await listAudit(admin, { action: 'export.csv' });
    expect(
      csv.entries.some(
        (e) => e.actorEmail === 'cli' && (e.details as { table?: string }).table === 'trends-series',
      ),
    ).toBe(true);
  });
});
