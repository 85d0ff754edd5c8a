/**
 * The demo's AI data in the tools' own formats (cli/demo/ai-sources.ts) parses with the same
 * importers as an upload, without errors, and with as many records as the files hold (counted here
 * from the raw text, independently of the importers).
 */
import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { createMemorySink, generateDemoCompany } from '@/cli/demo';
import { AI_FILES_NOT_IMPORTED, importableAiFiles } from '@/cli/demo/ai-sources';
import { codes, sum, textFile, TODAY } from '../ai-ingest/helpers';

const OPTIONS = { seed: 5, size: 400, months: 8, endDate: '2026-10-31' } as const;

function company() {
  const sink = createMemorySink();
  const summary = generateDemoCompany(OPTIONS, sink);
  return { summary, files: sink.files };
}

const json = (t: string) => JSON.parse(t) as Record<string, unknown[]>;
const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '');
const named = (files: Map<string, string>, re: RegExp) => [...files.entries()].filter(([n]) => re.test(n));

describe('demo AI data in the tools’ formats', () => {
  const { summary, files } = company();

  it('writes each tool’s files for the months the story gives it', () => {
    const names = [...files.keys()];
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    // 8 months: the last 6 daily, the 2 before as monthly per-user totals.
    expect(count(/^ai-copilot-users-1-day-\d{4}-\d{2}\.ndjson$/)).toBe(6);
    expect(count(/^ai-copilot-users-\d{4}-\d{2}\.json$/)).toBe(2);
    expect(count(/^ai-copilot-org-1-day-/)).toBe(8);
    // Billing: monthly items (JSON), the usage report CSV for the last 2 months.
    expect(count(/^ai-copilot-billing-\d{4}-\d{2}\.json$/)).toBe(6);
    expect(count(/^ai-copilot-billing-usage-\d{4}-\d{2}\.csv$/)).toBe(2);
    expect(count(/^ai-cursor-daily-usage-/)).toBe(8);
    expect(count(/^ai-cursor-spend-/)).toBe(8);
    expect(count(/^ai-claude-code-/)).toBe(6);
    expect(names).toContain('ai-copilot-seats.json');
    expect(names).toContain('ai-cursor-members.json');
    expect(count(/^github-pulls-.+\.json$/)).toBeGreaterThan(3);
    expect(count(/^ai-usage-/)).toBe(0);
    expect(summary.snapshots.at(-1)?.aiFiles).toContain('ai-copilot-seats.json');
  });

  it('adoption rises over the months', () => {
    const a = summary.snapshots.map((s) => s.aiAdoption);
    expect(a.at(-1) ?? 0).toBeGreaterThan((a[0] ?? 0) + 0.1);
    expect(a.at(-1) ?? 0).toBeLessThan(1);
  });

  it('parses with parseAiFiles: no errors, one record per line, day, member and seat', async () => {
    const names = importableAiFiles([...files.keys()]);
    expect(names.some((n) => AI_FILES_NOT_IMPORTED.some((p) => n.startsWith(p)))).toBe(false);
    const r = await parseAiFiles(
      names.map((n) => textFile(n, files.get(n) ?? '')),
      { today: TODAY },
    );
    expect(codes(r, 'error')).toEqual({});
    expect(r.ok).toBe(true);
    // Expected counts from the raw files.
    const daily = named(files, /^ai-copilot-users-1-day-/).reduce((s, [, t]) => s + lines(t).length, 0);
    const monthly = named(files, /^ai-copilot-users-\d{4}-\d{2}\.json$/).reduce(
      (s, [, t]) => s + (json(t).user_totals?.length ?? 0),
      0,
    );
    const orgDays = named(files, /^ai-copilot-org-/).reduce((s, [, t]) => s + lines(t).length, 0);
    const cursorDays = named(files, /^ai-cursor-daily-usage-/).reduce(
      (s, [, t]) => s + (json(t).data?.length ?? 0),
      0,
    );
    const cursorSpend = named(files, /^ai-cursor-spend-/).reduce(
      (s, [, t]) => s + (json(t).teamMemberSpend?.length ?? 0),
      0,
    );
    // Billing: one person row per user item (the seats are priced by the seat listing).
    const billingUsers = named(files, /^ai-copilot-billing-\d/).reduce(
      (s, [, t]) => s + (json(t).usageItems ?? []).filter((i) => (i as { user?: string }).user).length,
      0,
    );
    const byFormat = (f: string) => r.files.filter((x) => x.format === f).reduce((s, x) => s + x.usage, 0);
    expect(byFormat('copilot-users-report')).toBe(daily);
    expect(byFormat('copilot-user-totals')).toBe(monthly);
    expect(byFormat('copilot-org-report')).toBe(orgDays);
    expect(byFormat('cursor-daily-usage')).toBe(cursorDays);
    expect(byFormat('cursor-spend')).toBe(cursorSpend);
    expect(byFormat('copilot-billing')).toBe(billingUsers);
    // The CSV: one person row per user and day (its models add up).
    const userDays = new Set(
      named(files, /^ai-copilot-billing-usage-/).flatMap(([, t]) =>
        lines(t)
          .slice(1)
          .map((l) => `${l.split(',')[10]} ${l.split(',')[0]}`),
      ),
    );
    expect(byFormat('copilot-billing-csv')).toBe(userDays.size);
    // Claude Code: one record per person and day.
    const claude = named(files, /^ai-claude-code-/).reduce((s, [, t]) => s + (json(t).data?.length ?? 0), 0);
    expect(byFormat('claude-code-usage')).toBe(claude);
    expect(claude).toBeGreaterThan(50);
    // Pull requests: every one in the github-pulls files.
    const prs = named(files, /^github-pulls-/).reduce(
      (s, [, t]) => s + (JSON.parse(t) as unknown[]).length,
      0,
    );
    expect(r.pullRequests ?? []).toHaveLength(prs);
    expect((r.pullRequests ?? []).filter((p) => p.aiSource !== null).length).toBeGreaterThan(0);
    expect(daily).toBeGreaterThan(1000);
    expect(cursorDays).toBeGreaterThan(50);

    const seats = json(files.get('ai-copilot-seats.json') ?? '{}').seats ?? [];
    expect(r.seats.filter((s) => s.tool === 'copilot')).toHaveLength(seats.length);
    // Cursor's member list parses too (not imported by the demo: it has no activity dates); the
    // free-owner admin holds no seat.
    const members = json(files.get('ai-cursor-members.json') ?? '{}').teamMembers ?? [];
    const m = await parseAiFiles(
      [textFile('ai-cursor-members.json', files.get('ai-cursor-members.json') ?? '')],
      {
        today: TODAY,
      },
    );
    expect(m.seats.filter((s) => s.tool === 'cursor')).toHaveLength(members.length - 1);
    // Some seats idle: no activity in the 30 days before the listing.
    const idle = r.seats.filter((s) => s.tool === 'copilot' && (s.lastActivityAt ?? '') < '2026-10-01');
    expect(idle.length).toBeGreaterThan(seats.length * 0.05);
    expect(idle.length).toBeLessThan(seats.length * 0.5);

    // Spend: AI credits over the allowance; Cursor usage spend in cents.
    const spend = sum(
      r.usage.filter((u) => u.tool === 'copilot' && u.subject.kind === 'person'),
      'spendUsd',
    );
    expect(spend).toBeGreaterThan(0);
    expect(
      sum(
        r.usage.filter((u) => u.tool === 'cursor'),
        'spendUsd',
      ),
    ).toBeGreaterThan(0);
    // Merged PRs in the organization report.
    expect(sum(r.usage, 'prsMerged')).toBeGreaterThan(0);
  });

  it('writes pull requests shaped like the REST list (newest first, Copilot and Claude Code ones among them)', () => {
    const all = named(files, /^github-pulls-/).flatMap(([, t]) => JSON.parse(t) as Record<string, unknown>[]);
    expect(all.length).toBeGreaterThan(500);
    const first = all[0] as {
      user: { login: string };
      created_at: string;
      base: { repo: { full_name: string } };
    };
    expect(first.user.login).toMatch(/\S/);
    expect(first.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first.base.repo.full_name).toMatch(/^northwind-demo\//);
    expect(all.some((p) => (p.user as { login: string }).login === 'Copilot')).toBe(true);
    expect(all.some((p) => String(p.body ?? '').includes('Co-Authored-By: Claude'))).toBe(true);
    for (const [, t] of named(files, /^github-pulls-/)) {
      const created = (JSON.parse(t) as { created_at: string }[]).map((p) => p.created_at);
      expect([...created].sort().reverse()).toEqual(created);
    }
  });

  it('keeps every pull request inside the months it covers, on a weekday', () => {
    // 8 months ending June 2026 start on Saturday 1 November 2025: a PR drawn on that day used to
    // move back to Friday 31 October, so the PR history began before its first month (October then
    // read as a month of 70 PRs on the AI trends).
    const sink = createMemorySink();
    generateDemoCompany({ ...OPTIONS, endDate: '2026-06-30' }, sink);
    const created = named(sink.files, /^github-pulls-/).flatMap(([, t]) =>
      (JSON.parse(t) as { created_at: string }[]).map((p) => p.created_at),
    );
    expect(created.length).toBeGreaterThan(500);
    expect(created.filter((c) => c < '2025-11-01')).toEqual([]);
    expect(created.filter((c) => [0, 6].includes(new Date(c).getUTCDay()))).toEqual([]);
  });

  it('is byte-identical for the same seed', () => {
    const again = company().files;
    for (const [n, t] of files) expect(again.get(n), n).toBe(t);
  });
});
