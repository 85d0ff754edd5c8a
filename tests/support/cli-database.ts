/**
 * The database a command-line suite runs its child processes on: a fresh PostgreSQL database, or an
 * empty PGlite folder (the CLI migrates it on first use). Registers the suite's beforeAll/afterAll.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import type { CliDatabase } from './cli';
import { createTestDb, type Backend, type TestDb } from './test-db';

export interface CliTestDatabase {
  /** what runCli is given (set once beforeAll has run). */
  readonly target: CliDatabase;
  /** the PGlite folder ('' on PostgreSQL). */
  readonly dataDir: string;
  /** Reads the database between CLI calls (PGlite: opens the folder only while no CLI runs). */
  inspect<T>(fn: (h: DbHandle) => Promise<T>): Promise<T>;
}

/** Creates the database before the suite and removes it after. */
export function useCliDatabase(backend: Backend): CliTestDatabase {
  let pg: TestDb | null = null;
  let dataDir = '';
  let target: CliDatabase | null = null;
  beforeAll(async () => {
    if (backend === 'postgres') {
      pg = await createTestDb('postgres');
      target = { url: pg.url ?? '' };
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-cli-'));
      target = { dataDir };
    }
  });
  afterAll(async () => {
    await pg?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get target(): CliDatabase {
      if (target === null) throw new Error('the CLI database is set up in beforeAll');
      return target;
    },
    get dataDir(): string {
      return dataDir;
    },
    async inspect<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
      if (pg) return fn(pg.handle);
      const handle = await openDatabase({ dataDir });
      try {
        return await fn(handle);
      } finally {
        await handle.close();
      }
    },
  };
}
