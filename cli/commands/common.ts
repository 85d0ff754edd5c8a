import { setDatabase } from '@/db';
import { openDatabase, resolveDataDir } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/** Wrong command-line words: exit code 2. */
export class CliUsageError extends Error {}

/** Opens the app's database (DATABASE_URL, else PGlite), migrates it, runs fn, closes it. */
export async function withCliDatabase(fn: () => Promise<number>): Promise<number> {
  const url = process.env.DATABASE_URL || undefined;
  const handle = await openDatabase({ url });
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    log(`database: ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${resolveDataDir()}`}`);
    return await fn();
  } finally {
    await handle.close();
  }
}

/** Progress and logs: stderr only, so stdout stays the result. */
export function log(message: string): void {
  process.stderr.write(`[strata] ${message}\n`);
}

/** Prints the result: JSON when asked, else the given human text. */
export function printResult(json: boolean, data: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human}\n`);
}
