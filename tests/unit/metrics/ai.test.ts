import { describe, expect, it } from 'vitest';
import { computeAiMetrics, daysInclusive, emptyAiTotals, monthsCovered } from '@/lib/metrics/ai';
import { buildIdentityIndex, identityKey, matchIdentity } from '@/lib/metrics/ai-identity';
import { buildAiRollup, subtreeAiTotals, unitAiTotals, type AiAggregate } from '@/lib/metrics/ai-rollup';
import { computeSeatUtilisation, dedupeSeats, isIdleSeat, type SeatRow } from '@/lib/metrics/ai-seats';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { aiAggregate, person } from './make-records';

const agg = aiAggregate;

// R (no login) -> M1 (m1) -> A (a), B (b)      M1 is a first-line manager
//              -> M2 (no login, team row 4 engineers / 3 active) -> C, D (no logins)
//              -> X (x@corp, no login)
const tree = buildOrgTree([
  person('R', null),
  person('M1', 'R', { githubLogin: 'M1-GH' }),
  person('A', 'M1', { githubLogin: 'a-gh', email: 'a@corp.test' }),
  person('B', 'M1', { githubLogin: 'b-gh' }),
  person('M2', 'R'),
  person('C', 'M2'),
  person('D', 'M2'),
  person('X', 'R', { email: 'X@corp.test' }),
  person('Y', 'R', { githubLogin: 'twin' }),
  person('Z', 'R', { githubLogin: 'TWIN' }),
]);
const index = buildIdentityIndex(tree);
const at = (id: string) => tree.indexById.get(id) ?? -1;

describe('identity matching', () => {
  it('joins by login and email case-insensitively, by employee id, and lets hand mappings win', () => {
    const none = new Map<string, string>();
    const k = (
      githubLogin: string | null,
      email: string | null = null,
      employeeId: string | null = null,
    ) => ({
      githubLogin,
      email,
      employeeId,
    });
    expect(matchIdentity(index, k('m1-gh'), none)).toEqual({
      status: 'matched',
      index: at('M1'),
      via: 'login',
    });
    expect(matchIdentity(index, k(null, 'x@CORP.test'), none)).toEqual({
      status: 'matched',
      index: at('X'),
      via: 'email',
    });
    expect(matchIdentity(index, k(null, null, 'C'), none)).toEqual({
      status: 'matched',
      index: at('C'),
      via: 'employee_id',
    });
    expect(matchIdentity(index, k('nobody'), none)).toEqual({ status: 'unmatched' });
    // one login held by two people: ambiguous, joined to nobody
    expect(matchIdentity(index, k('twin'), none)).toEqual({
      status: 'ambiguous',
      candidates: [at('Y'), at('Z')],
    });
    // a hand mapping beats both the automatic join and the ambiguity
    const manual = new Map([
      ['twin', 'Z'],
      ['a-gh', 'B'],
    ]);
    expect(matchIdentity(index, k('TWIN'), manual)).toEqual({
      status: 'matched',
      index: at('Z'),
      via: 'manual',
    });
    expect(matchIdentity(index, k('a-gh'), manual)).toEqual({
      status: 'matched',
      index: at('B'),
      via: 'manual',
    });
    // a mapping to someone who is not in this snapshot joins nobody here
    expect(matchIdentity(index, k('a-gh'), new Map([['a-gh', 'GONE']]))).toEqual({ status: 'unmatched' });
    expect(identityKey(k('Foo', 'f@x'))).toBe('login:foo');
    expect(identityKey(k(null, 'F@X'))).toBe('email:f@x');
  });
});

