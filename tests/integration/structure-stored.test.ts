/**
 * Structure (and Off-target) of a manager's subtree from the people stored in preorder at import
 * (people_order, issue #13): for every reader (admin, hr, a viewer and a leader through their
 * stored floor marks), every snapshot and every manager (and two people without reports), the
 * answer read from stored rows equals, to the byte, the answer computed from the tree, and loads
 * no tree. A demo company with costs, some missing in one snapshot, so the Cost card and its
 * coverage rule are exercised. A
 * snapshot whose rows predate FTE and cost (facts without `costs`) answers from the tree the same.
 * On PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import { contextFromHead, loadDashboardHead, treeContextFromHead } from '@/lib/dal/dashboards/context';
import type { DashboardRequest } from '@/lib/dal/dashboards/context';
import { buildLadder, ladderFromTree, ladderPaths } from '@/lib/dal/dashboards/ladder';
import { buildOffTarget, offTargetFromTree, offTargetPaths } from '@/lib/dal/dashboards/off-target';
import { buildStructure, structureFromTree, structurePaths } from '@/lib/dal/dashboards/structure';
import { rawQuery } from '@/lib/dal/raw-query';
import { readTargets, updateTargets } from '@/lib/dal/targets';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { testActor } from '../support/actors';
import { addReaders, largestManager, writeDemoFiles } from '../support/readers';
import { snapshots, subtrees, trees } from '../support/stored-views';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;

/** A family both ways: the builder (stored rows where they answer), the tree path, and its stored-path counter. */
interface Family {
  name: string;
  build: (req: DashboardRequest) => Promise<unknown>;
  fromTree: (req: DashboardRequest) => Promise<unknown>;
  paths: { stored: number };
}

const structure: Family = {
  name: 'structure',
  build: buildStructure,
  fromTree: structureFromTree,
  paths: structurePaths,
};
const ladder: Family = { name: 'ladder', build: buildLadder, fromTree: ladderFromTree, paths: ladderPaths };
const offTarget: Family = {
  name: 'off-target',
  build: buildOffTarget,
  fromTree: offTargetFromTree,
  paths: offTargetPaths,
};

/**
 * Every reader x snapshot x subtree (and the org) both ways for every family. Returns, per family,
 * reader role and snapshot date ("structure admin 2026-01-31"), how many answers came from the
 * stored rows, and checks those loaded no tree.
 */
async function compareAll(
  readers: Actor[],
  families: Family[],
  units: 'all' | 'org' = 'all',
): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const s of await snapshots())
    for (const actor of readers)
      for (const subtree of [undefined, ...(units === 'org' ? [] : await subtrees(s.id))])
        for (const f of families) {
          const query = subtree ? { asOf: s.asOf, subtree } : { asOf: s.asOf };
          const key = `${f.name} ${actor.role}${actor.scopeEmployeeId ?? ''} ${JSON.stringify(query)}`;
          const head = await loadDashboardHead(actor, query);
          clearPreparedCache();
          const before = f.paths.stored;
          let fromStored: unknown;
          try {
            fromStored = await f.build(await contextFromHead(head));
          } catch (e) {
            await expect(treeContextFromHead(head), key).rejects.toThrow((e as Error).message);
            continue;
          }
          if (f.paths.stored > before) {
            expect(trees(), `${key} built a tree`).toBe(0);
            const at = `${f.name} ${actor.role} ${s.asOf}`;
            stored.set(at, (stored.get(at) ?? 0) + 1);
          }
          const fromTree = await f.fromTree(await treeContextFromHead(head));
          expect(fromStored, key).toStrictEqual(fromTree);
        }
  return stored;
}

