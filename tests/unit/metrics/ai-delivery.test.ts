import { describe, expect, it } from 'vitest';
import {
  adoptionWeek,
  computeBeforeAfter,
  computeToolFigures,
  computeUnitDelivery,
  emptyFacts,
  headline,
  managerialLevel,
  prCoverage,
  structureBreakdown,
  teamSpanBand,
  unitNodes,
  weekStart,
  type MergedPr,
  type ToolReport,
  type ToolUse,
} from '@/lib/metrics/ai-delivery';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { person } from './make-records';

// Hand-built unit: R (no login) -> M1 -> E1..E6; R -> M2 -> E7..E10 and X (no login).
// Engineers (a GitHub login): M1, M2, E1..E10 = 12. X and R are not engineers.
// AI users (active in any tool): M1, E1..E5, E7 = 7; non-users: M2, E6, E8, E9, E10 = 5.
const ids = ['R', 'M1', 'M2', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'X'];
const managerOf: Record<string, string | null> = { R: null, M1: 'R', M2: 'R', X: 'M2' };
for (let k = 1; k <= 6; k++) managerOf[`E${k}`] = 'M1';
for (let k = 7; k <= 10; k++) managerOf[`E${k}`] = 'M2';
const tree = buildOrgTree(
  ids.map((id) =>
    person(id, managerOf[id] ?? null, id === 'R' || id === 'X' ? {} : { githubLogin: id.toLowerCase() }),
  ),
);
const at = (id: string) => tree.indexById.get(id) as number;
const USERS = ['M1', 'E1', 'E2', 'E3', 'E4', 'E5', 'E7'];
// Cycle times in hours of PRs merged in the period, by author.
// Users: 14 PRs, hours 2, 4, ..., 28.  Non-users: 8 PRs, hours 10, 12, 14, 16, 18, 20, 30, 40.
const CYCLES: Record<string, number[]> = {
  E1: [2, 4, 6],
  E2: [8, 10],
  E3: [12],
  E4: [14, 16],
  E5: [18, 20, 22],
  M1: [24],
  E7: [26, 28],
  E6: [10, 20],
  M2: [12],
  E8: [14, 16],
  E9: [18],
  E10: [30, 40],
};
// AI-assisted PRs: one each for the 7 users = 7 of 22.
// Spend: $40 per user in the period = $280; non-users $0.
const facts = emptyFacts(tree.size);
const cycles = new Map<number, number[]>();
for (const id of ids) {
  const i = at(id);
  if (tree.records[i]?.githubLogin) facts.engineer[i] = 1;
  if (USERS.includes(id)) {
    facts.user[i] = 1;
    facts.aiPrs[i] = 1;
    facts.spend[i] = 40;
  }
  const c = CYCLES[id];
  if (c) {
    facts.prs[i] = c.length;
    cycles.set(i, c);
  }
}
facts.cycles = cycles;
// 2026-04-01..2026-04-28: 28 days = 4 weeks; 28/30 of a month.
const period = { from: '2026-04-01', to: '2026-04-28' };
const all = unitNodes(tree.size, null);

