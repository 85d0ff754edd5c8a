/**
 * Dashboard requests resolved from stored rows (lib/dal/dashboards/stored-request.ts, issue #13):
 * the unit (org, department, a manager's subtree, a leader's scope by preorder arithmetic on
 * stored unit points) and the privacy floor (stored reader marks) without the snapshot's tree.
 * For every reader, snapshot and unit asked for, the request must resolve exactly as the tree path
 * does (same unit, same 404, same floor), and every family must give the same answer from it as
 * from the full context over the tree. The trends fixtures (A, C, B imported in that order) change
 * shape between snapshots, so units cross the minimum group size (5) both ways.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import {
  contextFromHead,
  loadDashboardHead,
  treeContextFromHead,
  type DashboardQuery,
} from '@/lib/dal/dashboards/context';
import { buildTrends } from '@/lib/dal/dashboards/trends';
import { buildFamily } from '@/lib/dal/dashboards/registry';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { DashboardFamily } from '@/lib/query/families';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/trends');
const [A, B, C] = ['01-31', '02-29', '03-31'].map((d) => path.join(DIR, `org-2024-${d}.csv`)) as [
  string,
  string,
  string,
];
const quiet = () => undefined;
/** hr and admin (no floor), a viewer of the whole organisation, leaders at three depths. */
const readers: Array<[string, Actor]> = [
  ...(['admin', 'hr', 'viewer'] as const).map((r): [string, Actor] => [r, testActor(r)]),
  ...['E1', 'E2', 'E4'].map((s): [string, Actor] => [`leader ${s}`, testActor('leader', s)]),
];
/** Trends and the AI view (without AI usage) answer from stored rows; the others through withTree(). */
const FAMILIES: DashboardFamily[] = [
  'trends',
  'ai',
  'overview',
  'structure',
  'ladder',
  'ceiling-risk',
  'off-target',
];

const trees = () =>
  (globalThis as { __strataCaches?: Map<string, { clear(): void; size: number }> }).__strataCaches?.get(
    'prepared-snapshots',
  );

/** Every query worth asking: the default, each employee as a subtree, an unknown id, departments. */
async function queries(): Promise<DashboardQuery[]> {
  const rows = await rawQuery<{ as_of: string | Date; id: string }>(
    `select distinct s.as_of, p.employee_id as id from people p join snapshots s on s.id = p.snapshot_id
     where s.is_current order by 1, 2`,
  );
  const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
  const dates = [...new Set(rows.map((r) => iso(r.as_of)))];
  return dates.flatMap((asOf) => [
    { asOf },
    { asOf, subtree: 'NOPE' },
    { asOf, department: 'Eng' },
    { asOf, department: 'Sales' },
    { asOf, department: 'Eng', subtree: 'E2' },
    ...rows.filter((r) => iso(r.as_of) === asOf).map((r) => ({ asOf, subtree: r.id })),
  ]);
}

type Outcome = { error: string } | { value: unknown };
async function outcome(f: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await f() };
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

/** The readers of organisation 1 (their scopes get floor marks at import). */
async function addReaders(): Promise<void> {
  for (const [email, role, scope] of [
    ['v@x.test', 'viewer', null],
    ['l1@x.test', 'leader', 'E1'],
    ['l2@x.test', 'leader', 'E2'],
    ['l4@x.test', 'leader', 'E4'],
  ] as const) {
    const [u] = await rawQuery<{ id: number }>(
      'insert into users (email, role, scope_employee_id) values ($1, $2, $3) returning id',
      [email, role, scope],
    );
    await rawQuery('insert into user_organisations (user_id, org_id) values ($1, 1)', [u?.id]);
  }
}

describe.each(backends())('dashboard requests from stored rows on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    expect((await importFiles([A], {}, quiet)).result.ok).toBe(true);
    // Readers exist from the second import on: A's floor marks are planned by a first request.
    await addReaders();
    for (const f of [C, B]) expect((await importFiles([f], {}, quiet)).result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('resolves every unit as the tree does, and every family answers the same', async () => {
    let fromStored = 0;
    let compared = 0;
    for (const [name, actor] of readers)
      for (const query of await queries()) {
        const key = `${name} ${JSON.stringify(query)}`;
        const head = await loadDashboardHead(actor, query);
        const viaTree = await outcome(() => treeContextFromHead(head));
        const viaStored = await outcome(() => contextFromHead(head));
        if ('error' in viaTree) {
          expect(viaStored, key).toEqual(viaTree);
          continue;
        }
        if (!('value' in viaStored)) throw new Error(`${key}: ${viaStored.error}`);
        const tree = viaTree.value as Awaited<ReturnType<typeof treeContextFromHead>>;
        const stored = viaStored.value as Awaited<ReturnType<typeof contextFromHead>>;
        const { unit } = tree;
        expect(
          {
            unit: {
              stored: stored.unit.stored,
              department: stored.unit.department,
              subtree: stored.unit.subtree,
            },
            suppress: stored.suppress,
            hidden: stored.hidden,
            canSeePeople: stored.canSeePeople,
            canSeeCost: stored.canSeeCost,
          },
          key,
        ).toEqual({
          unit: { stored: unit.stored, department: unit.department, subtree: unit.subtree },
          suppress: tree.suppress,
          hidden: tree.hidden,
          canSeePeople: tree.canSeePeople,
          canSeeCost: tree.canSeeCost,
        });
        if ((await stored.withTree()) === stored) continue; // the tree path itself
        fromStored++;
        for (const family of FAMILIES) {
          const p = new URLSearchParams();
          expect(await buildFamily(family, stored, p), `${key} ${family}`).toEqual(
            await buildFamily(family, tree, p),
          );
          compared++;
        }
      }
    // Many requests are answered from stored rows: the comparison is not vacuous.
    expect(fromStored).toBeGreaterThan(100);
    expect(compared).toBe(fromStored * FAMILIES.length);
  }, 600_000);

  it('answers 404 outside a leader scope without the tree', async () => {
    const head = await loadDashboardHead(testActor('leader', 'E4'), { subtree: 'E5' });
    clearPreparedCache();
    await expect(contextFromHead(head)).rejects.toThrow('That person is not in your scope.');
    expect(trees()?.size ?? 0).toBe(0);
  });
});

describe.each(backends())('Trends from stored rows, snapshots imported in date order, on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    await addReaders();
    for (const f of [A, B, C]) expect((await importFiles([f], {}, quiet)).result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it("answers a manager's Trends without loading any tree", async () => {
    const admin = testActor('admin');
    const leader = testActor('leader', 'E2');
    for (const [actor, query] of [
      [admin, { subtree: 'E4' }],
      [admin, {}],
      [admin, { department: 'Eng' }],
      [leader, { subtree: 'E4' }],
      [leader, {}],
      [testActor('viewer'), { department: 'Eng' }],
      [testActor('viewer'), { department: 'Sales' }],
    ] as Array<[Actor, DashboardQuery]>) {
      const head = await loadDashboardHead(actor, query);
      const expected = await buildTrends(await treeContextFromHead(head));
      clearPreparedCache();
      expect(await buildTrends(await contextFromHead(head))).toEqual(expected);
      expect(trees()?.size ?? 0, JSON.stringify(query)).toBe(0);
    }
  });
});