describe.each(backends())('Structure and Off-target of a subtree without the tree on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  let readers: Actor[] = [];
  let dates: string[] = [];
  let scope = '';

  beforeAll(async () => {
    clearPreparedCache();
    const demo = writeDemoFiles('strata-structure-stored-', { seed: 7, size: 220, months: 3 });
    dir = demo.dir;
    // Every 13th person of the second snapshot without a cost: the Cost card's coverage rule (a
    // reader's top not fully costed hides money) then shows in its leader and viewer answers.
    const second = demo.files[1] ?? '';
    const csv = Papa.parse<string[]>(fs.readFileSync(second, 'utf8').trim(), { skipEmptyLines: true }).data;
    const cost = csv[0]?.indexOf('annual_cost') ?? -1;
    expect(cost).toBeGreaterThan(0);
    for (const [k, row] of csv.entries()) if (k > 0 && k % 13 === 0) row[cost] = '';
    fs.writeFileSync(second, Papa.unparse(csv) + '\n');
    tdb = await createTestDb(backend);
    dates = demo.files.map((f) => /org-(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? '');
    scope = largestManager(demo.files[demo.files.length - 1] ?? '');
    readers = await addReaders(scope);
    expect((await importFiles(demo.files, {}, quiet)).result.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores each person’s cost and the snapshot’s costs flag beside the rows', async () => {
    const [r] = await rawQuery<{ costed: number; all: number; costs: boolean }>(
      `select count(annual_cost)::int as costed, count(*)::int as all,
              (select (data->>'costs')::boolean from metric_results where family = 'people-order' limit 1) as costs
       from people_order`,
    );
    expect(r?.costs).toBe(true);
    expect(r?.costed).toBeGreaterThan(0);
    expect(r?.costed).toBeLessThan(r?.all ?? 0);
  });

  const all = () => [testActor('admin'), testActor('hr'), ...readers];
  const roles = ['admin', 'hr', 'viewer', 'leader'];

  it('answers every reader, snapshot and manager the same from stored rows as from the tree, without a tree', async () => {
    // No targets yet: Off-target has nothing to measure, for any unit, and reads no people.
    const stored = await compareAll(all(), [structure, offTarget]);
    for (const role of roles)
      for (const date of dates) {
        const at = `${role} ${date}`;
        expect(stored.get(`structure ${at}`) ?? 0, at).toBeGreaterThan(role === 'leader' ? 3 : 10);
        expect(stored.get(`off-target ${at}`) ?? 0, at).toBeGreaterThan(role === 'leader' ? 3 : 10);
      }
  }, 900_000);

  it('hides money from a viewer where their top is not fully costed, from stored rows as from the tree', async () => {
    const viewer = readers.find((r) => r.role === 'viewer') ?? testActor('viewer');
    const reasons: unknown[] = [];
    for (const asOf of dates) {
      const head = await loadDashboardHead(viewer, { asOf, subtree: scope });
      clearPreparedCache(); // a tree in memory would answer instead (./unit-rows.ts)
      const before = structurePaths.stored;
      const answer = await buildStructure(await contextFromHead(head));
      expect(structurePaths.stored).toBe(before + 1);
      reasons.push(answer.cost?.hiddenReason);
    }
    expect(reasons).toStrictEqual([null, 'partial-coverage', null]);
    // With the snapshot's tree in memory, the tree answers (the same) rather than a range read.
    const head = await loadDashboardHead(viewer, { asOf: dates[1] ?? '', subtree: scope });
    const tree = await structureFromTree(await treeContextFromHead(head));
    const before = structurePaths.stored;
    expect(await buildStructure(await contextFromHead(head))).toStrictEqual(tree);
    expect(structurePaths.stored).toBe(before);
  });

  it('measures every subtree against the targets the same from stored rows as from the tree', async () => {
    const [d] = await rawQuery<{ department: string }>(
      'select department from people where department is not null group by 1 order by count(*) desc limit 1',
    );
    await updateTargets(testActor('admin'), {
      org: { spanMin: 4, spanMax: 7, maxLayers: 4 },
      departments: { [d?.department ?? '']: { spanMin: 2, spanMax: 5 } },
    });
    expect((await readTargets(1)).targets?.org.spanMin).toBe(4);
    const stored = await compareAll(all(), [offTarget]);
    for (const role of roles)
      for (const date of dates)
        expect(stored.get(`off-target ${role} ${date}`) ?? 0, `${role} ${date}`).toBeGreaterThan(
          role === 'leader' ? 3 : 10,
        );
  }, 900_000);

  it('answers the Ladder of the organisation from stored facts and steps, the same, without a tree', async () => {
    const stored = await compareAll(all(), [ladder], 'org');
    // a leader's org is their scope (a subtree); everyone else reads the organisation's facts
    for (const role of ['admin', 'hr', 'viewer'])
      for (const date of dates) expect(stored.get(`ladder ${role} ${date}`), `${role} ${date}`).toBe(1);
    await rawQuery("delete from metric_results where family = 'ladder-unit' and scope_type = 'org'");
    expect(
      [...(await compareAll(all(), [ladder], 'org')).keys()].filter((k) => !k.includes('leader')),
    ).toStrictEqual([]);
  }, 600_000);

  it('answers from the tree, the same, when the rows predate FTE and cost', async () => {
    await rawQuery("update metric_results set data = data - 'costs' where family = 'people-order'");
    const stored = await compareAll([testActor('admin'), ...readers], [structure, offTarget]);
    expect([...stored.values()].reduce((x, y) => x + y, 0)).toBe(0);
  }, 600_000);
});
