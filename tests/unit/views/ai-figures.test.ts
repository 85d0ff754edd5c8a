/**
 * sharedAiFigures: the one definition of the AI figures the tiles, the answer, the tool table, the
 * contract and the report show. A small unit worked out by hand:
 *
 * Period 2026-02-01..2026-02-28 = 28 days = 4 weeks, exactly 1 calendar month.
 * Usage roll-up: 10 engineers, 4 AI-active; usage spend $300 (person and team rows); the usage rows
 *   also report 56 PRs merged, of which 10 AI-assisted out of 50 (used only without a PR import).
 * Pull requests of the unit's engineers: 40 merged, 10 AI-assisted, cycle times 5, 1, 3, 8 h;
 *   50 counted for cost (the whole organisation: 10 more by authors joined to nobody).
 * Seats in force: 10 x $19 x 1 month = $190; usage of identities joined to nobody: $10.
 */
import { describe, expect, it } from 'vitest';
import { emptyAiTotals, type AiTotals } from '@/lib/metrics/ai';
import { computeToolFigures, type ToolFigures, type ToolUse } from '@/lib/metrics/ai-delivery';
import { buildIdentityIndex } from '@/lib/metrics/ai-identity';
import { buildAiRollup, unitAiTotals, type AiAggregate } from '@/lib/metrics/ai-rollup';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import {
  joinPeriodPeople,
  rollupFigures,
  sharedAiFigures,
  subtreeFigures,
  type AiFigureSources,
} from '@/lib/views/ai-figures';
import { aiAggregate, person } from '../metrics/make-records';

const usage: AiTotals = {
  ...emptyAiTotals(),
  engineers: 10,
  activeUsers: 4,
  spendUsd: 300,
  spendRows: 2,
  prsMerged: 56,
  prRows: 1,
  prsForShare: 50,
  aiAssistedPrs: 10,
  prShareRows: 1,
};

const base: AiFigureSources = {
  period: { from: '2026-02-01', to: '2026-02-28' },
  usage,
  prs: { merged: 40, aiAssisted: 10, cycles: [5, 1, 3, 8], mergedForCost: 50 },
  seatSpendUsd: 190,
  unjoinedSpendUsd: 10,
  hasSpendData: true,
  usersVsNonUsers: { users: null, nonUsers: null },
};

describe('sharedAiFigures', () => {
  it('computes every shared figure from the SPEC definitions (hand-worked)', () => {
    const f = sharedAiFigures(base);
    // adoption = 4 / 10
    expect(f.engineers).toBe(10);
    expect(f.activeUsers).toBe(4);
    expect(f.adoption).toBe(0.4);
    // spend = usage 300 + seats 190 + unjoined 10 = 500; per engineer per month = 500 / 10 / 1
    expect(f.spendUsd).toBe(500);
    expect(f.spendPerEngineerMonth).toBe(50);
    // PRs from the pull-request import (not the usage rows' 56): 40 / 10 engineers / 4 weeks = 1
    expect(f.prsMerged).toBe(40);
    expect(f.prsPerEngineerWeek).toBe(1);
    // cost per merged PR = 500 / 50 (the PRs counted for cost, as the tool table divides by)
    expect(f.prsForCost).toBe(50);
    expect(f.costPerMergedPr).toBe(10);
    // median of 1, 3, 5, 8 = (3 + 5) / 2 = 4; AI-assisted share = 10 / 40
    expect(f.medianCycleTimeHours).toBe(4);
    expect(f.aiAssistedPrShare).toBe(0.25);
  });

  it('falls back to the PR counts of usage rows only when no pull request is imported', () => {
    const f = sharedAiFigures({ ...base, prs: null });
    // 56 / 10 / 4 = 1.4; share = 10 / 50 = 0.2; cost = 500 / 56 = 8.928... -> 8.93; no cycle times
    expect(f.prsMerged).toBe(56);
    expect(f.prsPerEngineerWeek).toBe(1.4);
    expect(f.aiAssistedPrShare).toBe(0.2);
    expect(f.costPerMergedPr).toBe(8.93);
    expect(f.medianCycleTimeHours).toBeNull();
  });

  it('divides by the days and calendar months of the period, not of the data', () => {
    // 2026-04-01..15 = 15 days = 15/7 weeks and 15/30 = 0.5 month
    const f = sharedAiFigures({
      ...base,
      period: { from: '2026-04-01', to: '2026-04-15' },
      prs: { merged: 30, aiAssisted: 3, cycles: [2], mergedForCost: 30 },
    });
    // 30 / 10 / (15 / 7) = 1.4; 500 / 10 / 0.5 = 100; 500 / 30 = 16.666... -> 16.67
    expect(f.prsPerEngineerWeek).toBe(1.4);
    expect(f.spendPerEngineerMonth).toBe(100);
    expect(f.costPerMergedPr).toBe(16.67);
  });

  it('says null, not zero, when the inputs lack a figure', () => {
    const noSpend = sharedAiFigures({
      ...base,
      usage: { ...usage, spendUsd: 0, spendRows: 0 },
      seatSpendUsd: 0,
      unjoinedSpendUsd: 0,
      hasSpendData: false,
    });
    expect(noSpend.spendUsd).toBeNull();
    expect(noSpend.spendPerEngineerMonth).toBeNull();
    expect(noSpend.costPerMergedPr).toBeNull();
    const nobody = sharedAiFigures({ ...base, usage: emptyAiTotals(), prs: null, hasSpendData: false });
    expect(nobody.adoption).toBeNull();
    expect(nobody.prsMerged).toBeNull();
    expect(nobody.prsPerEngineerWeek).toBeNull();
    expect(nobody.aiAssistedPrShare).toBeNull();
    const noPrs = sharedAiFigures({
      ...base,
      prs: { merged: 0, aiAssisted: 0, cycles: [], mergedForCost: 0 },
    });
    // PRs imported but none merged: 0 PRs, 0 per week, no share, no cost per PR
    expect(noPrs.prsMerged).toBe(0);
    expect(noPrs.prsPerEngineerWeek).toBe(0);
    expect(noPrs.aiAssistedPrShare).toBeNull();
    expect(noPrs.costPerMergedPr).toBeNull();
  });
});

