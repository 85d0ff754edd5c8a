/**
 * Runs the Strata command line as a child process, the way a script would, and reads the
 * database from outside. The child is `node --import tsx scripts/strata.ts` (not the tsx wrapper,
 * which forks a second process): its pid is the process doing the work, so kill -9 really kills it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from '@/db/client';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts/strata.ts');

/** Which database the child uses: a PostgreSQL URL, or a PGlite folder (DATABASE_URL unset). */
export type CliDatabase = { url: string } | { dataDir: string };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: the parent's, minus any database setting, plus the one asked for. */
function cliEnv(db: CliDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.STRATA_DATA_DIR;
  if ('url' in db) env.DATABASE_URL = db.url;
  else env.STRATA_DATA_DIR = db.dataDir;
  return env;
}

/** Starts the CLI; the caller reads its streams and waits with waitForExit. */
export function startCli(args: string[], db: CliDatabase): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    env: cliEnv(db),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a started child's output until it exits. */
export function waitForExit(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI to completion. */
export function runCli(args: string[], db: CliDatabase): Promise<CliResult> {
  return waitForExit(startCli(args, db));
}

/** Rows of one SQL statement on either driver. */
export async function queryRows<T>(handle: DbHandle, text: string, params: unknown[] = []): Promise<T[]> {
  if (handle.raw.kind === 'postgres')
    return (await handle.raw.sql.unsafe(text, params as never[])) as unknown as T[];
  return (await handle.raw.pg.query<T>(text, params)).rows;
}

export interface TableCounts {
  snapshots: number;
  people: number;
  metricResults: number;
  audit: number;
  headerMappings: number;
}

/** Row counts of every table an import writes to: "nothing was stored" means these did not move. */
export async function countTables(handle: DbHandle): Promise<TableCounts> {
  const [r] = await queryRows<{ s: number; p: number; m: number; a: number; h: number }>(
    handle,
    `select (select count(*)::int from snapshots) as s, (select count(*)::int from people) as p,
            (select count(*)::int from metric_results) as m, (select count(*)::int from audit_log) as a,
            (select count(*)::int from header_mappings) as h`,
  );
  if (!r) throw new Error('count query returned no row');
  return { snapshots: r.s, people: r.p, metricResults: r.m, audit: r.a, headerMappings: r.h };
}
