/**
 * Issue #11 item 1, reproduced through the DAL: a manager (Mia, M1) has 43 engineers: one IC of her
 * own (Xan, X1, $38.83 of AI spend in January) and four sub-managers whose subtrees have 15, 13, 9
 * and 5 engineers. Every row is at least 5, so the per-group rule showed them all, and
 * 43 - 15 - 13 - 9 - 5 = 1 engineer: Xan's own spend, AI use and level. The floor under
 * subtraction hides the 5-engineer team as well, so the remainder is 6 people, and a viewer or a
 * leader sees the same hidden unit on every dashboard. hr and admin still see everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { buildAiDashboard, type AiDashboard, type AiManagerRow } from '@/lib/dal/dashboards/ai';
import { loadDashboardContext, type DashboardQuery } from '@/lib/dal/dashboards/context';
import { buildLadder } from '@/lib/dal/dashboards/ladder';
import { searchPeople } from '@/lib/dal/dashboards/org-lookup';
import { buildOrgTree } from '@/lib/dal/dashboards/org-tree';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { importFiles } from '@/cli/commands/import-command';
import { isSuppressed } from '@/lib/query/suppressed';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
const actor = testActor;
const TEAMS: Array<[string, number]> = [
  ['S1', 15],
  ['S2', 13],
  ['S3', 9],
  ['S4', 5],
];
const XAN_SPEND = 38.83;

/** The org and January AI usage files, written to a temporary folder. */
function writeFixtures(dir: string): { org: string; ai: string } {
  const org = ['employee_id,manager_id,name,email,title,level,department,github_login'];
  const ai = [
    'period_start,period_end,github_login,email,employee_id,suggestions,acceptances,lines_suggested,lines_accepted,prs_merged,ai_assisted_prs,ai_spend_usd',
  ];
  const usage = (login: string, spend: number) =>
    ai.push(`2026-01-01,2026-01-31,${login},,,100,30,200,50,4,2,${spend}`);
  org.push('E1,,Ada Root,ada@x.test,CEO,M6,Exec,');
  org.push('M1,E1,Mia Manager,mia@x.test,Engineering Director,M4,Engineering,');
  org.push('X1,M1,Xan Solo,xan@x.test,Staff Engineer,IC5,Engineering,xan-gh');
  usage('xan-gh', XAN_SPEND);
  for (const [id, size] of TEAMS) {
    org.push(
      `${id},M1,Lead ${id},${id.toLowerCase()}@x.test,Engineering Manager,M2,Engineering,${id.toLowerCase()}-gh`,
    );
    usage(`${id.toLowerCase()}-gh`, 20);
    for (let k = 1; k < size; k++) {
      org.push(
        `${id}-${k},${id},Dev ${id}-${k},${id.toLowerCase()}${k}@x.test,Engineer,IC2,Engineering,${id.toLowerCase()}-${k}-gh`,
      );
      usage(`${id.toLowerCase()}-${k}-gh`, 20);
    }
  }
  org.push('T1,E1,Tess Sales,tess@x.test,Sales Director,M4,Sales,');
  for (let k = 1; k <= 6; k++) org.push(`T1-${k},T1,Rep ${k},rep${k}@x.test,Account Executive,IC2,Sales,`);
  const orgFile = path.join(dir, 'org-2026-01-31.csv');
  const aiFile = path.join(dir, 'ai-usage-january.csv');
  fs.writeFileSync(orgFile, org.join('\n') + '\n');
  fs.writeFileSync(aiFile, ai.join('\n') + '\n');
  return { org: orgFile, ai: aiFile };
}

async function aiDashboard(a: Actor, query: DashboardQuery = {}): Promise<AiDashboard> {
  const ctx = await loadDashboardContext(a, query);
  return buildAiDashboard(ctx, new URLSearchParams({ month: '2026-01' }));
}
const figures = (d: AiDashboard, id: string) => {
  const f = d.managers.find((m: AiManagerRow) => m.id === id)?.figures;
  return f === undefined || isSuppressed(f) ? null : f;
};

/** Mia's row minus every sub-manager row the reader can see: engineers and monthly spend. */
function remainder(d: AiDashboard): { engineers: number; spend: number } {
  const mia = figures(d, 'M1');
  if (mia === null) throw new Error("Mia's row should be shown");
  const spendOf = (f: { engineers: number; spendPerEngineerMonth: number | null }) =>
    f.engineers * (f.spendPerEngineerMonth ?? 0);
  let engineers = mia.engineers;
  let spend = spendOf(mia);
  for (const [id] of TEAMS) {
    const f = figures(d, id);
    if (f === null) continue;
    engineers -= f.engineers;
    spend -= spendOf(f);
  }
  return { engineers, spend: Math.round(spend * 100) / 100 };
}

