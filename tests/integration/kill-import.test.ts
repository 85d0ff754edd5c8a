/**
 * "Nothing is half-imported" under the worst interruption: kill -9 of a command-line import while
 * it is writing. A 200,000-row org file (generated here) is imported over an existing snapshot of
 * the same as-of date, so the killed transaction has already inserted its own snapshot row and
 * streamed part of its people (and, on PGlite, marked that snapshot "not current") when it dies. Afterwards the
 * database must be exactly as before, the old version still current, and still usable.
 * The kill lands while the people are being written: on PostgreSQL when the server shows the
 * COPY as active (the file is loaded while it is parsed), on PGlite when the data folder starts
 * to grow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { setDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importFiles } from '@/cli/commands/import-command';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { countTables, queryRows, startCli, waitForExit, type CliDatabase } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const SMALL = path.resolve(process.cwd(), 'tests/fixtures/org/small-org-2024-01-31.csv');
const ROWS = 200_000;
const quiet = () => undefined;

/** SPEC columns; P1 is the root, everyone else reports to P(floor((i - 2) / 8) + 1): 8 per manager. */
function writeBigOrg(file: string): void {
  const lines = ['Employee ID,Manager ID,Name,Job Title,Level,Department'];
  for (let i = 1; i <= ROWS; i++) {
    const manager = i === 1 ? '' : `P${Math.floor((i - 2) / 8) + 1}`;
    lines.push(`P${i},${manager},Person ${i},Engineer,IC${1 + (i % 4)},Dept ${i % 7}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Total bytes in a folder (PGlite's data files and WAL). */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    } catch {
      /* a file removed while we looked */
    }
  }
  return total;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the child's stderr shows `text` (rejects if it exits first). */
function waitForStderr(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (d: Buffer | string) => {
      seen += String(d);
      if (seen.includes(text)) resolve();
    });
    child.on('exit', () => reject(new Error(`the import ended before "${text}":\n${seen}`)));
  });
}

/** Polls until `ready` is true (or the time is up: the kill then happens anyway). */
async function waitUntil(ready: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ready()) return true;
    await sleep(20);
  }
  return false;
}

interface State {
  counts: Awaited<ReturnType<typeof countTables>>;
  current: Array<{ id: number; version: number }>;
}

async function readState(handle: DbHandle): Promise<State> {
  return {
    counts: await countTables(handle),
    current: await queryRows<{ id: number; version: number }>(
      handle,
      "select id, version from snapshots where as_of = '2024-01-31' and is_current order by id",
    ),
  };
}

describe.each(backends())('kill -9 during a command-line import on %s', (backend) => {
  let tmp = '';
  let big = '';
  let pg: TestDb | null = null;
  let dataDir = '';
  let handle: DbHandle;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-kill-'));
    big = path.join(tmp, 'big-org-2024-01-31.csv');
    writeBigOrg(big);
    if (backend === 'postgres') {
      pg = await createTestDb('postgres');
      handle = pg.handle;
    } else {
      // Managed here rather than by createTestDb: the folder is closed and reopened mid-test.
      dataDir = path.join(tmp, 'data');
      handle = await openDatabase({ dataDir });
      await migrateDatabase(handle);
      setDatabase(handle);
    }
    clearPreparedCache();
    const { result } = await importFiles([SMALL], {}, quiet);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    if (pg) await pg.drop();
    else await handle.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'leaves the database exactly as before, the earlier version current, and usable',
    { timeout: 120_000 },
    async () => {
      const before = await readState(handle);
      expect(before.current.map((s) => s.version)).toEqual([1]);

      let target: CliDatabase;
      let writing: () => Promise<boolean> | boolean;
      if (pg) {
        target = { url: pg.url ?? '' };
        writing = async () =>
          (
            await queryRows(
              handle,
              "select pid from pg_stat_activity where datname = current_database() and state = 'active' and query ilike 'copy people%'",
            )
          ).length > 0;
      } else {
        // PGlite is one process per folder: let go of it while the CLI runs.
        await handle.close();
        target = { dataDir };
        const baseline = folderBytes(dataDir);
        writing = () => folderBytes(dataDir) > baseline + 1_000_000;
      }

      const child = startCli(['import', big, '--json'], target);
      const exited = waitForExit(child);
      // PostgreSQL loads a file this big while parsing it; PGlite after (both print 'rows read').
      await waitForStderr(child, 'rows read');
      const caughtWriting = await waitUntil(writing, 30_000);
      child.kill('SIGKILL');
      const r = await exited;
      expect(r.signal).toBe('SIGKILL');
      expect(r.stderr).not.toContain('done snapshot');
      expect(r.stdout).toBe('');
      expect(caughtWriting).toBe(true);

      if (!pg) {
        // Reopening the folder after the crash must work (the stale lock of a dead pid is ignored).
        handle = await openDatabase({ dataDir });
        setDatabase(handle);
      } else {
        // The server drops the dead client's transaction; wait for that before writing again.
        expect(await waitUntil(async () => !(await writing()), 10_000)).toBe(true);
      }
      expect(await readState(handle)).toEqual(before);
      expect(await queryRows(handle, 'select id from snapshots where records > 1000')).toEqual([]);

      // Still usable: the next import of that date becomes version 2.
      clearPreparedCache();
      const { committed } = await importFiles([SMALL], {}, quiet);
      expect(committed.map((c) => [c.asOf, c.version])).toEqual([['2024-01-31', 2]]);
    },
  );
});
