/**
 * The org explorer without the tree (issue #13): GET /api/org/tree answered from the people
 * stored in preorder (people_order with the explorer's columns, migration 0015: children by
 * parent position, managers up the parent positions, a viewer's floor from their stored marks)
 * equals, to the byte, the answer from the snapshot's tree, for every reader (admin, hr, a viewer,
 * a leader), every snapshot, the reader's top, every manager as a root (one and three levels, a
 * later page) and people revealed, without any tree; rows stored without the explorer's columns
 * answer from the tree the same. On PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import { contextFromHead, loadDashboardHead, treeContextFromHead } from '@/lib/dal/dashboards/context';
import { answerOrgTree, buildOrgTree, orgTreePaths } from '@/lib/dal/dashboards/org-tree';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { testActor } from '../support/actors';
import { addReaders, largestManager, writeDemoFiles } from '../support/readers';
import { sameBothWays, snapshots, subtrees } from '../support/stored-views';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;

/** Every third person of a snapshot, in id order (the people a search would reveal). */
async function someone(id: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    'select employee_id as id from people where snapshot_id = $1 order by employee_id',
    [id],
  );
  return rows.filter((_, k) => k % 3 === 0).map((r) => r.id);
}

/** Everyone of a snapshot, posts and junior-staff rows included. */
async function allPeople(id: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    'select employee_id as id from people_order where snapshot_id = $1 order by employee_id',
    [id],
  );
  return rows.map((r) => r.id);
}

/**
 * Every reader x snapshot x request both ways: the stored path (answerOrgTree) against the tree
 * (buildOrgTree on the tree context). Returns how many answers came from stored rows per reader
 * role and snapshot, and checks those loaded no tree.
 */
async function compareAll(readers: Actor[], everyone = false): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const s of await snapshots()) {
    const managers = everyone ? await allPeople(s.id) : await subtrees(s.id);
    const requests = [
      '',
      'depth=3',
      ...managers.map((m) => `root=${m}`),
      ...managers.slice(0, 8).map((m) => `root=${m}&depth=3`),
      ...managers.slice(0, 4).map((m) => `root=${m}&offset=1`),
      ...(await someone(s.id)).map((p) => `reveal=${p}`),
      'root=nobody',
    ];
    for (const actor of readers)
      for (const params of requests) {
        const query = { asOf: s.asOf };
        const key = `${actor.role}${actor.scopeEmployeeId ?? ''} ${s.asOf} ${params}`;
        const head = await loadDashboardHead(actor, query);
        const p = () => new URLSearchParams(params);
        const r = await sameBothWays(
          key,
          async () => answerOrgTree(await contextFromHead(head), p()),
          async () => buildOrgTree(await treeContextFromHead(head), p()),
          () => orgTreePaths.stored,
        );
        if (r.stored) {
          const at = `${actor.role} ${s.asOf}`;
          stored.set(at, (stored.get(at) ?? 0) + 1);
        }
      }
  }
  return stored;
}

describe.each(backends())('The org explorer without the tree on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  let readers: Actor[] = [];
  let dates: string[] = [];

  beforeAll(async () => {
    clearPreparedCache();
    const demo = writeDemoFiles('strata-org-tree-stored-', { seed: 5, size: 160, months: 2 });
    dir = demo.dir;
    tdb = await createTestDb(backend);
    dates = demo.files.map((f) => /org-(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? '');
    readers = await addReaders(largestManager(demo.files.at(-1) ?? ''));
    expect((await importFiles(demo.files, {}, quiet)).result.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every reader, snapshot and node the same from stored rows as from the tree, without a tree', async () => {
    const stored = await compareAll([testActor('admin'), testActor('hr'), ...readers]);
    for (const role of ['admin', 'hr', 'viewer', 'leader'])
      for (const date of dates)
        expect(stored.get(`${role} ${date}`) ?? 0, `${role} ${date}`).toBeGreaterThan(20);
  }, 900_000);

  it('answers from the tree, the same, when the rows lack the explorer columns (stored before 0015)', async () => {
    await rawQuery("update metric_results set data = data - 'explorer' where family = 'people-order'");
    const stored = await compareAll([testActor('admin'), ...readers.filter((r) => r.role === 'viewer')]);
    expect([...stored.values()].reduce((x, y) => x + y, 0)).toBe(0);
  }, 600_000);
});

describe.each(backends())(
  'The org explorer of posts and junior-staff FTE without the tree on %s',
  (backend) => {
    let tdb: TestDb;
    beforeAll(async () => {
      clearPreparedCache();
      tdb = await createTestDb(backend);
      const dir = path.resolve(process.cwd(), 'tests/fixtures/fte');
      const files = ['senior', 'junior'].map((k) => path.join(dir, `organogram-2024-03-31-${k}.csv`));
      expect((await importFiles(files, {}, quiet)).result.ok).toBe(true);
    }, 120_000);
    afterAll(async () => {
      clearPreparedCache();
      await tdb.drop();
    });

    it('presents vacant posts and FTE rows the same from stored rows as from the tree', async () => {
      const stored = await compareAll([testActor('admin'), testActor('hr'), testActor('viewer')], true);
      expect([...stored.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(20);
    }, 300_000);
  },
);