describe('AI metric arithmetic', () => {
  it('counts calendar months and days covered', () => {
    expect(daysInclusive('2026-04-01', '2026-04-30')).toBe(30);
    expect(monthsCovered('2026-04-01', '2026-04-30')).toBe(1);
    // 3 of March's 31 days + 25 of April's 30
    expect(monthsCovered('2026-03-29', '2026-04-25')).toBeCloseTo(3 / 31 + 25 / 30, 10);
    expect(monthsCovered('2026-01-01', '2026-02-28')).toBe(2);
  });

  it('computes rates from sums and returns null where the inputs lack a figure', () => {
    const t = {
      ...emptyAiTotals(),
      engineers: 10,
      activeUsers: 4,
      suggestions: 200,
      acceptances: 50,
      countRows: 2,
    };
    const m = computeAiMetrics(t, { prDays: null, spendMonths: null });
    expect(m.adoption).toBe(0.4);
    expect(m.acceptanceRateByCount).toBe(0.25);
    expect(m.acceptanceRateByLines).toBeNull();
    expect(m.throughputPerEngineerWeek).toBeNull();
    expect(m.spendPerEngineerMonth).toBeNull();
    expect(m.costPerMergedPr).toBeNull();
    // 28 PRs by 10 engineers over 28 days = 0.7 per engineer per week; $140 over 2 months = $7 / engineer / month
    const full = computeAiMetrics(
      { ...t, prsMerged: 28, prRows: 1, spendUsd: 140, spendRows: 1 },
      { prDays: 28, spendMonths: 2 },
    );
    expect(full.throughputPerEngineerWeek).toBe(0.7);
    expect(full.spendPerEngineerMonth).toBe(7);
    expect(full.costPerMergedPr).toBe(5);
  });

  it('never averages daily rates: a big day weighs more than a small one', () => {
    // day 1: 10 of 100 accepted (10%), day 2: 9 of 10 (90%): mean of rates 50%, the SPEC rate 19/110
    const rows = [
      agg({
        githubLogin: 'a-gh',
        suggestions: 100,
        acceptances: 10,
        periodStart: '2026-04-01',
        periodEnd: '2026-04-01',
      }),
      agg({
        githubLogin: 'b-gh',
        suggestions: 10,
        acceptances: 9,
        periodStart: '2026-04-02',
        periodEnd: '2026-04-02',
      }),
    ];
    const r = buildAiRollup(index, rows, new Map());
    const m = computeAiMetrics(unitAiTotals(r, null), r.coverage);
    expect(m.acceptanceRateByCount).toBe(Math.round((19 / 110) * 10000) / 10000);
  });
});

