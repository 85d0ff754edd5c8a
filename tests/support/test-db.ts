import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { schema, setDatabase } from '@/db';

export type Backend = 'pglite' | 'postgres';

/** The server URL integration tests use for PostgreSQL: TEST_DATABASE_URL, else DATABASE_URL. */
export const pgServerUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

/**
 * Backends to run integration suites on. PGlite always; PostgreSQL when a URL is configured.
 * In CI a missing URL is a failure, never a silent skip.
 */
export function backends(): Backend[] {
  if (!pgServerUrl && process.env.CI)
    throw new Error('CI must set TEST_DATABASE_URL: integration tests may not skip PostgreSQL.');
  if (!pgServerUrl)
    console.warn('[tests] TEST_DATABASE_URL not set: PostgreSQL integration runs skipped (PGlite only).');
  return pgServerUrl ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb {
  handle: DbHandle;
  url: string | null;
  dataDir: string | null;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database of its own (never touching others) and makes it the process database;
 * migrated unless `migrate: false` (a migration test applies its own steps).
 */
export async function createTestDb(backend: Backend, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = opts.migrate ?? true;
  const handle = await openFresh(backend);
  if (migrate) {
    await migrateDatabase(handle.handle);
    await createTestOrg(handle.handle);
  }
  setDatabase(handle.handle);
  return handle;
}

/** The organisation every test actor works in (tests/support/actors.ts: orgId 1). */
export const TEST_ORG_ID = 1;

/** Creates the test organisation (id 1) in a freshly migrated database. */
async function createTestOrg(handle: DbHandle): Promise<void> {
  await handle.db.insert(schema.organisations).values({ id: TEST_ORG_ID, name: 'Test organisation' });
  // The serial moves past the id given by hand, so organisations created later get 2, 3, ...
  const text = "select setval(pg_get_serial_sequence('organisations', 'id'), 1)";
  if (handle.raw.kind === 'postgres') await handle.raw.sql.unsafe(text);
  else await handle.raw.pg.query(text);
}

async function openFresh(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-test-'));
    const handle = await openDatabase({ dataDir });
    return {
      handle,
      url: null,
      dataDir,
      drop: async () => {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `strata_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(pgServerUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(pgServerUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = await openDatabase({ url });
  return {
    handle,
    url,
    dataDir: null,
    drop: async () => {
      await handle.close();
      const a = postgres(pgServerUrl, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