/**
 * A team row whose manager is in no snapshot ("an unmatched team row"): its usage is reported per
 * team and cannot be placed, but the organisation pays for it (SPEC: AI spend = the usage of every
 * report + seats in force). February 2026 = 1 month, 4 weeks.
 *
 * R (no login) -> M1 (no login) -> A (login a), B (login b): 2 engineers, both AI-active.
 * Usage: A copilot $20, B copilot $10 (person rows, joined); "ghost" copilot $5 (joined to nobody);
 *   team row of manager GONE (in no snapshot): cursor, 4 engineers, 3 active, $40, 8 PRs merged,
 *   100 suggestions / 50 acceptances.
 * Whole organisation: spend = 20 + 10 + 5 + 40 = $75; / 2 engineers / 1 month = $37.50.
 *   Only the spend of the unplaced team counts: engineers stay 2, active users 2, no PR count (its
 *   8 PRs cannot be set against engineers) and no suggestions. Its 3 active users and the ghost
 *   are unmatched: 4 / (2 + 4) = 0.6667.
 * M1's subtree (and R's): what is joined to its people only: 20 + 10 = $30; / 2 / 1 = $15.
 */
describe('a team row whose manager is in no snapshot', () => {
  const period = { from: '2026-02-01', to: '2026-02-28' };
  const tree = buildOrgTree([
    person('R', null),
    person('M1', 'R'),
    person('A', 'M1', { githubLogin: 'a' }),
    person('B', 'M1', { githubLogin: 'b' }),
  ]);
  const index = buildIdentityIndex(tree);
  const agg = (extra: Partial<AiAggregate>): AiAggregate =>
    aiAggregate({
      periodStart: period.from,
      periodEnd: period.to,
      spendStart: period.from,
      spendEnd: period.to,
      ...extra,
    });
  const rollup = buildAiRollup(
    index,
    [
      agg({ githubLogin: 'a', spendUsd: 20 }),
      agg({ githubLogin: 'b', spendUsd: 10 }),
      agg({ githubLogin: 'ghost', spendUsd: 5 }),
      agg({
        tool: 'cursor',
        subjectKind: 'team',
        teamManagerId: 'GONE',
        engineers: 4,
        aiActiveUsers: 3,
        active: false,
        spendUsd: 40,
        prsMerged: 8,
        prStart: period.from,
        prEnd: period.to,
        suggestions: 100,
        acceptances: 50,
      }),
    ],
    new Map(),
  );
  const people = joinPeriodPeople(index, new Map(), period, [], []);
  const m1 = Int32Array.from(collectSubtree(tree, tree.indexById.get('M1') ?? -1));

  it('counts its spend for the whole organisation only', () => {
    const org = rollupFigures({ rollup, nodes: null, people, period, prsAll: null });
    expect(org.engineers).toBe(2);
    expect(org.activeUsers).toBe(2);
    expect(org.spendUsd).toBe(75);
    expect(org.spendPerEngineerMonth).toBe(37.5);
    expect(org.prsMerged).toBeNull();
    expect(org.costPerMergedPr).toBeNull();
    expect(unitAiTotals(rollup, null).suggestions).toBe(0);
    expect(rollup.unmatchedTeamSpendUsd).toBe(40);
    expect(rollup.unmatchedShare).toBe(0.6667);
    // the per-tool table gets its spend (only) as an organisation-level cursor report
    expect(rollup.toolReports).toEqual([
      { tool: 'cursor', node: -1, spendUsd: 40, activeUsers: 0, linesAi: 0 },
    ]);
  });

  it("leaves it out of every manager's subtree", () => {
    const sub = rollupFigures({ rollup, nodes: m1, people, period, prsAll: null });
    expect(sub.spendUsd).toBe(30);
    expect(sub.spendPerEngineerMonth).toBe(15);
    const of = subtreeFigures(rollup, people, period, false);
    expect(of(tree.indexById.get('R') ?? -1).spendUsd).toBe(30);
    expect(of(tree.indexById.get('M1') ?? -1).spendPerEngineerMonth).toBe(15);
  });
});

