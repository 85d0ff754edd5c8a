/**
 * People stored in preorder at import (people_order, lib/metrics/people-order.ts, issue #13): every
 * node of every snapshot has one row, a manager's subtree is the contiguous range its unit point
 * gives, and the Ceiling risk of a manager's subtree read from those rows and the stored ladder
 * steps equals, to the byte, the answer computed from the tree, for every reader (admin, hr, a
 * viewer, a leader, through their stored floor marks), every snapshot and every manager, without
 * any tree. A
 * snapshot whose step chain an out-of-order import broke, and a snapshot without rows, answer from
 * the tree the same. On PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import { buildCeilingRisk, ceilingRiskFromTree, ceilingRiskPaths } from '@/lib/dal/dashboards/ceiling-risk';
import { contextFromHead, loadDashboardHead, treeContextFromHead } from '@/lib/dal/dashboards/context';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache, loadPrepared, type SnapshotRef } from '@/lib/dal/snapshot-data';
import { testActor } from '../support/actors';
import { addReaders, largestManager, writeDemoFiles } from '../support/readers';
import { snapshots, subtrees, trees } from '../support/stored-views';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;

/**
 * Every reader x snapshot x subtree (and the org) both ways: the stored path (buildCeilingRisk)
 * against the tree (ceilingRiskFromTree). Returns, per reader role and snapshot date ("admin
 * 2026-01-31"), how many answers came from the stored rows, and checks those loaded no tree.
 */
async function compareAll(readers: Actor[]): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const s of await snapshots())
    for (const actor of readers)
      for (const subtree of [undefined, ...(await subtrees(s.id))]) {
        const query = subtree ? { asOf: s.asOf, subtree } : { asOf: s.asOf };
        const key = `${actor.role}${actor.scopeEmployeeId ?? ''} ${JSON.stringify(query)}`;
        const head = await loadDashboardHead(actor, query);
        clearPreparedCache();
        const before = ceilingRiskPaths.stored;
        let fromStored: unknown;
        try {
          fromStored = await buildCeilingRisk(await contextFromHead(head));
        } catch (e) {
          await expect(treeContextFromHead(head), key).rejects.toThrow((e as Error).message);
          continue;
        }
        if (ceilingRiskPaths.stored > before) {
          expect(trees(), `${key} built a tree`).toBe(0);
          const at = `${actor.role} ${s.asOf}`;
          stored.set(at, (stored.get(at) ?? 0) + 1);
        }
        const fromTree = await ceilingRiskFromTree(await treeContextFromHead(head));
        expect(fromStored, key).toStrictEqual(fromTree);
      }
  return stored;
}

