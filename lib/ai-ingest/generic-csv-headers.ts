/**
 * Header synonyms of the generic AI-usage CSV (SPEC.md "AI usage": period_start, period_end,
 * employee_id | github_login | team_manager_id | email, engineers, ai_active_users, suggestions,
 * acceptances, lines_suggested, lines_accepted, prs_merged, ai_assisted_prs, ai_spend_usd).
 * Matching ignores case, spaces and punctuation, like the org importer.
 */
import { normaliseHeader } from '@/lib/ingest/header-synonyms';

export const GENERIC_FIELDS = [
  'period_start',
  'period_end',
  /** one column naming a day or a month ('2026-08'), when there is no start/end pair */
  'period',
  'employee_id',
  'github_login',
  'team_manager_id',
  'email',
  'engineers',
  'ai_active_users',
  'suggestions',
  'acceptances',
  'lines_suggested',
  'lines_accepted',
  'prs_merged',
  'ai_assisted_prs',
  'ai_spend_usd',
  /** copilot | cursor | other; 'other' when absent */
  'tool',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

/** Count columns (numbers, never negative). */
export const COUNT_FIELDS = [
  'engineers',
  'ai_active_users',
  'suggestions',
  'acceptances',
  'lines_suggested',
  'lines_accepted',
  'prs_merged',
  'ai_assisted_prs',
  'ai_spend_usd',
] as const satisfies readonly GenericField[];
export type CountField = (typeof COUNT_FIELDS)[number];

const SYNONYMS: Record<GenericField, string[]> = {
  period_start: [
    'Period Start',
    'Start',
    'Start Date',
    'From',
    'Date From',
    'Period From',
    'Week Start',
    'Month Start',
    'Period Start Date',
  ],
  period_end: [
    'Period End',
    'End',
    'End Date',
    'To',
    'Date To',
    'Period To',
    'Week End',
    'Month End',
    'Period End Date',
  ],
  period: ['Period', 'Date', 'Day', 'Month', 'Report Date', 'Usage Date'],
  employee_id: ['Employee ID', 'Worker ID', 'Person ID', 'Emp No', 'Emp ID', 'Staff ID', 'Employee Number'],
  github_login: [
    'GitHub Login',
    'GitHub Username',
    'GitHub Handle',
    'GitHub',
    'GitHub User',
    'User Login',
    'Login',
  ],
  team_manager_id: ['Team Manager ID', 'Team Manager', 'Team Lead ID', 'Team Manager Employee ID', 'Team ID'],
  email: ['Email', 'Work Email', 'Email Address', 'User Email'],
  engineers: [
    'Engineers',
    'Engineer Count',
    'Engineers Count',
    'Number of Engineers',
    'Headcount',
    'Team Size',
    'Developers',
  ],
  ai_active_users: [
    'AI Active Users',
    'AI Active',
    'Active Users',
    'AI Users',
    'Active AI Users',
    'Copilot Active Users',
  ],
  suggestions: [
    'Suggestions',
    'Total Suggestions',
    'Suggestions Count',
    'Suggestion Count',
    'Code Suggestions',
  ],
  acceptances: [
    'Acceptances',
    'Total Acceptances',
    'Acceptances Count',
    'Acceptance Count',
    'Accepted Suggestions',
  ],
  lines_suggested: ['Lines Suggested', 'Total Lines Suggested', 'Suggested Lines', 'LOC Suggested'],
  lines_accepted: ['Lines Accepted', 'Total Lines Accepted', 'Accepted Lines', 'LOC Accepted'],
  prs_merged: ['PRs Merged', 'Merged PRs', 'Pull Requests Merged', 'PR Merged', 'Merged Pull Requests'],
  ai_assisted_prs: [
    'AI Assisted PRs',
    'AI PRs',
    'AI-Assisted Pull Requests',
    'Copilot PRs',
    'AI Assisted Pull Requests',
  ],
  ai_spend_usd: [
    'AI Spend USD',
    'AI Spend',
    'Spend USD',
    'Spend',
    'AI Cost',
    'AI Cost USD',
    'Cost USD',
    'AI Spend ($)',
  ],
  tool: ['Tool', 'AI Tool', 'Product', 'Source'],
};

const INDEX: ReadonlyMap<string, GenericField> = (() => {
  const index = new Map<string, GenericField>();
  for (const field of GENERIC_FIELDS) {
    index.set(normaliseHeader(field), field);
    for (const s of SYNONYMS[field]) if (!index.has(normaliseHeader(s))) index.set(normaliseHeader(s), field);
  }
  return index;
})();

/** Header -> field mapping of one file. */
export interface GenericMapping {
  /** field -> column index (the first column that matched). */
  byField: Map<GenericField, number>;
  /** headers that match no field (reported as warnings). */
  unknown: Array<{ index: number; header: string }>;
  /** headers that repeat a field already matched (ignored, reported). */
  repeated: Array<{ index: number; header: string; field: GenericField }>;
}

/** Map header cells to generic fields. */
export function mapGenericHeaders(headers: string[]): GenericMapping {
  const byField = new Map<GenericField, number>();
  const unknown: GenericMapping['unknown'] = [];
  const repeated: GenericMapping['repeated'] = [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const field = INDEX.get(key);
    if (field === undefined) unknown.push({ index, header: header.trim() });
    else if (byField.has(field)) repeated.push({ index, header: header.trim(), field });
    else byField.set(field, index);
  });
  return { byField, unknown, repeated };
}
