import { describe, expect, it } from 'vitest';
import { defaultCompany } from './fixture';

const sum = (rows: Record<string, string>[], key: string): number =>
  rows.reduce((s, r) => s + Number(r[key]), 0);

describe('demo AI usage', () => {
  it('reports one row per engineering team led by a manager in that month’s org', () => {
    const { ai, orgs, summary } = defaultCompany();
    ai.forEach((rows, i) => {
      const org = orgs[i];
      const snap = summary.snapshots[i];
      expect(rows.length).toBeGreaterThan(150);
      const ids = rows.map((r) => r.team_manager_id ?? '');
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of rows) {
        expect(org?.kids.get(r.team_manager_id ?? '')?.length ?? 0).toBeGreaterThan(0);
        expect(r.period_end).toBe(snap?.asOf);
        expect(r.period_start).toBe(`${snap?.asOf.slice(0, 7)}-01`);
        expect(Number(r.ai_active_users)).toBeLessThanOrEqual(Number(r.engineers));
        expect(Number(r.acceptances)).toBeLessThanOrEqual(Number(r.suggestions));
        expect(Number(r.lines_accepted)).toBeLessThanOrEqual(Number(r.lines_suggested));
        expect(Number(r.ai_assisted_prs)).toBeLessThanOrEqual(Number(r.prs_merged));
      }
    });
  });

  it('shows adoption rising from about 15% to about 80% with plausible rates and costs', () => {
    const { ai } = defaultCompany();
    const adoption = ai.map((rows) => sum(rows, 'ai_active_users') / sum(rows, 'engineers'));
    expect(adoption[0]).toBeLessThan(0.25);
    expect(adoption.at(-1)).toBeGreaterThan(0.7);
    for (let i = 3; i < adoption.length; i++)
      expect(adoption[i] ?? 0).toBeGreaterThan((adoption[i - 3] ?? 0) - 0.01);
    for (const rows of ai) {
      const acceptance = sum(rows, 'acceptances') / sum(rows, 'suggestions');
      expect(acceptance).toBeGreaterThanOrEqual(0.24);
      expect(acceptance).toBeLessThanOrEqual(0.36);
      const throughput = sum(rows, 'prs_merged') / sum(rows, 'engineers') / (30.4 / 7);
      expect(throughput).toBeGreaterThan(1.4);
      expect(throughput).toBeLessThan(3.1);
      const perUser = sum(rows, 'ai_spend_usd') / sum(rows, 'ai_active_users');
      expect(perUser).toBeGreaterThanOrEqual(19);
      expect(perUser).toBeLessThanOrEqual(39);
    }
    const first = ai[0] ?? [];
    const last = ai.at(-1) ?? [];
    expect(sum(last, 'prs_merged') / sum(last, 'engineers')).toBeGreaterThan(
      sum(first, 'prs_merged') / sum(first, 'engineers'),
    );
    expect(sum(last, 'ai_assisted_prs') / sum(last, 'prs_merged')).toBeGreaterThan(0.3);
  });
});
