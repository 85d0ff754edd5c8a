/**
 * AI productivity end to end on both backends: the hand-built org of tests/fixtures/ai-app (17
 * people, two monthly snapshots; Fay moves from Cat's team to Gus's in February), a per-person
 * generic CSV over January and February, a team CSV and a Copilot seat listing. Every expected
 * figure is worked out by hand below.
 *
 * Org (github login):  E1 Ada (none) ─┬ E2 Ben (ben-gh) ─┬ E3 Cat (cat-gh) ─ E4 Dan (dan-gh), E5 Eve (Eve-GH), E6 Fay (fay-gh; Jan only)
 *                                     │                  ├ E7 Gus (gus-gh) ─ E8 Hal, E9 Ivy, E12 Lee + E13 Max (both dup-gh), E6 Fay (Feb)
 *                                     │                  └ E14 Nia (none) ─ E15 Oli, E16 Pat, E17 Quin (none): team rows only
 *                                     └ E10 Jo (Sales) ─ E11 Kim (none)
 * Engineers: 10 logins (E2-E9, E12, E13) + Nia's team row (3) = 13 in both months.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { getAiMetricsContract } from '@/lib/dal/ai-contract';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { getIdentityReview } from '@/lib/dal/ai-identity';
import { deleteIdentityMapping, saveIdentityMapping } from '@/lib/dal/ai-identity-map';
import { cancelAiUpload, commitAiUpload, createAiUpload } from '@/lib/dal/ai-uploads';
import { listAudit } from '@/lib/dal/audit';
import { buildAiDashboard, type AiDashboard, type AiManagerRow } from '@/lib/dal/dashboards/ai';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/dal/errors';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { importFiles } from '@/cli/commands/import-command';
import { isSuppressed } from '@/lib/query/suppressed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const F = path.resolve('tests/fixtures/ai-app');
const ORG = [path.join(F, 'org-2026-01-31.csv'), path.join(F, 'org-2026-02-28.csv')];
const AI = [
  path.join(F, 'ai-usage-people.csv'),
  path.join(F, 'ai-usage-teams.csv'),
  path.join(F, 'copilot-seats.json'),
];
const quiet = () => undefined;
const r4 = (v: number) => Math.round(v * 10000) / 10000;
const r2 = (v: number) => Math.round(v * 100) / 100;

const actor = (role: Actor['role'], scopeEmployeeId: string | null = null): Actor => ({
  userId: 1,
  email: `${role}@x.test`,
  name: role,
  role,
  scopeEmployeeId,
  orgId: 1,
  orgIds: [1],
});
const hr = actor('hr');

async function dashboard(a: Actor, query: Record<string, string> = {}): Promise<AiDashboard> {
  const ctx = await loadDashboardContext(a, { subtree: query.subtree, department: query.department });
  return buildAiDashboard(ctx, new URLSearchParams(query));
}
const row = (d: AiDashboard, id: string): AiManagerRow | undefined => d.managers.find((m) => m.id === id);
const kpi = (d: AiDashboard, key: string) =>
  isSuppressed(d.kpis) ? undefined : d.kpis.find((k) => k.key === key)?.value;

describe.each(backends())('AI productivity on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    const org = await importFiles(ORG, {}, quiet);
    expect(org.result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('imports person, team and seat files in one go and says who joins the org chart', async () => {
    const { parsed, result } = await importAiFiles(AI, quiet);
    expect(parsed.ok).toBe(true);
    expect(result).toMatchObject({ records: 14, seats: 6, periods: ['2026-01', '2026-02'], replaced: 0 });
    // joined: Dan, Eve, Fay, Hal (by login in Jan, by employee id in Feb: one person), Ivy (by email), and Cat
    // (a seat, no usage) = 6 people; not joined: ghost-gh (nobody) and dup-gh (Lee and Max share it) = 2
    expect(result?.identities).toMatchObject({
      matchedUsers: 6,
      unmatchedUsers: 2,
      ambiguousUsers: 1,
      unmatchedTeams: 1,
    });
    const log = await listAudit(actor('admin'), { action: 'ai.import' });
    expect(log.entries).toHaveLength(1);
  });

  it('computes January for the organisation from sums (hand-worked)', async () => {
    const { contract } = await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
      from: '2026-01-01',
      to: '2026-01-31',
    });
    // active: Dan, Eve, Hal (Fay's January row is all zeros) + Nia's team 2 = 5 of 13 engineers
    // suggestions 100+200+0+50+300 = 650, accepted 30+50+0+20+90 = 190
    // lines 200+300+0+100+600 = 1200, accepted 50+60+0+40+150 = 300
    // PRs 4+6+2+3+12 = 27, AI-assisted 2+3+0+1+6 = 12; 27 PRs / 13 engineers / (31/7 weeks)
    // spend (lib/views/ai-figures.ts, the per-tool table's definition): usage 4 x 19 + team 78 +
    // ghost-gh and dup-gh 2 x 19 (joined to nobody, but the organisation pays them) + seats in force
    // dan 19, fay 19, hal 39, ivy 19, ghost 19, cat 39 = 154 -> 346 over 1 month; 346 / 27 PRs
    // unmatched: ghost-gh and dup-gh (2) of 2 + 5 active
    expect(contract).toMatchObject({
      adoption: r4(5 / 13),
      acceptanceRateByCount: r4(190 / 650),
      acceptanceRateByLines: 0.25,
      aiAssistedPrShare: r4(12 / 27),
      throughputPerEngineerWeek: r4(27 / 13 / (31 / 7)),
      spendPerEngineerMonth: r2(346 / 13),
      costPerMergedPr: r2(346 / 27),
      unmatchedShare: r4(2 / 7),
    });
  });

  it('counts distinct users over a two-month window, not the sum of the months', async () => {
    const feb = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-02-01', to: '2026-02-28' }))
      .contract;
    // February: Dan, Fay, Ivy + team 3 = 6 of 13; unmatched ghost-gh + team E99's 4 = 5 of 11
    expect(feb.adoption).toBe(r4(6 / 13));
    expect(feb.unmatchedShare).toBe(r4(5 / 11));
    expect(feb.throughputPerEngineerWeek).toBe(r4(29 / 13 / 4));
    const both = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-02-28' }))
      .contract;
    // distinct people active in either month: Dan, Eve, Fay, Hal, Ivy = 5; the team's largest month 3 -> 8 of 13
    // (adding the months would give 5 + 6 = 11)
    expect(both.adoption).toBe(r4(8 / 13));
    // sums over both months: suggestions 1300 / accepted 390; PRs 56 (27 AI) over 59 days; spend over
    // 2 months: usage 347 + ghost-gh and dup-gh 3 x 19 + seats 2 x 154 = 712, + team E99's $40 (its
    // manager is in no snapshot: its spend counts for the organisation, nothing else of it) = 752
    expect(both).toMatchObject({
      acceptanceRateByCount: 0.3,
      acceptanceRateByLines: r4(655 / 2470),
      aiAssistedPrShare: r4(27 / 56),
      throughputPerEngineerWeek: r4(56 / 13 / (59 / 7)),
      spendPerEngineerMonth: r2(752 / 13 / 2),
      costPerMergedPr: r2(752 / 56),
      // ghost-gh, dup-gh and team E99 (4) = 6 of 6 + 8
      unmatchedShare: r4(6 / 14),
    });
  });

  it('rolls people up by where they sit in the snapshot in force, and team rows into every ancestor', async () => {
    // January (Fay under Cat): Cat's subtree E3-E6, 4 engineers, Dan and Eve active; spend: usage
    // Dan, Eve, Fay 3 x 19 = 57 + seats Cat 39, Dan 19, Fay 19 = 134
    const catJan = (
      await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-01-31', subtree: 'E3' })
    ).contract;
    expect(catJan).toMatchObject({
      adoption: 0.5,
      acceptanceRateByCount: r4(80 / 300),
      throughputPerEngineerWeek: r4(12 / 4 / (31 / 7)),
      costPerMergedPr: r2(134 / 12),
    });
    // the window is placed in February's snapshot (Fay under Gus): Gus E7, E8, E9, E12, E13, E6 = 6 engineers,
    // Fay, Hal and Ivy active; Fay 40/10 + Hal 50/20 + Ivy 60/30; PRs 5 + 5 + 4 = 14 (1 + 1 + 2 AI);
    // spend: usage 95 + seats Fay 19, Hal 39, Ivy 19 for 2 months = 154 -> 249
    const gus = (
      await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-02-28', subtree: 'E7' })
    ).contract;
    expect(gus).toMatchObject({
      adoption: 0.5,
      acceptanceRateByCount: 0.4,
      aiAssistedPrShare: r4(4 / 14),
      spendPerEngineerMonth: r2(249 / 6 / 2),
    });
    // Nia's team rows count in Nia's subtree, in Ben's above it and in the organisation
    const nia = (
      await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
        from: '2026-02-01',
        to: '2026-02-28',
        subtree: 'E14',
      })
    ).contract;
    expect(nia).toMatchObject({ adoption: 1, acceptanceRateByCount: 0.25, aiAssistedPrShare: 0.6 });
    const ben = (
      await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-02-01', to: '2026-02-28', subtree: 'E2' })
    ).contract;
    expect(ben.adoption).toBe(r4(6 / 13));
    await expect(getAiMetricsContract(inOrg(CLI_ACTOR, 1), { subtree: 'NOBODY' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('gives hr the whole dashboard: KPIs, monthly trend, managers, scatter, seats and idle seats by name', async () => {
    const d = await dashboard(hr, { month: '2026-02' });
    expect(d.window).toMatchObject({ from: '2026-02-01', to: '2026-02-28', month: '2026-02' });
    expect(d.snapshotAsOf).toBe('2026-02-28');
    expect(kpi(d, 'adoption')).toBe(r4(6 / 13));
    expect(isSuppressed(d.kpis) ? null : d.kpis.find((k) => k.key === 'adoption')?.previous).toBe(r4(5 / 13));
    expect(d.trend.map((p) => p.month)).toEqual(['2026-01', '2026-02']);
    // Cat's team in February: Cat, Dan, Eve = 3 engineers; hr sees small groups
    expect(row(d, 'E3')?.figures).toMatchObject({ engineers: 3, adoption: r4(1 / 3) });
    expect(row(d, 'E7')).toMatchObject({ span: 5, layer: 3, subtreeSize: 5, firstLine: true });
    expect(row(d, 'E7')?.figures).toMatchObject({ engineers: 6, adoption: r4(2 / 6) });
    expect(row(d, 'E10')).toBeUndefined(); // Sales: no engineers, no AI usage
    expect(d.scatter.map((p) => p.id).sort()).toEqual(['E1', 'E14', 'E2', 'E3', 'E7']);
    // seats (listing of 2026-02-28): Dan and Hal (exactly 30 days) active; Fay, Ivy (never), ghost, Cat (31 days) idle
    // cost 4 x 19 + 2 x 39 = 154; idle 19 + 19 + 19 + 39 = 96; ghost-gh joins nobody
    expect(d.seats).toEqual({
      listings: [{ tool: 'copilot', asOf: '2026-02-28' }],
      utilisation: {
        assigned: 6,
        active: 2,
        idle: 4,
        monthlyCostUsd: 154,
        idleMonthlyCostUsd: 96,
        unpriced: 0,
        idleShare: r4(4 / 6),
      },
      unmatchedSeats: 1,
    });
    expect(d.idleSeats?.map((s) => s.githubLogin).sort()).toEqual(['cat-gh', 'fay-gh', 'ghost-gh', 'ivy-gh']);
    expect(d.idleSeats?.find((s) => s.githubLogin === 'cat-gh')).toMatchObject({
      name: 'Cat Lead',
      daysSinceActivity: 31,
    });
  });

  it('confines a leader to their subtree and suppresses groups under the minimum size', async () => {
    const ben = actor('leader', 'E2');
    const d = await dashboard(ben, { month: '2026-02' });
    expect(kpi(d, 'adoption')).toBe(r4(6 / 13));
    expect(d.managers.every((m) => ['E2', 'E3', 'E7', 'E14'].includes(m.id))).toBe(true);
    expect(isSuppressed(row(d, 'E3')?.figures)).toBe(true); // 3 engineers
    expect(isSuppressed(row(d, 'E14')?.figures)).toBe(true); // 3 engineers
    expect(row(d, 'E7')?.figures).toMatchObject({ engineers: 6 });
    expect(d.scatter.map((p) => p.id).sort()).toEqual(['E2', 'E7']);
    // seats inside Ben's subtree: Dan, Fay, Hal, Ivy, Cat (5); no person-level list for a leader
    expect(isSuppressed(d.seats) ? null : d.seats?.utilisation.assigned).toBe(5);
    expect(d.idleSeats).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/-gh|@x\.test/);
    // outside the scope: 404
    await expect(dashboard(ben, { subtree: 'E10' })).rejects.toBeInstanceOf(NotFoundError);
    // a leader of a small team gets no figures at all
    const cat = await dashboard(actor('leader', 'E3'), { month: '2026-02' });
    expect(isSuppressed(cat.kpis)).toBe(true);
    expect(cat.trend.every((p) => isSuppressed(p))).toBe(true);
    expect(isSuppressed(cat.seats)).toBe(true);
  });

  it('gives a viewer aggregates only', async () => {
    const d = await dashboard(actor('viewer'), { month: '2026-02' });
    expect(kpi(d, 'adoption')).toBe(r4(6 / 13));
    // Cat's team (3 people) is under the minimum: no row, no name for a viewer
    expect(row(d, 'E3')).toBeUndefined();
    expect(JSON.stringify(d)).not.toContain('Cat Lead');
    expect(d.idleSeats).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/-gh|@x\.test|ghost/);
    await expect(getIdentityReview(actor('viewer'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getIdentityReview(actor('leader'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists unmatched and ambiguous identities for hr, and a saved mapping changes the figures', async () => {
    const review = await getIdentityReview(hr);
    expect(review.identities.map((i) => [i.identity, i.status])).toEqual([
      ['ghost-gh', 'unmatched'], // active in both months, with a seat
      ['dup-gh', 'ambiguous'],
    ]);
    expect(review.identities[0]).toMatchObject({
      activeDays: 2,
      suggestions: 100,
      seat: { tool: 'copilot' },
    });
    expect(review.identities[1]?.candidates.map((c) => c.id)).toEqual(['E12', 'E13']);
    await expect(
      saveIdentityMapping(hr, { identity: 'ghost-gh', employeeId: 'E404' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveIdentityMapping(actor('leader'), { identity: 'ghost-gh', employeeId: 'E11' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await saveIdentityMapping(hr, { identity: 'GHOST-gh', employeeId: 'E11' });
    await saveIdentityMapping(hr, { identity: 'dup-gh', employeeId: 'E12' });
    const jan = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-01-31' }))
      .contract;
    // Kim (Sales, no login) becomes an engineer by her joined usage; ghost and dup now count:
    // 7 active of 14 engineers; nothing unmatched in January any more
    expect(jan.adoption).toBe(0.5);
    expect(jan.unmatchedShare).toBe(0);
    expect(jan.acceptanceRateByCount).toBe(r4((190 + 20 + 5) / (650 + 80 + 10)));
    const sales = (
      await getAiMetricsContract(inOrg(CLI_ACTOR, 1), {
        from: '2026-01-01',
        to: '2026-01-31',
        department: 'Sales',
      })
    ).contract;
    expect(sales.adoption).toBe(1);
    expect((await getIdentityReview(hr)).identities).toEqual([]);
    const log = await listAudit(actor('admin'), { action: 'ai.identity_map' });
    expect(log.entries.map((e) => e.target).sort()).toEqual(['dup-gh', 'ghost-gh']);

    await deleteIdentityMapping(hr, 'ghost-gh');
    await deleteIdentityMapping(hr, 'dup-gh');
    const back = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-01-31' }))
      .contract;
    expect(back.unmatchedShare).toBe(r4(2 / 7));
    await expect(deleteIdentityMapping(hr, 'dup-gh')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('replaces rows of an earlier import for the same subject and period instead of double counting', async () => {
    const before = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-02-28' }))
      .contract;
    const again = await importAiFiles([AI[0] as string], quiet);
    expect(again.result?.replaced).toBe(11);
    const after = (await getAiMetricsContract(inOrg(CLI_ACTOR, 1), { from: '2026-01-01', to: '2026-02-28' }))
      .contract;
    expect(after).toEqual(before);
  });

  it('takes uploads through the web path: validation report first, nothing stored until commit', async () => {
    const bad = await createAiUpload(hr, [
      {
        name: 'bad.csv',
        bytes: new TextEncoder().encode(
          'period_start,period_end,github_login,suggestions\n2026-03-01,2026-03-31,x,-4\n',
        ),
      },
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.issues.some((i) => i.severity === 'error' && i.row === 1)).toBe(true);
    await expect(commitAiUpload(hr, bad.id)).rejects.toBeInstanceOf(ValidationError);
    await cancelAiUpload(hr, bad.id);
    await expect(createAiUpload(actor('leader'), [])).rejects.toBeInstanceOf(ForbiddenError);

    const csv =
      'period_start,period_end,github_login,suggestions,acceptances\n2026-03-01,2026-03-31,dan-gh,10,5\n2026-03-01,2026-03-31,stranger,4,1\n';
    const view = await createAiUpload(hr, [{ name: 'march.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(view).toMatchObject({ ok: true, records: 2, periods: ['2026-03'] });
    expect(view.identities).toMatchObject({ matchedUsers: 1, unmatchedUsers: 1 });
    expect((await dashboard(hr)).months).toEqual(['2026-01', '2026-02']);
    const result = await commitAiUpload(hr, view.id);
    expect(result.records).toBe(2);
    // March is placed in the newest snapshot (February's): Dan active, stranger unmatched
    const d = await dashboard(hr, { month: '2026-03' });
    expect(d.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(d.unmatchedShare).toBe(0.5);
    await expect(commitAiUpload(hr, view.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('ai-import and ai-metrics on the command line', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-ai-cli-'));
  const env = { ...process.env, STRATA_DATA_DIR: dataDir, DATABASE_URL: '' };
  const cli = (args: string[]) => {
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/strata.ts', ...args], {
      env,
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the contracts and exits 0, 1 on refused input, 2 on usage errors', () => {
    expect(cli(['import', ...ORG]).code).toBe(0);
    const imp = cli(['ai-import', ...AI, '--json']);
    expect(imp.code).toBe(0);
    // 14 usage rows + 6 seats; people as in the first test
    expect(JSON.parse(imp.out)).toEqual({
      records: 20,
      periods: ['2026-01', '2026-02'],
      matchedUsers: 6,
      unmatchedUsers: 2,
    });
    const m = cli(['ai-metrics', '--from', '2026-01-01', '--to', '2026-02-28', '--subtree', 'E7', '--json']);
    expect(m.code).toBe(0);
    const json = JSON.parse(m.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'adoption',
      'acceptanceRateByCount',
      'acceptanceRateByLines',
      'aiAssistedPrShare',
      'throughputPerEngineerWeek',
      'spendPerEngineerMonth',
      'costPerMergedPr',
      'unmatchedShare',
      'byTool',
      'delivery',
      'usersVsNonUsers',
      'suppressed',
      'headline',
    ]);
    expect(json.adoption).toBe(0.5);
    // the newest month (February) by default
    expect(JSON.parse(cli(['ai-metrics', '--json']).out)).toMatchObject({ adoption: r4(6 / 13) });
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'period_start,period_end,github_login,suggestions\n2026-03-01,2026-03-31,x,abc\n');
    const refused = cli(['ai-import', bad, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      records: 0,
      errors: [expect.objectContaining({ row: 1 })],
    });
    expect(cli(['ai-metrics', '--from', '2026-01-01']).code).toBe(2);
    expect(cli(['ai-import']).code).toBe(2);
    // a recognised file that carries no rows (download links) stores nothing and says why
    const links = cli(['ai-import', path.join(F, 'download-links.json'), '--json']);
    expect(links.code).toBe(0);
    expect(JSON.parse(links.out)).toMatchObject({
      records: 0,
      warnings: [expect.objectContaining({ code: expect.any(String) })],
    });
    expect(cli(['ai-metrics', '--subtree', 'NOBODY', '--json']).code).toBe(1);
  }, 300_000); // each spawned CLI starts tsx and opens PGlite (about 20 s each on a loaded 2-core machine)
});
