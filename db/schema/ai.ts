import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { sql } from 'drizzle-orm';

/** One committed AI-usage upload (SPEC "AI usage"); its usage and seat rows cascade with it. */
export const aiImports = pgTable('ai_imports', {
  id: serial('id').primaryKey(),
  /** the organisation it belongs to (SPEC "Organisations") */
  orgId: integer('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  /** [{name, format, usage, seats}] as the parser reported them */
  files: jsonb('files').notNull().default([]),
  /** records, seats, periods, replaced rows, warnings */
  stats: jsonb('stats').notNull().default({}),
});

/**
 * AI-usage rows as imported (identities kept raw: matching to employees happens when metrics are
 * read, so saved mappings and newer org snapshots apply without re-importing). Bulk-loaded with COPY.
 * subject_key identifies the subject (emp:/login:/email:/team:/org:) so a newer import of the same
 * tool, subject and period replaces the older row instead of double counting it.
 */
export const aiUsage = pgTable(
  'ai_usage',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => aiImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    tool: text('tool').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** person | team | org */
    subjectKind: text('subject_kind').notNull(),
    subjectKey: text('subject_key').notNull(),
    employeeId: text('employee_id'),
    githubLogin: text('github_login'),
    email: text('email'),
    teamManagerId: text('team_manager_id'),
    orgKey: text('org_key'),
    engineers: doublePrecision('engineers'),
    aiActiveUsers: doublePrecision('ai_active_users'),
    active: boolean('active'),
    suggestions: doublePrecision('suggestions'),
    acceptances: doublePrecision('acceptances'),
    linesSuggested: doublePrecision('lines_suggested'),
    linesAccepted: doublePrecision('lines_accepted'),
    prsMerged: doublePrecision('prs_merged'),
    aiAssistedPrs: doublePrecision('ai_assisted_prs'),
    spendUsd: doublePrecision('spend_usd'),
    /** days with AI activity in the period, where the tool reports it (28-day and monthly totals) */
    activeDays: doublePrecision('active_days'),
    /** agent use: agent-mode interactions / sessions / Cascade runs / agent requests */
    agentUses: doublePrecision('agent_uses'),
    /** all lines added (by people and AI) where the tool reports them: AI share of code = lines_accepted / lines_total */
    linesTotal: doublePrecision('lines_total'),
    /** AI credits (Copilot usage-based billing, since June 2026) */
    aiCredits: doublePrecision('ai_credits'),
    /** commits made by the tool itself (Claude Code) */
    commitsByAi: doublePrecision('commits_by_ai'),
    /** other counters a tool reports (chat modes, code review, CLI, tool accept/reject ...), by name */
    extra: jsonb('extra'),
  },
  (t) => [
    index('ai_usage_period_idx').on(t.periodEnd),
    index('ai_usage_subject_idx').on(t.tool, t.subjectKey, t.periodStart, t.periodEnd),
    index('ai_usage_import_idx').on(t.importId),
    /** the few rows spanning more than a day (28-day reports ...), found without reading the daily ones */
    index('ai_usage_multi_day_idx')
      .on(t.periodEnd)
      .where(sql`${t.periodStart} <> ${t.periodEnd}`),
  ],
);

/** The summed columns of ai_usage_months and ai_usage_weeks (after the organisation and bucket). */
const usageSums = () => ({
  tool: text('tool').notNull(),
  subjectKind: text('subject_kind').notNull(),
  subjectKey: text('subject_key').notNull(),
  employeeId: text('employee_id'),
  /** lower-case, as the views group them */
  login: text('login'),
  email: text('email'),
  teamManagerId: text('team_manager_id'),
  orgKey: text('org_key'),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  rows: integer('rows').notNull(),
  activeRows: integer('active_rows').notNull(),
  engineers: doublePrecision('engineers'),
  aiActiveUsers: doublePrecision('ai_active_users'),
  active: boolean('active').notNull(),
  /** sums over rows where both of a ratio's counters are given */
  suggestionsBoth: doublePrecision('suggestions_both'),
  acceptancesBoth: doublePrecision('acceptances_both'),
  linesSuggestedBoth: doublePrecision('lines_suggested_both'),
  linesAcceptedBoth: doublePrecision('lines_accepted_both'),
  prsBoth: doublePrecision('prs_both'),
  aiPrsBoth: doublePrecision('ai_prs_both'),
  linesAccepted: doublePrecision('lines_accepted'),
  linesAcceptedNoTotal: doublePrecision('lines_accepted_no_total'),
  linesAcceptedWithTotal: doublePrecision('lines_accepted_with_total'),
  linesTotal: doublePrecision('lines_total'),
  hasTotal: boolean('has_total').notNull(),
  prsMerged: doublePrecision('prs_merged'),
  spendUsd: doublePrecision('spend_usd'),
  hasSpend: boolean('has_spend').notNull(),
  prStart: date('pr_start', { mode: 'string' }),
  prEnd: date('pr_end', { mode: 'string' }),
  spendStart: date('spend_start', { mode: 'string' }),
  spendEnd: date('spend_end', { mode: 'string' }),
  activeDays: doublePrecision('active_days'),
  /** active one-day rows without active_days, by day of the month (bit 0 = the 1st) */
  dayMask: integer('day_mask').notNull(),
  /** active rows by the day of the month of their period_end */
  endMask: integer('end_mask').notNull(),
  agentUses: doublePrecision('agent_uses'),
  creditsSpend: doublePrecision('credits_spend'),
  creditsNoSpend: doublePrecision('credits_no_spend'),
});

