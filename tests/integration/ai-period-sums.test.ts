/**
 * A period's usage per subject and tool uses from the month, week and day sums kept in memory
 * (lib/dal/ai-period-sums.ts, issue #15) equal what the grouping queries give (loadAiAggregates,
 * loadToolUse, and the rows' stretches), over windows that start and end mid-week, mid-month, span
 * months or hold one day, after an insert, a replacement and a deleted import; and the AI answer of
 * every unit (organisation, department, manager subtrees, one person) through the kept period is
 * byte-identical to the one built from the queries. On both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearIdentityIndexCache,
  listCurrentSnapshots,
  loadAiAggregates,
  loadIdentityIndex,
  loadManualMap,
} from '@/lib/dal/ai-data';
import { loadToolUse, loadToolUseFromRows } from '@/lib/dal/ai-delivery-data';
import { loadAiPayoff, loadPayoffPeriod } from '@/lib/dal/ai-payoff';
import { loadPeriodSums } from '@/lib/dal/ai-period-sums';
import { hasPeriodBuckets, loadPeriodBuckets } from '@/lib/dal/ai-usage-buckets';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { rawQuery } from '@/lib/dal/raw-query';
import { importFiles } from '@/cli/commands/import-command';
import { dataVersion } from '@/lib/dal/dashboards/context';
import { aiUnitNodes } from '@/lib/dal/dashboards/ai-window';
import { PAYOFF_ORG, seedPayoff } from '../support/ai-payoff-seed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
/** mid-week and mid-month ends, across a month's end, a whole month plus edges, one day */
const WINDOWS = [
  ['2026-03-01', '2026-04-30'],
  ['2026-03-03', '2026-04-20'],
  ['2026-03-09', '2026-03-27'],
  ['2026-03-29', '2026-04-02'],
  ['2026-03-10', '2026-03-10'],
  ['2026-02-25', '2026-04-04'],
  ['2026-04-01', '2026-04-28'],
] as const;

/** Non-integer sums may be added in another order (last binary digit): compared to 9 places. */
const close = (rows: readonly object[]) =>
  JSON.parse(
    JSON.stringify(rows, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)),
  ) as unknown;

async function addImport(org: number): Promise<number> {
  const [r] = await rawQuery<{ id: number }>(
    `insert into ai_imports (org_id, uploaded_by) values ($1, 'test') returning id`,
    [org],
  );
  return r?.id ?? 0;
}

