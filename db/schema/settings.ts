import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Key/value organisation settings (min group size, executive layers, targets, ladder, ...). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
