/**
 * One definition per AI figure (lib/views/ai-figures.ts): for the same unit and period the AI
 * page (tiles, answer, tool table), `ai-metrics --json` and the report's AI section give the same
 * numbers. The fixture is tests/support/ai-payoff-seed.ts (worked out in ai-payoff.test.ts) plus one
 * team row: windsurf for M2's team (M2 + E7..E10 + X), 6 engineers, 1 active user, $30 spend.
 *
 * April 1-28 (4 weeks, 28/30 of a month), whole organisation, by hand:
 * - engineers: M1's people (M1, E1..E6) = 7, plus the team row's 6 in place of M2's team = 13;
 *   AI-active: M1, E1..E5 = 6 plus the team row's 1 = 7; adoption 7 / 13 = 0.5385.
 * - spend: copilot 6 x $20 + cursor 5 x $6 + the team row's $30 = $180 usage, + seats 6 x $19 x
 *   28/30 = $106.40 -> $286.40; / 13 / (28/30) = $23.60 per engineer per month.
 * - PRs: 22 by joined authors; / 13 / 4 = 0.4231 per engineer-week; 7 AI-assisted / 22 = 0.3182;
 *   median cycle time 16 h. Cost per merged PR: $286.40 / 23 (the outsider's PR too) = $12.45.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { getAiMetricsContract, type AiMetricsContract } from '@/lib/dal/ai-contract';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importFiles } from '@/cli/commands/import-command';
import { buildAiDashboard, type AiDashboard } from '@/lib/dal/dashboards/ai';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { loadReportContext } from '@/lib/dal/reports/context';
import { parseReportParams } from '@/lib/dal/reports/params';
import { buildAiSection } from '@/lib/dal/reports/sections/ai';
import { isSuppressed } from '@/lib/query/suppressed';
import { PAYOFF_ORG, PAYOFF_PERIOD, seedPayoff } from '../support/ai-payoff-seed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
const hr: Actor = { ...inOrg(CLI_ACTOR, 1), role: 'hr', scopeEmployeeId: null };

/** The tile values by key. */
function tiles(d: AiDashboard): Record<string, number | null> {
  if (isSuppressed(d.kpis)) throw new Error('tiles suppressed');
  return Object.fromEntries(d.kpis.map((k) => [k.key, k.value]));
}

/** The contract's figures under the tiles' keys. */
function contractTiles(c: AiMetricsContract): Record<string, number | null> {
  return {
    adoption: c.adoption,
    aiAssistedPrShare: c.aiAssistedPrShare,
    throughputPerEngineerWeek: c.throughputPerEngineerWeek,
    spendPerEngineerMonth: c.spendPerEngineerMonth,
    costPerMergedPr: c.costPerMergedPr,
    acceptanceRateByCount: c.acceptanceRateByCount,
    acceptanceRateByLines: c.acceptanceRateByLines,
  };
}

/** The contract says what the tiles say, figure by figure. */
function expectSameAsTiles(c: AiMetricsContract, t: Record<string, number | null>): void {
  const mine = contractTiles(c);
  expect(mine).toEqual(Object.fromEntries(Object.keys(mine).map((k) => [k, t[k] ?? null])));
}

/** The whole organisation for PAYOFF_PERIOD: the page, its tiles and answer, and the contract. */
async function orgInPeriod() {
  const ctx = await loadDashboardContext(hr, {});
  const d = await buildAiDashboard(ctx, new URLSearchParams(PAYOFF_PERIOD));
  const { contract: c } = await getAiMetricsContract(inOrg(CLI_ACTOR, 1), PAYOFF_PERIOD);
  const p = d.payoff;
  if (p === null || isSuppressed(p)) throw new Error('payoff missing');
  return { ctx, d, c, t: tiles(d), p };
}

