/**
 * Which AI export a parsed JSON value is, from its shape (field names), never from the file name
 * alone. Known companions that carry no usage (download links, audit logs, spend-limit replies)
 * are recognised so the user gets a clear warning instead of "unknown file".
 */
import type { AiDetection } from './detection';
import { arrayAt, isRecord, keysOf, recordAt, textAt, type JsonRecord } from './json-values';
import { clip } from '@/lib/ingest/limits';
import { detectToolDocument, detectToolRecord } from './detect-tools';
import { usageEventsSummary } from './cursor-admin';
import { detectGithubRecord } from './github-pulls';

// Enterprise users reports and (early-2026) organization users reports both aggregate per user.
const USER_TOTALS_LABEL = 'GitHub Copilot users report (per user, whole report period)';

const has = (o: JsonRecord, ...keys: string[]): boolean => keys.every((k) => k in o);

function first(value: unknown[]): JsonRecord | null {
  const f = value[0];
  return isRecord(f) ? f : null;
}

/** Shape of one Copilot report record (a day_totals/user_totals element or an NDJSON line). */
function detectCopilotRecord(r: JsonRecord): AiDetection | null {
  if (has(r, 'user_login') && (has(r, 'team_id') || has(r, 'slug'))) {
    return { action: 'import', format: 'copilot-user-teams', label: 'GitHub Copilot user-teams report' };
  }
  if (has(r, 'user_login', 'day')) {
    return {
      action: 'import',
      format: 'copilot-users-report',
      label: 'GitHub Copilot users report (per user per day)',
    };
  }
  if (has(r, 'login') && (has(r, 'total_active_days') || has(r, 'code_generation_activity_count'))) {
    return {
      action: 'import',
      format: 'copilot-user-totals',
      label: USER_TOTALS_LABEL,
    };
  }
  if (has(r, 'day') && (has(r, 'daily_active_users') || has(r, 'code_generation_activity_count'))) {
    return {
      action: 'import',
      format: 'copilot-org-report',
      label: 'GitHub Copilot organization/enterprise usage report (per day)',
    };
  }
  if (has(r, 'date') && (has(r, 'total_active_users') || has(r, 'copilot_ide_code_completions'))) {
    return {
      action: 'import',
      format: 'copilot-legacy-metrics',
      label: 'GitHub Copilot /copilot/metrics (legacy)',
    };
  }
  if (has(r, 'day') && (has(r, 'total_suggestions_count') || has(r, 'breakdown'))) {
    return {
      action: 'import',
      format: 'copilot-legacy-usage',
      label: 'GitHub Copilot /copilot/usage (legacy)',
    };
  }
  return null;
}

function detectArray(value: unknown[], name: string): AiDetection {
  const f = first(value);
  if (value.length === 0) {
    return {
      action: 'refuse',
      format: null,
      label: 'empty JSON array',
      code: 'no-rows',
      message: 'the JSON array is empty; nothing to import.',
    };
  }
  // A bare array of report objects (GitHub's enterprise-level example) is read like one report.
  if (f && (Array.isArray(f.day_totals) || Array.isArray(f.user_totals))) return detectObject(f, name);
  const d = f ? (detectGithubRecord(f) ?? detectCopilotRecord(f)) : null;
  return d ?? detectToolRecord(f) ?? unknown(value, name);
}

function unknown(value: unknown, _name: string): AiDetection {
  return {
    action: 'refuse',
    format: null,
    label: 'unknown JSON',
    code: 'unknown-format',
    message: `not an AI-usage export this importer knows (found ${keysOf(value)}). Supported: GitHub Copilot usage-metrics reports (NDJSON/JSON), /copilot/metrics, /copilot/usage, seat listings, billing credits; Cursor admin/analytics/AI-code exports; Claude Code usage reports and members; Windsurf analytics; GitHub pull requests and commits (REST JSON/NDJSON); the generic CSV, the pull-request CSV and the identity file.`,
  };
}

