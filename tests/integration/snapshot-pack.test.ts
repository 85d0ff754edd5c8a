/**
 * Snapshot packs (issue #13): an import writes the pack of each snapshot in its transaction, and
 * it holds the very records the people rows give (a CSV, an organogram pair with junior FTE and
 * costs, day-first dates); a snapshot without a pack (imported before packs were written at
 * import) gets one behind its first load; deleting the snapshot deletes its pack.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache, loadPrepared, resolveSnapshot } from '@/lib/dal/snapshot-data';
import { readSnapshotRecords } from '@/lib/dal/snapshot-pack';
import type { OrgRecord } from '@/lib/metrics/types';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

const fixture = (f: string) => path.resolve(process.cwd(), 'tests/fixtures', f);
const FILE = fixture('org/small-org-2024-01-31.csv');
const OTHERS = [
  [fixture('fte/organogram-2024-03-31-senior.csv'), fixture('fte/organogram-2024-03-31-junior.csv')],
  [fixture('structure/small-org-cost.csv')],
  [fixture('orgs/beta-2024-01-31.csv')],
];

const byRow = (records: readonly OrgRecord[]) =>
  [...records].sort((a, b) => a.row - b.row || (a.employeeId < b.employeeId ? -1 : 1));

/** The records of a snapshot as its people rows give them (its pack set aside and put back). */
async function recordsFromRows(id: number): Promise<OrgRecord[]> {
  const rowsOnly = <T>(text: string, params: unknown[]) =>
    /snapshot_packs/.test(text) ? Promise.resolve([] as T[]) : rawQuery<T>(text, params);
  return readSnapshotRecords(id, rowsOnly);
}

async function packCount(id: number): Promise<number> {
  const rows = await rawQuery<{ n: number | string }>(
    'select count(*) as n from snapshot_packs where snapshot_id = $1',
    [id],
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitForPack(id: number): Promise<void> {
  for (let k = 0; k < 100 && (await packCount(id)) === 0; k++) await new Promise((r) => setTimeout(r, 50));
}

describe.each(backends())('snapshot packs on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    const { result } = await importFiles([FILE], {}, () => undefined);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('written at import, read back equal to the rows', async () => {
    const ref = await resolveSnapshot(TEST_ORG_ID);
    expect(await packCount(ref.id)).toBe(1);
    // Read through a query that refuses the people table: the records must come from the pack.
    const packOnly = <T>(text: string, params: unknown[]) =>
      /from people/.test(text)
        ? Promise.reject(new Error('read the people rows'))
        : rawQuery<T>(text, params);
    const fromPack = await readSnapshotRecords(ref.id, packOnly);
    expect(fromPack.length).toBeGreaterThan(5);
    expect(fromPack).toEqual(await recordsFromRows(ref.id));
    const snap = await loadPrepared(ref);
    expect(snap.tree.size).toBe(fromPack.length);
  });

  it('other kinds of file: each pack holds the records its rows give', async () => {
    // Each a version of one date: every version keeps its own people rows and pack.
    for (const files of OTHERS) {
      const { result } = await importFiles(files, { asOf: '2024-03-31' }, () => undefined);
      expect(result.ok, files[0]).toBe(true);
    }
    const snaps = await rawQuery<{ id: number; n: number }>(
      'select s.id, (select count(*)::int from people p where p.snapshot_id = s.id) as n from snapshots s',
      [],
    );
    expect(snaps.length).toBe(1 + OTHERS.length);
    for (const { id, n } of snaps) {
      expect(await packCount(id)).toBe(1);
      const packOnly = <T>(text: string, params: unknown[]) =>
        /from people/.test(text) ? Promise.reject(new Error('people rows')) : rawQuery<T>(text, params);
      const fromPack = await readSnapshotRecords(id, packOnly);
      expect(fromPack.length).toBe(n);
      // A senior and a junior file both have a row 2: the rows' order among equal row numbers is
      // the database's, so the two are compared in one order (row, then id).
      expect(byRow(fromPack)).toEqual(byRow(await recordsFromRows(id)));
    }
  });

  it('a snapshot without a pack gets one behind its first load', async () => {
    const ref = await resolveSnapshot(TEST_ORG_ID);
    await rawQuery('delete from snapshot_packs where snapshot_id = $1', [ref.id]);
    clearPreparedCache();
    const fromRows = await readSnapshotRecords(ref.id);
    await waitForPack(ref.id);
    expect(await packCount(ref.id)).toBe(1);
    expect(await readSnapshotRecords(ref.id)).toEqual(fromRows);
  });

  it('deleting the snapshot deletes its pack', async () => {
    const ref = await resolveSnapshot(TEST_ORG_ID);
    await rawQuery('delete from snapshots where id = $1', [ref.id]);
    expect(await packCount(ref.id)).toBe(0);
  });
});
