import { customType, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** What a finished report holds, as far as rights go (see lib/dal/reports/access.ts). */
export interface ReportAccess {
  role: 'admin' | 'hr' | 'leader' | 'viewer';
  /** the subtree the report covers (its root employee id), null = the whole organisation */
  subtree: string | null;
  /** the snapshot the report was drawn from */
  asOf: string;
  includesPeople: boolean;
  /** small groups were suppressed in it */
  suppressed: boolean;
  /** the scenarios it holds (each re-checked at download: the user must still see it) */
  scenarios?: number[];
}

/**
 * Report exports run in the background: one row per request, with progress while it runs and the
 * finished file kept in the database (not on one server's disk) so any app instance can serve the
 * download. Old rows are pruned when new reports start.
 */
export const reportJobs = pgTable(
  'report_jobs',
  {
    id: serial('id').primaryKey(),
    /** the organisation it belongs to (SPEC "Organisations") */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** users.id of the requester; null for the command line */
    createdBy: integer('created_by'),
    createdByEmail: text('created_by_email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    stage: text('stage').notNull().default(''),
    params: jsonb('params').notNull(),
    /** what the report covers, as printed on it (scope and snapshot) */
    summary: jsonb('summary').notNull().default({}),
    file: bytea('file'),
    filename: text('filename'),
    contentType: text('content_type'),
    bytes: integer('bytes'),
    error: text('error'),
    /**
     * The rights the finished file was made with (role, subtree, person-level, suppression);
     * a download re-checks them against the user's current role and scope.
     */
    access: jsonb('access').$type<ReportAccess>(),
  },
  (t) => [index('report_jobs_created_by_idx').on(t.createdBy, t.createdAt)],
);
