/**
 * detectAiFormat: which AI export a file is (JSON document, NDJSON or CSV), and what the importer
 * does with it: import its rows, warn that it holds nothing to import, or refuse it.
 */
import Papa from 'papaparse';
import { guessDelimiter } from '@/lib/ingest/csv-rows';
import type { AiFormat } from './types';
import { detectJsonValue } from './detect-json';
import { detectDeliveryCsv } from './delivery-csv';
import { COUNT_FIELDS, mapGenericHeaders, type GenericField } from './generic-csv-headers';
import { isCopilotBillingCsv } from './copilot-billing-csv';

const SUBJECT_FIELDS: readonly GenericField[] = ['employee_id', 'github_login', 'team_manager_id', 'email'];

/** The verdict on one file. */
export interface AiDetection {
  /** import: read its rows; warn: recognised, nothing to import (message says why); refuse: error. */
  action: 'import' | 'warn' | 'refuse';
  format: AiFormat | null;
  /** what the file was recognised as, in words. */
  label: string;
  /** sub-shape for the reader (Cursor analytics metric, CSV flavour). */
  variant?: string;
  /** for warn/refuse: what the user is told. */
  message?: string;
  /** for warn/refuse: the issue code. */
  code?: string;
}

const norm = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Detect a CSV file from its header cells. */
export function detectCsvHeader(headers: string[]): AiDetection {
  const set = new Set(headers.map(norm));
  if (set.has('commithash') && set.has('tablinesadded')) {
    return {
      action: 'import',
      format: 'cursor-ai-code',
      label: 'Cursor AI code tracking: commits (CSV)',
      variant: 'csv',
    };
  }
  if (set.has('changeid') && set.has('metadatajson')) {
    return {
      action: 'warn',
      format: 'cursor-ai-code',
      label: 'Cursor AI code tracking: changes (CSV)',
      message:
        'Cursor AI code changes (one row per accepted AI edit) are not imported: the same accepted lines are in the daily usage export (acceptedLinesAdded), and AI-written committed code comes from the commits export (GET /analytics/ai-code/commits.csv).',
    };
  }
  if (isCopilotBillingCsv(headers)) {
    return {
      action: 'import',
      format: 'copilot-billing-csv',
      label: 'GitHub Copilot billing usage report (CSV, per user per model per day)',
    };
  }
  const delivery = detectDeliveryCsv(headers);
  if (delivery) return delivery;
  const mapping = mapGenericHeaders(headers);
  const hasPeriod = mapping.byField.has('period_start') || mapping.byField.has('period');
  const hasSubject = SUBJECT_FIELDS.some((f) => mapping.byField.has(f));
  const hasMeasure = COUNT_FIELDS.some((f) => mapping.byField.has(f));
  if (hasPeriod && hasSubject && hasMeasure) {
    return { action: 'import', format: 'generic-csv', label: 'AI usage CSV (generic)' };
  }
  const missing = [
    ...(hasPeriod ? [] : ['period_start (and period_end)']),
    ...(hasSubject ? [] : ['one of employee_id, github_login, team_manager_id, email']),
    ...(hasMeasure
      ? []
      : ['at least one measure (suggestions, acceptances, lines, PRs, ai_active_users, ai_spend_usd …)']),
  ];
  const orgHint = set.has('managerid') || set.has('reportsto') || set.has('supervisorid');
  return {
    action: 'refuse',
    format: null,
    label: orgHint ? 'org snapshot CSV' : 'unknown CSV',
    code: 'missing-column',
    message: `${orgHint ? 'this looks like an org snapshot (it has a manager column); upload it as an org snapshot. ' : ''}An AI-usage CSV needs ${missing.join(' and ')}; found columns: ${headers
      .slice(0, 15)
      .map((h) => h.trim())
      .join(', ')}${headers.length > 15 ? ', …' : ''}.`,
  };
}

/** The first non-blank line of a text. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim() !== '') return line.replace(/\r$/, '');
  return '';
}

/** Parse the header cells of a CSV line. */
export function headerCells(line: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter: guessDelimiter(line) });
  return parsed.data[0] ?? [];
}

/** True when the text starts like JSON ('{' or '['). */
export function looksLikeJson(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

/**
 * Detect the format of a whole decoded file: a JSON document, NDJSON (detected from the first
 * line) or CSV (from the header). The name is only a tie-breaker (e.g. an empty day_totals array).
 */
export function detectAiFormat(name: string, text: string): AiDetection {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trim() === '') {
    return {
      action: 'refuse',
      format: null,
      label: 'empty file',
      code: 'empty-file',
      message: 'the file is empty.',
    };
  }
  if (looksLikeJson(t)) {
    try {
      return detectJsonValue(name, JSON.parse(t));
    } catch {
      try {
        return detectJsonValue(name, JSON.parse(firstLine(t)));
      } catch {
        return {
          action: 'refuse',
          format: null,
          label: 'broken JSON',
          code: 'bad-json',
          message: 'the file starts like JSON but is not valid JSON or NDJSON.',
        };
      }
    }
  }
  return detectCsvHeader(headerCells(firstLine(t)));
}
