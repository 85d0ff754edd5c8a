/**
 * Every sample file under ../shared/data (copilot-metrics-viewer, github-docs-copilot-examples,
 * cursor-admin-api-doc-examples) either imports or is warned about / refused with a clear message.
 * Expected counts and totals come from derive-expected.py (python3, json/csv only, applying the
 * mappings of lib/ai-ingest/README.md), never from this code's output; spot checks by hand are
 * written next to the numbers.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { codes, DATA, HAS_DATA, parseSample, textFile, TODAY, totals, withoutFile } from './helpers';

if (!HAS_DATA) console.warn(`AI-ingest real-data tests skipped: ${DATA} is missing.`);

const V = 'copilot-metrics-viewer/';
const G = 'github-docs-copilot-examples/';
const C = 'cursor-admin-api-doc-examples/';
const CC = 'claude-code-analytics/';
const W = 'windsurf-analytics/';
const CF = 'cursor-faros-samples/';

interface Expected {
  format: string;
  usage: number;
  seats?: number;
  memberships?: number;
  suggestions?: number;
  acceptances?: number;
  linesSuggested?: number;
  linesAccepted?: number;
  prsMerged?: number;
  aiAssistedPrs?: number;
  spendUsd?: number;
  activeDays?: number;
  agentUses?: number;
  linesTotal?: number;
  aiCredits?: number;
  commitsByAi?: number;
  people?: number;
  /** warning codes expected (with counts); none else allowed */
  warnings?: Record<string, number>;
}