function warn(
  format: AiDetection['format'],
  label: string,
  message: string,
  code = 'nothing-imported',
): AiDetection {
  return { action: 'warn', format, label, message, code };
}

function detectCursor(o: JsonRecord): AiDetection | null {
  if (Array.isArray(o.teamMembers))
    return { action: 'import', format: 'cursor-members', label: 'Cursor team members' };
  if (Array.isArray(o.teamMemberSpend))
    return { action: 'import', format: 'cursor-spend', label: 'Cursor spending' };
  if (Array.isArray(o.usageEvents)) {
    return warn(
      'cursor-usage-events',
      'Cursor usage events',
      `Cursor usage events (one row per request; this file: ${usageEventsSummary(o)}) are not imported: spend comes from the spending export (POST /teams/spend) and activity from the daily usage export (POST /teams/daily-usage-data); importing events too would count the same use twice.`,
    );
  }
  if (Array.isArray(o.events) && first(arrayAt(o, 'events'))?.event_type !== undefined) {
    return warn(
      'cursor-audit-logs',
      'Cursor audit logs',
      'Cursor audit logs (logins, settings changes) hold no AI usage; nothing imported.',
    );
  }
  if (Array.isArray(o.repos) && first(arrayAt(o, 'repos'))?.patterns !== undefined) {
    return warn(
      'cursor-repo-blocklists',
      'Cursor repository blocklists',
      'Cursor repository blocklists are settings, not usage; nothing imported.',
    );
  }
  if (typeof o.outcome === 'string' && typeof o.message === 'string') {
    return warn(
      'cursor-api-response',
      'Cursor API reply',
      `this is the reply to a Cursor admin request ("${clip(`${o.outcome}: ${o.message}`)}"), not usage data; nothing imported.`,
    );
  }
  const items = arrayAt(o, 'items');
  const item = first(items);
  if (item && has(item, 'commitHash'))
    return { action: 'import', format: 'cursor-ai-code', label: 'Cursor AI code tracking: commits' };
  if (item && has(item, 'changeId')) {
    return warn(
      'cursor-ai-code',
      'Cursor AI code tracking: changes',
      'Cursor AI code changes (one row per accepted AI edit) are not imported: the same accepted lines are in the daily usage export (acceptedLinesAdded), and AI-written committed code comes from the commits export (GET /analytics/ai-code/commits).',
    );
  }
  const data = o.data;
  const row = Array.isArray(data) ? first(data) : null;
  if (row && has(row, 'email', 'date') && (has(row, 'isActive') || has(row, 'totalLinesAdded'))) {
    return { action: 'import', format: 'cursor-daily-usage', label: 'Cursor daily usage' };
  }
  return null;
}

/** Analytics API: team series (data array) or by-user series (data keyed by email); the metric is in params. */
function detectCursorAnalytics(o: JsonRecord): AiDetection | null {
  const metric = textAt(recordAt(o, 'params') ?? {}, 'metric');
  const data = o.data;
  if (metric === null && !(Array.isArray(data) && first(data)?.event_date !== undefined)) return null;
  const m = metric ?? 'unknown';
  if (isRecord(data) && (m === 'leaderboard' || 'tab_leaderboard' in data)) {
    return warn(
      'cursor-analytics',
      'Cursor analytics: leaderboard',
      'the Cursor leaderboard ranks one page of top users over the whole window and has no suggestion counts; nothing imported. Use the by-user agent-edits export or the daily usage export for per-person numbers.',
    );
  }
  if (isRecord(data)) {
    const imported = ['agent-edits', 'mcp', 'commands', 'plans', 'ask-mode'];
    if (imported.includes(m)) {
      return {
        action: 'import',
        format: 'cursor-analytics',
        label: `Cursor analytics by user: ${m}`,
        variant: `by-user:${m}`,
      };
    }
    return warn(
      'cursor-analytics',
      `Cursor analytics by user: ${m}`,
      `the Cursor by-user "${clip(m)}" series is not used by Strata; nothing imported.`,
    );
  }
  if (Array.isArray(data)) {
    if (m === 'agent-edits' || m === 'tabs' || m === 'dau') {
      return {
        action: 'import',
        format: 'cursor-analytics',
        label: `Cursor analytics: ${m}`,
        variant: `team:${m}`,
      };
    }
    const why: Record<string, string> = {
      'client-versions': 'client versions per day',
      models: 'messages and users per model (users cannot be added up across models)',
      'top-file-extensions': 'a top-N breakdown by file extension',
      mcp: 'MCP tool calls (no users or code counts)',
      commands: 'command usage counts (no users or code counts)',
      plans: 'plan-mode usage per model (no users or code counts)',
      'ask-mode': 'ask-mode usage per model (no users or code counts)',
    };
    return warn(
      'cursor-analytics',
      `Cursor analytics: ${m}`,
      `the Cursor team "${clip(m)}" series (${why[m] ?? 'not a usage total'}) is not used by Strata; nothing imported.`,
    );
  }
  return null;
}

