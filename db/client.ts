import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Raw access for what the query builder cannot do (COPY, bulk statements). */
export type RawClient = { kind: 'postgres'; sql: Sql } | { kind: 'pglite'; pg: PGlite };

export interface DbHandle {
  db: Db;
  raw: RawClient;
  /** Runs SQL text with no parameters (DDL, maintenance). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

/** Where the embedded database lives: STRATA_DATA_DIR, else ./.data in the working directory. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.STRATA_DATA_DIR || '.data');
}

/** Opens postgres.js when a URL is given, else PGlite in the data folder. */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const sql = postgres(opts.url, {
      max: 10,
      onnotice: () => undefined,
      connection: { application_name: 'strata' },
    });
    const db = drizzle(sql, { schema }) as unknown as Db;
    return {
      db,
      raw: { kind: 'postgres', sql },
      exec: async (text) => {
        await sql.unsafe(text);
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dataDir = opts.dataDir ?? resolveDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const pg = await PGlite.create({ dataDir: path.join(dataDir, 'pg') });
  const db = drizzle(pg, { schema }) as unknown as Db;
  return {
    db,
    raw: { kind: 'pglite', pg },
    exec: async (text) => {
      await pg.exec(text);
    },
    close: async () => {
      await pg.close();
      releaseLock();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is single-process: two processes on one data folder would corrupt it. A pid lock file
 * turns that into a clear error (stop the server before using the command line, or use PostgreSQL).
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'strata.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseBusyError(
        `The embedded database in ${dataDir} is in use by another Strata process (pid ${pid}). ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
      );
    }
  } catch (err) {
    if (err instanceof DatabaseBusyError) throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

/** Thrown when the embedded database folder is held by another process. */
export class DatabaseBusyError extends Error {}
