import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { createMemorySink, generateDemoCompany } from '@/cli/demo';
import { codes, fixture, FIXTURES, parseFixtures, sum, textFile, TODAY } from './helpers';

describe('generic AI-usage CSV: granularity', () => {
  it('reads team rows (team_manager_id) with engineers and AI-active users', async () => {
    const r = await parseFixtures('team-monthly.csv');
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.files).toEqual([
      {
        name: 'team-monthly.csv',
        format: 'generic-csv',
        usage: 4,
        seats: 0,
        memberships: 0,
        label: 'AI usage CSV (generic)',
      },
    ]);
    expect(
      r.usage.map((u) => [u.subject, u.periodStart, u.periodEnd, u.engineers, u.aiActiveUsers, u.active]),
    ).toEqual([
      [{ kind: 'team', teamManagerId: 'E10' }, '2026-08-01', '2026-08-31', 10, 4, null],
      [{ kind: 'team', teamManagerId: 'E20' }, '2026-08-01', '2026-08-31', 5, 0, null],
      [{ kind: 'team', teamManagerId: 'E10' }, '2026-09-01', '2026-09-30', 11, 6, null],
      [{ kind: 'team', teamManagerId: 'E20' }, '2026-09-01', '2026-09-30', 5, 2, null],
    ]);
    // By hand from the fixture: 1000+0+1500+200, 300+0+500+50, 2000+0+3100+400, 600+0+900+90,
    // 40+12+44+13, 10+0+15+2, 76+0+114.5+38.
    expect(sum(r.usage, 'suggestions')).toBe(2700);
    expect(sum(r.usage, 'acceptances')).toBe(850);
    expect(sum(r.usage, 'linesSuggested')).toBe(5500);
    expect(sum(r.usage, 'linesAccepted')).toBe(1590);
    expect(sum(r.usage, 'prsMerged')).toBe(109);
    expect(sum(r.usage, 'aiAssistedPrs')).toBe(27);
    expect(sum(r.usage, 'spendUsd')).toBe(228.5);
    expect(r.usage.every((u) => u.tool === 'other' && u.file === 'team-monthly.csv')).toBe(true);
    expect(r.usage.map((u) => u.row)).toEqual([1, 2, 3, 4]);
  });

  it('reads person rows by employee id with header synonyms; active = any AI activity > 0', async () => {
    const r = await parseFixtures('person-by-employee.csv');
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(
      r.usage.map((u) => [
        u.subject,
        u.active,
        u.suggestions,
        u.prsMerged,
        u.aiAssistedPrs,
        u.spendUsd,
        u.engineers,
      ]),
    ).toEqual([
      [{ kind: 'person', employeeId: '1001', githubLogin: null, email: null }, true, 120, 6, 2, 19, null],
      // all activity 0 -> inactive
      [{ kind: 'person', employeeId: '1002', githubLogin: null, email: null }, false, 0, 4, 0, 19, null],
      // no activity given at all (PRs merged are not AI activity) -> unknown, not false
      [
        { kind: 'person', employeeId: '1003', githubLogin: null, email: null },
        null,
        null,
        3,
        null,
        null,
        null,
      ],
    ]);
  });

  it('reads person rows by GitHub login with a month column and a tool column', async () => {
    const r = await parseFixtures('person-by-login.csv');
    expect(r.ok).toBe(true);
    expect(
      r.usage.map((u) => [
        u.subject.kind === 'person' && u.subject.githubLogin,
        u.tool,
        u.periodStart,
        u.periodEnd,
        u.active,
      ]),
    ).toEqual([
      ['octocat', 'copilot', '2026-08-01', '2026-08-31', true],
      // 0 suggestions but ai_active_users = 1 -> active
      ['monalisa', 'copilot', '2026-08-01', '2026-08-31', true],
      ['hubot', 'cursor', '2026-09-01', '2026-09-30', true],
    ]);
  });

  it('reads person rows by email: BOM, CRLF, semicolons, day-first dates, thousands separators', async () => {
    const r = await parseFixtures('person-by-email.csv');
    expect(r.ok).toBe(true);
    expect(
      r.usage.map((u) => [
        u.subject.kind === 'person' && u.subject.email,
        u.periodStart,
        u.periodEnd,
        u.suggestions,
        u.acceptances,
        u.spendUsd,
        u.active,
      ]),
    ).toEqual([
      ['ana@example.com', '2026-08-15', '2026-08-21', 10, 5, 1234.5, true],
      ['bo@example.com', '2026-08-01', '2026-08-07', 0, 0, 0, false],
    ]);
  });

  it('falls back to Windows-1252 and warns about unknown columns by name', async () => {
    const r = await parseFixtures('windows-1252.csv');
    expect(r.ok).toBe(true);
    expect(r.usage[0]?.subject).toEqual({
      kind: 'person',
      employeeId: 'É001',
      githubLogin: null,
      email: null,
    });
    expect(r.issues).toMatchObject([
      { severity: 'warning', code: 'unknown-column', file: 'windows-1252.csv' },
    ]);
    expect(r.issues[0]?.message).toContain('"Café notes"');
  });

  it('reads a file on disk too, re-reading it as Windows-1252 after the first non-UTF-8 byte', async () => {
    const r = await parseAiFiles([{ name: 'windows-1252.csv', path: `${FIXTURES}/windows-1252.csv` }], {
      today: TODAY,
    });
    expect(r.ok).toBe(true);
    expect(r.usage.map((u) => u.subject.kind === 'person' && u.subject.employeeId)).toEqual(['É001']);
    expect(codes(r)).toEqual({ 'unknown-column': 1 });
  });

  it('reads rows naming a person and a team as person rows, and says the team column was not used', async () => {
    const text =
      'period_start,period_end,email,team_manager_id,suggestions\n2026-08-01,2026-08-31,a@x.com,E1,3\n2026-08-01,2026-08-31,,E1,9\n';
    const r = await parseAiFiles([textFile('mixed.csv', text)], { today: TODAY });
    expect(r.usage.map((u) => u.subject.kind)).toEqual(['person', 'team']);
    expect(codes(r)).toEqual({ 'team-column-ignored': 1 });
  });

  it('reads the demo company files written by the generator (team rows, totals as in the text)', async () => {
    const sink = createMemorySink();
    generateDemoCompany({ size: 300, months: 3, ai: 'generic' }, sink);
    const names = [...sink.files.keys()].filter((n) => n.startsWith('ai-usage-'));
    expect(names).toHaveLength(3);
    for (const name of names) {
      const text = sink.files.get(name) ?? '';
      const r = await parseAiFiles([textFile(name, text)], { today: TODAY });
      expect(r.ok, name).toBe(true);
      expect(codes(r, 'error')).toEqual({});
      // Independent check: split the CSV text by hand and add up columns 6 (suggestions) and 12 (spend).
      const lines = text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      expect(r.usage).toHaveLength(lines.length);
      expect(sum(r.usage, 'suggestions')).toBe(lines.reduce((a, c) => a + Number(c[5]), 0));
      expect(sum(r.usage, 'spendUsd')).toBeCloseTo(
        lines.reduce((a, c) => a + Number(c[11]), 0),
        6,
      );
      expect(r.usage.every((u) => u.subject.kind === 'team' && u.engineers !== null)).toBe(true);
    }
  });
});

