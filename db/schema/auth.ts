import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** SPEC roles: admin > hr > leader > viewer. */
export const roleEnum = pgEnum('role', ['admin', 'hr', 'leader', 'viewer']);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** bcrypt hash; null for SSO-only accounts. Never the password itself. */
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull().default('viewer'),
    /** null = whole organisation; otherwise the subtree rooted at this employee id. */
    scopeEmployeeId: text('scope_employee_id'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** Failed sign-in counters per key ("acct:<email>" or "ip:<address>"), shared by all app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('login_attempts_window_idx').on(t.windowStart)],
);