function detectObject(o: JsonRecord, name: string): AiDetection {
  if (Array.isArray(o.download_links)) {
    return warn(
      'copilot-download-links',
      'GitHub Copilot report download links',
      'this file only lists download links; download the reports it points to (the NDJSON/JSON files behind download_links, within their expiry) and upload those.',
      'download-links-only',
    );
  }
  for (const key of ['day_totals', 'user_totals']) {
    if (Array.isArray(o[key])) {
      const rec = first(arrayAt(o, key));
      const d = rec ? detectCopilotRecord(rec) : null;
      if (d) return d;
      if (key === 'user_totals')
        return {
          action: 'import',
          format: 'copilot-user-totals',
          label: USER_TOTALS_LABEL,
        };
      return /users/i.test(name)
        ? {
            action: 'import',
            format: 'copilot-users-report',
            label: 'GitHub Copilot users report (per user per day)',
          }
        : {
            action: 'import',
            format: 'copilot-org-report',
            label: 'GitHub Copilot organization/enterprise usage report (per day)',
          };
    }
  }
  if (Array.isArray(o.seats) || typeof o.total_seats === 'number') {
    return { action: 'import', format: 'copilot-seats', label: 'GitHub Copilot seat listing' };
  }
  if (Array.isArray(o.usageItems) || (Array.isArray(o.users) && isRecord(o.timePeriod))) {
    return {
      action: 'import',
      format: 'copilot-billing',
      label: 'GitHub Copilot billing usage (AI credits / premium requests)',
    };
  }
  if (isRecord(o.seat_breakdown)) {
    return warn(
      'copilot-billing-summary',
      'GitHub Copilot billing settings',
      'this is the Copilot billing summary (seat counts and policies), with no per-person seats; nothing imported. Upload the seat listing (GET /orgs/{org}/copilot/billing/seats) instead.',
    );
  }
  if (typeof o.error === 'string') {
    return {
      action: 'refuse',
      format: null,
      label: 'API error reply',
      code: 'api-error-response',
      message: `this file is an API error reply ("${clip(`${o.error}${typeof o.message === 'string' ? `: ${o.message}` : ''}`)}"), not an export; download the data again.`,
    };
  }
  if (Array.isArray(o.directReports) && (has(o, 'userPrincipalName') || has(o, 'displayName'))) {
    return {
      action: 'refuse',
      format: null,
      label: 'org chart (Microsoft Entra manager tree)',
      code: 'not-ai-usage',
      message:
        'this is an org chart (a Microsoft Entra manager tree), not AI usage; upload org data as an org snapshot CSV.',
    };
  }
  return (
    detectGithubRecord(o) ??
    detectCopilotRecord(o) ??
    detectCursor(o) ??
    detectCursorAnalytics(o) ??
    detectToolDocument(o) ??
    unknown(o, name)
  );
}

/** Detect the export a parsed JSON document (or the first NDJSON line) comes from. */
export function detectJsonValue(name: string, value: unknown): AiDetection {
  if (Array.isArray(value)) return detectArray(value, name);
  if (isRecord(value)) return detectObject(value, name);
  return unknown(value, name);
}