/** The report's AI figures table (its default period), label -> value. */
async function reportFigures(): Promise<Map<unknown, unknown>> {
  const rctx = await loadReportContext(hr, parseReportParams({ format: 'pdf', sections: ['ai'] }));
  const section = await buildAiSection(rctx);
  const table = section.blocks.find((b) => b.kind === 'table' && b.table.id === 'ai-figures');
  if (!table || table.kind !== 'table') throw new Error('no AI figures table in the report');
  return new Map(table.table.rows.map((r) => [r[0], r[1]]));
}

/** The payoff fixture in a fresh database, and a new AI import for the rows a test adds (its id). */
async function seedWithImport(): Promise<number> {
  clearIdentityIndexCache();
  clearPreparedCache();
  const org = await importFiles([PAYOFF_ORG], {}, quiet);
  expect(org.result.ok).toBe(true);
  await seedPayoff();
  const [imp] = await rawQuery<{ id: number }>(
    `insert into ai_imports (org_id, uploaded_by) values (1, 'test') returning id`,
  );
  return imp?.id ?? 0;
}

describe.each(backends())('one definition of each AI figure on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    const imp = await seedWithImport();
    await rawQuery(
      `insert into ai_usage (import_id, row_no, subject_kind, subject_key, team_manager_id, tool,
         period_start, period_end, engineers, ai_active_users, spend_usd)
       values ($1, 0, 'team', 'team:M2', 'M2', 'windsurf', '2026-04-01', '2026-04-28', 6, 1, 30)`,
      [imp],
    );
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('gives the tiles, the answer, the tool table and the contract the same figures (hand-worked)', async () => {
    const { c, t, p } = await orgInPeriod();
    expect(t).toMatchObject({
      engineers: 13,
      activeUsers: 7,
      adoption: 0.5385,
      spendPerEngineerMonth: 23.6,
      throughputPerEngineerWeek: 0.4231,
      aiAssistedPrShare: 0.3182,
      costPerMergedPr: 12.45,
    });
    expectSameAsTiles(c, t);
    const f = p.figures;
    expect(f).toMatchObject({
      engineers: 13,
      activeUsers: 7,
      spendUsd: 286.4,
      prsMerged: 22,
      prsForCost: 23,
    });
    // the answer's delivery and the contract's are the shared figures
    expect(c.delivery).toEqual({
      prsMerged: 22,
      prsPerEngineerWeek: 0.4231,
      medianCycleTimeHours: 16,
      aiAssistedPrShare: 0.3182,
    });
    expect(p.unit?.delivery).toEqual(c.delivery);
    expect(p.unit?.spendPerEngineerMonth).toBe(t.spendPerEngineerMonth);
    // "7 of 13 engineers", "$24 per engineer per month" ($23.60 rounded), as the tiles say
    expect(p.headline).toBe(c.headline);
    expect(c.headline).toContain('at $24 per engineer per month');
    // the tool table divides by the same 23 PRs; its rows plus the team row's $30 make the total
    expect(c.byTool.copilot?.costPerMergedPr).toBe(9.84);
    expect(p.spendNotByToolUsd).toBe(30);
    // users vs non-users are people-level and suppressed as before (7 and 5)
    expect(c.usersVsNonUsers.users.engineers).toBe(7);
    expect(c.usersVsNonUsers.nonUsers.engineers).toBe(5);
  });

  it("gives the report's AI section the page's and the contract's figures for its period", async () => {
    const byLabel = await reportFigures();
    const ctx = await loadDashboardContext(hr, {});
    // the report takes the page's default period (the newest month with data up to the snapshot)
    const d = await buildAiDashboard(ctx, new URLSearchParams());
    if (!d.window || isSuppressed(d.kpis)) throw new Error('no period');
    const { contract: c } = await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
      from: d.window.from,
      to: d.window.to,
    });
    for (const k of d.kpis) expect(byLabel.get(k.label), k.label).toBe(k.value);
    const t = tiles(d);
    expectSameAsTiles(c, t);
    // the monthly trend's point for that month, and the manager table's top row (R: everyone),
    // say the same as the tiles
    const point = d.trend.find((x) => x.month === d.window?.month);
    if (!point || isSuppressed(point)) throw new Error('no trend point');
    for (const k of d.kpis) expect(point[k.key], `trend ${k.key}`).toBe(k.value);
    const r = d.managers.find((m) => m.id === 'R');
    if (!r || isSuppressed(r.figures)) throw new Error('no manager row for R');
    expect(r.figures).toMatchObject({
      engineers: t.engineers,
      adoption: t.adoption,
      throughputPerEngineerWeek: t.throughputPerEngineerWeek,
      spendPerEngineerMonth: t.spendPerEngineerMonth,
      costPerMergedPr: t.costPerMergedPr,
      aiAssistedPrShare: t.aiAssistedPrShare,
    });
    const p = d.payoff;
    if (p === null || isSuppressed(p)) throw new Error('payoff missing');
    const pr = p.managers.find((m) => m.id === 'R');
    expect(pr?.figures).toEqual({
      adoption: t.adoption,
      prsPerEngineerWeek: t.throughputPerEngineerWeek,
      spendPerEngineerMonth: t.spendPerEngineerMonth,
    });
    expect(byLabel.get('PRs merged')).toBe(p.figures?.prsMerged);
    expect(byLabel.get('Median PR cycle time (hours)')).toBe(p.figures?.medianCycleTimeHours);
    expect(c.delivery.medianCycleTimeHours).toBe(p.figures?.medianCycleTimeHours);
  });

  it('gives a subtree the same figures on the page and in the contract', async () => {
    const ctx = await loadDashboardContext(hr, { subtree: 'M2' });
    const d = await buildAiDashboard(ctx, new URLSearchParams(PAYOFF_PERIOD));
    const { contract: c } = await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
      ...PAYOFF_PERIOD,
      subtree: 'M2',
    });
    const t = tiles(d);
    // M2's subtree: the team row's 6 engineers and 1 user; its $30; PRs of M2, E7..E10 = 1 + 2 + 2 + 1 + 2 = 8
    // 8 / 6 / 4 = 0.3333; spend $30 + E7's cursor $6 = $36; / 8 = $4.50; / 6 / (28/30) = $6.43
    expect(t).toMatchObject({
      engineers: 6,
      adoption: 0.1667,
      throughputPerEngineerWeek: 0.3333,
      costPerMergedPr: 4.5,
      spendPerEngineerMonth: 6.43,
    });
    expectSameAsTiles(c, t);
  });

  // Runs last: it adds a row to the shared fixture.
  it('counts a team row whose manager is in no snapshot in the organisation, in no subtree (hand-worked)', async () => {
    // cursor for the team of manager GONE (in no snapshot): 4 engineers, 3 active users, $40
    const [imp] = await rawQuery<{ id: number }>(
      `insert into ai_imports (org_id, uploaded_by) values (1, 'test') returning id`,
    );
    await rawQuery(
      `insert into ai_usage (import_id, row_no, subject_kind, subject_key, team_manager_id, tool,
         period_start, period_end, engineers, ai_active_users, spend_usd)
       values ($1, 0, 'team', 'team:GONE', 'GONE', 'cursor', '2026-04-01', '2026-04-28', 4, 3, 40),
              ($1, 1, 'team', 'team:GONE', 'GONE', 'cursor', '2026-03-01', '2026-03-31', 4, 3, 25)`,
      [imp?.id ?? 0],
    );
    const { ctx, d, c, t, p } = await orgInPeriod();
    // Whole organisation: $286.40 + $40 = $326.40; / 13 engineers / (28/30) = $26.90 per engineer
    // per month; / 23 PRs = $14.19. Engineers (13) and active users (7) stay: the team cannot be placed.
    expect(t).toMatchObject({
      engineers: 13,
      activeUsers: 7,
      adoption: 0.5385,
      spendPerEngineerMonth: 26.9,
      costPerMergedPr: 14.19,
      throughputPerEngineerWeek: 0.4231,
    });
    expectSameAsTiles(c, t);
    expect(p.figures?.spendUsd).toBe(326.4);
    expect(c.headline).toContain('at $27 per engineer per month');
    // Per tool: copilot $120 + $106.40 seats = $226.40 (/ 23 = $9.84); cursor 5 people ($30) + the
    // team's $40 = $70 (/ 23 = $3.04), still 5 active users (the team's 3 cannot be placed, as in the
    // tiles); windsurf (M2's team: 1 user) is hidden, so its $30 is the spend no shown row holds:
    // 226.40 + 70 + 30 = 326.40.
    expect(c.byTool.copilot).toMatchObject({ spendUsd: 226.4, costPerMergedPr: 9.84 });
    expect(c.byTool.cursor).toMatchObject({ activeUsers: 5, spendUsd: 70, costPerMergedPr: 3.04 });
    const cursor = p.byTool.find((x) => x.tool === 'cursor');
    expect(
      cursor && !('suppressed' in cursor) ? [cursor.usageSpendUsd, cursor.reportSpendUsd] : null,
    ).toEqual([30, 40]);
    expect(c.byTool.windsurf?.spendUsd).toBeNull();
    expect(p.spendNotByToolUsd).toBe(30);
    // R's subtree (everyone in the snapshot) counts only what is joined to its people: $286.40
    const r = d.managers.find((m) => m.id === 'R');
    if (!r || isSuppressed(r.figures)) throw new Error('no manager row for R');
    expect(r.figures.spendPerEngineerMonth).toBe(23.6);
    // M2's subtree as before: $30 + $6 = $36; / 6 / (28/30) = $6.43
    const m2 = await buildAiDashboard(
      await loadDashboardContext(hr, { subtree: 'M2' }),
      new URLSearchParams(PAYOFF_PERIOD),
    );
    expect(tiles(m2).spendPerEngineerMonth).toBe(6.43);

    // The report's AI section and the contract say what the page says for the default period
    // (March, the month of the snapshot; the team's March row is $25): seats 6 x $19 = $114 + $25.
    const byLabel = await reportFigures();
    const whole = await buildAiDashboard(ctx, new URLSearchParams());
    if (!whole.window || whole.payoff === null || isSuppressed(whole.payoff)) throw new Error('no period');
    expect(whole.window.month).toBe('2026-03');
    expect(byLabel.get('AI spend (USD)')).toBe(139);
    expect(whole.payoff.figures?.spendUsd).toBe(139);
    const wt = tiles(whole);
    const kpis = isSuppressed(whole.kpis) ? [] : whole.kpis;
    for (const k of kpis) expect(byLabel.get(k.label), k.label).toBe(k.value);
    const { contract: wc } = await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
      from: whole.window.from,
      to: whole.window.to,
    });
    expectSameAsTiles(wc, wt);
    // the monthly trend's March point too (each month rolled up on its own)
    const point = whole.trend.find((x) => x.month === '2026-03');
    if (!point || isSuppressed(point)) throw new Error('no trend point');
    for (const k of kpis) expect(point[k.key], `trend ${k.key}`).toBe(k.value);
  });
});

