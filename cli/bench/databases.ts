/**
 * Throw-away PostgreSQL databases for the benchmark: every import gets a fresh one, named
 * strata_bench_<pid>_<n>, and every database created here is dropped again (also on Ctrl-C).
 */
import postgres from 'postgres';

/** The server the benchmark uses (BENCH_DATABASE_URL, else the local test server). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const created = new Set<string>();
let counter = 0;

function admin() {
  return postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
}

/** The URL of a database on the benchmark server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database and returns its name and URL. */
export async function createBenchDatabase(): Promise<{ name: string; url: string }> {
  const name = `strata_bench_${process.pid}_${++counter}`;
  const sql = admin();
  try {
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  created.add(name);
  return { name, url: databaseUrl(name) };
}

/** Drops a database this process created. */
export async function dropBenchDatabase(name: string): Promise<void> {
  if (!created.has(name)) throw new Error(`refusing to drop ${name}: not created by this benchmark`);
  const sql = admin();
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  created.delete(name);
}

/** Leaves a database this process created in place (it is no longer dropped on exit). */
export function keepBenchDatabase(name: string): void {
  created.delete(name);
}

/** Drops every database this process created and has not dropped yet. */
export async function dropAllBenchDatabases(): Promise<void> {
  for (const name of [...created]) await dropBenchDatabase(name).catch(() => undefined);
}

/** Checks that the server answers, with a clear message when it does not. */
export async function checkServer(): Promise<string> {
  const sql = admin();
  try {
    const rows = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return rows[0]?.v ?? '?';
  } catch (err) {
    throw new Error(
      `cannot reach PostgreSQL at ${ADMIN_URL} (${err instanceof Error ? err.message : String(err)}); ` +
        'set BENCH_DATABASE_URL',
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}
