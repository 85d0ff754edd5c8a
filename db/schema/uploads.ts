import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * An upload that has been validated but not committed yet. The bytes live in the database (not on
 * one server's disk) so any app instance can validate again or commit it. Cleared after 24 hours.
 */
export const pendingUploads = pgTable(
  'pending_uploads',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull().default('org'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    options: jsonb('options').notNull().default({}),
  },
  (t) => [index('pending_uploads_created_idx').on(t.createdAt)],
);

export const pendingUploadFiles = pgTable(
  'pending_upload_files',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => pendingUploads.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    name: text('name').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.idx] })],
);