const IMPORTS: Record<string, Expected> = {
  // 107 user-day records of 8 logins; sums of code_generation / code_acceptance / loc_suggested_to_add / loc_added.
  [`${V}new-api/organization-users-28-day-report.json`]: {
    format: 'copilot-users-report',
    usage: 107,
    suggestions: 4987,
    acceptances: 3630,
    linesSuggested: 59135,
    linesAccepted: 100878,
    // agent-mode interactions (chat_panel_agent_mode 785, agent_edit 0) and Σ ai_credits_used.
    agentUses: 785,
    aiCredits: 4014.09,
    people: 8,
  },
  // hubot 25/24/0/435 + octocat 0/0/0/0 (octocat active only through used_cli).
  [`${V}new-api/organization-users-1-day-report.json`]: {
    format: 'copilot-users-report',
    usage: 2,
    suggestions: 25,
    acceptances: 24,
    linesSuggested: 0,
    linesAccepted: 435,
    agentUses: 0,
    aiCredits: 7.5,
    people: 2,
  },
  [`${V}new-api/enterprise-users-28-day-report.json`]: {
    format: 'copilot-user-totals',
    usage: 8,
    suggestions: 5380,
    acceptances: 3602,
    linesSuggested: 21120,
    linesAccepted: 13810,
    activeDays: 118,
    agentUses: 388,
    aiCredits: 222.51,
    people: 8,
  },
  // octocat: 55 / 38 / 220 / 145 on report_day 2026-03-03.
  [`${V}new-api/enterprise-users-1-day-report.json`]: {
    format: 'copilot-user-totals',
    usage: 1,
    suggestions: 55,
    acceptances: 38,
    linesSuggested: 220,
    linesAccepted: 145,
    activeDays: 1,
    agentUses: 0,
    aiCredits: 3.7,
    people: 1,
  },
  // March 2026 shape: premium_requests_total instead of ai_credits_used (taken as the AI credits). By hand:
  // octocat 1240/860/4800/3200 + octokitten 920/640/3500/2350 + monalisa 130/72/520/310 (2026-02-04..03-03).
  [`${V}new-api/from-history/enterprise-users-28-day-report.48715ba.json`]: {
    format: 'copilot-user-totals',
    usage: 3,
    suggestions: 2290,
    acceptances: 1572,
    linesSuggested: 8820,
    linesAccepted: 5860,
    activeDays: 45,
    // agent_edit interactions (this shape counted agent prompts there): 215; premium_requests_total: 73.
    agentUses: 215,
    aiCredits: 73,
    people: 3,
  },
  // April 2026 organization users report aggregated per user (user_totals, login): 15 users, 1 active day
  // each on 2026-04-26; row 8 (copilotcat) has 46 acceptances for 45 suggestions.
  [`${V}new-api/from-history/organization-users-1-day-report.47fedf3.json`]: {
    format: 'copilot-user-totals',
    usage: 15,
    suggestions: 736,
    acceptances: 573,
    linesSuggested: 3102,
    linesAccepted: 2158,
    activeDays: 15,
    agentUses: 58,
    aiCredits: 0,
    people: 15,
    warnings: { 'acceptances-exceed-suggestions': 1 },
  },
  [`${V}new-api/organization-28-day-report.json`]: {
    format: 'copilot-org-report',
    usage: 28,
    suggestions: 3440,
    acceptances: 2548,
    linesSuggested: 1564,
    linesAccepted: 62998,
    prsMerged: 20,
    aiAssistedPrs: 5,
    agentUses: 785,
  },
  [`${V}new-api/organization-1-day-report.json`]: {
    format: 'copilot-org-report',
    usage: 1,
    suggestions: 25,
    acceptances: 24,
    linesSuggested: 0,
    linesAccepted: 435,
    prsMerged: 0,
    aiAssistedPrs: 0,
  },
  // One day (2026-02-20, 3 daily active users): 318 / 57 / 1157 / 2378; no pull_requests block at all,
  // so PRs are unknown (null, summed as 0 here) and the file is warned about.
  [`${V}new-api/from-history/organization-1-day-report.c8aa964.json`]: {
    format: 'copilot-org-report',
    usage: 1,
    suggestions: 318,
    acceptances: 57,
    linesSuggested: 1157,
    linesAccepted: 2378,
    prsMerged: 0,
    aiAssistedPrs: 0,
    warnings: { 'no-pr-data': 1 },
  },
  // 26 days (2 of 28 missing); only 6 days carry pull_requests, all with 0 merged.
  [`${V}new-api/enterprise-28-day-report.json`]: {
    format: 'copilot-org-report',
    usage: 26,
    suggestions: 4087,
    acceptances: 542,
    linesSuggested: 15070,
    linesAccepted: 72009,
    prsMerged: 0,
    aiAssistedPrs: 0,
    agentUses: 1268,
    warnings: { 'partial-pr-data': 1 },
  },
  // 21 days; days 15 and 16 (2024-11-18/19) have acceptances but 0 suggestions in the sample.
  [`${V}organization_metrics_response_sample.json`]: {
    format: 'copilot-legacy-metrics',
    usage: 21,
    suggestions: 21255,
    acceptances: 6665,
    linesSuggested: 60598,
    linesAccepted: 10726,
    warnings: { 'acceptances-exceed-suggestions': 2, 'lines-accepted-exceed-suggested': 2 },
  },
  [`${V}enterprise_metrics_response_sample.json`]: {
    format: 'copilot-legacy-metrics',
    usage: 21,
    suggestions: 21255,
    acceptances: 6665,
    linesSuggested: 60598,
    linesAccepted: 10726,
    warnings: { 'acceptances-exceed-suggestions': 2, 'lines-accepted-exceed-suggested': 2 },
  },
  // By hand: suggestions 249+496+112+132 = 989, acceptances 123+253+56+67 = 499,
  // lines suggested 225+520+143+154 = 1042, lines accepted 135+270+61+72 = 538.
  [`${G}orgs-org-copilot-metrics.example.json`]: {
    format: 'copilot-legacy-metrics',
    usage: 1,
    suggestions: 989,
    acceptances: 499,
    linesSuggested: 1042,
    linesAccepted: 538,
  },
  [`${V}organization_usage_response_sample.json`]: {
    format: 'copilot-legacy-usage',
    usage: 24,
    suggestions: 199097,
    acceptances: 50734,
    linesSuggested: 444407,
    linesAccepted: 94735,
  },
  [`${V}enterprise_usage_response_sample.json`]: {
    format: 'copilot-legacy-usage',
    usage: 26,
    suggestions: 218965,
    acceptances: 57617,
    linesSuggested: 429878,
    linesAccepted: 96533,
  },
  [`${V}organization_seats_response_sample.json`]: { format: 'copilot-seats', usage: 0, seats: 9 },
  [`${V}enterprise_seats_response_sample.json`]: { format: 'copilot-seats', usage: 0, seats: 8 },
  // 4 seat objects, octocat and octokitten twice each; no plan_type.
  [`${V}enterprise_seats_with_duplicates.json`]: {
    format: 'copilot-seats',
    usage: 0,
    seats: 2,
    warnings: { 'duplicate-seat': 2, 'seat-plan-unknown': 1 },
  },
  // 110 items of 9 users; netAmount summed per user (defunkt nets 0.0 after discounts).
  // AI credits: Σ grossQuantity of the ai-credits items (premium-request items are another unit).
  [`${V}billing-credits.json`]: {
    format: 'copilot-billing',
    usage: 9,
    spendUsd: 1005.804021,
    aiCredits: 74900.281995,
    people: 9,
  },
  // 7 items without user -> one org row: 37.8+27.9+25+18+9.5+21.6+18 = 157.8.
  [`${V}from-history/organization-billing-credits.json`]: {
    format: 'copilot-billing',
    usage: 1,
    spendUsd: 157.8,
    aiCredits: 12550,
    people: 0,
  },
  // 38.25+34.2+31.5+25.2+22+17.55+15+12+5.5+2 = 203.2.
  [`${V}from-history/organization-billing-credits-users.json`]: {
    format: 'copilot-billing',
    usage: 10,
    spendUsd: 203.2,
    people: 10,
  },
  [`${V}from-history/organization-user-teams-1-day-report.json`]: {
    format: 'copilot-user-teams',
    usage: 0,
    memberships: 13,
  },
  // By hand: (342+87)+(456+102) = 987; (289+73)+(398+91) = 851; 1543+2104 = 3647; 1102+1876 = 2978.
  [`${C}admin-api/03-get-daily-usage-data.json`]: {
    format: 'cursor-daily-usage',
    usage: 2,
    suggestions: 987,
    acceptances: 851,
    linesSuggested: 3647,
    linesAccepted: 2978,
    // agentRequests 12 + 23
    agentUses: 35,
    people: 1,
  },
  // 2450 + 1875 cents.
  [`${C}admin-api/04-get-spending-data.json`]: {
    format: 'cursor-spend',
    usage: 2,
    spendUsd: 43.25,
    people: 2,
    warnings: { 'partial-listing': 1 },
  },
  [`${C}admin-api/01-get-team-members.json`]: { format: 'cursor-members', usage: 0, seats: 2 },
  // 145+132 diffs suggested, 98+89 accepted, 1250+1100 / 980+890 lines.
  [`${C}analytics-api/01-agent-edits.json`]: {
    format: 'cursor-analytics',
    usage: 2,
    suggestions: 277,
    acceptances: 187,
    linesSuggested: 2350,
    linesAccepted: 1870,
  },
  // 5420+4980, 3210+3050, 8340+7890, 6120+5780.
  [`${C}analytics-api/02-tab-usage.json`]: {
    format: 'cursor-analytics',
    usage: 2,
    suggestions: 10400,
    acceptances: 6260,
    linesSuggested: 16230,
    linesAccepted: 11900,
  },
  [`${C}analytics-api/03-daily-active-users-dau.json`]: { format: 'cursor-analytics', usage: 2 },
  // 125+110+95+88 = 418 suggested, 98+89+72+65 = 324 accepted.
  [`${C}analytics-api/12-agent-edits-by-user.json`]: {
    format: 'cursor-analytics',
    usage: 4,
    linesSuggested: 418,
    linesAccepted: 324,
    people: 2,
    warnings: { 'partial-page': 1 },
  },
  [`${C}analytics-api/13-mcp-adoption-by-user.json`]: {
    format: 'cursor-analytics',
    usage: 3,
    people: 2,
    warnings: { 'partial-page': 1 },
  },
  [`${C}analytics-api/14-commands-adoption-by-user.json`]: {
    format: 'cursor-analytics',
    usage: 3,
    people: 2,
    warnings: { 'partial-page': 1 },
  },
  [`${C}analytics-api/15-plans-adoption-by-user.json`]: {
    format: 'cursor-analytics',
    usage: 3,
    people: 2,
    warnings: { 'partial-page': 1 },
  },
  [`${C}analytics-api/16-ask-mode-adoption-by-user.json`]: {
    format: 'cursor-analytics',
    usage: 3,
    people: 2,
    warnings: { 'partial-page': 1 },
  },
  // Primary-branch commit: 120 lines added, of which 50 tab + 40 composer = 90 by AI.
  [`${C}ai-code-tracking-api/01-get-ai-commit-metrics-json-paginated.json`]: {
    format: 'cursor-ai-code',
    usage: 1,
    linesTotal: 120,
    linesAccepted: 90,
    people: 1,
    warnings: { 'partial-page': 1 },
  },
  [`${C}ai-code-tracking-api/02-download-ai-commit-metrics-csv-streaming.csv`]: {
    format: 'cursor-ai-code',
    usage: 1,
    linesTotal: 120,
    linesAccepted: 90,
    people: 1,
    warnings: { 'non-primary-commits': 1 },
  },
  // By hand: sessions 15 + 10; lines added 342 + 210; commits 8 + 5; PRs 2 + 1; cost (186 + 42 + 125)
  // cents = $3.53; tool actions accepted 25+12+5+8+18+5 = 73, rejected 3+1+2+0+2+1 = 9 -> 82 offered.
  [`${CC}claude_code_usage_report.json`]: {
    format: 'claude-code-usage',
    usage: 2,
    agentUses: 25,
    linesAccepted: 552,
    commitsByAi: 13,
    aiAssistedPrs: 3,
    spendUsd: 3.53,
    suggestions: 82,
    acceptances: 73,
    linesTotal: 0,
    people: 2,
  },
  [`${CC}users.json`]: { format: 'claude-code-usage', usage: 0, seats: 2 },
  [`${W}user_page_analytics.json`]: { format: 'windsurf-analytics', usage: 0, seats: 2 },
  // Alone, the per-api-key rows keep the hashed key as identity (warned; the upload test below joins them):
  // 45 acceptances / 280 lines; chat 150 lines used.
  [`${W}autocomplete_analytics.json`]: {
    format: 'windsurf-analytics',
    usage: 1,
    acceptances: 45,
    linesAccepted: 280,
    people: 1,
    warnings: { 'no-api-key-map': 1 },
  },
  [`${W}chat_analytics.json`]: {
    format: 'windsurf-analytics',
    usage: 1,
    linesAccepted: 150,
    people: 1,
    warnings: { 'no-api-key-map': 1 },
  },
  // Whole-team rows: 150 + 200 suggested, 80 + 120 accepted.
  [`${W}cascade_lines_analytics.json`]: {
    format: 'windsurf-analytics',
    usage: 2,
    linesSuggested: 350,
    linesAccepted: 200,
  },
  // One run (cascadeId) on each of the two days.
  [`${W}cascade_runs_analytics.json`]: { format: 'windsurf-analytics', usage: 2, agentUses: 2 },
  // Same numbers as Cursor's own example (03): 987 / 851 / 3647 / 2978, agent requests 12 + 23.
  [`${CF}daily_usage.json`]: {
    format: 'cursor-daily-usage',
    usage: 2,
    suggestions: 987,
    acceptances: 851,
    linesSuggested: 3647,
    linesAccepted: 2978,
    agentUses: 35,
    people: 1,
  },
};

