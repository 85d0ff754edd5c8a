import { describe, expect, it } from 'vitest';
import { codeCounts, ofCode, only, parseFixtures } from './helpers';

describe('bad-input report (SPEC "What happens to bad input")', () => {
  it('reporting cycle: an error listing the people in it; the upload is refused', async () => {
    const res = await parseFixtures(['cycle.csv']);
    const s = only(res);
    expect(res.ok).toBe(false);
    const [cycle] = ofCode(s.issues, 'cycle');
    expect(cycle?.severity).toBe('error');
    expect([...(cycle?.ids ?? [])].sort()).toEqual(['B', 'C', 'D']);
    expect(cycle?.message).toMatch(/Reporting cycle of 3 people/);
    // E hangs off the cycle but is not part of it.
    expect(cycle?.ids).not.toContain('E');
  });

  it('self-management is a cycle of one', async () => {
    const s = only(await parseFixtures(['self-manager.csv']));
    expect(codeCounts(s.issues)).toEqual({ 'error:self-manager': 1 });
    expect(ofCode(s.issues, 'self-manager')[0]).toMatchObject({ row: 3, ids: ['A'] });
    expect(s.stats.selfReports).toBe(1);
  });

  it('several roots: a warning naming them', async () => {
    const res = await parseFixtures(['two-roots.csv']);
    const s = only(res);
    expect(res.ok).toBe(true);
    expect(s.stats.roots).toBe(2);
    expect(ofCode(s.issues, 'several-roots')[0]).toMatchObject({ severity: 'warning', ids: ['1', '3'] });
  });

  it('manager not found: a warning, the person is an orphan', async () => {
    const res = await parseFixtures(['orphan.csv']);
    const s = only(res);
    expect(res.ok).toBe(true);
    expect(s.stats.orphans).toBe(1);
    expect(ofCode(s.issues, 'manager-not-found')[0]).toMatchObject({
      severity: 'warning',
      row: 4,
      ids: ['3'],
    });
    expect(s.records.find((r) => r.employeeId === '3')?.managerId).toBe('99');
  });

  it('duplicate employee_id: an error per extra row, listing rows; skipDuplicates keeps the first', async () => {
    const refused = await parseFixtures(['duplicates.csv']);
    const s = only(refused);
    expect(refused.ok).toBe(false);
    expect(ofCode(s.issues, 'duplicate-id').map((i) => [i.row, i.ids])).toEqual([
      [4, ['2']],
      [6, ['3']],
      [7, ['3']],
    ]);
    expect(s.stats.duplicates).toBe(3);
    expect(s.duplicatePolicy).toBe('refuse');

    const kept = await parseFixtures(['duplicates.csv'], { asOf: '2024-01-31', skipDuplicates: true });
    const k = only(kept);
    expect(kept.ok).toBe(true);
    expect(k.duplicatePolicy).toBe('keep-first');
    expect(k.records.map((r) => r.name)).toEqual(['Root', 'Two', 'Three']);
    expect(codeCounts(k.issues)).toEqual({ 'warning:duplicate-id': 3 });
  });

  it('eliminated rows are dropped (and listed) before the duplicate check; vacant posts stay', async () => {
    const res = await parseFixtures(['eliminated-before-duplicates.csv']);
    const s = only(res);
    expect(res.ok).toBe(true);
    expect(s.format).toBe('organogram-senior');
    // P2 appears twice but its first copy is 'Eliminated': no duplicate.
    expect(s.stats).toMatchObject({
      rows: 8,
      people: 2,
      vacant: 3,
      eliminated: 3,
      duplicates: 0,
      roots: 1,
      orphans: 0,
    });
    expect(ofCode(s.issues, 'eliminated').map((i) => i.row)).toEqual([3, 8, 9]);
    const vacant = s.records.filter((r) => r.status === 'vacant');
    expect(vacant.map((r) => [r.employeeId, r.name])).toEqual([
      ['P3', null],
      ['P4', null],
      ['P5', null],
    ]);
    expect(s.records.find((r) => r.employeeId === 'P2')?.name).toBeNull(); // N/D
  });

  it('status column: Vacant/Open are open positions, Eliminated rows are dropped', async () => {
    const s = only(await parseFixtures(['vacant-status.csv']));
    expect(s.stats).toMatchObject({ people: 2, vacant: 2, eliminated: 1 });
  });

  it('unparseable dates: a warning and the field left empty; day-first unless the column says otherwise', async () => {
    const s = only(await parseFixtures(['bad-dates.csv']));
    expect(s.records.map((r) => [r.hireDate, r.levelStartDate])).toEqual([
      ['2020-01-15', '2021-01-31'],
      [null, '2021-02-15'],
      [null, '2021-04-03'],
      ['2019-07-16', null],
    ]);
    expect(ofCode(s.issues, 'bad-date').map((i) => [i.row, i.column])).toEqual([
      [3, 'hire_date'],
      [4, 'hire_date'],
    ]);
    const us = only(await parseFixtures(['us-dates.csv']));
    expect(us.records.map((r) => r.hireDate)).toEqual(['2020-12-31', '2021-03-04']);
  });

  it('text starting with = + - @ is stored as is', async () => {
    const s = only(await parseFixtures(['formula-text.csv']));
    expect(s.records.map((r) => [r.name, r.title])).toEqual([
      ['=HYPERLINK("x")', '+Lead'],
      ['-Minus', '@Handle'],
    ]);
  });

  it('missing required column: an error naming what is missing and what was found', async () => {
    const res = await parseFixtures(['missing-manager-column.csv']);
    expect(res.snapshots).toHaveLength(0);
    expect(res.fileIssues[0]).toMatchObject({
      severity: 'error',
      code: 'missing-column',
      column: 'manager_id',
    });
    expect(res.fileIssues[0]?.message).toMatch(
      /missing required column manager_id; found 3 columns: Employee ID, Name, Title/,
    );
  });

  it('size and row limits: clear errors', async () => {
    const big = await parseFixtures(['two-roots.csv'], { asOf: '2024-01-31', maxBytes: 10 });
    expect(big.fileIssues[0]?.code).toBe('file-too-large');
    expect(big.fileIssues[0]?.message).toMatch(/74 bytes; the limit is 10 bytes/);
    const rows = await parseFixtures(['two-roots.csv'], { asOf: '2024-01-31', maxRows: 3 });
    expect(rows.fileIssues[0]?.code).toBe('too-many-rows');
  });

  it('no as-of date anywhere: "as-of date needed"', async () => {
    const res = await parseFixtures(['two-roots.csv'], {});
    expect(res.ok).toBe(false);
    expect(res.fileIssues[0]?.code).toBe('as-of-needed');
    expect(res.fileIssues[0]?.message).toMatch(/as-of date needed/);
  });
});

