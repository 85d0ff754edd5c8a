import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { snapshots } from './org';

/**
 * Metric results computed at import time (and when the ladder changes), read by dashboards.
 * scope_type: org | department | subtree; scope_key: '' | department name | employee id.
 */
export const metricResults = pgTable(
  'metric_results',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    family: text('family').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeKey: text('scope_key').notNull().default(''),
    data: jsonb('data').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.family, t.scopeType, t.scopeKey] }),
    index('metric_results_family_idx').on(t.family, t.scopeType),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * A snapshot's records packed into one value at import (lib/dal/snapshot-pack.ts), so a view that
 * needs the snapshot's tree reads one value instead of every people row (issue #13).
 */
export const snapshotPacks = pgTable('snapshot_packs', {
  snapshotId: integer('snapshot_id')
    .primaryKey()
    .references(() => snapshots.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});
