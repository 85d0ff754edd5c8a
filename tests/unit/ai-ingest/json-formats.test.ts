import { describe, expect, it } from 'vitest';
import { detectAiFormat, parseAiFiles } from '@/lib/ai-ingest';
import { codes, fixture, parseFixtures, textFile, TODAY } from './helpers';

const userDay = (
  login: string,
  day: string,
  gen: number,
  acc: number,
  extra: Record<string, unknown> = {},
) => ({
  user_login: login,
  day,
  user_initiated_interaction_count: 0,
  code_generation_activity_count: gen,
  code_acceptance_activity_count: acc,
  loc_suggested_to_add_sum: gen * 2,
  loc_added_sum: acc * 3,
  ...extra,
});

describe('detectAiFormat', () => {
  it('tells the formats apart by shape', () => {
    const cases: Array<[string, string, string | null, string]> = [
      ['a.csv', 'period_start,period_end,github_login,suggestions\n', 'generic-csv', 'import'],
      [
        'u.ndjson',
        `${JSON.stringify(userDay('a', '2026-01-01', 1, 1))}\n${JSON.stringify(userDay('b', '2026-01-01', 1, 1))}\n`,
        'copilot-users-report',
        'import',
      ],
      [
        'u.json',
        JSON.stringify({ report_start_day: '2026-01-01', day_totals: [userDay('a', '2026-01-01', 1, 1)] }),
        'copilot-users-report',
        'import',
      ],
      [
        'o.json',
        JSON.stringify({ day_totals: [{ day: '2026-01-01', daily_active_users: 3 }] }),
        'copilot-org-report',
        'import',
      ],
      [
        'e.json',
        JSON.stringify({ report_day: '2026-01-01', user_totals: [{ login: 'a', total_active_days: 1 }] }),
        'copilot-user-totals',
        'import',
      ],
      [
        'm.json',
        JSON.stringify([{ date: '2024-06-24', total_active_users: 3 }]),
        'copilot-legacy-metrics',
        'import',
      ],
      [
        'g.json',
        JSON.stringify([{ day: '2024-03-18', total_suggestions_count: 3 }]),
        'copilot-legacy-usage',
        'import',
      ],
      ['s.json', JSON.stringify({ total_seats: 0, seats: [] }), 'copilot-seats', 'import'],
      [
        'l.json',
        JSON.stringify({ download_links: ['https://x'], report_day: '2026-01-01' }),
        'copilot-download-links',
        'warn',
      ],
      ['x.json', JSON.stringify({ hello: 'world' }), null, 'refuse'],
      ['b.json', '{"broken": ', null, 'refuse'],
      ['e.csv', '', null, 'refuse'],
    ];
    for (const [name, text, format, action] of cases) {
      const d = detectAiFormat(name, text);
      expect([name, d.format, d.action]).toEqual([name, format, action]);
    }
    expect(detectAiFormat('x.json', '{"hello":"world"}').message).toContain('keys hello');
  });
});

describe('GitHub Copilot users report, NDJSON', () => {
  it('reads one person row per user per day; active from interactions, generations or used_* flags', async () => {
    const r = await parseFixtures('users-report.ndjson');
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'copilot-users-report', usage: 3 });
    expect(
      r.usage.map((u) => [
        u.row,
        u.subject.kind === 'person' && u.subject.githubLogin,
        u.periodStart,
        u.suggestions,
        u.acceptances,
        u.linesSuggested,
        u.linesAccepted,
        u.active,
      ]),
    ).toEqual([
      [1, 'monalisa', '2026-04-24', 10, 4, 30, 12, true],
      [2, 'defunkt', '2026-04-24', 0, 0, 0, 0, false],
      // blank line skipped; 40 lines added from 8 suggested (agent edit): no lines warning for Copilot
      [3, 'monalisa', '2026-04-25', 5, 2, 8, 40, true],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports broken lines, bad dates and negative counts by line number, and keeps reading', async () => {
    const r = await parseFixtures('users-report-broken.ndjson');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['bad-json-line', 2, undefined],
      ['bad-date', 3, 'day'],
      ['negative-count', 4, 'code_generation_activity_count'],
    ]);
    expect(r.usage.map((u) => u.row)).toEqual([1]);
  });

  it('gives identical records for the NDJSON and the JSON-wrapped download of a report', async () => {
    const records = [
      userDay('a', '2026-03-01', 5, 2, { used_chat: true }),
      userDay('b', '2026-03-01', 0, 0),
      userDay('a', '2026-03-02', 9, 9),
    ];
    const wrapped = JSON.stringify(
      { report_start_day: '2026-03-01', report_end_day: '2026-03-02', day_totals: records },
      null,
      2,
    );
    const ndjson = records.map((x) => JSON.stringify(x)).join('\n');
    const a = await parseAiFiles([textFile('r.json', wrapped)], { today: TODAY });
    const b = await parseAiFiles([textFile('r.json', ndjson)], { today: TODAY });
    expect(b.usage).toEqual(a.usage);
    expect(a.usage).toHaveLength(3);
  });
});