describe('manager given by name or email', () => {
  it('resolves names (case and spacing ignored); unknown names are orphans', async () => {
    const s = only(await parseFixtures(['manager-by-name.csv']));
    expect(s.managerRef).toBe('name');
    expect(s.records.map((r) => [r.employeeId, r.managerId])).toEqual([
      ['E1', null],
      ['E2', 'E1'],
      ['E3', 'E1'],
      ['E4', 'E3'],
      ['E5', 'Someone Else'],
    ]);
    expect(ofCode(s.issues, 'manager-not-found').map((i) => i.row)).toEqual([6]);
  });

  it('a name shared by several people is an error listing the row and the candidates', async () => {
    const res = await parseFixtures(['ambiguous-manager-name.csv']);
    const s = only(res);
    expect(res.ok).toBe(false);
    expect(ofCode(s.issues, 'ambiguous-manager')).toEqual([
      expect.objectContaining({ severity: 'error', row: 5, ids: ['E4', 'E2', 'E3'] }),
    ]);
    expect(ofCode(s.issues, 'manager-not-found')).toEqual([]); // not reported twice
  });

  it('resolves emails case-insensitively', async () => {
    const s = only(await parseFixtures(['manager-by-email.csv']));
    expect(s.managerRef).toBe('email');
    expect(s.records.map((r) => r.managerId)).toEqual([null, 'W1', 'W2']);
    expect(s.issues).toEqual([]);
  });
});
