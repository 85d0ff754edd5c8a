/**
 * The AI view's per-period cache (lib/dal/ai-payoff.ts loadPayoffPeriod): a unit's answer built from
 * a period another unit already loaded is byte-identical to the one built from nothing, for several
 * units and two periods, on both backends; and a new import (a new data version) is not answered
 * from the period kept for the old one. Fixture: tests/support/ai-payoff-seed.ts (hand-worked in
 * ai-payoff.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import {
  clearIdentityIndexCache,
  listCurrentSnapshots,
  loadIdentityIndex,
  loadManualMap,
} from '@/lib/dal/ai-data';
import { loadAiPayoff, loadPayoffPeriod } from '@/lib/dal/ai-payoff';
import { ACTIVE } from '@/lib/dal/ai-data';
import { activeWeeksOf, loadActiveMonths } from '@/lib/dal/ai-delivery-data';
import { clearProcessCaches } from '@/lib/dal/process-cache';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { rawQuery } from '@/lib/dal/raw-query';
import { importFiles } from '@/cli/commands/import-command';
import { buildAiDashboard } from '@/lib/dal/dashboards/ai';
import { dataVersion, loadDashboardContext } from '@/lib/dal/dashboards/context';
import { aiUnitNodes } from '@/lib/dal/dashboards/ai-window';
import { isSuppressed } from '@/lib/query/suppressed';
import { PAYOFF_ORG, PAYOFF_PERIOD, seedPayoff } from '../support/ai-payoff-seed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
const PERIODS = [PAYOFF_PERIOD, { from: '2026-03-01', to: '2026-04-28' }];
const UNITS = [null, 'M1', 'M2', 'E1'];
const admin = () => ({ ...inOrg(CLI_ACTOR, 1), role: 'admin' as const, scopeEmployeeId: null });

/** The dashboard's answer for a subtree and period, as JSON (the page reads exactly this). */
async function dashboardJson(subtree: string | null, period: { from: string; to: string }) {
  const ctx = await loadDashboardContext(admin(), subtree ? { subtree } : {});
  return JSON.stringify(await buildAiDashboard(ctx, new URLSearchParams(period)));
}