/** Recognised, nothing imported, one warning (code) that says why and what to upload instead. */
const WARNED: Record<string, [string, string, string]> = {
  [`${V}new-api/download-links-enterprise-28-day.json`]: [
    'copilot-download-links',
    'download-links-only',
    'download the reports it points to',
  ],
  [`${V}new-api/download-links-organization-1-day.json`]: [
    'copilot-download-links',
    'download-links-only',
    'download the reports it points to',
  ],
  [`${V}new-api/download-links-organization-28-day.json`]: [
    'copilot-download-links',
    'download-links-only',
    'download the reports it points to',
  ],
  [`${G}orgs-org-copilot-metrics-reports-1-day.download-links.example.json`]: [
    'copilot-download-links',
    'download-links-only',
    'this file only lists download links',
  ],
  [`${G}orgs-org-copilot-metrics-reports-users-28-day-latest.download-links.example.json`]: [
    'copilot-download-links',
    'download-links-only',
    'this file only lists download links',
  ],
  [`${G}orgs-org-copilot-billing.example.json`]: [
    'copilot-billing-summary',
    'nothing-imported',
    'copilot/billing/seats',
  ],
  [`${C}admin-api/02-get-audit-logs.json`]: ['cursor-audit-logs', 'nothing-imported', 'audit logs'],
  // 20.18232 + 40.167 cents (token-based calls) = $0.60; timestamps 1750979225854 … = 2025-06-26 UTC.
  [`${C}admin-api/05-get-usage-events-data.json`]: [
    'cursor-usage-events',
    'nothing-imported',
    '3 event(s), 2025-06-26, $0.60 token-based cost',
  ],
  [`${CF}usage_events.json`]: [
    'cursor-usage-events',
    'nothing-imported',
    '3 event(s), 2025-06-26, $0.60 token-based cost',
  ],
  [`${C}admin-api/06-set-user-spend-limit.json`]: [
    'cursor-api-response',
    'nothing-imported',
    'Spend limit set to $100',
  ],
  [`${C}admin-api/07-set-user-spend-limit.json`]: [
    'cursor-api-response',
    'nothing-imported',
    'Invalid email format',
  ],
  [`${C}admin-api/08-get-team-repo-blocklists.json`]: [
    'cursor-repo-blocklists',
    'nothing-imported',
    'settings, not usage',
  ],
  [`${C}admin-api/09-upsert-repo-blocklists.json`]: [
    'cursor-repo-blocklists',
    'nothing-imported',
    'settings, not usage',
  ],
  [`${C}ai-code-tracking-api/03-get-ai-code-change-metrics-json-paginated.json`]: [
    'cursor-ai-code',
    'nothing-imported',
    'acceptedLinesAdded',
  ],
  [`${C}ai-code-tracking-api/04-download-ai-code-change-metrics-csv-streaming.csv`]: [
    'cursor-ai-code',
    'nothing-imported',
    'acceptedLinesAdded',
  ],
  [`${C}analytics-api/04-client-versions.json`]: [
    'cursor-analytics',
    'nothing-imported',
    '"client-versions"',
  ],
  [`${C}analytics-api/05-model-usage.json`]: ['cursor-analytics', 'nothing-imported', '"models"'],
  [`${C}analytics-api/06-top-file-extensions.json`]: [
    'cursor-analytics',
    'nothing-imported',
    '"top-file-extensions"',
  ],
  [`${C}analytics-api/07-mcp-adoption.json`]: ['cursor-analytics', 'nothing-imported', '"mcp"'],
  [`${C}analytics-api/08-commands-adoption.json`]: ['cursor-analytics', 'nothing-imported', '"commands"'],
  [`${C}analytics-api/09-plans-adoption.json`]: ['cursor-analytics', 'nothing-imported', '"plans"'],
  [`${C}analytics-api/10-ask-mode-adoption.json`]: ['cursor-analytics', 'nothing-imported', '"ask-mode"'],
  [`${C}analytics-api/11-leaderboard.json`]: ['cursor-analytics', 'nothing-imported', 'leaderboard'],
};

