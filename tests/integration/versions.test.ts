/**
 * One current version per as-of date (issue #11, item 2). Two commits for the same date at the same
 * moment used to both become "current" version 1 and the dashboards picked either. Now commits for
 * one date queue on an advisory lock (version 1, then version 2, exactly one current), on every
 * path: the ordinary commit, and on PostgreSQL the streamed import whose transaction runs on a
 * worker thread's connection. A partial unique index backs the lock, and its migration first
 * repairs databases that already hold two current rows for one date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import type { DbHandle } from '@/db/client';
import type { Actor } from '@/lib/dal/actor';
import { ConflictError } from '@/lib/dal/errors';
import { importOrgFiles } from '@/lib/dal/snapshots';
import { listSnapshots } from '@/lib/dal/snapshot-list';
import { writeDemoCompany } from '@/cli/demo/write';
import { queryRows } from '../support/cli';
import { backends, createTestDb, type Backend, type TestDb } from '../support/test-db';

const hr: Actor = {
  userId: null,
  email: 'hr@example.com',
  name: 'HR',
  role: 'hr',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const AS_OF = '2025-01-31';

let tmp = '';
let file = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-versions-'));
  const summary = writeDemoCompany(tmp, { seed: 11, size: 1500, months: 2, endDate: AS_OF });
  file = path.join(tmp, summary.snapshots.at(-1)?.orgFile ?? '');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function versionsOf(handle: DbHandle, asOf: string) {
  return queryRows<{ version: number; is_current: boolean }>(
    handle,
    `select version, is_current from snapshots where as_of = '${asOf}' and format <> 'pending' order by version, id`,
  );
}

describe.each(backends())('one current version per date on %s', (backend: Backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('two commits for one date at the same time become versions 1 and 2, exactly one current', async () => {
    const [a, b] = await Promise.all([
      importOrgFiles(hr, [{ name: 'a.csv', path: file }], {}),
      importOrgFiles(hr, [{ name: 'b.csv', path: file }], {}),
    ]);
    expect([a.committed[0]?.version, b.committed[0]?.version].sort()).toEqual([1, 2]);
    expect(await versionsOf(tdb.handle, AS_OF)).toEqual([
      { version: 1, is_current: false },
      { version: 2, is_current: true },
    ]);
    const current = (await listSnapshots(hr, { currentOnly: true })).filter((s) => s.asOf === AS_OF);
    expect(current.map((s) => s.version)).toEqual([2]);
  }, 120_000);

  it.runIf(backend === 'postgres')(
    'the streamed import (worker-thread connection) queues on the same lock as the ordinary commit',
    async () => {
      const streamed = { streamMinBytes: 0 };
      const [a, b, c] = await Promise.all([
        importOrgFiles(hr, [{ name: 'c.csv', path: file }], {}, streamed),
        importOrgFiles(hr, [{ name: 'd.csv', path: file }], {}, streamed),
        importOrgFiles(hr, [{ name: 'e.csv', path: file }], {}),
      ]);
      expect([a, b, c].map((r) => r.committed[0]?.version).sort()).toEqual([3, 4, 5]);
      const rows = await versionsOf(tdb.handle, AS_OF);
      expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
      expect(rows.filter((r) => r.is_current)).toEqual([{ version: 5, is_current: true }]);
    },
    120_000,
  );

  it('the database itself refuses a second current version of a date, and the loser gets a 409', async () => {
    const { handle } = tdb;
    const insert = `insert into snapshots (as_of, version, is_current, format, uploaded_by, org_id)
                    values ('${AS_OF}', 99, true, 'csv', 'someone', 1)`;
    await expect(handle.exec(insert)).rejects.toThrow(/snapshots_one_current_idx|unique/i);
    const { asVersionConflict } = await import('@/lib/dal/version-lock');
    const err = await handle.exec(insert).catch((e: unknown) => asVersionConflict(e));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
  });
});

/** A copy of the migrations folder holding only the migrations before `first`. */
function migrationsBefore(first: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(first));
  expect(cut).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, cut);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries)
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateWith(handle: DbHandle, folder: string): Promise<void> {
  if (handle.raw.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    await migrate(drizzle(handle.raw.sql), { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const { drizzle } = await import('drizzle-orm/pglite');
    await migrate(drizzle(handle.raw.pg), { migrationsFolder: folder });
  }
}

describe.each(backends())('the one-current-version migration on %s', (backend: Backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend, { migrate: false });
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('applies to a database the race left with two current version-1 rows, keeping the later one', async () => {
    const { handle } = tdb;
    await migrateWith(handle, migrationsBefore('0004_'));
    const row = (asOf: string, version: number, current: boolean) =>
      `('${asOf}', ${version}, ${current}, 'csv', 'hr@example.com')`;
    await handle.exec(
      `insert into snapshots (as_of, version, is_current, format, uploaded_by) values
         ${row('2024-01-31', 1, false)}, ${row('2024-01-31', 2, true)}, ${row('2024-01-31', 2, true)},
         ${row('2024-02-29', 1, true)}, ${row('2024-02-29', 1, true)},
         ${row('2024-03-31', 1, true)}`,
    );
    await migrateDatabase(handle);
    const rows = await queryRows<{ as_of: string; version: number; is_current: boolean }>(
      handle,
      'select id, as_of::text as as_of, version, is_current from snapshots order by id',
    );
    expect(rows.map((r) => [r.as_of, r.version, r.is_current])).toEqual([
      ['2024-01-31', 1, false],
      ['2024-01-31', 2, false],
      ['2024-01-31', 3, true],
      ['2024-02-29', 1, false],
      ['2024-02-29', 2, true],
      ['2024-03-31', 1, true],
    ]);
    // Migration 0006 put the existing rows in one organisation, "Organisation 1" (no demo logins here).
    const orgs = await queryRows<{ id: number; name: string; is_demo: boolean; n: number }>(
      handle,
      'select o.id, o.name, o.is_demo, (select count(*)::int from snapshots s where s.org_id = o.id) as n from organisations o',
    );
    expect(orgs.map((o) => [o.name, o.is_demo, o.n])).toEqual([['Organisation 1', false, 6]]);
    await expect(
      handle.exec(
        `insert into snapshots (as_of, version, is_current, format, uploaded_by, org_id) values ('2024-03-31', 2, true, 'csv', 'x', ${orgs[0]?.id})`,
      ),
    ).rejects.toThrow(/snapshots_one_current_idx|unique/i);
  });
});
