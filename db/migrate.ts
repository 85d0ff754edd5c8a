import path from 'node:path';
import type { DbHandle } from './client';

/** The committed drizzle-kit migrations folder. */
export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');

/** Applies pending migrations (idempotent; safe at every start). */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.raw.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    await migrate(drizzle(handle.raw.sql), { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const { drizzle } = await import('drizzle-orm/pglite');
    await migrate(drizzle(handle.raw.pg), { migrationsFolder });
  }
}