/**
 * The same tool reported per person and per team or organisation in the same period: a figure a
 * person row gives for a tool is never added again from a team or organisation row of that tool;
 * those fill in only what no person row of the tool gives (for a team: no person of that team, its
 * manager and direct reports). February 2026 = 1 month.
 *
 * R (no login) -> M1 (m1) -> A (a), B (b);  R -> M2 (m2) -> C (c). Engineers: M1, A, B, M2, C = 5.
 * Person rows (copilot): A active, 50 suggestions / 20 accepted, 200 lines suggested / 100 added, $20;
 *   B active, 100 / 50 lines, $10.
 * Team rows: copilot for M1's team (restates A and B: 2 active of 3, 500 / 200 suggestions,
 *   300 / 150 lines, $30) -> nothing added (A and B give every one of those measures);
 *   cursor for M1's team (nobody there reports cursor per person): 3 engineers, 1 active, 80 / 40
 *   lines, $12 -> added; copilot for M2's team (M2 and C have no person rows): 2 engineers, 1
 *   active, 60 / 30 lines, $8 -> added.
 * Organisation rows (copilot): the organisation report (5 active, 1000 / 500 lines, 9 PRs merged)
 *   adds only its 9 PRs; the billing summary ($30, the people's spend again) adds nothing.
 * Whole organisation: spend 20 + 10 + 12 + 8 = $50 (not 20 + 10 + 30 + 12 + 8 + 30 = $110); lines
 *   added 100 + 50 + 40 + 30 = 220; suggestions 50; active users: M1's team the larger of its
 *   people's 2 and its cursor row's 1 = 2, M2's team 1 -> 3; engineers: M1's team max(3, 3) = 3,
 *   M2's team max(2, 2) = 2 -> 5.
 * Per tool: copilot = A + B (2) + M2's team (1) = 3 active users, 100 + 50 + 30 = 180 lines,
 *   $20 + $10 + $8 = $38; cursor = 1 active user, 40 lines, $12. $38 + $12 = $50, the tiles' spend.
 * M1's subtree: A and B's copilot ($30, 150 lines, 2 users) and the cursor row ($12): $42.
 */