describe('upload-wide checks', () => {
  it('skips rows repeated by a second, overlapping download and says so', async () => {
    const day = [userDay('a', '2026-03-02', 9, 9)];
    const both = [userDay('a', '2026-03-01', 5, 2), userDay('a', '2026-03-02', 9, 9)];
    const r = await parseAiFiles(
      [
        textFile('users-28-day.json', JSON.stringify({ day_totals: both })),
        textFile('users-1-day.json', JSON.stringify({ day_totals: day })),
      ],
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    expect(r.usage).toHaveLength(2);
    expect(r.files.map((f) => [f.name, f.usage])).toEqual([
      ['users-28-day.json', 2],
      ['users-1-day.json', 0],
    ]);
    expect(r.issues).toMatchObject([
      { severity: 'warning', code: 'duplicate-across-files', file: 'users-1-day.json' },
    ]);
  });

  it('warns when a per-report total overlaps daily rows of the same person', async () => {
    const r = await parseAiFiles(
      [
        textFile('daily.json', JSON.stringify({ day_totals: [userDay('a', '2026-03-02', 9, 9)] })),
        textFile(
          'totals.json',
          JSON.stringify({
            report_start_day: '2026-03-01',
            report_end_day: '2026-03-28',
            user_totals: [
              {
                login: 'a',
                total_active_days: 1,
                user_initiated_interaction_count: 0,
                code_generation_activity_count: 9,
                code_acceptance_activity_count: 9,
                loc_suggested_to_add_sum: 18,
                loc_added_sum: 27,
                used_chat: false,
              },
            ],
          }),
        ),
      ],
      { today: TODAY },
    );
    expect(r.usage).toHaveLength(2);
    expect(codes(r)).toEqual({ 'overlapping-periods': 1 });
  });

  it('keeps one seat per login across pages and files, and warns when pages are missing', async () => {
    const page2 = JSON.stringify({
      total_seats: 3,
      seats: [
        {
          created_at: '2026-01-03T09:00:00Z',
          last_activity_at: '2026-05-02T10:00:00Z',
          plan_type: 'business',
          assignee: { login: 'monalisa' },
        },
      ],
    });
    const r = await parseAiFiles([fixture('seats-page-1.json'), textFile('seats-page-2.json', page2)], {
      today: TODAY,
    });
    expect(r.seats.map((s) => [s.githubLogin, s.plan, s.monthlyCostUsd, s.lastActivityAt, s.file])).toEqual([
      ['monalisa', 'business', 19, '2026-05-02', 'seats-page-2.json'],
      ['hubot', 'enterprise', 39, null, 'seats-page-1.json'],
    ]);
    // asOf = newest date seen in each listing
    expect(r.seats.map((s) => s.asOf)).toEqual(['2026-05-02', '2026-04-30']);
    expect(codes(r)).toEqual({ 'duplicate-seat': 1, 'partial-listing': 1 });
    expect(r.issues.find((i) => i.code === 'partial-listing')?.message).toContain('total_seats = 3 but 2');
  });
});