describe.each(backends())('People in preorder and Ceiling risk without the tree on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  let readers: Actor[] = [];
  let dates: string[] = [];
  let files: string[] = [];

  beforeAll(async () => {
    clearPreparedCache();
    const demo = writeDemoFiles('strata-people-order-', { seed: 11, size: 220, months: 4 });
    dir = demo.dir;
    files = demo.files;
    tdb = await createTestDb(backend);
    const [a, b, c, d] = files;
    if (a === undefined || b === undefined || c === undefined || d === undefined)
      throw new Error('four snapshots expected');
    dates = files.map((f) => /org-(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? '');
    readers = await addReaders(largestManager(d));
    // Two in one upload, the fourth in a second one (its chain runs through committed steps), the
    // third last: out of date order, so the fourth's stored chain no longer matches the series.
    expect((await importFiles([a, b], {}, quiet)).result.ok).toBe(true);
    expect((await importFiles([d], {}, quiet)).result.ok).toBe(true);
    expect((await importFiles([c], {}, quiet)).result.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every node in preorder, each subtree one range of the primary key', async () => {
    for (const s of await snapshots()) {
      const ref: SnapshotRef = { id: s.id, asOf: s.asOf, orgId: 1 };
      const snap = await loadPrepared(ref);
      const rows = await rawQuery<{ pre: number; size: number; employee_id: string; layer: number }>(
        'select pre, size, employee_id, layer from people_order where snapshot_id = $1 order by pre',
        [s.id],
      );
      expect(rows.length).toBe(snap.tree.size);
      rows.forEach((r, k) => expect(r.pre).toBe(k));
      // The stored unit point of each manager names the same range as the row of its root.
      const points = await rawQuery<{ scope_key: string }>(
        "select scope_key from metric_results where snapshot_id = $1 and family = 'point'",
        [s.id],
      );
      expect(points.length).toBeGreaterThan(10);
      const byId = new Map(rows.map((r) => [r.employee_id, r]));
      for (const { scope_key: id } of points) {
        const root = byId.get(id);
        const i = snap.tree.indexById.get(id) ?? -1;
        expect(root?.size, id).toBe((snap.tree.descendantCount[i] ?? 0) + 1);
        expect(root?.layer, id).toBe(snap.tree.layer[i]);
        const inRange = rows
          .slice(root?.pre ?? 0, (root?.pre ?? 0) + (root?.size ?? 0))
          .map((r) => r.employee_id);
        const nodes = [...snap.tree.preorder.subarray(snap.tree.preorderIndex[i] ?? 0)].slice(
          0,
          root?.size ?? 0,
        );
        expect(inRange).toStrictEqual(nodes.map((n) => snap.tree.records[n]?.employeeId ?? ''));
      }
    }
  }, 300_000);

  it('answers every reader, snapshot and manager the same from stored rows as from the tree, without a tree where the steps chain', async () => {
    const all = [testActor('admin'), testActor('hr'), ...readers];
    const stored = await compareAll(all);
    // The first three snapshots chain; the fourth was folded on the second before the third came.
    const [a, b, c, d] = dates;
    for (const role of ['admin', 'hr', 'viewer', 'leader'])
      for (const date of [a, b, c])
        expect(stored.get(`${role} ${date}`) ?? 0, `${role} ${date}`).toBeGreaterThan(10);
    for (const role of ['admin', 'hr', 'viewer', 'leader']) expect(stored.get(`${role} ${d}`) ?? 0).toBe(0);
  }, 900_000);

  it('answers a reader whose floor marks lack the plan on IC counts from the tree, which stores it anew', async () => {
    const withIc = async () =>
      (
        await rawQuery<{ n: number }>(
          "select count(*)::int as n from metric_results where family = 'reader-floor' and data ? 'icDepartments'",
        )
      )[0]?.n ?? 0;
    const marks = await withIc();
    expect(marks).toBeGreaterThanOrEqual(2 * 4);
    await rawQuery(
      "update metric_results set data = data - 'icTotal' - 'icShown' - 'icDepartments' where family = 'reader-floor'",
    );
    const viewer = readers.find((r) => r.role === 'viewer') ?? testActor('viewer');
    const head = await loadDashboardHead(viewer, {
      asOf: dates[0] ?? '',
      subtree: largestManager(files[0] ?? ''),
    });
    const before = ceilingRiskPaths.stored;
    const answer = await buildCeilingRisk(await contextFromHead(head));
    expect(ceilingRiskPaths.stored).toBe(before);
    expect(answer).toStrictEqual(await ceilingRiskFromTree(await treeContextFromHead(head)));
    for (let k = 0; k < 100 && (await withIc()) === 0; k++) await new Promise((r) => setTimeout(r, 50));
    expect(await withIc()).toBeGreaterThan(0);
  }, 300_000);

  it('answers from the tree, the same, when a snapshot has no stored rows (imported before people_order)', async () => {
    // As a snapshot imported before people_order: no rows, and no facts row beside them.
    await rawQuery('delete from people_order');
    await rawQuery("delete from metric_results where family = 'people-order'");
    const stored = await compareAll([testActor('admin')]);
    expect([...stored.values()].reduce((x, y) => x + y, 0)).toBe(0);
  }, 600_000);
});
