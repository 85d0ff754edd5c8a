import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseOrgUpload } from '@/lib/ingest';
import { codeCounts, fixture, ofCode, only, parseFixtures, textFile } from './helpers';

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('format detection', () => {
  it('recognises each layout from its header', () => {
    expect(
      detectFormat(['Back to Index', 'Senior/Junior', 'Post Unique Reference', 'Reports to Senior Post'])
        .format,
    ).toBe('ifg-multi');
    expect(detectFormat(['Post Unique Reference', 'Name', 'Reports to Senior Post']).format).toBe(
      'organogram-senior',
    );
    expect(detectFormat(['Reporting Senior Post', 'Grade', 'Number of Posts in FTE']).format).toBe(
      'organogram-junior',
    );
    expect(detectFormat(['id', 'parentId', 'date', 'level', 'name', 'grade']).format).toBe('ifg-processed');
    expect(detectFormat(['name', 'id', 'parentId']).format).toBe('id-parent');
    expect(
      detectFormat(
        ['name', 'id', 'manager'],
        ['# connect: {"from": "manager", "to": "name", "invert": true}'],
      ),
    ).toMatchObject({ format: 'drawio', managerRef: 'name' });
    expect(detectFormat(['Employee ID', 'Manager ID']).format).toBe('hris');
  });
});

describe('UK organogram senior + junior files', () => {
  // Worked by hand from the two fixtures:
  // senior: T1 (XX = top), D1 (N/D = person, no name), D2 'Vacant', D3 'Eliminated' (dropped).
  // junior: 2.5 + 1 under D1 (Grade 7), an exact repeat of the 'Analyst' row (dropped),
  //   '1,000' under D2 (SEO), 3 under D3 (eliminated -> orphan), 'N/D' FTE (skipped), 0 FTE (skipped).
  it('attaches junior rows as aggregated records under their senior posts', async () => {
    const res = await parseFixtures(
      ['organogram-2020-03-31-senior.csv', 'organogram-2020-03-31-junior.csv'],
      {},
    );
    const s = only(res);
    expect(s.asOf).toBe('2020-03-31'); // from the file name
    expect(s.format).toBe('organogram-senior');
    expect(s.sourceFiles).toEqual(['organogram-2020-03-31-senior.csv', 'organogram-2020-03-31-junior.csv']);
    expect(s.stats).toEqual({
      rows: 11,
      people: 2,
      vacant: 1,
      eliminated: 1,
      aggregated: 4,
      aggregatedFte: 1006.5,
      roots: 1,
      // the 3 FTE under eliminated D3 is a junior row, not a person: no orphan (D1 reports to T1)
      orphans: 0,
      juniorOrphans: 1,
      duplicates: 0,
      duplicateJuniorRows: 1,
      selfReports: 0,
    });
    const juniors = s.records.filter((r) => r.aggregatedCount !== null);
    expect(juniors.map((r) => [r.employeeId, r.managerId, r.level, r.aggregatedCount, r.title])).toEqual([
      ['J:D1:Grade 7:1', 'D1', 'Grade 7', 2.5, 'Policy Adviser'],
      ['J:D1:Grade 7:2', 'D1', 'Grade 7', 1, 'Analyst'],
      ['J:D2:SEO:1', 'D2', 'SEO', 1000, 'Policy Officer'],
      ['J:D3:HEO:1', 'D3', 'HEO', 3, 'Officer'],
    ]);
    expect(s.records.find((r) => r.employeeId === 'D1')?.department).toBe('Ops'); // Unit, not Organisation
    expect(codeCounts(s.issues)).toEqual({
      'warning:duplicate-junior-row': 1,
      'warning:bad-fte': 1,
      'warning:zero-fte': 1,
      'warning:eliminated': 1,
      'warning:manager-not-found': 1,
    });
    expect(ofCode(s.issues, 'manager-not-found')[0]).toMatchObject({
      file: 'organogram-2020-03-31-junior.csv',
      row: 6,
    });
    expect(res.ok).toBe(true);
  });

  it('pairs by content when the names do not match', async () => {
    const senior = fixture('organogram-2020-03-31-senior.csv');
    const junior = { ...fixture('organogram-2020-03-31-junior.csv'), name: 'staff-counts.csv' };
    const res = await parseOrgUpload([senior, junior], {});
    expect(only(res).stats.aggregated).toBe(4);
  });

  it('refuses a junior file without its senior file', async () => {
    const res = await parseFixtures(['organogram-2020-03-31-junior.csv'], {});
    expect(res.ok).toBe(false);
    expect(res.fileIssues.map((i) => i.code)).toEqual(['junior-without-senior']);
  });
});