/**
 * ai_usage summed per organisation, calendar month (of period_end), tool and subject, kept in step
 * by the import (lib/dal/ai-usage-months.ts): a period's figures read whole months here and only the
 * days of a partly covered month from ai_usage. Every column is a sum, min, max, bool_or or bitwise
 * or of ai_usage rows, so combining months gives exactly what the rows give; distinct active days
 * stay exact through day_mask (bit d-1 = day d of the month had an active daily row).
 */
export const aiUsageMonths = pgTable(
  'ai_usage_months',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** first day of the month of the rows' period_end */
    month: date('month', { mode: 'string' }).notNull(),
    ...usageSums(),
  },
  (t) => [
    unique('ai_usage_months_key')
      .on(
        t.orgId,
        t.month,
        t.tool,
        t.subjectKey,
        t.subjectKind,
        t.employeeId,
        t.login,
        t.email,
        t.teamManagerId,
        t.orgKey,
      )
      .nullsNotDistinct(),
  ],
);

/**
 * The same sums per week of a month (days 1-7, 8-14, 15-21, 22-28, 29 to the end; a week never
 * straddles two months), kept in step the same way: a period that starts or ends inside a month
 * reads its whole weeks here and only the few days left over (at most six at each end) from
 * ai_usage. day_mask and end_mask keep their day-of-the-month bits.
 */
export const aiUsageWeeks = pgTable(
  'ai_usage_weeks',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** the first day of the week of the rows' period_end (the 1st, 8th, 15th, 22nd or 29th) */
    week: date('week', { mode: 'string' }).notNull(),
    ...usageSums(),
  },
  (t) => [
    unique('ai_usage_weeks_key')
      .on(
        t.orgId,
        t.week,
        t.tool,
        t.subjectKey,
        t.subjectKind,
        t.employeeId,
        t.login,
        t.email,
        t.teamManagerId,
        t.orgKey,
      )
      .nullsNotDistinct(),
  ],
);

/**
 * Pull requests as GitHub returns them (REST JSON per repository, or the documented CSV): the
 * delivery data behind throughput, cycle time and AI-users-against-non-users. One row per
 * organisation x repository x number: a newer import of the same PR replaces the older row.
 */
export const pullRequests = pgTable(
  'pull_requests',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    importId: integer('import_id')
      .notNull()
      .references(() => aiImports.id, { onDelete: 'cascade' }),
    repo: text('repo').notNull(),
    number: integer('number').notNull(),
    /** GitHub login of the author, lower-case */
    authorLogin: text('author_login'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    additions: integer('additions'),
    deletions: integer('deletions'),
    labels: jsonb('labels').$type<string[]>(),
    /** co-author identities from Co-authored-by trailers (emails or logins, lower-case) */
    coAuthors: jsonb('co_authors').$type<string[]>(),
    /** why the PR counts as AI-assisted (copilot-author | tool-reported:<tool> | co-author:<tool> | label:<name>), null when it does not */
    aiSource: text('ai_source'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repo, t.number] }),
    index('pull_requests_merged_idx').on(t.orgId, t.mergedAt),
    index('pull_requests_author_idx').on(t.orgId, t.authorLogin),
    index('pull_requests_import_idx').on(t.importId),
  ],
);

/** Paid AI-tool seats from seat listings; the newest listing per tool is the one in force. */
export const aiSeats = pgTable(
  'ai_seats',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => aiImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    tool: text('tool').notNull(),
    githubLogin: text('github_login'),
    email: text('email'),
    assignedAt: date('assigned_at', { mode: 'string' }),
    lastActivityAt: date('last_activity_at', { mode: 'string' }),
    plan: text('plan'),
    monthlyCostUsd: doublePrecision('monthly_cost_usd'),
    asOf: date('as_of', { mode: 'string' }).notNull(),
  },
  (t) => [index('ai_seats_tool_idx').on(t.tool, t.asOf), index('ai_seats_import_idx').on(t.importId)],
);

/** Hand mappings from an AI identity (GitHub login or email, lower-case) to an employee; they win over automatic matching. */
export const aiIdentityMap = pgTable(
  'ai_identity_map',
  {
    /** the organisation it belongs to (SPEC "Organisations") */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    identity: text('identity').notNull(),
    employeeId: text('employee_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.identity] })],
);