describe('a tool reported per person and per team or organisation', () => {
  const period = { from: '2026-02-01', to: '2026-02-28' };
  const tree = buildOrgTree([
    person('R', null),
    person('M1', 'R', { githubLogin: 'm1' }),
    person('A', 'M1', { githubLogin: 'a' }),
    person('B', 'M1', { githubLogin: 'b' }),
    person('M2', 'R', { githubLogin: 'm2' }),
    person('C', 'M2', { githubLogin: 'c' }),
  ]);
  const at = (id: string) => tree.indexById.get(id) ?? -1;
  const index = buildIdentityIndex(tree);
  const agg = (extra: Partial<AiAggregate>): AiAggregate =>
    aiAggregate({
      periodStart: period.from,
      periodEnd: period.to,
      spendStart: extra.spendUsd == null ? null : period.from,
      spendEnd: extra.spendUsd == null ? null : period.to,
      ...extra,
    });
  const team = (tool: string, manager: string, extra: Partial<AiAggregate>) =>
    agg({ tool, subjectKind: 'team', teamManagerId: manager, active: false, ...extra });
  const rows: AiAggregate[] = [
    agg({
      githubLogin: 'a',
      suggestions: 50,
      acceptances: 20,
      linesSuggested: 200,
      linesAccepted: 100,
      spendUsd: 20,
    }),
    agg({ githubLogin: 'b', linesSuggested: 100, linesAccepted: 50, spendUsd: 10 }),
    team('copilot', 'M1', {
      engineers: 3,
      aiActiveUsers: 2,
      suggestions: 500,
      acceptances: 200,
      linesSuggested: 300,
      linesAccepted: 150,
      spendUsd: 30,
    }),
    team('cursor', 'M1', {
      engineers: 3,
      aiActiveUsers: 1,
      linesSuggested: 80,
      linesAccepted: 40,
      spendUsd: 12,
    }),
    team('copilot', 'M2', {
      engineers: 2,
      aiActiveUsers: 1,
      linesSuggested: 60,
      linesAccepted: 30,
      spendUsd: 8,
    }),
    agg({
      subjectKind: 'org',
      orgKey: 'github-org:1',
      active: false,
      aiActiveUsers: 5,
      linesSuggested: 1000,
      linesAccepted: 500,
      prsMerged: 9,
      prStart: period.from,
      prEnd: period.to,
    }),
    agg({ subjectKind: 'org', orgKey: 'github-org:acme', active: false, spendUsd: 30 }),
  ];
  const rollup = buildAiRollup(index, rows, new Map());
  const people = joinPeriodPeople(index, new Map(), period, [], []);
  const m1 = collectSubtree(tree, at('M1'));
  // the people's rows as the per-tool table loads them (lib/dal/ai-delivery-data.ts loadToolUse)
  const use = (node: string, linesAi: number, spend: number): ToolUse => ({
    tool: 'copilot',
    node: at(node),
    identity: node.toLowerCase(),
    active: true,
    activeDays: 0,
    linesAi,
    linesAiWithTotal: 0,
    linesTotal: 0,
    hasLinesTotal: false,
    agentUses: 0,
    // these Copilot rows report no AI credits (hasCredits false): the tool's figure is null, not 0
    aiCredits: 0,
    hasCredits: false,
    usageSpendUsd: spend,
  });
  const uses = [use('A', 100, 20), use('B', 50, 10)];
  const byTool = (nodes: Int32Array | null, engineers: number) => {
    const member = nodes === null ? null : new Set(nodes);
    const r = computeToolFigures(uses, [], rollup.toolReports, (n) => member === null || member.has(n), {
      wholeOrg: nodes === null,
      engineers,
      prsMerged: null,
      period,
      minGroupSize: 1,
    });
    return Object.fromEntries(
      (r.tools as ToolFigures[]).map((t) => [
        t.tool,
        {
          activeUsers: t.activeUsers,
          linesAddedByAi: t.linesAddedByAi,
          spendUsd: t.spendUsd,
          aiCredits: t.aiCredits,
        },
      ]),
    );
  };

  it('adds no team or organisation figure that people give for the same tool (whole organisation)', () => {
    const f = rollupFigures({ rollup, nodes: null, people, period, prsAll: null });
    expect(f.spendUsd).toBe(50);
    expect(f.engineers).toBe(5);
    expect(f.activeUsers).toBe(3);
    expect(f.prsMerged).toBe(9);
    const t = unitAiTotals(rollup, null);
    expect(t.linesAccepted).toBe(220);
    expect(t.suggestions).toBe(50);
    expect(byTool(null, 5)).toEqual({
      // neither the people's rows nor the reports give AI credits: null for both tools
      copilot: { activeUsers: 3, linesAddedByAi: 180, spendUsd: 38, aiCredits: null },
      cursor: { activeUsers: 1, linesAddedByAi: 40, spendUsd: 12, aiCredits: null },
    });
  });

  it('leaves out the lines of a report when people give lines added by AI without lines suggested', () => {
    // windsurf: A's autocomplete lines (70 added, none suggested, as Windsurf and Claude Code report);
    // an organisation report of the whole tool (100 / 70) restates them, the organisation's Cascade
    // rows (one feature only: 40 / 30) do not. Cursor: B's 50 lines added (none suggested); the team
    // row for M1's team (100 / 70) restates them.
    const w = (extra: Partial<AiAggregate>) => agg({ tool: 'windsurf', ...extra });
    const r = buildAiRollup(
      index,
      [
        w({ githubLogin: 'a', linesAi: 70 }),
        agg({ tool: 'cursor', githubLogin: 'b', linesAi: 50 }),
        team('cursor', 'M1', { engineers: 3, aiActiveUsers: 1, linesSuggested: 100, linesAccepted: 70 }),
        w({ subjectKind: 'org', orgKey: 'windsurf', active: false, linesSuggested: 100, linesAccepted: 70 }),
        w({
          subjectKind: 'org',
          orgKey: 'windsurf',
          active: false,
          wholeTool: false,
          linesSuggested: 40,
          linesAccepted: 30,
        }),
      ],
      new Map(),
    );
    expect(r.toolReports.map((x) => [x.tool, x.linesAi])).toEqual([
      ['cursor', 0],
      ['windsurf', 0],
      ['windsurf', 30],
    ]);
    expect(unitAiTotals(r, null).linesAccepted).toBe(30);
  });

  it('keeps a subtree to its own people and team rows', () => {
    const f = rollupFigures({ rollup, nodes: m1, people, period, prsAll: null });
    expect(f.spendUsd).toBe(42);
    expect(f.engineers).toBe(3);
    expect(f.activeUsers).toBe(2);
    expect(unitAiTotals(rollup, m1).linesAccepted).toBe(190);
    expect(byTool(m1, 3)).toEqual({
      copilot: { activeUsers: 2, linesAddedByAi: 150, spendUsd: 30, aiCredits: null },
      cursor: { activeUsers: 1, linesAddedByAi: 40, spendUsd: 12, aiCredits: null },
    });
  });
});