describe('AI users against non-users (hand-computed)', () => {
  const d = computeUnitDelivery(facts, all, period, { hasPrData: true, hasSpendData: true, minGroupSize: 5 });

  it('counts engineers, users and non-users by the SPEC definitions', () => {
    expect(d.engineers).toBe(12);
    expect(d.users).toBe(7);
    expect(d.usersVsNonUsers.users?.engineers).toBe(7);
    expect(d.usersVsNonUsers.nonUsers?.engineers).toBe(5);
  });

  it('throughput = PRs merged / engineers / (period days / 7)', () => {
    // users 14 / 7 / 4 = 0.5; non-users 8 / 5 / 4 = 0.4; all 22 / 12 / 4 = 0.458333
    expect(d.usersVsNonUsers.users?.prsPerEngineerWeek).toBe(0.5);
    expect(d.usersVsNonUsers.nonUsers?.prsPerEngineerWeek).toBe(0.4);
    expect(d.delivery.prsPerEngineerWeek).toBe(0.4583);
    expect(d.delivery.prsMerged).toBe(22);
  });

  it('median cycle time over the PRs of each group', () => {
    // users: 2..28 (14 values), middle two 14 and 16 -> 15
    // non-users: 10 12 14 16 | 18 20 30 40 -> (16 + 18) / 2 = 17
    // all 22: 2 4 6 8 10 10 12 12 14 14 16 | 16 ... -> 11th and 12th are 16 and 16 -> 16
    expect(d.usersVsNonUsers.users?.medianCycleTimeHours).toBe(15);
    expect(d.usersVsNonUsers.nonUsers?.medianCycleTimeHours).toBe(17);
    expect(d.delivery.medianCycleTimeHours).toBe(16);
  });

  it('AI-assisted share and spend per engineer per month', () => {
    // 7 / 22 = 0.31818; $280 / 12 engineers / (28/30 month) = $25.00
    expect(d.delivery.aiAssistedPrShare).toBe(0.3182);
    expect(d.spendPerEngineerMonth).toBe(25);
    expect(d.suppressed).toEqual([]);
  });

  it('says it in plain words', () => {
    // throughput 0.5 / 0.4 - 1 = +25%; cycle 15 / 17 - 1 = -11.8% -> 12% shorter
    expect(headline(d, { hasPrData: true, hasUsageData: true, minGroupSize: 5 })).toBe(
      'AI users here merge 25% more PRs per week than non-users (7 vs 5 engineers), at $25 per engineer per month; cycle time 12% shorter.',
    );
  });

  it('suppresses the small group and its complement', () => {
    // minimum 6: non-users (5) are under it, so users (7 = 12 - 5) go too
    const s = computeUnitDelivery(facts, all, period, {
      hasPrData: true,
      hasSpendData: true,
      minGroupSize: 6,
    });
    expect(s.usersVsNonUsers).toEqual({ users: null, nonUsers: null });
    expect(s.suppressed).toEqual(['usersVsNonUsers.users', 'usersVsNonUsers.nonUsers']);
    expect(s.delivery.prsPerEngineerWeek).toBe(0.4583);
    expect(headline(s, { hasPrData: true, hasUsageData: true, minGroupSize: 6 })).toBe(
      '7 of 12 engineers used AI tools in this period, at $25 per engineer per month. AI users and non-users are not compared here: one of the two groups has fewer than 6 engineers (the minimum group size).',
    );
  });

  it('says what is missing without pull requests', () => {
    const s = computeUnitDelivery(facts, all, period, {
      hasPrData: false,
      hasSpendData: false,
      minGroupSize: 5,
    });
    expect(s.delivery).toEqual({
      prsMerged: null,
      prsPerEngineerWeek: null,
      medianCycleTimeHours: null,
      aiAssistedPrShare: null,
    });
    expect(headline(s, { hasPrData: false, hasUsageData: true, minGroupSize: 5 })).toMatch(
      /^7 of 12 engineers used AI tools in this period\. No pull-request data/,
    );
  });

  it('says when the pull requests begin part-way through the period', () => {
    const s = computeUnitDelivery(facts, all, period, {
      hasPrData: false,
      hasSpendData: false,
      minGroupSize: 5,
    });
    expect(
      headline(s, { hasPrData: false, hasUsageData: true, minGroupSize: 5, prPartialFrom: '2025-10-29' }),
    ).toBe(
      '7 of 12 engineers used AI tools in this period. The imported pull requests begin on 2025-10-29, part-way through this period, so AI users are not compared with non-users here: choose a period from that day on, or import the earlier pull requests.',
    );
  });

  it('says when usage is reported per team only', () => {
    expect(
      headline(d, { hasPrData: true, hasUsageData: true, minGroupSize: 5, hasPersonUsage: false }),
    ).toMatch(/^AI usage for this period is reported per team or organisation only/);
  });

  it('a subtree counts only its own people', () => {
    // M1's subtree: M1, E1..E6 = 7 engineers, 6 users, 1 non-user -> suppressed at 5
    const s = computeUnitDelivery(facts, collectSubtree(tree, at('M1')), period, {
      hasPrData: true,
      hasSpendData: true,
      minGroupSize: 5,
    });
    expect([s.engineers, s.users]).toEqual([7, 6]);
    expect(s.usersVsNonUsers.users).toBeNull();
    // 1+3+2+1+2+3+2 = 14 PRs / 7 / 4 = 0.5
    expect(s.delivery.prsPerEngineerWeek).toBe(0.5);
  });
});