describe.each(backends())('privacy floor under subtraction on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-floor-'));
    const files = writeFixtures(dir);
    expect((await importFiles([files.org], {}, quiet)).result.ok).toBe(true);
    expect((await importAiFiles([files.ai], quiet)).parsed.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hr sees every row, and the rows really do isolate one engineer', async () => {
    const d = await aiDashboard(actor('hr'));
    expect(figures(d, 'M1')?.engineers).toBe(43);
    expect(TEAMS.map(([id]) => figures(d, id)?.engineers)).toEqual([15, 13, 9, 5]);
    // (rates are rounded to cents per engineer, so the product is near the spend, not equal)
    const r = remainder(d);
    expect(r.engineers).toBe(1);
    expect(Math.abs(r.spend - XAN_SPEND)).toBeLessThan(0.5);
  });

  it.each([
    ['viewer', actor('viewer')],
    ['leader of the whole company', actor('leader', 'E1')],
    ['leader of Mia', actor('leader', 'M1')],
  ])('a %s cannot subtract the sub-managers from Mia to get one engineer', async (_, reader) => {
    const d = await aiDashboard(reader);
    expect(figures(d, 'M1')?.engineers).toBe(43);
    // The smallest team is hidden with the remainder (complementary suppression).
    expect(figures(d, 'S4')).toBeNull();
    expect(TEAMS.slice(0, 3).map(([id]) => figures(d, id)?.engineers)).toEqual([15, 13, 9]);
    const r = remainder(d);
    expect(r.engineers).toBe(6);
    expect(Math.abs(r.spend - XAN_SPEND)).toBeGreaterThan(50);
    // The hidden team stays hidden when asked for on its own.
    const s4 = await aiDashboard(reader, { subtree: 'S4' });
    expect(isSuppressed(s4.kpis)).toBe(true);
    expect(s4.trend.every((p) => isSuppressed(p))).toBe(true);
  });

  it("the ladder endpoint hides the same team, so Mia's subtree minus her teams is not one IC's level", async () => {
    const viewer = actor('viewer');
    const team = await buildLadder(await loadDashboardContext(viewer, { subtree: 'S4' }));
    expect(isSuppressed(team.summary)).toBe(true);
    const mia = await buildLadder(await loadDashboardContext(viewer, { subtree: 'M1' }));
    expect(isSuppressed(mia.summary)).toBe(false);
    const hrTeam = await buildLadder(await loadDashboardContext(actor('hr'), { subtree: 'S4' }));
    expect(isSuppressed(hrTeam.summary)).toBe(false);
  });

  it('the org explorer does not tell a viewer that Mia has 1 individual contributor', async () => {
    const ctx = await loadDashboardContext(actor('viewer'), {});
    const level = (await buildOrgTree(ctx, new URLSearchParams({ root: 'M1' }))).levels[0];
    const names = level?.children.map((c) => c.name) ?? [];
    expect(names).not.toContain('1 individual contributor');
    expect(names).toContain('Fewer than 5 individual contributors');
    // Nor by arithmetic on the rows: Mia's span (5) minus her four named teams, or her headcount
    // below minus the teams' headcounts, would count Xan. Her span is not shown, and S4's
    // 5-person team (hidden by the floor) shows no headcount, so the sums stop at shown units.
    const mia = level?.node;
    expect(mia?.span).toBe(0);
    const below = (mia?.subtreeSize ?? 0) - (level?.children ?? []).reduce((s, c) => s + c.subtreeSize, 0);
    expect(below === 0 || below >= 5).toBe(true);
    const s4 = level?.children.find((c) => c.id === 'S4');
    expect(s4?.subtreeSize).toBe(0);
    // The same hidden headcount on every surface that labels S4's unit for a viewer: the AI manager
    // table and people search (Mia's 43 minus S1-S3 and S4 would again be Mia and Xan).
    const ai = await aiDashboard(actor('viewer'));
    expect(ai.managers.find((m) => m.id === 'S4')?.subtreeSize).toBeNull();
    expect(ai.managers.find((m) => m.id === 'S1')?.subtreeSize).toBe(14);
    const hits = searchPeople(ctx, 'Lead S4');
    expect(hits.map((h) => [h.id, h.subtreeSize])).toEqual([['S4', 0]]);
    const hrCtx = await loadDashboardContext(actor('hr'), {});
    const hrNames = (await buildOrgTree(hrCtx, new URLSearchParams({ root: 'M1' }))).levels[0]?.children.map(
      (c) => c.name,
    );
    expect(hrNames).toContain('Xan Solo');
    expect(searchPeople(hrCtx, 'Lead S4').map((h) => h.subtreeSize)).toEqual([4]);
  });
});
