/**
 * loadPeriodUsage (one read of the monthly, weekly and daily sums for both the per-subject usage and
 * the tool uses, issue #15) gives what the two reads it replaces give: loadAiAggregates for the
 * usage, and the tool uses as read from the rows (loadToolUseFromRows), over windows that start and
 * end inside months, whole months and a stretch across both; also once a 28-day row and credits
 * from both sources make the tool uses fall back to the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '@/lib/dal/raw-query';
import { loadAiAggregates } from '@/lib/dal/ai-data';
import { loadPeriodUsage, loadToolUseFromRows } from '@/lib/dal/ai-delivery-data';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const WINDOWS = [
  ['2026-03-01', '2026-04-30'],
  ['2026-03-01', '2026-03-31'],
  ['2026-03-03', '2026-04-20'],
  ['2026-03-09', '2026-03-27'],
  ['2026-03-29', '2026-04-02'],
  ['2026-04-05', '2026-04-06'],
  ['2026-02-20', '2026-03-12'],
] as const;

/** Non-integer sums are added in another order (weeks, months, subjects), so compare them to 9 places. */
const close = (rows: unknown) =>
  JSON.parse(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'number' ? v.toFixed(9) : v))) as unknown;

describe.each(backends())('loadPeriodUsage on %s', (backend) => {
  let tdb: TestDb;
  let org = 0;
  let imp = 0;
  let k = 0;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    const [o] = await rawQuery<{ id: number }>(
      `insert into organisations (name) values ('One') returning id`,
    );
    org = o?.id ?? 0;
    const [i] = await rawQuery<{ id: number }>(
      `insert into ai_imports (org_id, uploaded_by) values ($1, 'test') returning id`,
      [org],
    );
    imp = i?.id ?? 0;
    // daily person rows over March and April: two identities of one person (login, email), one
    // identity under two subjects (a team manager on some days: its day masks are or-ed), a person
    // with active days but no activity figures; a team row and an organisation row beside them
    const people = [
      ['copilot', 'login:ann', 'Ann', null, null],
      ['cursor', 'email:ann@x.example', null, 'Ann@X.example', null],
      ['cursor', 'login:bob', 'bob', null, null],
      ['cursor', 'login:bob', 'bob', null, 'M1'],
      ['claude-code', 'email:cy@x.example', null, 'cy@x.example', null],
    ] as const;
    for (let d = 0; d < 61; d++) {
      const day = new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (const [p, [tool, key, login, email, manager]] of people.entries()) {
        if ((d * 7 + key.length + p) % 5 === 0 || (manager !== null && d % 3 !== 0)) continue;
        await rawQuery(
          `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
             github_login, email, team_manager_id, active, suggestions, acceptances, lines_suggested, lines_accepted,
             lines_total, agent_uses, ai_credits, spend_usd)
           values ($1, $2, $3, $4, $4, 'person', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
          [
            imp,
            ++k,
            tool,
            day,
            key,
            login,
            email,
            manager,
            d % 3 === 0 ? null : d % 4 !== 0,
            tool === 'claude-code' ? null : d % 6,
            tool === 'claude-code' ? null : d % 4,
            d % 2 ? d * 3 : null,
            d * 3,
            tool === 'cursor' && d % 2 ? d * 5 : null,
            d % 3,
            tool === 'copilot' ? d * 0.25 : null,
            tool === 'cursor' ? d * 0.1 : null,
          ],
        );
      }
      await rawQuery(
        `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
           team_manager_id, engineers, ai_active_users, suggestions, acceptances, spend_usd)
         values ($1, $2, 'cursor', $3, $3, 'team', 'team:M1', 'M1', 4, $4, 10, 5, 2.5)`,
        [imp, ++k, day, d % 4],
      );
      await rawQuery(
        `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
           org_key, ai_active_users, prs_merged, ai_assisted_prs)
         values ($1, $2, 'copilot', $3, $3, 'org', 'org:acme', 'acme', $4, 7, 2)`,
        [imp, ++k, day, d % 5],
      );
    }
  });
  afterAll(async () => {
    await tdb.drop();
  });

  async function expectSame() {
    for (const [from, to] of WINDOWS) {
      const got = await loadPeriodUsage(org, from, to);
      const aggregates = await loadAiAggregates(org, from, to, false);
      const tools = await loadToolUseFromRows(org, from, to);
      if (from >= '2026-03-01') expect(tools.length).toBeGreaterThan(0);
      expect(close(got.aggregates)).toEqual(close(aggregates));
      expect(close(got.tools)).toEqual(close(tools));
    }
  }

  it('gives the usage per subject and the tool uses of any window as the two reads do', async () => {
    await expectSame();
  });

  it('gives the tool uses from the rows when credits come from both sources or a row spans days', async () => {
    // billing credits (with an amount) beside Ann's users-report credits on one day
    await rawQuery(
      `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
         github_login, ai_credits, spend_usd)
       values ($1, $2, 'copilot', '2026-03-10', '2026-03-10', 'person', 'login:ann', 'Ann', 4, 0.4)`,
      [imp, ++k],
    );
    await expectSame();
    await rawQuery(
      `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
         github_login, active_days)
       values ($1, $2, 'copilot', '2026-03-20', '2026-04-16', 'person', 'login:ann', 'Ann', 12)`,
      [imp, ++k],
    );
    await expectSame();
  });
});