describe('per tool (hand-computed)', () => {
  const use = (id: string, tool: string, extra: Partial<ToolUse> = {}): ToolUse => ({
    tool,
    node: at(id),
    identity: `login:${id.toLowerCase()}`,
    active: true,
    activeDays: 10,
    linesAi: 100,
    linesAiWithTotal: 0,
    linesTotal: 0,
    hasLinesTotal: false,
    agentUses: 3,
    // no credits reported unless a test gives them (as Cursor, Claude Code and Windsurf never do)
    aiCredits: 0,
    hasCredits: false,
    usageSpendUsd: 20,
    ...extra,
  });
  // Copilot: M1, E1..E5 (6 users); M1 and E1 report all lines (400 each, 100 by AI).
  // Cursor: E1 and E7 (2 users: under the minimum 5).
  const uses = [
    ...['M1', 'E1'].map((id) =>
      use(id, 'copilot', { linesAiWithTotal: 100, linesTotal: 400, hasLinesTotal: true }),
    ),
    ...['E2', 'E3', 'E4', 'E5'].map((id) => use(id, 'copilot')),
    use('E1', 'cursor'),
    use('E7', 'cursor'),
    // an identity joined to nobody: only in the whole organisation
    { ...use('E1', 'copilot'), node: -1, identity: 'login:ghost' },
  ];
  const seats = ['M1', 'E1', 'E2', 'E3', 'E4', 'E5'].map((id) => ({
    tool: 'copilot',
    node: at(id),
    monthlyCostUsd: 19,
  }));

  it('adoption, lines, AI share of code, agent use and cost', () => {
    const m1 = new Set(collectSubtree(tree, at('R')));
    const r = computeToolFigures(uses, seats, [], (n) => m1.has(n), {
      wholeOrg: false,
      engineers: 12,
      prsMerged: 22,
      period,
      minGroupSize: 5,
    });
    expect(r.suppressed).toEqual(['byTool.cursor']);
    const c = r.tools[0];
    // 6 users / 12 = 0.5; 6 x 10 days; 6 x 100 lines; (100 + 100) / (400 + 400) = 0.25; 6 x 3 agent uses
    // usage 6 x $20 = $120; seats 6 x $19 x 28/30 = $106.40; spend $226.40; / 22 PRs = $10.29
    expect(c).toEqual({
      tool: 'copilot',
      activeUsers: 6,
      adoption: 0.5,
      activeDays: 60,
      activeDaysPerUser: 10,
      linesAddedByAi: 600,
      aiShareOfCode: 0.25,
      agentUses: 18,
      // no row of the fixture reports AI credits: "not reported", not 0
      aiCredits: null,
      usageSpendUsd: 120,
      seatCostUsd: 106.4,
      seats: 6,
      reportSpendUsd: 0,
      spendUsd: 226.4,
      costPerMergedPr: 10.29,
    });
    expect(r.tools[1]).toEqual({ tool: 'cursor', suppressed: true });
  });

  it('AI credits: the sum where any row reports them, null for a tool that reports none', () => {
    // Copilot: M1 12.5 and E1 7.25 credits, E2 reports 0 credits, E3..E5 none -> 12.5 + 7.25 = 19.75.
    // Cursor: E1..E5 (5 users, shown), no credits anywhere -> null (shown as "—", not 0).
    const credited = [
      use('M1', 'copilot', { aiCredits: 12.5, hasCredits: true }),
      use('E1', 'copilot', { aiCredits: 7.25, hasCredits: true }),
      use('E2', 'copilot', { aiCredits: 0, hasCredits: true }),
      ...['E3', 'E4', 'E5'].map((id) => use(id, 'copilot')),
      ...['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => use(id, 'cursor')),
    ];
    const r = computeToolFigures(credited, [], [], () => true, {
      wholeOrg: false,
      engineers: 12,
      prsMerged: null,
      period,
      minGroupSize: 5,
    });
    const credits = r.tools.map((t) => ['suppressed' in t ? 'hidden' : t.aiCredits, t.tool]);
    expect(credits).toEqual([
      [19.75, 'copilot'],
      [null, 'cursor'],
    ]);
  });

  it('the whole organisation adds identities joined to nobody', () => {
    const r = computeToolFigures(uses, [], [], () => true, {
      wholeOrg: true,
      engineers: null,
      prsMerged: null,
      period,
      minGroupSize: 5,
    });
    const c = r.tools[0];
    expect(c && 'activeUsers' in c ? [c.activeUsers, c.adoption, c.costPerMergedPr] : null).toEqual([
      7,
      null,
      null,
    ]);
  });
});

describe('per tool with team and organisation reports (hand-computed)', () => {
  const use = (id: string, tool: string, usageSpendUsd: number): ToolUse => ({
    tool,
    node: at(id),
    identity: `login:${id.toLowerCase()}`,
    active: true,
    activeDays: 2,
    linesAi: 10,
    linesAiWithTotal: 0,
    linesTotal: 0,
    hasLinesTotal: false,
    agentUses: 0,
    aiCredits: 0,
    hasCredits: false,
    usageSpendUsd,
  });
  // Cursor: E1, E2 ($5 and 10 lines each) and a team report for M2's team (3 active users, $30,
  // 40 lines); an organisation-level cursor report ($12, 2 users, no lines) and a team report whose
  // manager is in no snapshot (node -1: only its $8 counts). Windsurf: only an organisation report
  // (6 users, $60, 100 lines).
  const uses = [use('E1', 'cursor', 5), use('E2', 'cursor', 5)];
  const reports: ToolReport[] = [
    { tool: 'cursor', node: at('M2'), spendUsd: 30, activeUsers: 3, linesAi: 40 },
    { tool: 'cursor', node: -1, spendUsd: 12, activeUsers: 2, linesAi: 0 },
    { tool: 'cursor', node: -1, spendUsd: 8, activeUsers: 0, linesAi: 0 },
    { tool: 'windsurf', node: -1, spendUsd: 60, activeUsers: 6, linesAi: 100 },
  ];
  const opts = { engineers: 12, prsMerged: 20, period, minGroupSize: 5 };
  const row = (r: ReturnType<typeof computeToolFigures>, tool: string) => {
    const t = r.tools.find((x) => x.tool === tool);
    return t && !('suppressed' in t) ? t : t ? 'suppressed' : undefined;
  };

  it('the whole organisation: each tool row holds its reports, so the rows add up to the spend', () => {
    const r = computeToolFigures(uses, [], reports, () => true, { ...opts, wholeOrg: true });
    // cursor: 2 people + 3 + 2 + 0 reported = 7 active users, adoption 7 / 12 = 0.5833; lines
    // 10 + 10 + 40 = 60; spend $10 of people + $30 + $12 + $8 of reports = $60; / 20 PRs = $3
    expect(row(r, 'cursor')).toMatchObject({
      activeUsers: 7,
      adoption: 0.5833,
      linesAddedByAi: 60,
      activeDaysPerUser: 2,
      usageSpendUsd: 10,
      seatCostUsd: 0,
      reportSpendUsd: 50,
      spendUsd: 60,
      costPerMergedPr: 3,
      // Cursor reports no AI credits: null ("not reported"), not 0
      aiCredits: null,
    });
    // windsurf, reported for the organisation only: 6 users, 100 lines, $60, $3 per PR, no per-person days
    expect(row(r, 'windsurf')).toMatchObject({
      activeUsers: 6,
      linesAddedByAi: 100,
      activeDaysPerUser: null,
      usageSpendUsd: 0,
      reportSpendUsd: 60,
      spendUsd: 60,
      costPerMergedPr: 3,
      // no person rows, so no credits: null
      aiCredits: null,
    });
    expect(r.suppressed).toEqual([]);
  });

  it("a manager's subtree holds only the reports of teams in it", () => {
    const m2 = new Set(collectSubtree(tree, at('M2')));
    const r = computeToolFigures(uses, [], reports, (n) => m2.has(n), { ...opts, wholeOrg: false });
    // M2: no cursor person in it; the team report's 3 users are under the minimum 5: hidden;
    // windsurf is organisation-level only: no row
    expect(row(r, 'cursor')).toBe('suppressed');
    expect(row(r, 'windsurf')).toBeUndefined();
    const everyone = new Set(collectSubtree(tree, at('R')));
    const all = computeToolFigures(uses, [], reports, (n) => everyone.has(n), { ...opts, wholeOrg: false });
    // R's subtree: the 2 people and M2's team (5 users, 60 lines, $10 + $30 = $40), not the
    // organisation-level reports
    expect(row(all, 'cursor')).toMatchObject({
      activeUsers: 5,
      linesAddedByAi: 60,
      reportSpendUsd: 30,
      spendUsd: 40,
    });
  });
});

describe('before / after adoption (hand-computed)', () => {
  const active = new Map<string, number[]>([
    ['2026-03-02', ['M1', 'E1'].map(at)],
    // 5 engineers (X is no engineer): 5/12 < 50%
    ['2026-03-09', ['M1', 'E1', 'E2', 'E3', 'E4', 'X'].map(at)],
    // 6/12 = 50%: adopted
    ['2026-03-16', ['M1', 'E1', 'E2', 'E3', 'E4', 'E5'].map(at)],
    ['2026-03-23', ['M1', 'E1', 'E2', 'E3', 'E4', 'E5', 'E7'].map(at)],
  ]);
  const week = adoptionWeek(active, (n) => facts.engineer[n] === 1, 12);

  it('adoption week = first week with half the engineers active', () => {
    expect(week).toBe('2026-03-16');
    expect(weekStart('2026-03-22')).toBe('2026-03-16');
    expect(adoptionWeek(active, (n) => facts.engineer[n] === 1, 20)).toBeNull();
  });

  it('equal windows of whole weeks on each side', () => {
    const pr = (merged: string, cycleHours: number): MergedPr => ({ node: at('E1'), merged, cycleHours });
    const prs = [
      pr('2026-03-01', 99), // before the window
      ...[10, 20, 30, 40, 50, 60].map((h, k) => pr(`2026-03-0${2 + k}`, h)),
      ...[5, 10, 15, 20, 25, 30, 35, 40, 45].map((h, k) => pr(`2026-03-${16 + k}`, h)),
      pr('2026-03-30', 99), // after the window
    ];
    // data 2026-03-01..2026-04-28: 2 whole weeks before 03-16 (03-02..03-15), 6 after -> 2 weeks each side
    const r = computeBeforeAfter(week, prs, 12, { from: '2026-03-01', to: '2026-04-28' });
    expect(r.weeks).toBe(2);
    // before: 6 PRs / 12 / 2 = 0.25, median of 10..60 = 35; after: 9 / 12 / 2 = 0.375, median 25
    expect(r.before).toEqual({
      from: '2026-03-02',
      to: '2026-03-15',
      prsPerEngineerWeek: 0.25,
      medianCycleTimeHours: 35,
    });
    expect(r.after).toEqual({
      from: '2026-03-16',
      to: '2026-03-29',
      prsPerEngineerWeek: 0.375,
      medianCycleTimeHours: 25,
    });
    const short = computeBeforeAfter(week, prs, 12, { from: '2026-03-10', to: '2026-04-28' });
    expect(short.before).toBeNull();
    expect(short.missing).toMatch(/fewer than 2 whole weeks/);
  });
});

describe('AI against structure (hand-computed)', () => {
  const opts = { hasPrData: true, hasSpendData: true, minGroupSize: 2 };

  it('by layer: adoption, throughput, spend per engineer per month', () => {
    const rows = structureBreakdown(facts, all, (i) => String(tree.layer[i]), null, period, opts);
    // layer 2: M1 (user, 1 PR, $40), M2 (1 PR): 1/2 = 0.5; 2 / 2 / 4 = 0.25; 40 / 2 / (28/30) = 21.43
    // layer 3: 10 engineers, 6 users; 20 PRs / 10 / 4 = 0.5; 240 / 10 / (28/30) = 25.71
    expect(rows).toEqual([
      {
        key: '2',
        engineers: 2,
        figures: { adoption: 0.5, prsPerEngineerWeek: 0.25, spendPerEngineerMonth: 21.43 },
      },
      {
        key: '3',
        engineers: 10,
        figures: { adoption: 0.6, prsPerEngineerWeek: 0.5, spendPerEngineerMonth: 25.71 },
      },
    ]);
  });

  it('hides a small group and its complement', () => {
    // minimum 5: layer 2 (2 engineers) is hidden; the total is shown, so layer 3 = total - layer 2 goes too
    const rows = structureBreakdown(facts, all, (i) => String(tree.layer[i]), null, period, {
      ...opts,
      minGroupSize: 5,
    });
    expect(rows.map((r) => r.figures)).toEqual([null, null]);
  });

  it('levels and span bands of the team', () => {
    expect(managerialLevel(tree, at('M1'), 1)).toBe('managerOfIcs');
    expect(managerialLevel(tree, at('E1'), 1)).toBe('ic');
    expect(managerialLevel(tree, at('R'), 1)).toBe('executive');
    // E1 sits under M1 (span 6) -> 4-7; M1 under R (span 2) -> 2-3; R has no manager
    expect([teamSpanBand(tree, at('E1')), teamSpanBand(tree, at('M1')), teamSpanBand(tree, at('R'))]).toEqual(
      ['4-7', '2-3', 'no manager'],
    );
  });
});

describe('prCoverage: do the imported pull requests cover a period?', () => {
  const oct = { from: '2025-10-01', to: '2025-10-31' };
  const nov = { from: '2025-11-01', to: '2025-11-30' };
  it('is partial when the history begins weeks into the period (the demo: first merge 29 October)', () => {
    const range = { from: '2025-10-29', to: '2026-10-31' };
    expect(prCoverage(range, oct)).toBe('partial');
    expect(prCoverage(range, nov)).toBe('whole');
    // a window that starts before the first merge is partial too
    expect(prCoverage(range, { from: '2025-10-20', to: '2025-11-18' })).toBe('partial');
  });
  it('allows a week without merges at the start (a weekend, a holiday)', () => {
    // 1 November 2025 is a Saturday: a first merge on Monday 3rd covers November
    expect(prCoverage({ from: '2025-11-03', to: '2026-01-31' }, nov)).toBe('whole');
    // 7 days in: still whole; 8 days in: partial
    expect(prCoverage({ from: '2025-11-08', to: '2026-01-31' }, nov)).toBe('whole');
    expect(prCoverage({ from: '2025-11-09', to: '2026-01-31' }, nov)).toBe('partial');
  });
  it('is none without pull requests in the period', () => {
    expect(prCoverage({ from: null, to: null }, nov)).toBe('none');
    expect(prCoverage({ from: '2025-12-01', to: '2026-01-31' }, nov)).toBe('none');
    expect(prCoverage({ from: '2025-01-01', to: '2025-10-31' }, nov)).toBe('none');
    // ending part-way is whole: the usage reports end there too
    expect(prCoverage({ from: '2025-01-01', to: '2025-11-04' }, nov)).toBe('whole');
  });
});
