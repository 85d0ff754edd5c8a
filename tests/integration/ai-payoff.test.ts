/**
 * "Is AI paying off?" end to end on both backends: the org of tests/fixtures/ai-delivery (the same
 * 14 people as tests/unit/metrics/ai-delivery.test.ts), with usage, seats and pull requests
 * inserted straight into ai_usage, ai_seats and pull_requests. Every figure is worked out by hand.
 *
 *   R (no login) ─┬ M1 ─ E1 .. E6
 *                 └ M2 ─ E7 .. E10, X (no login)
 * Engineers (GitHub login): M1, M2, E1..E10 = 12. Period 2026-04-01..2026-04-28 = 4 weeks, 28/30 month.
 * Copilot (daily rows on 04-10): M1, E1..E5 (E2 by email only) - 6 users, 100 AI lines and 3
 *   agent uses each, $20 usage each; M1 and E1 report 400 lines in all. Seats: the same 6 at $19.
 * Cursor (one row each, 4 active days): M1, E1, E2, E3, E7 - 5 users, 50 AI lines of 200 each, $6 each.
 * AI users: M1, E1..E5, E7 = 7; non-users: M2, E6, E8, E9, E10 = 5.
 * PRs merged in the period (cycle hours): users 2, 4, ..., 28 (14); non-users 10, 12, 14, 16, 18,
 *   20, 30, 40 (8; E9's PR authored as "e9-alt", mapped to E9 by hand); one by "outsider" (joined
 *   to nobody); one merged 04-29 and one never merged (neither counts). One AI-assisted PR per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { getAiMetricsContract } from '@/lib/dal/ai-contract';
import {
  clearIdentityIndexCache,
  listCurrentSnapshots,
  loadIdentityIndex,
  loadManualMap,
} from '@/lib/dal/ai-data';
import { loadAiPayoff } from '@/lib/dal/ai-payoff';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importFiles } from '@/cli/commands/import-command';
import { buildAiDashboard } from '@/lib/dal/dashboards/ai';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { isSuppressed } from '@/lib/query/suppressed';
import { PAYOFF_ORG, PAYOFF_PERIOD, seedPayoff } from '../support/ai-payoff-seed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORG = PAYOFF_ORG;
const quiet = () => undefined;
const r4 = (v: number) => Math.round(v * 10000) / 10000;
const r2 = (v: number) => Math.round(v * 100) / 100;
const PERIOD = PAYOFF_PERIOD;

describe.each(backends())('AI payoff on %s', (backend) => {
  let tdb: TestDb;
  const cli = () => inOrg(CLI_ACTOR, 1);

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    const org = await importFiles([ORG], {}, quiet);
    expect(org.result.ok).toBe(true);
    await seedPayoff();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('users against non-users and cycle time for the organisation', async () => {
    const { contract: c } = await getAiMetricsContract(cli(), PERIOD);
    // users 14 PRs / 7 / 4 = 0.5, median of 2..28 = 15; non-users 8 / 5 / 4 = 0.4, median (16 + 18) / 2 = 17
    expect(c.usersVsNonUsers).toEqual({
      users: { engineers: 7, prsPerEngineerWeek: 0.5, medianCycleTimeHours: 15 },
      nonUsers: { engineers: 5, prsPerEngineerWeek: 0.4, medianCycleTimeHours: 17 },
    });
    // 22 joined PRs / 12 / 4 = 0.4583; median of all 22 = 16; 7 AI-assisted / 22 = 0.3182
    expect(c.delivery).toEqual({
      prsMerged: 22,
      prsPerEngineerWeek: 0.4583,
      medianCycleTimeHours: 16,
      aiAssistedPrShare: 0.3182,
    });
    expect(c.suppressed).toEqual([]);
    // spend: copilot 6 x $20 + seats 6 x $19 x 28/30 ($106.40) + cursor 5 x $6 = $256.40
    // / 12 engineers / (28/30) = $22.89 -> "$23"
    expect(c.headline).toBe(
      'AI users here merge 25% more PRs per week than non-users (7 vs 5 engineers), at $23 per engineer per month; cycle time 12% shorter.',
    );
  });

  it('takes no PR figures from pull requests that begin more than a week into the period', async () => {
    // The PRs begin on 2026-03-01: 9 days into a period from 2026-02-20 (partial), 4 days into one
    // from 2026-02-25 (a quiet start: covered).
    const late = (await getAiMetricsContract(cli(), { from: '2026-02-20', to: '2026-04-28' })).contract;
    expect(late.delivery).toEqual({
      prsMerged: null,
      prsPerEngineerWeek: null,
      medianCycleTimeHours: null,
      aiAssistedPrShare: null,
    });
    // the groups are still counted (as with no pull requests at all); their PR figures are not
    expect(late.usersVsNonUsers).toEqual({
      users: { engineers: 7, prsPerEngineerWeek: null, medianCycleTimeHours: null },
      nonUsers: { engineers: 5, prsPerEngineerWeek: null, medianCycleTimeHours: null },
    });
    expect(late.headline).toContain(
      'The imported pull requests begin on 2026-03-01, part-way through this period, so AI users are not compared with non-users here',
    );
    // joined PRs merged 02-25..04-28: April's 22, and E1's 03-01, six on 03-02..07, nine on 03-16..24, 03-30
    const covered = (await getAiMetricsContract(cli(), { from: '2026-02-25', to: '2026-04-28' })).contract;
    expect(covered.delivery.prsMerged).toBe(39);
  });

  it('a unit with two tools', async () => {
    const { contract: c } = await getAiMetricsContract(cli(), PERIOD);
    // the whole organisation's cost per merged PR counts all 23 PRs merged (the outsider's too)
    expect(c.byTool).toEqual({
      // 6 users; 600 AI lines; (100 + 100) / (400 + 400) = 0.25; $120 + $106.40 = $226.40; / 23 = $9.84
      copilot: {
        activeUsers: 6,
        linesAddedByAi: 600,
        aiShareOfCode: 0.25,
        // the fixture's Copilot rows report no AI credits: null ("not reported"), not 0
        aiCredits: null,
        spendUsd: 226.4,
        costPerMergedPr: 9.84,
      },
      // 5 users; 250 AI lines of 1000 = 0.25; $30; / 23 = $1.30
      cursor: {
        activeUsers: 5,
        linesAddedByAi: 250,
        aiShareOfCode: 0.25,
        // Cursor never reports AI credits
        aiCredits: null,
        spendUsd: 30,
        costPerMergedPr: 1.3,
      },
    });
  });

  it('suppresses small groups and their complement in every new figure', async () => {
    // M1's subtree: M1, E1..E6 = 7 engineers; 6 users, 1 non-user (E6) -> both groups suppressed.
    // Copilot: 6 users shown; cursor: M1, E1, E2, E3 = 4 -> suppressed.
    const { contract: c } = await getAiMetricsContract(cli(), { ...PERIOD, subtree: 'M1' });
    const none = { engineers: null, prsPerEngineerWeek: null, medianCycleTimeHours: null };
    expect(c.usersVsNonUsers).toEqual({ users: none, nonUsers: none });
    expect(c.suppressed).toEqual(['usersVsNonUsers.users', 'usersVsNonUsers.nonUsers', 'byTool.cursor']);
    expect(c.byTool.cursor).toEqual({
      activeUsers: null,
      linesAddedByAi: null,
      aiShareOfCode: null,
      aiCredits: null,
      spendUsd: null,
      costPerMergedPr: null,
    });
    // 14 PRs of M1, E1..E6 (E1 3, E2 2, E3 1, E4 2, E5 3, M1 1, E6 2) / 7 / 4 = 0.5; $226.40 / 14 = $16.17
    expect(c.delivery.prsPerEngineerWeek).toBe(0.5);
    expect(c.byTool.copilot?.costPerMergedPr).toBe(16.17);
    expect(c.headline).toMatch(
      /^6 of 7 engineers used AI tools in this period, at \$\d+ per engineer per month\. AI users and non-users are not compared here/,
    );
  });

  it('gives the page the same answer, with structure and per-manager rows under the floor', async () => {
    const a = { ...inOrg(CLI_ACTOR, 1), role: 'viewer' as const, scopeEmployeeId: null };
    const ctx = await loadDashboardContext(a, {});
    const d = await buildAiDashboard(ctx, new URLSearchParams(PERIOD));
    const p = d.payoff;
    if (p === null || isSuppressed(p)) throw new Error('payoff missing');
    const { contract } = await getAiMetricsContract(cli(), PERIOD);
    expect(p.headline).toBe(contract.headline);
    expect(p.unit?.usersVsNonUsers.users?.prsPerEngineerWeek).toBe(0.5);
    // managers: R (12 engineers, the whole unit), M1 (7), M2 (5). The viewer's floor on headcount:
    // R 14 people, M1 7, M2 6 (X included) leave R a residual of 1 (R alone), so the smaller of
    // M1 and M2 (M2) is hidden too; with engineers alone (12 - 7 - 5 = 0) it would show.
    expect(p.managers.map((m) => [m.id, m.engineers, m.figures?.adoption ?? null])).toEqual([
      ['R', 12, 0.5833],
      ['M1', 7, r4(6 / 7)],
      ['M2', 5, null],
    ]);
    // hr sees M2 (spend: E7's $6 of cursor): PRs E7 2, E8 2, E9 1 (as e9-alt), E10 2, M2 1 = 8 / 5 / 4 = 0.4; adoption 1/5
    const hrCtx = await loadDashboardContext({ ...a, role: 'hr' }, {});
    const h = (await buildAiDashboard(hrCtx, new URLSearchParams(PERIOD))).payoff;
    if (h === null || isSuppressed(h)) throw new Error('payoff missing');
    expect(h.managers[2]?.figures).toEqual({
      adoption: 0.2,
      prsPerEngineerWeek: 0.4,
      spendPerEngineerMonth: r2(6 / 5 / (28 / 30)),
    });
  });

  it('prints the contract as JSON with nulls and the suppressed list', async () => {
    const { contract } = await getAiMetricsContract(cli(), { ...PERIOD, subtree: 'M2' });
    const json = JSON.parse(JSON.stringify(contract)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['byTool', 'delivery', 'usersVsNonUsers', 'suppressed', 'headline', 'adoption']),
    );
    // M2's subtree: M2, E7..E10 = 5 engineers (X has no login); 1 user (E7) -> suppressed with its complement
    expect(json.suppressed).toEqual(['usersVsNonUsers.users', 'usersVsNonUsers.nonUsers', 'byTool.cursor']);
    expect(json.byTool).toEqual({
      cursor: {
        activeUsers: null,
        linesAddedByAi: null,
        aiShareOfCode: null,
        aiCredits: null,
        spendUsd: null,
        costPerMergedPr: null,
      },
    });
  });
});

describe.each(backends())('AI payoff before/after on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    expect((await importFiles([ORG], {}, quiet)).result.ok).toBe(true);
    await seedPayoff();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('finds the adoption week and compares equal windows', async () => {
    const [snap] = await listCurrentSnapshots(1);
    const index = await loadIdentityIndex(snap?.id ?? 0);
    const { payoff } = await loadAiPayoff({
      orgId: 1,
      ...PERIOD,
      index,
      nodes: null,
      manual: await loadManualMap(1),
      minGroupSize: 5,
      execLayers: 2,
    });
    // 03-16 is the first week with 6 of 12 engineers active; PR data from 03-01 leaves 2 whole
    // weeks before it. Before: 6 PRs / 12 / 2 = 0.25, median 35; after: 9 / 12 / 2 = 0.375, median 25.
    expect(payoff.beforeAfter).toEqual({
      adoptionWeek: '2026-03-16',
      weeks: 2,
      before: { from: '2026-03-02', to: '2026-03-15', prsPerEngineerWeek: 0.25, medianCycleTimeHours: 35 },
      after: { from: '2026-03-16', to: '2026-03-29', prsPerEngineerWeek: 0.375, medianCycleTimeHours: 25 },
      missing: null,
    });
    // by layer: layer 2 (M1, M2) has 2 engineers: hidden, and layer 3 with it (the total is shown)
    expect(payoff.structure?.byLayer.map((r) => [r.key, r.engineers, r.figures])).toEqual([
      ['2', 2, null],
      ['3', 10, null],
    ]);
  });

  it('gives organisation-wide tool figures without an org snapshot', async () => {
    const { payoff } = await loadAiPayoff({
      orgId: 1,
      ...PERIOD,
      index: null,
      nodes: null,
      manual: new Map(),
      minGroupSize: 5,
      execLayers: 2,
    });
    expect(payoff.headline).toMatch(/need an org snapshot/);
    // identities count as themselves: copilot 6 (E2 by email), cursor 5
    expect(payoff.byTool.map((t) => ('activeUsers' in t ? [t.tool, t.activeUsers, t.adoption] : t))).toEqual([
      ['copilot', 6, null],
      ['cursor', 5, null],
    ]);
  });
});
