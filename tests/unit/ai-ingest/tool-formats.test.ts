/**
 * #15 sources on small hand-written fixtures (tests/fixtures/ai): Claude Code usage report and
 * members, Windsurf analytics joined by api key, the Copilot billing usage CSV, the newer Copilot
 * report fields and Cursor's epoch-millisecond dates. Every expected number is worked out by hand
 * in the comment beside it; bad input names the row and the field.
 */
import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { codes, parseFixtures, textFile, TODAY } from './helpers';

describe('Claude Code usage report', () => {
  it('merges an actor-day across terminals, keeps API keys as reviewable identities', async () => {
    const r = await parseFixtures('claude-code-usage.json');
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual({ 'api-key-actors': 1 });
    expect(r.usage).toHaveLength(2);
    // Ada on 2026-06-01 (two terminals, email case differs): sessions 3 + 1, lines 120 + 40,
    // commits 2 + 0, PRs 1 + 0, cost (250 + 12.5) cents = $2.625, edits offered 10 + 2, accepted 9 + 2.
    expect(r.usage[0]).toMatchObject({
      tool: 'claude-code',
      periodStart: '2026-06-01',
      periodEnd: '2026-06-01',
      agentUses: 4,
      linesAccepted: 160,
      linesSuggested: null,
      commitsByAi: 2,
      aiAssistedPrs: 1,
      spendUsd: 2.625,
      suggestions: 12,
      acceptances: 11,
      active: true,
      extra: {
        lines_removed: 30,
        edit_tool_accepted: 9,
        edit_tool_rejected: 1,
        write_tool_accepted: 2,
        write_tool_rejected: 0,
      },
    });
    // The CI key: no person, so the identity is "api-key:ci-bot"; no model rows -> cost unknown.
    expect(r.usage[1]).toMatchObject({
      subject: { kind: 'person', email: 'api-key:ci-bot' },
      agentUses: 5,
      linesAccepted: 10,
      commitsByAi: 1,
      aiAssistedPrs: 1,
      spendUsd: null,
      suggestions: null,
    });
  });

  it('refuses negative counts, another currency and bad dates, naming the row and field', async () => {
    const r = await parseFixtures('claude-code-usage-broken.json');
    expect(r.ok).toBe(false);
    expect(r.usage).toEqual([]);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.code]);
    expect(errors).toEqual([
      [1, 'core_metrics.lines_of_code.added', 'negative-count'],
      [2, 'model_breakdown[0].estimated_cost.currency', 'bad-currency'],
      [3, 'date', 'bad-date'],
    ]);
    expect(r.issues[1]?.message).toContain('claude-code-usage-broken.json, row 2: ');
    expect(r.issues[1]?.message).toContain('EUR');
  });

  it('reads the member list as seats (billing-only members hold none)', async () => {
    const doc = {
      data: [
        {
          id: 'u1',
          email: 'ada@example.test',
          role: 'claude_code_user',
          type: 'user',
          added_at: '2026-05-01T00:00:00Z',
        },
        {
          id: 'u2',
          email: 'fin@example.test',
          role: 'billing',
          type: 'user',
          added_at: '2026-05-02T00:00:00Z',
        },
      ],
      has_more: false,
    };
    const r = await parseAiFiles([textFile('users.json', JSON.stringify(doc))], { today: TODAY });
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual({ 'billing-members': 1 });
    expect(r.seats).toEqual([
      expect.objectContaining({
        tool: 'claude-code',
        email: 'ada@example.test',
        assignedAt: '2026-05-01',
        plan: 'claude_code_user',
        monthlyCostUsd: null,
        asOf: TODAY,
      }),
    ]);
  });
});