describe.each(backends())('AI per-period cache on %s', (backend) => {
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

  it('answers every unit and period through the kept period exactly as without it', async () => {
    const [snap] = await listCurrentSnapshots(1);
    if (!snap) throw new Error('no snapshot');
    const index = await loadIdentityIndex(snap.id);
    const manual = await loadManualMap(1);
    const version = await dataVersion(1);
    for (const period of PERIODS)
      for (const subtree of UNITS) {
        const nodes = aiUnitNodes(index.tree, { scopeRoot: null, subtree, department: null });
        const args = { orgId: 1, ...period, index, nodes, manual, minGroupSize: 5, execLayers: 2 };
        const fresh = await loadAiPayoff(args);
        const kept = await loadAiPayoff({
          ...args,
          period: await loadPayoffPeriod(1, version, snap.id, period.from, period.to),
        });
        expect(JSON.stringify(kept.payoff)).toBe(JSON.stringify(fresh.payoff));
        expect(JSON.stringify(kept.facts?.facts)).toBe(JSON.stringify(fresh.facts?.facts));
      }
    // the before/after reached the kept period too (the fixture's hand-worked adoption week)
    const kept = await loadPayoffPeriod(1, version, snap.id, PAYOFF_PERIOD.from, PAYOFF_PERIOD.to);
    const { payoff } = await loadAiPayoff({
      orgId: 1,
      ...PAYOFF_PERIOD,
      index,
      nodes: null,
      manual,
      minGroupSize: 5,
      execLayers: 2,
      period: kept,
    });
    expect(payoff.beforeAfter?.adoptionWeek).toBe('2026-03-16');
    expect(payoff.beforeAfter?.before?.prsPerEngineerWeek).toBe(0.25);
  });

  it('takes the adoption weeks of any period from whole months exactly as from the rows', async () => {
    // weeks counted straight from the active person rows' last days in the period
    for (const [weekFrom, to] of [
      ['2026-03-02', '2026-03-16'],
      ['2026-03-09', '2026-04-28'],
      ['2026-03-03', '2026-03-10'],
    ] as const) {
      const direct = await rawQuery<{ who: string; weeks: string }>(
        `select coalesce(employee_id, '') || '|' || coalesce(lower(github_login), '') || '|' || coalesce(lower(email), '') as who,
           string_agg(distinct ((period_end - $1::date) / 7)::text, ',') as weeks
         from ai_usage where subject_kind = 'person' and period_end between $1::date and $2::date and ${ACTIVE.replaceAll('\n', ' ')}
           and import_id in (select id from ai_imports where org_id = 1)
         group by 1`,
        [weekFrom, to],
      );
      const want = direct
        .map(
          (r) =>
            `${r.who}:${r.weeks
              .split(',')
              .map(Number)
              .sort((a, b) => a - b)
              .join(',')}`,
        )
        .sort();
      const rows = await loadActiveMonths(1, `${weekFrom.slice(0, 7)}-01`, `${to.slice(0, 7)}-01`);
      const got = activeWeeksOf(rows, weekFrom, to)
        .map((r) => `${r.employeeId ?? ''}|${r.githubLogin ?? ''}|${r.email ?? ''}:${r.weeks.join(',')}`)
        .sort();
      expect(want.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });

  it('gives the page the same answer for a unit whether or not another unit of the period came first', async () => {
    const cold = new Map<string, string>();
    for (const period of PERIODS)
      for (const subtree of UNITS) {
        clearProcessCaches();
        cold.set(`${period.from}|${subtree}`, await dashboardJson(subtree, period));
      }
    clearProcessCaches();
    // every unit and period again, one after another, each period kept from its first unit on
    for (const period of PERIODS)
      for (const subtree of [...UNITS].reverse())
        expect(await dashboardJson(subtree, period)).toBe(cold.get(`${period.from}|${subtree}`));
    const d = JSON.parse(cold.get(`${PAYOFF_PERIOD.from}|null`) ?? '{}') as Awaited<
      ReturnType<typeof buildAiDashboard>
    >;
    if (d.payoff === null || isSuppressed(d.payoff)) throw new Error('payoff missing');
    // hand-worked in ai-payoff.test.ts: 7 AI users and 5 non-users of 12 engineers
    expect(d.payoff.unit?.usersVsNonUsers.users?.engineers).toBe(7);
  });

  it('does not answer from a period kept before a new import', async () => {
    const before = JSON.parse(await dashboardJson(null, PAYOFF_PERIOD)) as Awaited<
      ReturnType<typeof buildAiDashboard>
    >;
    if (before.payoff === null || isSuppressed(before.payoff)) throw new Error('payoff missing');
    expect(before.payoff.unit?.users).toBe(7);
    const v1 = await dataVersion(1);
    // a new import: E6 (a non-user until now) active in Cursor in April
    const [imp] = await rawQuery<{ id: number }>(
      `insert into ai_imports (org_id, uploaded_by) values (1, 'test') returning id`,
    );
    await rawQuery(
      `insert into ai_usage (import_id, row_no, subject_kind, tool, period_start, period_end, subject_key, email, active_days, lines_accepted, spend_usd)
       values ($1, 0, 'person', 'cursor', '2026-04-21', '2026-04-21', 'email:e6@x.test', 'e6@x.test', 1, 10, 2)`,
      [imp?.id ?? 0],
    );
    expect(await dataVersion(1)).not.toBe(v1);
    const after = JSON.parse(await dashboardJson(null, PAYOFF_PERIOD)) as Awaited<
      ReturnType<typeof buildAiDashboard>
    >;
    if (after.payoff === null || isSuppressed(after.payoff)) throw new Error('payoff missing');
    expect(after.payoff.unit?.users).toBe(8);
    // and the kept answer is the one built from nothing on the new data
    const fresh = await dashboardJson(null, PAYOFF_PERIOD);
    clearProcessCaches();
    expect(fresh).toBe(await dashboardJson(null, PAYOFF_PERIOD));
  });
});
