import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/**
 * One uploaded org snapshot. Re-uploading an as-of date creates a new version and marks the
 * earlier one not current, so history is never silently lost. Dates are per organisation. At most one version per organisation and date is
 * current (a partial unique index; commits for one date also queue on an advisory lock).
 */
export const snapshots = pgTable(
  'snapshots',
  {
    id: serial('id').primaryKey(),
    /** the organisation it belongs to (SPEC "Organisations") */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    isCurrent: boolean('is_current').notNull().default(true),
    label: text('label'),
    format: text('format').notNull(),
    sourceFiles: jsonb('source_files').$type<string[]>().notNull().default([]),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    skipDuplicates: boolean('skip_duplicates').notNull().default(false),
    /** resolution chosen per error class at upload (SPEC "What happens to bad input"), e.g. {"self-manager": "root"}. */
    resolutions: jsonb('resolutions').$type<Record<string, string>>().notNull().default({}),
    /** marked "not comparable" by a user (a change of scope): change-since-peak skips it. */
    notComparable: boolean('not_comparable').notNull().default(false),
    headcount: doublePrecision('headcount').notNull().default(0),
    records: integer('records').notNull().default(0),
    stats: jsonb('stats').notNull().default({}),
    issues: jsonb('issues').notNull().default([]),
    warningCount: integer('warning_count').notNull().default(0),
  },
  (t) => [
    index('snapshots_as_of_idx').on(t.orgId, t.asOf, t.isCurrent),
    uniqueIndex('snapshots_one_current_idx')
      .on(t.orgId, t.asOf)
      .where(sql`${t.isCurrent}`),
  ],
);

/** People (and vacant / aggregated positions) of a snapshot. Bulk-loaded with COPY. */
export const people = pgTable(
  'people',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    employeeId: text('employee_id').notNull(),
    managerId: text('manager_id'),
    name: text('name'),
    email: text('email'),
    title: text('title'),
    level: text('level'),
    track: text('track'),
    department: text('department'),
    location: text('location'),
    costCenter: text('cost_center'),
    employmentType: text('employment_type'),
    hireDate: date('hire_date', { mode: 'string' }),
    levelStartDate: date('level_start_date', { mode: 'string' }),
    githubLogin: text('github_login'),
    status: text('status').notNull().default('filled'),
    aggregatedCount: doublePrecision('aggregated_count'),
    /** annual cost of one person (per FTE on aggregated rows); null when the file gives none */
    annualCost: doublePrecision('annual_cost'),
  },
  (t) => [
    uniqueIndex('people_snapshot_employee_idx').on(t.snapshotId, t.employeeId),
    index('people_snapshot_manager_idx').on(t.snapshotId, t.managerId),
  ],
);

/** Header mappings saved per source (a normalised header signature), offered on the next upload. */
export const headerMappings = pgTable('header_mappings', {
  sourceKey: text('source_key').primaryKey(),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
