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
import { sharedAiFigures, type AiFigureSources } from '@/lib/views/ai-figures';

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
