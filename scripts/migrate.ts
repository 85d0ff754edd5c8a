// npm run db:migrate: applies the committed migrations to DATABASE_URL, else the PGlite data folder.
import { openDatabase, resolveDataDir } from '../db/client';
import { migrateDatabase } from '../db/migrate';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await handle.close();
  console.error(
    `[strata] migrations applied to ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${resolveDataDir()}`}`,
  );
}

main().catch((err: unknown) => {
  console.error('[strata] migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