/** Refused with an error (nothing of the upload is stored). */
const REFUSED: Record<string, [string, string]> = {
  [`${V}entra-org-tree.json`]: ['not-ai-usage', 'org snapshot'],
  [`${C}analytics-api/17-date-formats.json`]: ['api-error-response', 'Rate limit exceeded'],
  [`${CC}claudeCodeUsageReport.schema.json`]: ['schema-not-data', 'JSON Schema'],
};

function sampleFiles(): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = path.join(d, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return [
    'copilot-metrics-viewer',
    'github-docs-copilot-examples',
    'cursor-admin-api-doc-examples',
    'claude-code-analytics',
    'windsurf-analytics',
    'cursor-faros-samples',
  ]
    .flatMap((d) => walk(path.join(DATA, d)))
    .filter((p) => /\.(json|csv|ndjson)$/.test(p))
    .map((p) => path.relative(DATA, p));
}

describe.skipIf(!HAS_DATA)('real sample files', () => {
  it('every sample file is listed here as imported, warned or refused', () => {
    const listed = new Set([...Object.keys(IMPORTS), ...Object.keys(WARNED), ...Object.keys(REFUSED)]);
    expect(sampleFiles().filter((f) => !listed.has(f))).toEqual([]);
    expect(listed.size).toBe(sampleFiles().length);
  });

  it.each(Object.entries(IMPORTS))('imports %s', async (rel, e) => {
    const r = await parseSample(rel);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.format).toBe(e.format);
    const t = totals(r);
    const want: Partial<ReturnType<typeof totals>> = {
      usage: e.usage,
      seats: e.seats ?? 0,
      memberships: e.memberships ?? 0,
    };
    for (const k of [
      'suggestions',
      'acceptances',
      'linesSuggested',
      'linesAccepted',
      'prsMerged',
      'aiAssistedPrs',
      'spendUsd',
      'activeDays',
      'agentUses',
      'linesTotal',
      'aiCredits',
      'commitsByAi',
      'people',
    ] as const) {
      const v = e[k];
      if (v !== undefined) want[k] = v;
    }
    expect(t).toMatchObject(want);
    expect(codes(r, 'warning')).toEqual(e.warnings ?? {});
  });

  it.each(Object.entries(WARNED))('recognises %s and warns', async (rel, [format, code, text]) => {
    const r = await parseSample(rel);
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format, usage: 0, seats: 0 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code, file: rel });
    expect(r.issues[0]?.message).toContain(text);
  });

  it.each(Object.entries(REFUSED))('refuses %s', async (rel, [code, text]) => {
    const r = await parseSample(rel);
    expect(r.ok).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code, file: rel });
    expect(r.issues[0]?.message).toContain(text);
  });
});

