/**
 * ai_usage_months (and ai_usage_weeks) stays what summing ai_usage gives, whatever writes ai_usage: inserts (two imports
 * of overlapping subjects), a replacement delete, an update, and deleting an import (cascade). Each
 * step compares the stored monthly sums with the same sums computed from the rows left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '@/lib/dal/raw-query';
import { loadToolUse, loadToolUseFromRows } from '@/lib/dal/ai-delivery-data';
import { MONTH, WEEK, partialSelect, type Bucket } from '@/lib/dal/ai-usage-months';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORDER = 'order by org_id, month, tool, subject_key, subject_kind, employee_id, login, email';

async function storedSums(b: Bucket) {
  return rawQuery(`select * from ${b.table} ${ORDER.replace('month', b.column)}`);
}

async function fromRowsBy(b: Bucket) {
  return rawQuery(
    `select * from (${partialSelect(
      'u.org_of',
      '(select a.*, i.org_id as org_of from ai_usage a join ai_imports i on i.id = a.import_id) u',
      'true',
      b,
    ).replace(
      /team_manager_id, org_key$/,
      'team_manager_id, org_key, org_of',
    )}) x ${ORDER.replace('month', b.column)}`,
  );
}

const stored = () => storedSums(MONTH);

/** The monthly sums as stored equal those of the rows, and so do the weekly ones (ai_usage_weeks). */
async function fromRows() {
  expect(await storedSums(WEEK)).toEqual(await fromRowsBy(WEEK));
  return fromRowsBy(MONTH);
}

async function addImport(org: number): Promise<number> {
  const [r] = await rawQuery<{ id: number }>(
    `insert into ai_imports (org_id, uploaded_by) values ($1, 'test') returning id`,
    [org],
  );
  return r?.id ?? 0;
}

async function addRows(
  imp: number,
  rows: Array<[string, string, string, string, number | null, boolean | null]>,
) {
  for (const [k, [tool, key, start, end, suggestions, active]] of rows.entries())
    await rawQuery(
      `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key, github_login,
         suggestions, acceptances, active, spend_usd)
       values ($1, $2, $3, $4, $5, 'person', $6, $7, $8, $9, $10, $11)`,
      [
        imp,
        k,
        tool,
        start,
        end,
        key,
        key.replace(/^login:/, '').toUpperCase(),
        suggestions,
        suggestions === null ? null : 1,
        active,
        k % 2 ? 1.5 : null,
      ],
    );
}

