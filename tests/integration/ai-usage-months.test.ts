/**
 * ai_usage_months stays what summing ai_usage gives, whatever writes ai_usage: inserts (two imports
 * of overlapping subjects), a replacement delete, an update, and deleting an import (cascade). Each
 * step compares the stored monthly sums with the same sums computed from the rows left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '@/lib/dal/raw-query';
import { partialSelect } from '@/lib/dal/ai-usage-months';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORDER = 'order by org_id, month, tool, subject_key, subject_kind, employee_id, login, email';

async function stored() {
  return rawQuery(`select * from ai_usage_months ${ORDER}`);
}

async function fromRows() {
  return rawQuery(
    `select * from (${partialSelect(
      'u.org_of',
      '(select a.*, i.org_id as org_of from ai_usage a join ai_imports i on i.id = a.import_id) u',
      'true',
    ).replace(/team_manager_id, org_key$/, 'team_manager_id, org_key, org_of')}) x ${ORDER}`,
  );
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
});