describe('rolling AI usage up the org tree', () => {
  const rows: AiAggregate[] = [
    // A under two identities (login and email) and two tools: one person, counted once
    agg({
      githubLogin: 'A-GH',
      suggestions: 100,
      acceptances: 30,
      prsMerged: 4,
      prStart: '2026-04-01',
      prEnd: '2026-04-30',
    }),
    agg({ tool: 'cursor', email: 'a@corp.test', suggestions: 50, acceptances: 10 }),
    // B has a seat but did nothing
    agg({ githubLogin: 'b-gh', active: false, suggestions: 0, acceptances: 0 }),
    // a team row for M2's team: 4 engineers, 3 active
    agg({
      subjectKind: 'team',
      teamManagerId: 'M2',
      engineers: 4,
      aiActiveUsers: 3,
      active: false,
      suggestions: 300,
      acceptances: 60,
      prsMerged: 20,
      prStart: '2026-04-01',
      prEnd: '2026-04-30',
    }),
    // nobody we know, and an ambiguous login
    agg({ githubLogin: 'ghost', suggestions: 999, acceptances: 999 }),
    agg({ githubLogin: 'twin', suggestions: 5, acceptances: 5 }),
    // a team whose manager is not in the org chart
    agg({ subjectKind: 'team', teamManagerId: 'NOPE', engineers: 2, aiActiveUsers: 2, active: false }),
  ];
  const r = buildAiRollup(index, rows, new Map());

  it('counts distinct people, team rows at their manager, and leaves unmatched rows out with their share', () => {
    const org = unitAiTotals(r, null);
    // engineers: logins outside teams M1, A, B, Y, Z (5) + X? no login and no joined usage (0) + team M2 (4) = 9;
    // M2's own node and C, D are the team (covered), R has no login
    expect(org.engineers).toBe(9);
    // active: A once (not twice) + team M2 (3) = 4
    expect(org.activeUsers).toBe(4);
    // suggestions: A 100 + 50, B 0, team 300 = 450; ghost and twin are not in any figure
    expect(org.suggestions).toBe(450);
    expect(org.acceptances).toBe(100);
    // unmatched: ghost + twin + team NOPE's 2 = 4 of 4 + 4 matched
    expect(r.matchedActiveUsers).toBe(4);
    expect(r.unmatchedActiveUsers).toBe(4);
    expect(r.unmatchedShare).toBe(0.5);
  });

  it('rolls team rows and people up into every ancestor subtree', () => {
    const sub = subtreeAiTotals(r);
    expect(sub(at('M2'))).toMatchObject({ engineers: 4, activeUsers: 3, prsMerged: 20 });
    expect(sub(at('M1'))).toMatchObject({ engineers: 3, activeUsers: 1, suggestions: 150, prsMerged: 4 });
    expect(sub(at('R'))).toMatchObject({ engineers: 9, activeUsers: 4, prsMerged: 24 });
    // a unit given by its nodes adds the same numbers as the cumulative subtree
    expect(unitAiTotals(r, collectSubtree(tree, at('M1')))).toEqual(sub(at('M1')));
    // 24 PRs over 30 days by 9 engineers
    const m = computeAiMetrics(sub(at('R')), r.coverage);
    expect(m.throughputPerEngineerWeek).toBe(Math.round((24 / 9 / (30 / 7)) * 10000) / 10000);
  });

  it('uses organisation rows only for what per-user rows of the same tool do not report', () => {
    const org = agg({
      subjectKind: 'org',
      orgKey: 'acme',
      active: false,
      aiActiveUsers: 50,
      suggestions: 5000,
      acceptances: 1000,
      prsMerged: 100,
      prsForShare: 100,
      aiAssistedPrs: 25,
      prStart: '2026-04-01',
      prEnd: '2026-04-30',
    });
    const withOrg = buildAiRollup(index, [...rows, org], new Map());
    const t = unitAiTotals(withOrg, null);
    // Copilot suggestions and active users come per user already: the org report's are not added again
    expect(t.suggestions).toBe(450);
    expect(t.activeUsers).toBe(4);
    // Copilot per-user rows report merged PRs too (A's 4), so the org report's 100 are not added
    expect(t.prsMerged).toBe(24);
    // but nobody reported AI-assisted PRs per user: the org report's share fills in
    expect(t.aiAssistedPrs).toBe(25);
    // a subtree never gets organisation rows
    expect(unitAiTotals(withOrg, collectSubtree(tree, at('M1'))).aiAssistedPrs).toBe(0);
  });

  it('counts nobody as an engineer by login when the period only has team rows', () => {
    const teamOnly = buildAiRollup(index, [rows[3] as AiAggregate], new Map());
    expect(unitAiTotals(teamOnly, null).engineers).toBe(4);
  });
});

describe('seat utilisation', () => {
  const seat = (login: string, last: string | null, cost: number | null): SeatRow => ({
    tool: 'copilot',
    githubLogin: login,
    email: null,
    assignedAt: null,
    lastActivityAt: last,
    plan: null,
    monthlyCostUsd: cost,
    asOf: '2026-02-28',
  });

  it('calls a seat idle after 30 days without activity and prices the idle ones', () => {
    expect(isIdleSeat(seat('a', '2026-01-29', 19))).toBe(false); // exactly 30 days before
    expect(isIdleSeat(seat('a', '2026-01-28', 19))).toBe(true); // 31 days
    expect(isIdleSeat(seat('a', null, 19))).toBe(true);
    const u = computeSeatUtilisation([
      seat('a', '2026-02-27', 19),
      seat('b', '2026-01-01', 39),
      seat('c', null, null),
    ]);
    expect(u).toEqual({
      assigned: 3,
      active: 1,
      idle: 2,
      monthlyCostUsd: 58,
      idleMonthlyCostUsd: 39,
      unpriced: 1,
      idleShare: 0.6667,
    });
  });

  it('keeps one seat per person and tool, the most recently active', () => {
    const d = dedupeSeats([seat('A', '2026-01-01', 19), seat('a', '2026-02-01', 19), seat('b', null, 19)]);
    expect(d.map((s) => s.lastActivityAt)).toEqual(['2026-02-01', null]);
  });
});