describe('Windsurf analytics', () => {
  it('attributes api-key rows to emails from UserPageAnalytics in the same upload', async () => {
    const r = await parseFixtures('windsurf-users.json', 'windsurf-autocomplete.json', 'windsurf-pcw.json');
    expect(r.ok).toBe(true);
    // Ben has Windsurf disabled (no seat); key-zed is in no user list (kept under the key, warned).
    expect(codes(r)).toEqual({ 'disabled-users': 1, 'unknown-api-key': 1 });
    expect(r.seats.map((s) => [s.email, s.assignedAt, s.lastActivityAt, s.asOf])).toEqual([
      ['ada@example.test', '2026-05-01', '2026-06-03', '2026-06-03'],
    ]);
    const people = r.usage.filter((u) => u.subject.kind === 'person');
    // 2026-06-01: 10 + 5 acceptances, 40 + 12 lines (two languages); 2026-06-02: 7 / 21 (older field names).
    expect(
      people.map((u) => [
        u.subject.kind === 'person' && u.subject.email,
        u.periodStart,
        u.acceptances,
        u.linesAccepted,
      ]),
    ).toEqual([
      ['ada@example.test', '2026-06-01', 15, 52],
      ['ada@example.test', '2026-06-02', 7, 21],
      ['key-zed', '2026-06-02', 3, 9],
    ]);
    // Percent of code written: whole-team rows in bytes (AI share = (4000 + 1000) / (10000 + 4000)).
    const pcw = r.usage.filter((u) => u.feature === 'percent-code-written');
    expect(
      pcw.map((u) => [u.subject, u.extra?.codeium_bytes, u.extra?.total_bytes, u.linesTotal ?? null]),
    ).toEqual([
      [{ kind: 'org', orgKey: 'windsurf' }, 4000, 10000, null],
      [{ kind: 'org', orgKey: 'windsurf' }, 1000, 4000, null],
    ]);
  });

  it('without the user list, keeps api-key rows under the key and says what to upload', async () => {
    const r = await parseFixtures('windsurf-autocomplete.json');
    expect(r.ok).toBe(true);
    expect(r.usage.map((u) => u.subject.kind === 'person' && u.subject.email)).toEqual([
      'key-ada',
      'key-ada',
      'key-zed',
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.code).toBe('no-api-key-map');
    // 4 items = 3 key-days (Ada's two languages on 2026-06-01 add up).
    expect(r.issues[0]?.message).toContain('3 row(s)');
    expect(r.issues[0]?.message).toContain('UserPageAnalytics');
  });

  it('refuses a non-numeric count, a bad date and a missing api key by row and field', async () => {
    const r = await parseFixtures('windsurf-users.json', 'windsurf-broken.json');
    expect(r.ok).toBe(false);
    const errors = r.issues
      .filter((i) => i.severity === 'error')
      .map((i) => [i.file, i.row, i.column, i.code]);
    expect(errors).toEqual([
      ['windsurf-broken.json', 1, 'sum_num_acceptances', 'bad-number'],
      ['windsurf-broken.json', 2, 'date', 'bad-date'],
      ['windsurf-broken.json', 3, 'api_key', 'missing-subject'],
    ]);
  });
});

describe('Copilot billing usage CSV', () => {
  it('adds models up per user and day: net amount as spend, quantity as AI credits', async () => {
    const r = await parseFixtures('copilot-billing-usage.csv');
    expect(r.ok).toBe(true);
    expect(r.files[0]?.format).toBe('copilot-billing-csv');
    // The Actions row and the enterprise licence row (seat fee) are skipped.
    expect(codes(r)).toEqual({ 'other-products-skipped': 1, 'licence-rows-skipped': 1 });
    // mona 06-02: 120 + 80.5 credits, net 0 + 0.50, gross 1.20 + 0.805; hubot 06-02: 40 / 0.40; mona 06-03: 300 / 3.00.
    expect(
      r.usage.map((u) => [
        u.subject.kind === 'person' && u.subject.githubLogin,
        u.periodStart,
        u.feature,
        u.aiCredits,
        u.spendUsd,
        u.extra?.gross_amount_usd,
      ]),
    ).toEqual([
      ['mona', '2026-06-02', 'billing', 200.5, 0.5, 2.005],
      ['hubot', '2026-06-02', 'billing', 40, 0.4, 0.4],
      ['mona', '2026-06-03', 'billing', 300, 3, 3],
    ]);
  });

  it('names the row and column of a bad date or amount', async () => {
    const r = await parseFixtures('copilot-billing-usage-broken.csv');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'date', 'bad-billing-row'],
      [3, 'quantity', 'bad-billing-row'],
    ]);
    expect(r.issues[1]?.message).toBe(
      'copilot-billing-usage-broken.csv, row 3: quantity "lots" is not a number.',
    );
  });

  it('prefers aic_quantity (the preview report) over premium-request quantities', async () => {
    const csv = [
      'date,username,product,sku,model,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,exceeds_quota,total_monthly_quota,organization,cost_center_name,aic_quantity,aic_gross_amount',
      '2026-05-01,mona,copilot,copilot_premium_request,GPT-5,10,requests,0.04,0.40,0,0.40,False,300,octo,,5,0.05',
      '2026-05-01,mona,copilot,copilot_premium_request,Claude Sonnet 4,2,requests,0.04,0.08,0.08,0,False,300,octo,,8.68986,0.0868986',
    ].join('\n');
    const r = await parseAiFiles([textFile('usage.csv', csv)], { today: TODAY });
    expect(r.ok).toBe(true);
    // credits 5 + 8.68986; net 0.40 + 0; premium requests 10 + 2 kept as extra.quantity.
    expect(r.usage[0]).toMatchObject({
      aiCredits: 13.68986,
      spendUsd: 0.4,
      extra: { quantity: 12, aic_gross_amount_usd: 0.136899 },
    });
  });
});

