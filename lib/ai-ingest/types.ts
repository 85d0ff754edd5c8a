/**
 * Canonical AI-usage records shared by the AI importers (producers, lib/ai-ingest) and storage,
 * identity matching and metrics (consumers). SPEC.md "AI usage" and "AI productivity".
 * Every source (generic CSV, GitHub Copilot reports old and new, seat listings, Cursor exports)
 * is normalised to these shapes. Counts are null when the source does not report them (never 0
 * for "unknown"), so metrics can say "not available" instead of a wrong zero.
 */
import type { Issue } from '@/lib/ingest/types';

export type AiTool = 'copilot' | 'cursor' | 'claude-code' | 'windsurf' | 'other';

/** Who a usage row is about. */
export type AiSubject =
  /** one person, identified by any of these (matched to employees later) */
  | { kind: 'person'; employeeId: string | null; githubLogin: string | null; email: string | null }
  /** a team given by its manager's employee id (generic CSV team rows) */
  | { kind: 'team'; teamManagerId: string }
  /** a whole GitHub organisation / enterprise / Cursor team aggregate */
  | { kind: 'org'; orgKey: string };

export interface AiUsageRecord {
  /** source file and 1-based data row / array index, for messages */
  file: string;
  row: number;
  tool: AiTool;
  /** inclusive period, YYYY-MM-DD; a daily row has start = end */
  periodStart: string;
  periodEnd: string;
  subject: AiSubject;
  /** engineers in the team/org (team and org rows); null for person rows */
  engineers: number | null;
  /** distinct AI-active users in the period (team and org rows) */
  aiActiveUsers: number | null;
  /** person rows: any AI activity in the period (a person row with all-zero activity is false) */
  active: boolean | null;
  suggestions: number | null;
  acceptances: number | null;
  linesSuggested: number | null;
  linesAccepted: number | null;
  prsMerged: number | null;
  aiAssistedPrs: number | null;
  spendUsd: number | null;
  /**
   * Set when the counts cover only one feature of the tool (Cursor analytics 'tab', 'agent-edits',
   * 'ask-mode' ...); absent when they cover all of the tool's usage. Rows of different features for
   * the same subject and day add up; rows of the same feature do not (they are duplicates).
   */
  feature?: string;
  /** Lines added by commits on the primary branch (Cursor AI code tracking); absent elsewhere. */
  linesCommitted?: number | null;
  /** Of linesCommitted, the lines written by the AI tool (tab + agent/composer). */
  aiLinesCommitted?: number | null;
  /** days with AI activity in the period, where the tool reports it (stored in ai_usage.active_days) */
  activeDays?: number | null;
  /** agent use: agent-mode interactions, Claude Code sessions, Cascade runs, agent requests (ai_usage.agent_uses) */
  agentUses?: number | null;
  /** all lines added, by people and AI, where the tool reports them; AI share of code = AI lines / this (ai_usage.lines_total) */
  linesTotal?: number | null;
  /** AI credits consumed (Copilot usage-based billing since June 2026) (ai_usage.ai_credits) */
  aiCredits?: number | null;
  /** commits the tool made itself (Claude Code) (ai_usage.commits_by_ai) */
  commitsByAi?: number | null;
  /** other counters the tool reports, by name (chat modes, code review, CLI, tool accept/reject) (ai_usage.extra) */
  extra?: Record<string, number> | null;
}

/** One pull request (GitHub REST JSON as downloaded, or the documented PR CSV); stored in pull_requests. */
export interface PullRequestRecord {
  file: string;
  row: number;
  /** owner/name */
  repo: string;
  number: number;
  /** GitHub login of the author, lower-case; null when the account was deleted */
  authorLogin: string | null;
  /** ISO timestamps */
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  additions: number | null;
  deletions: number | null;
  labels: string[];
  /** Co-authored-by identities (emails or logins, lower-case) */
  coAuthors: string[];
  /** why it counts as AI-assisted (copilot-author | tool-reported:<tool> | co-author:<tool> | label:<name>), null when it does not */
  aiSource: string | null;
}

/** One line of an identity file: an employee and the identities they use in tools. */
export interface IdentityRecord {
  file: string;
  row: number;
  employeeId: string;
  /** lower-case identities (email, GitHub login, other tool ids) */
  identities: string[];
}

/** A paid seat / licence for an AI tool. */
export interface AiSeatRecord {
  file: string;
  row: number;
  tool: AiTool;
  githubLogin: string | null;
  email: string | null;
  /** YYYY-MM-DD */
  assignedAt: string | null;
  lastActivityAt: string | null;
  plan: string | null;
  /** monthly list price when the source or the plan tells it (e.g. Copilot business 19, enterprise 39) */
  monthlyCostUsd: number | null;
  /** the date the listing describes (for idle-seat computation): the newest date seen in the file, else the import date */
  asOf: string | null;
}

/** GitHub user -> team membership (user-teams report), kept for reference / GitHub-team views. */
export interface AiTeamMembership {
  githubLogin: string;
  team: string;
  day: string | null;
}

export type AiFormat =
  | 'generic-csv'
  | 'copilot-users-report'
  | 'copilot-user-totals'
  | 'copilot-org-report'
  | 'copilot-legacy-metrics'
  | 'copilot-legacy-usage'
  | 'copilot-seats'
  | 'copilot-user-teams'
  | 'copilot-billing'
  | 'cursor-daily-usage'
  | 'cursor-spend'
  | 'cursor-members'
  | 'cursor-analytics'
  | 'cursor-ai-code'
  | 'copilot-billing-csv'
  | 'claude-code-usage'
  | 'windsurf-analytics'
  | 'github-pulls'
  | 'pull-requests-csv'
  | 'identity-file'
  /** recognised companions of the exports that carry no usage rows (a warning says what to upload instead) */
  | 'copilot-download-links'
  | 'copilot-billing-summary'
  | 'cursor-usage-events'
  | 'cursor-audit-logs'
  | 'cursor-repo-blocklists'
  | 'cursor-api-response';

export interface AiParsedFile {
  name: string;
  format: AiFormat | null;
  usage: number;
  seats: number;
  /** team memberships read (user-teams report) */
  memberships?: number;
  /** pull requests stored from this file (after repeats across the upload were merged) */
  pullRequests?: number;
  /** commits read from a commits listing (their trailers go to the PRs they belong to) */
  commits?: number;
  /** identity-file lines read */
  identities?: number;
  /** what the file was recognised as, in words ("GitHub Copilot users report (per user per day)") */
  label?: string;
}

export interface AiParseResult {
  files: AiParsedFile[];
  usage: AiUsageRecord[];
  seats: AiSeatRecord[];
  memberships: AiTeamMembership[];
  /** pull requests read (GitHub REST JSON or PR CSV) */
  pullRequests?: PullRequestRecord[];
  /** identity-file lines read */
  identities?: IdentityRecord[];
  /** errors refuse the whole upload; warnings are shown (same Issue shape as org imports) */
  issues: Issue[];
  ok: boolean;
}
