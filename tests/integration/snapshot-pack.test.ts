/**
 * Snapshot packs (issue #13): an import writes none (it stays as fast as before); the first load
 * of a snapshot reads its people rows and writes the pack behind the answer; later loads read the
 * pack and get the very records the rows give; deleting the snapshot deletes its pack.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache, loadPrepared, resolveSnapshot } from '@/lib/dal/snapshot-data';
import { readSnapshotRecords } from '@/lib/dal/snapshot-pack';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

const FILE = path.resolve(process.cwd(), 'tests/fixtures/org/small-org-2024-01-31.csv');

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

  it('none after the import; written after the first load; read back equal to the rows', async () => {
    const ref = await resolveSnapshot(TEST_ORG_ID);
    expect(await packCount(ref.id)).toBe(0);
    const fromRows = await readSnapshotRecords(ref.id);
    await waitForPack(ref.id);
    expect(await packCount(ref.id)).toBe(1);
    // Read through a query that refuses the people table: the records must come from the pack.
    const packOnly = <T>(text: string, params: unknown[]) =>
      /from people/.test(text)
        ? Promise.reject(new Error('read the people rows'))
        : rawQuery<T>(text, params);
    expect(await readSnapshotRecords(ref.id, packOnly)).toEqual(fromRows);
    const snap = await loadPrepared(ref);
    expect(snap.tree.size).toBe(fromRows.length);
  });

  it('deleting the snapshot deletes its pack', async () => {
    const ref = await resolveSnapshot(TEST_ORG_ID);
    await rawQuery('delete from snapshots where id = $1', [ref.id]);
    expect(await packCount(ref.id)).toBe(0);
  });
});