/** The JSON-wrapped mock re-written as NDJSON (one record per line, as GitHub serves it). */
function asNdjson(rel: string, key: 'day_totals' | 'user_totals', withMeta = false): string {
  const doc = JSON.parse(readFileSync(path.join(DATA, rel), 'utf8')) as Record<string, unknown>;
  const records = Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [];
  const meta = {
    report_start_day: doc.report_start_day,
    report_end_day: doc.report_end_day,
    report_day: doc.report_day,
  };
  return records
    .map((r) => JSON.stringify(withMeta && typeof r === 'object' ? { ...meta, ...r } : r))
    .join('\n');
}

describe.skipIf(!HAS_DATA)('NDJSON and JSON-wrapped forms give identical records', () => {
  it.each([
    [`${V}new-api/organization-users-28-day-report.json`, 'day_totals', false],
    [`${V}new-api/organization-28-day-report.json`, 'day_totals', false],
    [`${V}new-api/enterprise-28-day-report.json`, 'day_totals', false],
    [`${V}new-api/enterprise-users-28-day-report.json`, 'user_totals', true],
    [`${V}new-api/from-history/enterprise-users-28-day-report.48715ba.json`, 'user_totals', true],
    [`${V}new-api/from-history/organization-users-1-day-report.47fedf3.json`, 'user_totals', true],
    [`${V}new-api/from-history/organization-1-day-report.c8aa964.json`, 'day_totals', false],
  ] as const)('%s', async (rel, key, withMeta) => {
    const wrapped = await parseSample(rel);
    // Same base name: enterprise vs organization reports carry both ids, so the name tells them apart.
    const name = path.basename(rel).replace(/\.json$/, '.ndjson');
    const nd = await parseAiFiles([textFile(name, asNdjson(rel, key, withMeta))], { today: TODAY });
    expect(nd.ok).toBe(true);
    expect(withoutFile(nd.usage)).toEqual(withoutFile(wrapped.usage));
    expect(nd.usage.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_DATA)('field mappings on real records', () => {
  it('maps a users-report day and a seat as documented', async () => {
    const users = await parseSample(`${V}new-api/organization-users-1-day-report.json`);
    expect(users.usage.map((u) => [u.subject, u.periodStart, u.periodEnd, u.active, u.tool])).toEqual([
      [
        { kind: 'person', employeeId: null, githubLogin: 'hubot', email: null },
        '2026-04-25',
        '2026-04-25',
        true,
        'copilot',
      ],
      // all counters 0 but used_cli = true
      [
        { kind: 'person', employeeId: null, githubLogin: 'octocat', email: null },
        '2026-04-25',
        '2026-04-25',
        true,
        'copilot',
      ],
    ]);
    // Per-user totals cover the report period: report_start_day..report_end_day.
    const orgTotals = await parseSample(
      `${V}new-api/from-history/organization-users-1-day-report.47fedf3.json`,
    );
    expect(orgTotals.usage[0]).toMatchObject({
      subject: { kind: 'person', githubLogin: 'octocat' },
      periodStart: '2026-04-26',
      periodEnd: '2026-04-26',
      active: true,
      suggestions: 45,
    });
    const entTotals = await parseSample(
      `${V}new-api/from-history/enterprise-users-28-day-report.48715ba.json`,
    );
    expect(entTotals.usage.map((u) => [u.periodStart, u.periodEnd, u.active])).toEqual([
      ['2026-02-04', '2026-03-03', true],
      ['2026-02-04', '2026-03-03', true],
      ['2026-02-04', '2026-03-03', true],
    ]);
    const seats = await parseSample(`${V}organization_seats_response_sample.json`);
    // 5 business x 19 + 4 enterprise x 39 = 251 (derive-expected.py); newest date in the listing 2026-05-01.
    expect(seats.seats.reduce((a, s) => a + (s.monthlyCostUsd ?? 0), 0)).toBe(251);
    expect(seats.seats.find((s) => s.githubLogin === 'newjoiner')).toMatchObject({
      assignedAt: '2026-04-28',
      lastActivityAt: null,
      plan: 'enterprise',
      monthlyCostUsd: 39,
      asOf: '2026-05-01',
    });
  });

  it('maps org reports to org rows with PR numbers and the org key', async () => {
    const org = await parseSample(`${V}new-api/organization-1-day-report.json`);
    expect(org.usage[0]).toMatchObject({
      subject: { kind: 'org', orgKey: 'github-org:100000001' },
      aiActiveUsers: 2,
      prsMerged: 0,
      aiAssistedPrs: 0,
    });
    // The early-2026 org report: no pull_requests, so PRs are unknown rather than 0.
    const early = await parseSample(`${V}new-api/from-history/organization-1-day-report.c8aa964.json`);
    expect(early.usage[0]).toMatchObject({
      subject: { kind: 'org', orgKey: 'github-org:100000001' },
      periodStart: '2026-02-20',
      aiActiveUsers: 3,
      prsMerged: null,
      aiAssistedPrs: null,
    });
    const ent = await parseSample(`${V}new-api/enterprise-28-day-report.json`);
    expect(ent.usage[0]?.subject).toEqual({ kind: 'org', orgKey: 'github-enterprise:200001' });
    expect(ent.usage.filter((u) => u.prsMerged === null)).toHaveLength(20);
  });

  it('maps Cursor exports: epoch days, emails, spend in dollars, AI commit lines', async () => {
    const daily = await parseSample(`${C}admin-api/03-get-daily-usage-data.json`);
    expect(
      daily.usage.map((u) => [u.periodStart, u.subject.kind === 'person' && u.subject.email, u.active]),
    ).toEqual([
      ['2024-03-18', 'developer@company.com', true],
      ['2024-03-19', 'developer@company.com', true],
    ]);
    const spend = await parseSample(`${C}admin-api/04-get-spending-data.json`);
    // subscriptionCycleStart 1708992000000 = 2024-02-27 (UTC); cycle end one month later minus a day.
    expect(spend.usage.map((u) => [u.periodStart, u.periodEnd, u.spendUsd])).toEqual([
      ['2024-02-27', '2024-03-26', 24.5],
      ['2024-02-27', '2024-03-26', 18.75],
    ]);
    const csv = await parseSample(`${C}ai-code-tracking-api/02-download-ai-commit-metrics-csv-streaming.csv`);
    // primary-branch commit only: 120 lines added, 50 tab + 40 composer = 90 by AI.
    expect(csv.usage[0]).toMatchObject({
      periodStart: '2025-07-30',
      linesCommitted: 120,
      aiLinesCommitted: 90,
      suggestions: null,
    });
    const teams = await parseSample(`${V}from-history/organization-user-teams-1-day-report.json`);
    expect(new Set(teams.memberships.map((m) => m.team))).toEqual(new Set(['the-a-team', 'dev-team']));
  });
});

/** The JSON code blocks of GitHub's example-schema page (user level, then enterprise level). */
function schemaExamples(): string[] {
  const md = readFileSync(path.join(DATA, `${V}new-api/github-docs/example-schema.md`), 'utf8');
  return [...md.matchAll(/```json copy\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}

describe.skipIf(!HAS_DATA)('newer fields and new tools (#15)', () => {
  it("reads GitHub's documented example schemas: a bare array of user days, and of enterprise reports", async () => {
    const [users, enterprise] = schemaExamples();
    const u = await parseAiFiles([textFile('users-1-day.json', users ?? '')], { today: TODAY });
    expect(u.ok).toBe(true);
    // login1: 1 generation, 1 acceptance, 10 suggested, 8 added; CLI 2 sessions / 2 requests / 2 prompts.
    expect(u.usage).toHaveLength(1);
    expect(u.usage[0]).toMatchObject({
      subject: { githubLogin: 'login1' },
      periodStart: '2025-10-01',
      suggestions: 1,
      acceptances: 1,
      linesSuggested: 10,
      linesAccepted: 8,
      agentUses: 0,
      extra: { cli_sessions: 2, cli_requests: 2, cli_prompts: 2, used_agent: 0, used_chat: 0, used_cli: 1 },
    });
    const e = await parseAiFiles([textFile('enterprise-28-day.json', enterprise ?? '')], { today: TODAY });
    expect(e.ok).toBe(true);
    // Two enterprises (ids 1 and 2), one day each: 2 + 0 PRs merged, 1 + 0 by Copilot; created 2 + 1.
    expect(
      e.usage.map((r) => [r.subject, r.aiActiveUsers, r.prsMerged, r.aiAssistedPrs, r.extra?.prs_created]),
    ).toEqual([
      [{ kind: 'org', orgKey: 'github-enterprise:1' }, 2, 2, 1, 2],
      [{ kind: 'org', orgKey: 'github-enterprise:2' }, 2, 0, 0, 1],
    ]);
  });

  it('keeps chat modes, CLI, code review and Copilot PR counters by name', async () => {
    const day = await parseSample(`${V}new-api/organization-users-1-day-report.json`);
    // octocat: every counter 0, used_cli only (the reason the row is active).
    expect(day.usage[1]?.extra).toMatchObject({ used_cli: 1, used_agent: 0, used_chat: 0 });
    const org = await parseSample(`${V}new-api/organization-28-day-report.json`);
    const total = (k: string) => org.usage.reduce((a, r) => a + (r.extra?.[k] ?? 0), 0);
    // derive-expected.py: Σ totals_by_cli.session_count 717, Σ pull_requests.total_created_by_copilot 5.
    expect(total('cli_sessions')).toBe(717);
    expect(total('prs_created_by_copilot')).toBe(5);
    const users = await parseSample(`${V}new-api/organization-users-28-day-report.json`);
    const modes = (k: string) => users.usage.reduce((a, r) => a + (r.extra?.[k] ?? 0), 0);
    // Σ user_initiated_interaction_count per feature: ask 514, agent 785, custom 41, inline 7, CLI 1640.
    expect(
      [
        'chat_panel_ask_mode_interactions',
        'chat_panel_agent_mode_interactions',
        'chat_panel_custom_mode_interactions',
        'chat_inline_interactions',
        'copilot_cli_interactions',
      ].map(modes),
    ).toEqual([514, 785, 41, 7, 1640]);
  });

  it('maps a Claude Code record: sessions, AI lines, commits, PRs, cost in dollars, tool actions', async () => {
    const r = await parseSample(`${CC}claude_code_usage_report.json`);
    expect(r.usage[1]).toMatchObject({
      tool: 'claude-code',
      subject: { kind: 'person', email: 'user2@example.com' },
      periodStart: '2025-08-09',
      agentUses: 10,
      linesAccepted: 210,
      commitsByAi: 5,
      aiAssistedPrs: 1,
      spendUsd: 1.25,
      suggestions: 26,
      acceptances: 23,
      active: true,
      extra: {
        lines_removed: 95,
        edit_tool_accepted: 18,
        edit_tool_rejected: 2,
        write_tool_accepted: 5,
        write_tool_rejected: 1,
      },
    });
  });

  it('attributes Windsurf api-key rows through the user list of the same upload', async () => {
    const names = [
      'user_page_analytics.json',
      'autocomplete_analytics.json',
      'chat_analytics.json',
      'cascade_lines_analytics.json',
      'cascade_runs_analytics.json',
    ];
    const r = await parseAiFiles(
      names.map((n) => ({ name: n, path: path.join(DATA, W, n) })),
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.seats.map((s) => [s.email, s.assignedAt, s.lastActivityAt])).toEqual([
      ['john@company.com', '2024-01-15', '2024-03-18'],
      ['jane@company.com', '2024-01-10', '2024-03-17'],
    ]);
    const john = r.usage.filter((u) => u.subject.kind === 'person');
    // hashed_api_key_123 = john: autocomplete 45 acceptances / 280 lines, chat 150 lines used / 25 chats.
    expect(
      john.map((u) => [
        u.subject.kind === 'person' && u.subject.email,
        u.feature,
        u.acceptances,
        u.linesAccepted,
        u.extra ?? null,
      ]),
    ).toEqual([
      ['john@company.com', 'autocomplete', 45, 280, null],
      ['john@company.com', 'chat', null, 150, { chats_received: 25 }],
    ]);
    expect(r.files.map((f) => f.usage)).toEqual([0, 1, 1, 2, 2]);
  });

  it('stores Cursor AI-code commits as lines_total / lines_accepted beside daily usage', async () => {
    const r = await parseAiFiles(
      [
        { name: 'daily.json', path: path.join(DATA, `${C}admin-api/03-get-daily-usage-data.json`) },
        {
          name: 'commits.csv',
          path: path.join(DATA, `${C}ai-code-tracking-api/02-download-ai-commit-metrics-csv-streaming.csv`),
        },
      ],
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    const commits = r.usage.find((u) => u.file === 'commits.csv');
    expect(commits).toMatchObject({ feature: 'ai-code-commits', linesTotal: 120, linesAccepted: 90 });
    expect(r.usage).toHaveLength(3);
  });
});