/**
 * The same tools reported per person and per team or organisation for the same period (issue #15):
 * the fixture above (without its windsurf row) plus, for April 1-28,
 * - copilot for M1's team (M1, E1..E6), restating its people's rows: 7 engineers, 6 active users,
 *   900 / 600 lines, $120; the Copilot organisation report (6 active users, 900 / 600 lines) and a
 *   billing summary for the organisation ($120);
 * - cursor for M2's team (E7 reports cursor per person): 6 engineers, 1 active user, 50 / 50 lines, $6;
 * - windsurf for M2's team (nobody reports windsurf per person): 6 engineers, 1 active user, $30.
 * - E3's 40 AI credits of April 11, in the Copilot users report and in the billing report ($0).
 * None of the copilot or cursor reports adds anything the people give; windsurf fills in; E3's
 * credits count once (40, not 80). So every
 * figure is the first test's: 13 engineers, 7 active, $286.40 (not + $120 + $120 + $6); per tool
 * copilot 6 users, 6 x 100 = 600 lines, $120 + $106.40 seats = $226.40; cursor 5 users, 5 x 50 = 250
 * lines, $30; windsurf (1 user) hidden, its $30 the spend no shown row holds.
 */
describe.each(backends())('a tool reported per person and per team or organisation on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    const imp = await seedWithImport();
    await rawQuery(
      `insert into ai_usage (import_id, row_no, subject_kind, subject_key, team_manager_id, org_key, tool,
         period_start, period_end, engineers, ai_active_users, lines_suggested, lines_accepted, spend_usd)
       values ($1, 0, 'team', 'team:M1', 'M1', null, 'copilot', '2026-04-01', '2026-04-28', 7, 6, 900, 600, 120),
              ($1, 1, 'org', 'org:github-org:1', null, 'github-org:1', 'copilot', '2026-04-10', '2026-04-10', null, 6, 900, 600, null),
              ($1, 2, 'org', 'org:github-org:acme~billing', null, 'github-org:acme', 'copilot', '2026-04-01', '2026-04-28', null, null, null, null, 120),
              ($1, 3, 'team', 'team:M2', 'M2', null, 'cursor', '2026-04-01', '2026-04-28', 6, 1, 50, 50, 6),
              ($1, 4, 'team', 'team:M2', 'M2', null, 'windsurf', '2026-04-01', '2026-04-28', 6, 1, null, null, 30)`,
      [imp],
    );
    // E3's AI credits on April 11 in the users report and again in the billing report ($0: inside the allowance)
    await rawQuery(
      `insert into ai_usage (import_id, row_no, subject_kind, subject_key, github_login, tool,
         period_start, period_end, active, ai_credits, spend_usd)
       values ($1, 5, 'person', 'login:e3', 'e3', 'copilot', '2026-04-11', '2026-04-11', true, 40, null),
              ($1, 6, 'person', 'login:e3~billing', 'e3', 'copilot', '2026-04-11', '2026-04-11', true, 40, 0)`,
      [imp],
    );
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('adds no figure a person row gives again from a team or organisation row (hand-worked)', async () => {
    const { c, t, p } = await orgInPeriod();
    expect(t).toMatchObject({
      engineers: 13,
      activeUsers: 7,
      spendPerEngineerMonth: 23.6,
      costPerMergedPr: 12.45,
    });
    expectSameAsTiles(c, t);
    expect(p.figures?.spendUsd).toBe(286.4);
    expect(c.byTool.copilot).toMatchObject({ activeUsers: 6, linesAddedByAi: 600, spendUsd: 226.4 });
    expect(c.byTool.cursor).toMatchObject({ activeUsers: 5, linesAddedByAi: 250, spendUsd: 30 });
    const copilot = p.byTool.find((x) => x.tool === 'copilot');
    expect(copilot && !('suppressed' in copilot) ? copilot.reportSpendUsd : null).toBe(0);
    // E3's 40 AI credits, given by the users report and by billing, count once
    expect(copilot && !('suppressed' in copilot) ? copilot.aiCredits : null).toBe(40);
    // the rows' spend and the hidden windsurf row's $30 add up to the tiles' spend
    expect(p.spendNotByToolUsd).toBe(30);
    // each tool's active users are at most its distinct people
    expect(c.byTool.copilot?.activeUsers).toBeLessThanOrEqual(6);
    // M2's subtree: E7's cursor $6 and the windsurf row's $30 (the cursor team row adds nothing): $36
    const m2 = await buildAiDashboard(
      await loadDashboardContext(hr, { subtree: 'M2' }),
      new URLSearchParams(PAYOFF_PERIOD),
    );
    expect(tiles(m2).spendPerEngineerMonth).toBe(6.43);
  });
});