describe.each(backends())('ai_usage_months on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    await rawQuery(`insert into organisations (name) values ('One'), ('Two')`);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('equals the sums of the rows after inserts, a replacement, an update and a deleted import', async () => {
    const orgs = await rawQuery<{ id: number }>('select id from organisations order by id');
    const [one, two] = orgs.map((o) => o.id);
    const a = await addImport(one ?? 0);
    await addRows(a, [
      ['copilot', 'login:ann', '2026-03-30', '2026-03-30', 10, null],
      ['copilot', 'login:ann', '2026-03-31', '2026-03-31', 0, false],
      ['copilot', 'login:ann', '2026-04-01', '2026-04-01', 7, true],
      ['cursor', 'login:bob', '2026-04-01', '2026-04-28', null, true],
      ['copilot', 'login:bob', '2026-04-02', '2026-04-02', 3, null],
    ]);
    const b = await addImport(one ?? 0);
    await addRows(b, [
      ['copilot', 'login:ann', '2026-04-01', '2026-04-01', 9, true],
      ['copilot', 'login:ann', '2026-04-03', '2026-04-03', 4, null],
    ]);
    const c = await addImport(two ?? 0);
    await addRows(c, [['copilot', 'login:ann', '2026-04-01', '2026-04-01', 5, true]]);
    expect((await stored()).length).toBeGreaterThan(0);
    expect(await stored()).toEqual(await fromRows());
    const april = await rawQuery<{ rows: number; day_mask: number; suggestions_both: number }>(
      `select rows, day_mask, suggestions_both from ai_usage_months
       where org_id = $1 and tool = 'copilot' and subject_key = 'login:ann' and month = '2026-04-01'`,
      [one],
    );
    // 04-01 twice (imports a and b) and 04-03: days 1 and 3; 7 + 9 + 4 suggestions
    expect(april).toEqual([{ rows: 3, day_mask: 0b101, suggestions_both: 20 }]);
    // the weeks: 03-30 and 03-31 in the week of the 29th, 04-01 to 04-28 (bob's 28 days) in their own
    const weeks = await rawQuery<{ week: string; tool: string; subject_key: string; rows: number }>(
      `select to_char(week, 'YYYY-MM-DD') as week, tool, subject_key, rows from ai_usage_weeks
       where org_id = $1 order by week, tool, subject_key`,
      [one],
    );
    expect(weeks).toEqual([
      { week: '2026-03-29', tool: 'copilot', subject_key: 'login:ann', rows: 2 },
      { week: '2026-04-01', tool: 'copilot', subject_key: 'login:ann', rows: 3 },
      { week: '2026-04-01', tool: 'copilot', subject_key: 'login:bob', rows: 1 },
      { week: '2026-04-22', tool: 'cursor', subject_key: 'login:bob', rows: 1 },
    ]);

    // b replaces a's 04-01 row of ann (as the import does)
    await rawQuery(
      `delete from ai_usage where import_id = $1 and subject_key = 'login:ann' and period_start = '2026-04-01'`,
      [a],
    );
    expect(await stored()).toEqual(await fromRows());
    await rawQuery(
      `update ai_usage set suggestions = 50, period_end = '2026-05-01' where import_id = $1 and tool = 'cursor'`,
      [a],
    );
    expect(await stored()).toEqual(await fromRows());
    await rawQuery('delete from ai_imports where id = $1', [b]);
    expect(await stored()).toEqual(await fromRows());
    await rawQuery('delete from organisations where id = $1', [two]);
    expect(await stored()).toEqual(await fromRows());
    expect(await rawQuery(`select 1 from ai_usage_months where org_id = $1`, [two])).toEqual([]);
  });

  it('gives the tool uses of any window from the monthly and weekly sums as from the rows', async () => {
    const [org] = await rawQuery<{ id: number }>(
      `insert into organisations (name) values ('Three') returning id`,
    );
    const imp = await addImport(org?.id ?? 0);
    // daily rows of two people and two tools over March and April, two identities of one person
    // (login and email), credits from one source only: the sums can answer
    let k = 0;
    for (let d = 0; d < 61; d++) {
      const day = new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (const [tool, key, login, email] of [
        ['copilot', 'login:ann', 'Ann', null],
        ['cursor', 'email:ann@x.example', null, 'Ann@X.example'],
        ['cursor', 'login:bob', 'bob', null],
      ] as const) {
        if ((d * 7 + key.length) % 5 === 0) continue;
        k++;
        await rawQuery(
          `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
             github_login, email, active, suggestions, lines_accepted, lines_total, agent_uses, ai_credits, spend_usd)
           values ($1, $2, $3, $4, $4, 'person', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            imp,
            k,
            tool,
            day,
            key,
            login,
            email,
            d % 3 === 0 ? null : d % 4 !== 0,
            d % 6,
            d * 3,
            tool === 'cursor' && d % 2 ? d * 5 : null,
            d % 3,
            tool === 'copilot' ? d * 0.25 : null,
            tool === 'cursor' ? d * 0.1 : null,
          ],
        );
      }
    }
    const windows = [
      ['2026-03-01', '2026-04-30'],
      ['2026-03-03', '2026-04-20'],
      ['2026-03-09', '2026-03-27'],
      ['2026-03-29', '2026-04-02'],
      ['2026-04-05', '2026-04-06'],
    ];
    const close = (rows: Awaited<ReturnType<typeof loadToolUse>>) =>
      rows.map((r) => ({
        ...r,
        aiCredits: r.aiCredits.toFixed(9),
        usageSpendUsd: r.usageSpendUsd.toFixed(9),
      }));
    for (const [from, to] of windows) {
      const rows = await loadToolUseFromRows(org?.id ?? 0, from ?? '', to ?? '');
      expect(rows.length).toBeGreaterThan(0);
      expect(close(await loadToolUse(org?.id ?? 0, from ?? '', to ?? ''))).toEqual(close(rows));
    }
    // a 28-day row: the windows holding its end need the rows' stretches (the others still the sums)
    await rawQuery(
      `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key, github_login, active_days)
       values ($1, $2, 'copilot', '2026-03-20', '2026-04-16', 'person', 'login:ann', 'Ann', 12)`,
      [imp, k + 1],
    );
    for (const [from, to] of windows)
      expect(close(await loadToolUse(org?.id ?? 0, from ?? '', to ?? ''))).toEqual(
        close(await loadToolUseFromRows(org?.id ?? 0, from ?? '', to ?? '')),
      );
  });
});
