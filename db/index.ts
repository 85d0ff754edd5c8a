import { openDatabase, type DbHandle } from './client';
import { migrateDatabase } from './migrate';

export type { Db, DbHandle } from './client';
export * as schema from './schema';

const globalForDb = globalThis as unknown as { strataDb?: Promise<DbHandle> };

/**
 * The one database of this process: PGlite in the data folder when DATABASE_URL is unset, else
 * postgres.js. Migrations are applied on first use so a fresh install needs no extra step.
 */
export function getDatabase(): Promise<DbHandle> {
  globalForDb.strataDb ??= (async () => {
    const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
    await migrateDatabase(handle);
    return handle;
  })().catch((err: unknown) => {
    globalForDb.strataDb = undefined;
    throw err;
  });
  return globalForDb.strataDb;
}

/** Lets a command-line process use a handle it opened itself (same code path as the server). */
export function setDatabase(handle: DbHandle): void {
  globalForDb.strataDb = Promise.resolve(handle);
}
