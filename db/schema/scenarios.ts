import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { snapshots } from './org';

/** A scenario's operations as stored: the ops JSON (lib/scenarios/operations.ts), in order. */
export type StoredScenarioOps = Array<Record<string, unknown> & { op: string }>;

/**
 * Org design scenarios (issue #14): an ordered list of operations on a copy of one snapshot. The
 * snapshot's records are never changed; a scenario goes with the snapshot version it was made from
 * (ON DELETE cascade: its ids mean nothing without it). from_as_of keeps the date for lists.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** users.id of the owner; null when the command line made it */
    ownerUserId: integer('owner_user_id'),
    ownerEmail: text('owner_email').notNull(),
    fromSnapshotId: integer('from_snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    fromAsOf: date('from_as_of', { mode: 'string' }).notNull(),
    /** the subtree the scenario is about (a leader's scope root), null = the whole organisation */
    unitRootId: text('unit_root_id'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'draft' | 'proposed' | 'approved'>().notNull().default('draft'),
    ops: jsonb('ops').$type<StoredScenarioOps>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('scenarios_status_check', sql`${t.status} in ('draft', 'proposed', 'approved')`),
    index('scenarios_org_idx').on(t.orgId, t.updatedAt),
  ],
);