/** Daily person rows of three identities (two tools), a team row and an organisation row a week. */
async function addDays(imp: number, days: number, shift: number) {
  let k = 0;
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2026, 1, 20) + d * 86_400_000).toISOString().slice(0, 10);
    for (const [tool, key, login, email] of [
      ['copilot', 'login:ann', 'Ann', null],
      ['cursor', 'email:ann@x.example', null, 'Ann@X.example'],
      ['cursor', 'login:bob', 'bob', null],
      ['cursor', 'login:bob~commits', 'bob', null],
    ] as const) {
      if ((d * 7 + key.length + shift) % 5 === 0) continue;
      await rawQuery(
        `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
           github_login, email, active, suggestions, acceptances, lines_suggested, lines_accepted, lines_total,
           agent_uses, ai_credits, spend_usd, prs_merged, ai_assisted_prs)
         values ($1, $2, $3, $4, $4, 'person', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        [
          imp,
          k++,
          tool,
          day,
          key,
          login,
          email,
          d % 3 === 0 ? null : d % 4 !== 0,
          d % 6,
          d % 4,
          d % 5 ? d * 2 : null,
          d * 3 + shift,
          tool === 'cursor' && d % 2 ? d * 5 : null,
          d % 3,
          tool === 'copilot' ? d * 0.25 : null,
          tool === 'cursor' ? d * 0.1 + shift : null,
          d % 7 === 2 ? 1 : null,
          d % 7 === 2 ? d % 2 : null,
        ],
      );
    }
    if (d % 7 === 3)
      await rawQuery(
        `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key,
           team_manager_id, engineers, ai_active_users, spend_usd)
         values ($1, $2, 'cursor', $3, $3, 'team', 'team:M1', 'M1', 4, $4, 12.3),
                ($1, $2 + 1, 'copilot', $3, $3, 'org', 'org:acme', null, 40, $5, 99.7)`,
        [imp, k++, day, d % 4, 20 + d],
      );
    k++;
  }
}

describe.each(backends())('AI period sums kept in memory on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    expect((await importFiles([PAYOFF_ORG], {}, quiet)).result.ok).toBe(true);
    await seedPayoff();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('gives every unit the answer the grouping queries give, over windows', async () => {
    const [snap] = await listCurrentSnapshots(1);
    if (!snap) throw new Error('no snapshot');
    const index = await loadIdentityIndex(snap.id);
    const manual = await loadManualMap(1);
    const version = await dataVersion(1);
    const units = [
      { subtree: null, department: null },
      { subtree: null, department: 'Engineering' },
      { subtree: 'M1', department: null },
      { subtree: 'M2', department: null },
      { subtree: 'E1', department: null },
    ];
    let withUsers = 0;
    for (const [from, to] of WINDOWS)
      for (const unit of units) {
        const nodes = aiUnitNodes(index.tree, { scopeRoot: null, ...unit });
        const args = { orgId: 1, from, to, index, nodes, manual, minGroupSize: 1, execLayers: 2 };
        const fresh = await loadAiPayoff(args);
        // the window's sums kept first, so the period adds them up (a cold period runs the queries)
        await loadPeriodBuckets(1, version, from, to);
        expect(hasPeriodBuckets(1, version, from, to)).toBe(true);
        const kept = await loadAiPayoff({
          ...args,
          period: await loadPayoffPeriod(1, version, snap.id, from, to),
        });
        expect(JSON.stringify(kept.payoff)).toBe(JSON.stringify(fresh.payoff));
        expect(JSON.stringify(kept.facts?.facts)).toBe(JSON.stringify(fresh.facts?.facts));
        if ((fresh.payoff.unit?.users ?? 0) > 0) withUsers++;
      }
    // the windows reach the fixture's usage (not only empty periods)
    expect(withUsers).toBeGreaterThan(10);
  });

  it('sums every window as the queries do, after an insert, a replacement and a deleted import', async () => {
    const [o] = await rawQuery<{ id: number }>(
      `insert into organisations (name) values ('Sums') returning id`,
    );
    const org = o?.id ?? 0;
    let step = 0;
    const check = async () => {
      step++;
      let fromSums = 0;
      for (const [from, to] of WINDOWS) {
        const kept = await loadPeriodSums(org, `v${step}`, from, to);
        expect(close(kept.rows)).toEqual(close(await loadAiAggregates(org, from, to, false)));
        if (kept.tools !== null) {
          fromSums++;
          expect(close(kept.tools)).toEqual(close(await loadToolUseFromRows(org, from, to)));
        }
        // what the page shows: the kept tool uses, else the rows'
        expect(close(kept.tools ?? (await loadToolUse(org, from, to)))).toEqual(
          close(await loadToolUse(org, from, to)),
        );
      }
      return fromSums;
    };
    const first = await addImport(org);
    await addDays(first, 70, 0);
    expect(await check()).toBe(WINDOWS.length);
    // an insert: a second import over part of the same days (other values)
    const second = await addImport(org);
    await addDays(second, 30, 2);
    expect(await check()).toBe(WINDOWS.length);
    // a replacement: the second import's rows replaced by others, as a re-import does
    await rawQuery(`delete from ai_usage where import_id = $1`, [second]);
    await addDays(second, 40, 3);
    expect(await check()).toBe(WINDOWS.length);
    // a deleted import (its rows go by cascade)
    await rawQuery(`delete from ai_imports where id = $1`, [first]);
    expect(await check()).toBe(WINDOWS.length);
    // a 28-day row: the windows holding its end read the rows' stretches (tools null), the rest still the sums
    await rawQuery(
      `insert into ai_usage (import_id, row_no, tool, period_start, period_end, subject_kind, subject_key, github_login, active_days)
       values ($1, 9999, 'copilot', '2026-03-05', '2026-04-01', 'person', 'login:ann', 'Ann', 12)`,
      [second],
    );
    const mixed = await check();
    expect(mixed).toBeGreaterThan(0);
    expect(mixed).toBeLessThan(WINDOWS.length);
  });

  it('does not answer a new data version from sums kept for the old one', async () => {
    const [o] = await rawQuery<{ id: number }>(
      `insert into organisations (name) values ('Versions') returning id`,
    );
    const org = o?.id ?? 0;
    const imp = await addImport(org);
    await addDays(imp, 20, 1);
    const before = await loadPeriodSums(org, 'a', '2026-02-21', '2026-03-05');
    await rawQuery(`delete from ai_usage where import_id = $1 and period_end = '2026-02-25'`, [imp]);
    // the same version still answers from what it kept; a new one reads the rows left
    expect(await loadPeriodSums(org, 'a', '2026-02-21', '2026-03-05')).toEqual(before);
    const after = await loadPeriodSums(org, 'b', '2026-02-21', '2026-03-05');
    expect(close(after.rows)).toEqual(close(await loadAiAggregates(org, '2026-02-21', '2026-03-05', false)));
    expect(after.rows).not.toEqual(before.rows);
  });
});