describe('stacked snapshots in one file', () => {
  it('IfG multi-snapshot: one snapshot per label, labels mapped to the month end', async () => {
    const res = await parseFixtures(['ifg-stacked.csv'], {});
    expect(
      res.snapshots.map((s) => [
        s.asOf,
        s.label,
        s.stats.people,
        s.stats.aggregated,
        s.stats.aggregatedFte,
        s.stats.orphans,
        s.stats.juniorOrphans,
      ]),
    ).toEqual([
      ['2012-09-30', 'Sep-12', 2, 1, 1200, 0, 0],
      // the G6 junior row under A9 (absent) is no person: a junior orphan, not an orphan
      ['2013-03-31', 'Mar-13', 1, 2, 5.5, 0, 1],
    ]);
    expect(res.snapshots.every((s) => s.format === 'ifg-multi')).toBe(true);
  });

  it('an as_of column splits a file into one snapshot per date', async () => {
    const res = await parseFixtures(['stacked-as-of.csv'], {});
    expect(res.snapshots.map((s) => [s.asOf, s.records.length])).toEqual([
      ['2024-01-31', 2],
      ['2024-02-29', 3],
    ]);
  });

  it('an unreadable as_of value refuses those rows', async () => {
    const res = await parseFixtures(['stacked-bad-label.csv'], {});
    expect(res.ok).toBe(false);
    expect(res.fileIssues[0]).toMatchObject({ code: 'bad-as-of' });
  });
});

describe('org-chart tool files', () => {
  it('draw.io: skips the # preamble and follows the reporting connect (manager by name)', async () => {
    const s = only(await parseFixtures(['drawio-manager-by-name.txt']));
    expect(s.format).toBe('drawio');
    expect(s.managerRef).toBe('name');
    expect(s.records.map((r) => [r.employeeId, r.managerId])).toEqual([
      ['ada', null],
      ['ben', 'ada'],
      ['cy', 'ben'],
    ]);
  });

  it('id/parentId: trims leading and trailing spaces', async () => {
    const s = only(await parseFixtures(['id-parent.csv']));
    expect(s.format).toBe('id-parent');
    expect(s.records.map((r) => [r.name, r.title])).toEqual([
      ['Root Person', 'CEO'],
      ['Child One', 'CTO'],
      ['Child Two', 'CFO'],
    ]);
  });
});

describe('XLSX workbooks', () => {
  it('reads a sheet into the same records as CSV (numbers, dates, formulas, missing trailing cells)', async () => {
    const bytes = await workbook({
      People: [
        ['Employee ID', 'Name', 'Hire Date', 'Level', 'Manager ID'],
        [1, 'Root', new Date(Date.UTC(2020, 0, 15)), 'M5'], // no trailing manager cell at all
        [
          2,
          { richText: [{ text: 'Rich ' }, { text: 'Text' }] },
          '15/02/2021',
          { formula: '"IC"&3', result: 'IC3' },
          1,
        ],
      ],
    });
    const s = only(await parseOrgUpload([{ name: 'people-2024-01-31.xlsx', bytes }], {}));
    expect(s.asOf).toBe('2024-01-31');
    expect(s.records.map((r) => [r.employeeId, r.managerId, r.name, r.hireDate, r.level])).toEqual([
      ['1', null, 'Root', '2020-01-15', 'M5'],
      ['2', '1', 'Rich Text', '2021-02-15', 'IC3'],
    ]);
  });

  it('reads each sheet as a source: senior and junior sheets pair, other sheets are skipped with a warning', async () => {
    const bytes = await workbook({
      Notes: [['This workbook holds the organogram']],
      senior: [
        ['Post Unique Reference', 'Name', 'Grade', 'Reports to Senior Post'],
        ['T1', 'Top', 'SCS4', 'XX'],
        ['D1', 'Dee', 'SCS2', 'T1'],
      ],
      junior: [
        ['Reporting Senior Post', 'Grade', 'Number of Posts in FTE'],
        ['D1', 'G7', 4],
      ],
    });
    const res = await parseOrgUpload([{ name: 'dept-2020-03-31.xlsx', bytes }], {});
    const s = only(res);
    expect(s.stats).toMatchObject({ people: 2, aggregated: 1, aggregatedFte: 4 });
    expect(res.fileIssues.map((i) => i.code)).toEqual(['sheet-skipped']);
    expect(res.ok).toBe(true);
  });

  it('a damaged workbook is a clear error', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const res = await parseOrgUpload([{ name: 'broken.xlsx', bytes }], { asOf: '2024-01-31' });
    expect(res.fileIssues[0]?.code).toBe('bad-xlsx');
  });
});

describe('several files in one upload', () => {
  it('each file is its own snapshot, sorted by date; a refused file does not hide the others', async () => {
    const res = await parseOrgUpload(
      [
        textFile('b-2024-02-29.csv', 'Employee ID,Manager ID\n1,\n'),
        textFile('a-2024-01-31.csv', 'Employee ID,Manager ID\n1,\n2,1\n'),
        fixture('binary.csv'),
      ],
      {},
    );
    expect(res.snapshots.map((s) => [s.asOf, s.records.length])).toEqual([
      ['2024-01-31', 2],
      ['2024-02-29', 1],
    ]);
    expect(res.fileIssues.map((i) => i.code)).toEqual(['binary-file']);
    expect(res.ok).toBe(false);
  });
});
