import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
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

/**
 * One row per tree node of a snapshot, in preorder (issue #13): a manager's subtree is the one
 * contiguous range pre BETWEEN pre[S] AND pre[S] + size[S] - 1 of the primary key, so its people
 * lists (ceiling risk, narrow spans) need no tree. Written at import with the unit points
 * (lib/metrics/people-order.ts); `ord` is the node's index in the tree, the order views list in.
 * The ceiling-risk columns are null for everyone but scored ICs, and all of them when the
 * snapshot's ladder steps did not chain at import.
 */
export const peopleOrder = pgTable(
  'people_order',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    pre: integer('pre').notNull(),
    size: integer('size').notNull(),
    ord: integer('ord').notNull(),
    employeeId: text('employee_id').notNull(),
    name: text('name'),
    title: text('title'),
    department: text('department'),
    level: text('level'),
    rank: doublePrecision('rank'),
    layer: smallint('layer').notNull(),
    kind: smallint('kind').notNull(),
    span: doublePrecision('span').notNull(),
    riskReasons: smallint('risk_reasons'),
    riskScore: doublePrecision('risk_score'),
    riskPressure: doublePrecision('risk_pressure'),
    riskMonths: doublePrecision('risk_months'),
    /** an aggregated row's junior-staff FTE (null: a person-level row) */
    fte: doublePrecision('fte'),
    annualCost: doublePrecision('annual_cost'),
    /** the record's manager id as imported (null: none); null in rows stored before 0015 */
    managerId: text('manager_id'),
    /** the declared track (lib/metrics/tracks.ts TrackCode); null in rows stored before 0015 */
    track: smallint('track'),
    /** a filled, non-aggregated record (lib/metrics/snapshot.ts isPerson); null before 0015 */
    person: boolean('person'),
    /** the explorer's columns (null before 0015): the manager's position, null for a root */
    parentPre: integer('parent_pre'),
    /** records reporting directly to the node */
    childCount: integer('child_count'),
    /** headcount weight below the node (roles subtreeSize) */
    below: doublePrecision('below'),
    /** an aggregated junior-staff row, its FTE as the explorer reads it (roles fte) and grade (record level, else title) */
    aggregated: boolean('aggregated'),
    nodeFte: doublePrecision('node_fte'),
    grade: text('grade'),
    /** junior-staff FTE below the node */
    juniorFteBelow: doublePrecision('junior_fte_below'),
    /** headcount weight of the node's direct individual contributors (aggregated rows aside) */
    directIcs: doublePrecision('direct_ics'),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.pre] }),
    index('people_order_snapshot_employee_idx').on(t.snapshotId, t.employeeId),
    index('people_order_snapshot_parent_idx').on(t.snapshotId, t.parentPre),
  ],
);
