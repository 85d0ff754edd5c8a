/**
 * #15 sources stored on both backends: a Claude Code usage report, a Copilot users report with the
 * 2026 fields, the Copilot billing usage CSV and Cursor AI-code commits in one upload; the new
 * ai_usage columns (active_days, agent_uses, lines_total, ai_credits, commits_by_ai, extra) read
 * back as imported, and a later billing upload replaces only the billing rows (a billing day and a
 * users-report day of one person are two rows). Expected values are worked out by hand below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { loadToolUse } from '@/lib/dal/ai-delivery-data';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

const F = path.resolve('tests/fixtures/ai');
const quiet = () => undefined;

/** mona on 2026-06-02 in the users report: 5 agent-mode prompts, 12.5 AI credits, 2 CLI sessions. */
const USERS_REPORT = JSON.stringify({
  user_login: 'mona',
  day: '2026-06-02',
  user_initiated_interaction_count: 9,
  code_generation_activity_count: 6,
  code_acceptance_activity_count: 4,
  loc_suggested_to_add_sum: 20,
  loc_added_sum: 30,
  used_agent: true,
  used_copilot_code_review_active: false,
  ai_credits_used: 12.5,
  totals_by_cli: { session_count: 2, request_count: 4, prompt_count: 3 },
  totals_by_feature: [
    { feature: 'chat_panel_agent_mode', user_initiated_interaction_count: 5 },
    { feature: 'chat_panel_ask_mode', user_initiated_interaction_count: 4 },
  ],
});

/** hubot: a 28-day per-user total with 11 active days. */
const USER_TOTALS = JSON.stringify({
  report_start_day: '2026-05-06',
  report_end_day: '2026-06-02',
  user_totals: [
    {
      login: 'hubot',
      total_active_days: 11,
      user_initiated_interaction_count: 40,
      code_generation_activity_count: 100,
      code_acceptance_activity_count: 70,
      loc_suggested_to_add_sum: 300,
      loc_added_sum: 200,
      premium_requests_total: 45,
    },
  ],
});

/** ada's primary-branch commits on 2026-06-01: 100 + 50 lines added, of which (30 + 10) + (20 + 0) by AI. */
const COMMITS = [
  'commit_hash,user_id,user_email,repo_name,branch_name,is_primary_branch,total_lines_added,total_lines_deleted,tab_lines_added,tab_lines_deleted,composer_lines_added,composer_lines_deleted,non_ai_lines_added,non_ai_lines_deleted,message,commit_ts,created_at',
  'a1,u1,ada@example.test,app,main,true,100,5,30,0,10,0,60,5,"feat: one",2026-06-01T10:00:00Z,2026-06-01T10:00:00Z',
  'a2,u1,ada@example.test,app,main,true,50,0,20,0,0,0,30,0,"fix: two",2026-06-01T15:00:00Z,2026-06-01T15:00:00Z',
].join('\n');

/** ada's Cursor daily usage on 2026-06-01 (epoch ms 1780272000000): 70 AI lines accepted in the editor. */
const CURSOR_DAILY = JSON.stringify({
  data: [
    {
      date: 1780272000000,
      email: 'ada@example.test',
      isActive: true,
      totalLinesAdded: 90,
      acceptedLinesAdded: 70,
      totalTabsShown: 10,
      totalTabsAccepted: 6,
      totalApplies: 2,
      totalAccepts: 1,
      agentRequests: 3,
    },
  ],
});

interface Row {
  tool: string;
  subject_key: string;
  period_start: string;
  active_days: number | null;
  agent_uses: number | null;
  lines_accepted: number | null;
  lines_total: number | null;
  ai_credits: number | null;
  commits_by_ai: number | null;
  spend_usd: number | null;
  ai_assisted_prs: number | null;
  extra: Record<string, number> | null;
}