/**
 * A GitHub organisation report beside its enterprise's report of the same days (both organisation
 * rows, no per-user rows): the enterprise report restates the organisation's, so it fills in only
 * what the organisation report does not give. Copilot, February 2026, nobody with a login yet.
 * Organisation report: 50 engineers, 40 active, 1000 / 300 suggestions, 400 / 200 lines, 30 PRs.
 * Enterprise report: the same, plus 6 of 30 merged PRs by Copilot (the AI-assisted share, which the
 * organisation report lacks). A billing summary for the organisation: $100 (no users).
 * Whole organisation: engineers 50, active 40, suggestions 1000, lines added 200, 30 PRs, 6 / 30
 * AI-assisted, $100 (not 100 engineers, 80 active, 2000 suggestions, 400 lines, 60 PRs).
 */
describe('an organisation report beside its enterprise report', () => {
  const period = { from: '2026-02-01', to: '2026-02-28' };
  const tree = buildOrgTree([person('R', null)]);
  const index = buildIdentityIndex(tree);
  const report = (orgKey: string, extra: Partial<AiAggregate>): AiAggregate =>
    aiAggregate({
      subjectKind: 'org',
      orgKey,
      active: false,
      periodStart: period.from,
      periodEnd: period.to,
      prStart: period.from,
      prEnd: period.to,
      ...extra,
    });
  const same = {
    engineers: 50,
    aiActiveUsers: 40,
    suggestions: 1000,
    acceptances: 300,
    linesSuggested: 400,
    linesAccepted: 200,
    prsMerged: 30,
  };
  const rollup = buildAiRollup(
    index,
    [
      report('github-enterprise:9', { ...same, prsForShare: 30, aiAssistedPrs: 6 }),
      report('github-org:1', same),
      report('github-org:acme', {
        spendUsd: 100,
        spendStart: period.from,
        spendEnd: period.to,
        prStart: null,
        prEnd: null,
      }),
    ],
    new Map(),
  );

  it('counts each figure once', () => {
    const t = unitAiTotals(rollup, null);
    expect([t.engineers, t.activeUsers, t.suggestions, t.linesAccepted, t.prsMerged]).toEqual([
      50, 40, 1000, 200, 30,
    ]);
    expect([t.aiAssistedPrs, t.prsForShare, t.spendUsd]).toEqual([6, 30, 100]);
    const people = joinPeriodPeople(index, new Map(), period, [], []);
    expect(rollupFigures({ rollup, nodes: null, people, period, prsAll: null })).toMatchObject({
      engineers: 50,
      activeUsers: 40,
      spendUsd: 100,
      prsMerged: 30,
      aiAssistedPrShare: 0.2,
    });
    const byTool = computeToolFigures([], [], rollup.toolReports, () => false, {
      wholeOrg: true,
      engineers: 50,
      prsMerged: 30,
      period,
      minGroupSize: 1,
    });
    expect(byTool.tools).toMatchObject([
      { tool: 'copilot', activeUsers: 40, linesAddedByAi: 200, spendUsd: 100 },
    ]);
  });
});
