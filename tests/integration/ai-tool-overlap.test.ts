/**
 * #15: one person's AI credits and active days of one tool over a period that two sources cover
 * partly. Overlap is judged per stretch of days (rows sharing a day, directly or through a chain of
 * overlapping rows), not over the whole period: within a stretch the larger source counts, stretches
 * add. Rows inserted by hand (Copilot: users-report rows have no amount, billing rows have one).
 * Period 2026-03-01 .. 2026-04-30. By hand:
 * - ann: users report Mar 1-28 (120 credits, 10 active days); billing Apr 2 (30) and Apr 9 (50).
 *   Credits 120 + 30 + 50 = 200 (the old whole-period rule: max(120, 80) = 120); active days
 *   10 + 2 = 12 (old: max(10, 2) = 10).
 * - bob: Mar 1-28 users 100 vs billing Mar 5 (40) + Mar 20 (70) = 110 -> 110; Apr 1-28 users 90 vs
 *   billing Apr 10 (30) -> 90; total 200 (old: max(140, 190) = 190). March alone: 110, not 210.
 * - cy: users-report day Apr 2 (30) and billing Apr 2 (30) -> 30; billing Apr 3 (10) -> 40.
 * - dee: 28-day total Mar 1-28 of 12 active days, daily rows Mar 2, Mar 3 inside it (not added);
 *   Apr 1 (users report and billing: one day) and Apr 2 -> 12 + 2 = 14 (old: max(12, 4) = 12).
 * - fay: users Mar 1-28 (100), billing month Mar 1-31 (120), users Mar 29-Apr 25 (80) form one
 *   stretch through the month (max(120, 180) = 180); billing Apr 27 (5) adds -> 185 (old: 180).
 * - ann in Cursor (no credits anywhere): aiCredits 0 with hasCredits false (shown as "—").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadToolUse } from '@/lib/dal/ai-delivery-data';
import { rawQuery } from '@/lib/dal/raw-query';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

/** login, tool, first day, last day, active days (null = not reported), AI credits, amount (null = users report) */
type Row = [string, string, string, string, number | null, number | null, number | null];

const ROWS: Row[] = [
  ['ann', 'copilot', '2026-03-01', '2026-03-28', 10, 120, null],
  ['ann', 'copilot', '2026-04-02', '2026-04-02', null, 30, 0.3],
  ['ann', 'copilot', '2026-04-09', '2026-04-09', null, 50, 0.5],
  ['ann', 'cursor', '2026-04-02', '2026-04-02', null, null, null],
  ['bob', 'copilot', '2026-03-01', '2026-03-28', 9, 100, null],
  ['bob', 'copilot', '2026-03-05', '2026-03-05', null, 40, 0.4],
  ['bob', 'copilot', '2026-03-20', '2026-03-20', null, 70, 0.7],
  ['bob', 'copilot', '2026-04-01', '2026-04-28', 6, 90, null],
  ['bob', 'copilot', '2026-04-10', '2026-04-10', null, 30, 0.3],
  ['cy', 'copilot', '2026-04-02', '2026-04-02', null, 30, null],
  ['cy', 'copilot', '2026-04-02', '2026-04-02', null, 30, 0],
  ['cy', 'copilot', '2026-04-03', '2026-04-03', null, 10, 0.1],
  ['dee', 'copilot', '2026-03-01', '2026-03-28', 12, null, null],
  ['dee', 'copilot', '2026-03-02', '2026-03-02', null, null, 0.2],
  ['dee', 'copilot', '2026-03-03', '2026-03-03', null, null, 0.2],
  ['dee', 'copilot', '2026-04-01', '2026-04-01', null, null, null],
  ['dee', 'copilot', '2026-04-01', '2026-04-01', null, null, 0.2],
  ['dee', 'copilot', '2026-04-02', '2026-04-02', null, null, 0.2],
  ['fay', 'copilot', '2026-03-01', '2026-03-28', null, 100, null],
  ['fay', 'copilot', '2026-03-01', '2026-03-31', null, 120, 1.2],
  ['fay', 'copilot', '2026-03-29', '2026-04-25', null, 80, null],
  ['fay', 'copilot', '2026-04-27', '2026-04-27', null, 5, 0.05],
];

describe.each(backends())('per-tool overlap judged per stretch of days on %s', (backend) => {
  let tdb: TestDb;

  /** One login's use of one tool in [from, to], as the AI views load it. */
  const use = async (login: string, tool: string, from = '2026-03-01', to = '2026-04-30') => {
    const row = (await loadToolUse(TEST_ORG_ID, from, to)).find(
      (r) => r.tool === tool && r.githubLogin === login,
    );
    if (!row) throw new Error(`no ${tool} row for ${login}`);
    return row;
  };

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    const [imp] = await rawQuery<{ id: number }>(
      `insert into ai_imports (org_id, uploaded_by) values ($1, 'test') returning id`,
      [TEST_ORG_ID],
    );
    for (const [i, [login, tool, from, to, days, credits, amount]] of ROWS.entries())
      await rawQuery(
        `insert into ai_usage (import_id, row_no, subject_kind, subject_key, github_login, tool,
           period_start, period_end, active, lines_accepted, active_days, ai_credits, spend_usd)
         values ($1, $2, 'person', $3, $4, $5, $6::date, $7::date, true, $8, $9, $10, $11)`,
        [
          imp?.id ?? 0,
          i,
          `login:${login}${amount === null ? '' : '~billing'}:${i}`,
          login,
          tool,
          from,
          to,
          tool === 'cursor' ? 25 : null,
          days,
          credits,
          amount,
        ],
      );
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('adds a March users report and April billing (a)', async () => {
    expect(await use('ann', 'copilot')).toMatchObject({ aiCredits: 200, hasCredits: true });
  });

  it('takes the larger source within one window, and adds the windows (b)', async () => {
    expect((await use('bob', 'copilot', '2026-03-01', '2026-03-31')).aiCredits).toBe(110);
    expect((await use('bob', 'copilot')).aiCredits).toBe(200);
    expect((await use('cy', 'copilot')).aiCredits).toBe(40);
  });

  it('joins rows that overlap through a chain into one stretch', async () => {
    expect((await use('fay', 'copilot')).aiCredits).toBe(185);
  });

  it('adds a 28-day active-days total and daily rows of a later window (c)', async () => {
    expect((await use('ann', 'copilot')).activeDays).toBe(12);
    expect((await use('dee', 'copilot')).activeDays).toBe(14);
    // March alone: the 28-day total, the daily rows inside it not added
    expect((await use('dee', 'copilot', '2026-03-01', '2026-03-31')).activeDays).toBe(12);
  });

  it('says when a tool reports no credits at all (d)', async () => {
    expect(await use('ann', 'cursor')).toMatchObject({ aiCredits: 0, hasCredits: false, activeDays: 1 });
    expect((await use('dee', 'copilot')).hasCredits).toBe(false);
  });
});