describe.each(backends())('AI sources stored on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;

  const rows = async (): Promise<Row[]> => {
    const text = `select tool, subject_key, to_char(period_start, 'YYYY-MM-DD') as period_start, active_days,
        agent_uses, lines_accepted, lines_total, ai_credits, commits_by_ai, spend_usd, ai_assisted_prs, extra
      from ai_usage order by tool, subject_key, period_start`;
    const raw = tdb.handle.raw;
    const out = raw.kind === 'postgres' ? await raw.sql.unsafe(text) : (await raw.pg.query<Row>(text)).rows;
    return out.map((r) => ({ ...(r as Row) }));
  };

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-ai-sources-'));
    fs.writeFileSync(path.join(dir, 'users-1-day.ndjson'), `${USERS_REPORT}\n`);
    fs.writeFileSync(path.join(dir, 'users-28-day.json'), USER_TOTALS);
    fs.writeFileSync(path.join(dir, 'commits.csv'), COMMITS);
    fs.writeFileSync(path.join(dir, 'cursor-daily.json'), CURSOR_DAILY);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await tdb.drop();
  });

  it('stores agent use, AI credits, active days, AI commits, all lines and extra counters', async () => {
    const files = [
      path.join(F, 'claude-code-usage.json'),
      path.join(F, 'copilot-billing-usage.csv'),
      path.join(dir, 'users-1-day.ndjson'),
      path.join(dir, 'users-28-day.json'),
      path.join(dir, 'commits.csv'),
      path.join(dir, 'cursor-daily.json'),
    ];
    const { parsed, result } = await importAiFiles(files, quiet);
    expect(parsed.ok).toBe(true);
    // Claude 2 + billing 3 + users report 1 + user totals 1 + commits 1 + Cursor daily 1.
    expect(result?.records).toBe(9);
    const got = await rows();
    const find = (tool: string, key: string, day: string) =>
      got.find((r) => r.tool === tool && r.subject_key === key && r.period_start === day);

    // Claude Code, Ada 2026-06-01: sessions 3 + 1, lines 120 + 40, commits 2, PRs 1, $2.625.
    expect(find('claude-code', 'email:ada@example.test', '2026-06-01')).toMatchObject({
      agent_uses: 4,
      lines_accepted: 160,
      lines_total: null,
      commits_by_ai: 2,
      ai_assisted_prs: 1,
      spend_usd: 2.625,
      extra: {
        lines_removed: 30,
        edit_tool_accepted: 9,
        edit_tool_rejected: 1,
        write_tool_accepted: 2,
        write_tool_rejected: 0,
      },
    });
    expect(find('claude-code', 'email:api-key:ci-bot', '2026-06-02')).toMatchObject({
      agent_uses: 5,
      commits_by_ai: 1,
    });

    // Copilot users report (no feature) and billing (feature 'billing') of mona on 2026-06-02: two rows.
    expect(find('copilot', 'login:mona', '2026-06-02')).toMatchObject({
      agent_uses: 5,
      ai_credits: 12.5,
      active_days: null,
      extra: {
        chat_panel_agent_mode_interactions: 5,
        chat_panel_ask_mode_interactions: 4,
        cli_sessions: 2,
        cli_requests: 4,
        cli_prompts: 3,
        used_agent: 1,
        used_copilot_code_review_active: 0,
      },
    });
    // Billing: 120 + 80.5 credits, net 0 + 0.50 USD, gross 1.20 + 0.805.
    expect(find('copilot', 'login:mona~billing', '2026-06-02')).toMatchObject({
      ai_credits: 200.5,
      spend_usd: 0.5,
      extra: { gross_amount_usd: 2.005, discount_amount_usd: 1.505, quantity: 200.5 },
    });
    // 28-day total: 11 active days, 45 premium requests as AI credits.
    expect(find('copilot', 'login:hubot', '2026-05-06')).toMatchObject({ active_days: 11, ai_credits: 45 });
    // Cursor commits: all lines 150, AI lines 60 -> AI share of code 40 %.
    expect(find('cursor', 'email:ada@example.test~ai-code-commits', '2026-06-01')).toMatchObject({
      lines_total: 150,
      lines_accepted: 60,
    });
  });

  it('a later billing upload replaces the billing rows only', async () => {
    const { result } = await importAiFiles([path.join(F, 'copilot-billing-usage.csv')], quiet);
    expect(result?.replaced).toBe(3);
    const got = await rows();
    expect(got.filter((r) => r.tool === 'copilot' && r.subject_key === 'login:mona')).toHaveLength(1);
    expect(got.filter((r) => r.subject_key.endsWith('~billing'))).toHaveLength(3);
    expect(got).toHaveLength(9);
  });

  it('counts a day with several rows once, and never adds committed AI lines to accepted ones', async () => {
    const use = await loadToolUse(TEST_ORG_ID, '2026-05-01', '2026-06-30');
    const of = (tool: string, who: string) =>
      use.find((u) => u.tool === tool && (u.githubLogin === who || u.email === who));
    // mona: users-report row 06-02, billing rows 06-02 and 06-03 -> 2 days, not 3.
    expect(of('copilot', 'mona')?.activeDays).toBe(2);
    // hubot: the 28-day total reports 11 active days; the billing day 06-02 lies inside it (not added).
    expect(of('copilot', 'hubot')?.activeDays).toBe(11);
    // ada in Cursor on 06-01: daily usage (70 accepted) and commits (60 AI of 150) -> 1 day; lines by AI
    // 70 (the editor's count), AI share of code from the commit row alone: 60 / 150.
    expect(of('cursor', 'ada@example.test')).toMatchObject({
      activeDays: 1,
      linesAi: 70,
      linesAiWithTotal: 60,
      linesTotal: 150,
    });
  });
});