describe('Copilot billing usage CSV before AI credits', () => {
  it('counts premium requests apart from AI credits (two units are never added)', async () => {
    const csv = [
      'date,product,sku,model,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,cost_center_name',
      '2026-05-31,copilot,copilot_premium_request,GPT-5,10,requests,0.04,0.40,0.40,0,mona,octo,',
      '2026-05-31,copilot,copilot_premium_request,Claude Opus 4.1,30,requests,0.04,1.20,0,1.20,mona,octo,',
    ].join('\n');
    const r = await parseAiFiles([textFile('premium.csv', csv)], { today: TODAY });
    expect(r.ok).toBe(true);
    // 10 + 30 premium requests, net 0 + 1.20 USD; no AI credits in this report.
    expect(r.usage[0]).toMatchObject({ spendUsd: 1.2, extra: { premium_requests: 40, quantity: 40 } });
    expect(r.usage[0]?.aiCredits ?? null).toBeNull();
  });
});

describe('newer Copilot report fields', () => {
  it('reads agent-mode, AI credits and CLI counts; a bad one is an error with its path', async () => {
    const good = {
      user_login: 'mona',
      day: '2026-06-01',
      user_initiated_interaction_count: 12,
      code_generation_activity_count: 4,
      code_acceptance_activity_count: 3,
      loc_suggested_to_add_sum: 10,
      loc_added_sum: 40,
      used_agent: true,
      ai_credits_used: 12.5,
      totals_by_cli: { session_count: 2, request_count: 5, prompt_count: 3 },
      totals_by_feature: [
        { feature: 'chat_panel_agent_mode', user_initiated_interaction_count: 7 },
        { feature: 'agent_edit', user_initiated_interaction_count: 0 },
        { feature: 'chat_panel_ask_mode', user_initiated_interaction_count: 5 },
      ],
    };
    const bad = { ...good, day: '2026-06-02', ai_credits_used: 'lots', totals_by_cli: { session_count: -1 } };
    const ok = await parseAiFiles([textFile('users.ndjson', JSON.stringify(good))], { today: TODAY });
    expect(ok.usage[0]).toMatchObject({
      agentUses: 7,
      aiCredits: 12.5,
      extra: {
        chat_panel_agent_mode_interactions: 7,
        agent_edit_interactions: 0,
        chat_panel_ask_mode_interactions: 5,
        cli_sessions: 2,
        cli_requests: 5,
        cli_prompts: 3,
        used_agent: 1,
      },
    });
    const r = await parseAiFiles(
      [textFile('users.ndjson', `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`)],
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'totals_by_cli.session_count', 'negative-count'],
      [2, 'ai_credits_used', 'bad-number'],
    ]);
  });
});

describe('Cursor daily usage', () => {
  it('reads epoch milliseconds as numbers or strings (UTC) and agent requests', async () => {
    const doc = {
      data: [
        { date: '1780358399000', email: 'a@x.test', isActive: true, agentRequests: 2, chatRequests: 1 },
        { date: 1780272000000, email: 'b@x.test', isActive: false, agentRequests: 0 },
      ],
    };
    const r = await parseAiFiles([textFile('daily.json', JSON.stringify(doc))], { today: TODAY });
    expect(r.ok).toBe(true);
    // 1780358399000 = 2026-06-01 23:59:59 UTC; 1780272000000 = 2026-06-01 00:00:00 UTC.
    expect(r.usage.map((u) => [u.periodStart, u.agentUses, u.active, u.extra ?? null])).toEqual([
      ['2026-06-01', 2, true, { chat_requests: 1 }],
      ['2026-06-01', 0, false, null],
    ]);
  });
});