describe('generic AI-usage CSV: bad input', () => {
  it('lists every bad row with its row number and column; the upload is refused', async () => {
    const r = await parseFixtures('bad-input.csv');
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['bad-date', 2, 'period_start'],
        ['negative-count', 3, 'suggestions'],
        ['missing-subject', 5, undefined],
        ['bad-number', 6, 'suggestions'],
        ['period-reversed', 7, 'period_end'],
      ]),
    );
    expect(errors).toHaveLength(5);
    expect(codes(r, 'warning')).toEqual({
      'unknown-column': 1,
      'acceptances-exceed-suggestions': 1,
      'lines-accepted-exceed-suggested': 1,
      'ai-prs-exceed-merged': 1,
      'active-exceed-engineers': 1,
    });
    expect(r.issues.find((i) => i.code === 'acceptances-exceed-suggestions')?.row).toBe(4);
    expect(r.issues.find((i) => i.code === 'unknown-column')?.message).toContain('favourite_colour');
    expect(r.issues.find((i) => i.code === 'bad-date')?.message).toContain('"2026-13-45"');
  });

  it('refuses the same subject and period twice in one file (logins compare case-insensitively)', async () => {
    const r = await parseFixtures('duplicate-rows.csv');
    expect(r.ok).toBe(false);
    expect(r.issues).toMatchObject([
      { severity: 'error', code: 'duplicate-row', row: 2, file: 'duplicate-rows.csv' },
    ]);
  });

  it('refuses empty, blank, header-only, binary and workbook files with a clear message', async () => {
    const r = await parseAiFiles(
      [
        { name: 'empty.csv', bytes: new Uint8Array() },
        textFile('blank.csv', '\n\n  \n'),
        fixture('header-only.csv'),
        { name: 'image.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]) },
        { name: 'book.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      ],
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.file, i.code])).toEqual([
      ['empty.csv', 'empty-file'],
      ['blank.csv', 'empty-file'],
      ['header-only.csv', 'no-rows'],
      ['image.png', 'binary-file'],
      ['book.xlsx', 'not-text'],
    ]);
    expect(r.files.map((f) => f.format)).toEqual([null, null, null, null, null]);
    expect(r.usage).toEqual([]);
  });

  it('refuses an org snapshot dropped on the AI upload, naming what is missing', async () => {
    const r = await parseAiFiles([textFile('org.csv', 'employee_id,manager_id,name\n1,,Ann\n')], {
      today: TODAY,
    });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('missing-column');
    expect(r.issues[0]?.message).toContain('upload it as an org snapshot');
    expect(r.issues[0]?.message).toContain('period_start');
  });
});
