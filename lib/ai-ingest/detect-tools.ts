/**
 * Detection of the Claude Code and Windsurf exports (JSON), kept apart from detect-json.ts so each
 * tool's shapes sit together. Decided from field names only.
 */
import type { AiDetection } from './detection';
import { arrayAt, isRecord, recordAt, type JsonRecord } from './json-values';
import { windsurfCustomKind, windsurfResult } from './windsurf';

const CLAUDE_USAGE: AiDetection = {
  action: 'import',
  format: 'claude-code-usage',
  label: 'Claude Code usage report (per user per day)',
  variant: 'usage',
};

/** A Claude Code usage record: core_metrics, or an actor with a date. */
export function isClaudeRecord(r: JsonRecord): boolean {
  return isRecord(r.core_metrics) || (isRecord(r.actor) && 'date' in r && 'model_breakdown' in r);
}

/** The first element of an array that is a Claude Code usage record (bare array or NDJSON line). */
export function detectToolRecord(r: JsonRecord | null): AiDetection | null {
  return r !== null && isClaudeRecord(r) ? CLAUDE_USAGE : null;
}

/** Claude Code and Windsurf documents (and a JSON Schema, which describes an export but holds no data). */
export function detectToolDocument(o: JsonRecord): AiDetection | null {
  if (typeof o.$schema === 'string' && isRecord(o.properties)) {
    return {
      action: 'refuse',
      format: null,
      label: 'JSON Schema',
      code: 'schema-not-data',
      message:
        'this is a JSON Schema (a description of an export format), not data; upload the export itself (for Claude Code: the usage_report/claude_code reply).',
    };
  }
  if (isClaudeRecord(o)) return CLAUDE_USAGE;
  const data = arrayAt(o, 'data');
  const first = isRecord(data[0]) ? data[0] : null;
  if (first !== null && isClaudeRecord(first)) return CLAUDE_USAGE;
  if (first !== null && 'email' in first && 'role' in first && 'added_at' in first) {
    return {
      action: 'import',
      format: 'claude-code-usage',
      label: 'Claude Code organization members (seats)',
      variant: 'users',
    };
  }
  if (Array.isArray(o.userTableStats)) {
    return {
      action: 'import',
      format: 'windsurf-analytics',
      label: 'Windsurf user page analytics (api key to email map, seats)',
      variant: 'users',
    };
  }
  const result = windsurfResult(o);
  if (result === null) return null;
  if (recordAt(result, 'cascadeLines') !== null) {
    return {
      action: 'import',
      format: 'windsurf-analytics',
      label: 'Windsurf Cascade lines (whole team per day)',
      variant: 'cascade-lines',
    };
  }
  if (recordAt(result, 'cascadeRuns') !== null) {
    return {
      action: 'import',
      format: 'windsurf-analytics',
      label: 'Windsurf Cascade runs (whole team per day)',
      variant: 'cascade-runs',
    };
  }
  const kind = windsurfCustomKind(o);
  const labels = {
    autocomplete: 'Windsurf autocomplete analytics (per api key per day)',
    chat: 'Windsurf chat analytics (per api key per day)',
    pcw: 'Windsurf percent of code written',
  } as const;
  if (kind !== null) {
    return { action: 'import', format: 'windsurf-analytics', label: labels[kind], variant: kind };
  }
  if (Array.isArray(result.responseItems)) {
    return {
      action: 'warn',
      format: 'windsurf-analytics',
      label: 'Windsurf custom analytics',
      code: 'nothing-imported',
      message:
        'this Windsurf CustomAnalytics reply is not one Strata reads (autocomplete, chat and percent-code-written are); nothing imported.',
    };
  }
  return null;
}
