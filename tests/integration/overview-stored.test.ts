/**
 * The Overview read from facts stored at import (lib/views/overview-facts.ts, issue #13): for the
 * organisation, every department and every manager's subtree, the answer from the stored facts
 * equals the answer computed from the snapshot's tree, and the stored path builds no tree; with the
 * stored facts deleted (a snapshot imported before they existed) the Overview falls back to the
 * tree and answers the same. On a small demo company (deep subtrees, several departments, three
 * snapshots) and on an organogram with aggregated junior-staff rows (FTE), on PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import {
  contextFromHead,
  loadDashboardHead,
  treeContextFromHead,
  type DashboardQuery,
  type DashboardRequest,
} from '@/lib/dal/dashboards/context';
import { buildLadder, ladderFromTree } from '@/lib/dal/dashboards/ladder';
import { buildOverview, overviewFromTree } from '@/lib/dal/dashboards/overview';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { LADDER_FACTS_FAMILY } from '@/lib/views/ladder-facts';
import { OVERVIEW_FAMILY } from '@/lib/views/overview-facts';
import { testActor } from '../support/actors';
import { addReaders, largestManager, writeDemoFiles } from '../support/readers';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
const FTE = path.resolve(process.cwd(), 'tests/fixtures/fte');

/** How many prepared trees the process holds (the tree path loads one per snapshot asked for). */
const trees = () =>
  (globalThis as { __strataCaches?: Map<string, { size: number }> }).__strataCaches?.get('prepared-snapshots')
    ?.size ?? 0;

const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Answers given without a tree, by the unit's scope type. */
interface Counts {
  org: number;
  department: number;
  subtree: number;
}

interface Unit {
  query: DashboardQuery;
  /** the import stored this unit's Overview facts */
  stored: boolean;
}

/** The organisation, every department and every person as a subtree, in every current snapshot. */
async function units(family = OVERVIEW_FAMILY): Promise<Unit[]> {
  const snaps = await rawQuery<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where is_current order by as_of',
  );
  const out: Unit[] = [];
  for (const s of snaps) {
    const asOf = iso(s.as_of);
    const facts = await rawQuery<{ scope_type: string; scope_key: string }>(
      'select scope_type, scope_key from metric_results where snapshot_id = $1 and family = $2',
      [s.id, family],
    );
    const has = new Set(facts.map((f) => `${f.scope_type}:${f.scope_key}`));
    const departments = await rawQuery<{ department: string }>(
      'select distinct department from people where snapshot_id = $1 and department is not null order by 1',
      [s.id],
    );
    // Every manager, and a few people without reports (no stored facts: the tree answers).
    const people = await rawQuery<{ id: string }>(
      `select distinct employee_id as id from people p where snapshot_id = $1
         and (exists (select 1 from people r where r.snapshot_id = $1 and r.manager_id = p.employee_id)
              or employee_id in (select employee_id from people where snapshot_id = $1 order by employee_id limit 3))
       order by 1`,
      [s.id],
    );
    out.push({ query: { asOf }, stored: has.has('org:') });
    for (const d of departments)
      out.push({ query: { asOf, department: d.department }, stored: has.has(`department:${d.department}`) });
    for (const p of people) out.push({ query: { asOf, subtree: p.id }, stored: has.has(`subtree:${p.id}`) });
  }
  return out;
}

/** A view answered both ways: from stored rows where it can, and from the tree. */
interface View {
  family: string;
  stored: (req: DashboardRequest) => Promise<unknown>;
  tree: (req: DashboardRequest) => Promise<unknown>;
}
const OVERVIEW: View = { family: OVERVIEW_FAMILY, stored: buildOverview, tree: overviewFromTree };

/**
 * For each reader and unit: the Overview of the request resolved from stored rows (buildOverview)
 * against the one computed from the tree (overviewFromTree over the tree's context). With
 * `expectStored`, a unit with stored facts must be answered without loading any tree. Returns how
 * many answers came without a tree, by scope type (each stored call starts with no tree in memory).
 */
async function compareAll(readers: Actor[], expectStored: boolean, view: View = OVERVIEW): Promise<Counts> {
  const withoutTree: Counts = { org: 0, department: 0, subtree: 0 };
  for (const actor of readers)
    for (const { query, stored } of await units(view.family)) {
      const key = `${actor.role}${actor.scopeEmployeeId ?? ''} ${JSON.stringify(query)}`;
      const head = await loadDashboardHead(actor, query);
      clearPreparedCache();
      let fromStored: unknown;
      try {
        fromStored = await view.stored(await contextFromHead(head));
      } catch (e) {
        // Outside a leader's scope: the tree path must refuse it the same way.
        await expect(treeContextFromHead(head), key).rejects.toThrow((e as Error).message);
        continue;
      }
      const builtTree = trees() > 0;
      if (!builtTree) {
        const type = query.subtree ? 'subtree' : query.department ? 'department' : 'org';
        withoutTree[type] += 1;
      }
      // A leader's department lies inside their scope: its floor is planned on the tree
      // (stored-request.ts); a viewer's department is read from the stored marks.
      const scoped = actor.scopeEmployeeId !== null;
      if (expectStored && stored && !(scoped && query.department))
        expect(builtTree, `${key} built a tree`).toBe(false);
      const fromTree = await view.tree(await treeContextFromHead(head));
      expect(fromStored, key).toStrictEqual(fromTree);
    }
  return withoutTree;
}

describe.each(backends())('Overview from stored facts on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  let readers: Actor[] = [];
  const hiddenDepartments = new Set<string>();

  beforeAll(async () => {
    clearPreparedCache();
    const demo = writeDemoFiles('strata-overview-stored-', { seed: 7, size: 240, months: 3 });
    dir = demo.dir;
    const files = demo.files;
    tdb = await createTestDb(backend);
    expect(files.length).toBe(3);
    // The last snapshot first: the others are then imported out of date order.
    const [a, b, c] = files;
    if (a === undefined || b === undefined || c === undefined) throw new Error('three snapshots expected');
    readers = await addReaders(largestManager(c));
    expect((await importFiles([c], {}, quiet)).result.ok).toBe(true);
    expect((await importFiles([a, b], {}, quiet)).result.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers hr and admin for the org, every department and every manager subtree without a tree, as the tree does', async () => {
    const deep = await rawQuery<{ n: number }>(
      `select count(*)::int as n from metric_results o
       where o.family = $1 and o.scope_type = 'subtree' and not exists (
         select 1 from metric_results s where s.snapshot_id = o.snapshot_id and s.family = 'structure'
           and s.scope_type = 'subtree' and s.scope_key = o.scope_key)`,
      [OVERVIEW_FAMILY],
    );
    // Subtrees below the stored structure rows' layers are covered too (structure computed at import).
    expect(deep[0]?.n ?? 0).toBeGreaterThan(10);
    const counts = await compareAll([testActor('admin'), testActor('hr')], true);
    expect(counts.org).toBe(2 * 3);
    expect(counts.department).toBeGreaterThanOrEqual(2 * 3 * 3);
    expect(counts.subtree).toBeGreaterThan(2 * 3 * 20);
  }, 600_000);

  it('answers a leader and a viewer from stored facts without a tree, as the tree does, with a floor that hides departments', async () => {
    // The viewer's floor hides a department unit in every snapshot (one the department plan leaves out).
    const viewer = readers.find((a) => a.role === 'viewer') ?? testActor('viewer');
    for (const { query } of (await units()).filter((u) => !u.query.subtree)) {
      if (!query.department) continue;
      const ctx = await treeContextFromHead(await loadDashboardHead(viewer, query));
      if (ctx.hidden) hiddenDepartments.add(query.asOf ?? '');
    }
    expect(hiddenDepartments.size).toBe(3);
    // The floor hides something in every snapshot: each reader's department plan leaves out a
    // department of their scope (here the few executives under the leader's top, and complements).
    for (const actor of readers)
      for (const { query } of (await units()).filter((u) => !u.query.department && !u.query.subtree)) {
        const ctx = await treeContextFromHead(await loadDashboardHead(actor, query));
        const { tree } = ctx.snap;
        const nodes = ctx.unit.nodes ?? Int32Array.from({ length: tree.size }, (_, k) => k);
        const inScope = new Set([...nodes].map((k) => tree.records[k]?.department ?? ''));
        const planned = ctx.floor?.departments ?? new Set<string>();
        expect(
          [...inScope].filter((d) => !planned.has(d)).length,
          `${actor.role} ${query.asOf}`,
        ).toBeGreaterThan(0);
      }
    const counts = await compareAll(readers, true);
    expect(counts.org).toBe(2 * 3);
    // The viewer's departments (at least three in each snapshot), none of the leader's.
    expect(counts.department).toBeGreaterThanOrEqual(3 * 3);
    // The leader's scope holds a good part of the managers; the viewer sees them all.
    expect(counts.subtree).toBeGreaterThan(3 * 20);
  }, 600_000);

  it('answers the Ladder of every manager subtree from stored facts and steps without a tree, as the tree does, for every reader', async () => {
    const ladder: View = { family: LADDER_FACTS_FAMILY, stored: buildLadder, tree: ladderFromTree };
    const all = [testActor('admin'), testActor('hr'), ...readers];
    const counts = await compareAll(all, false, ladder);
    // Departments (and the org, but for a leader's own scope) still read the tree; subtrees whose steps chain do not.
    expect(counts.department).toBe(0);
    expect(counts.subtree).toBeGreaterThan(2 * 20);
  }, 600_000);

  it('answers a reader without stored floor marks from the tree, which keeps their marks for the next request', async () => {
    // Another minimum group size: the import planned no marks for it.
    await rawQuery(
      `insert into settings (org_id, key, value) values (1, 'minGroupSize', '7'::jsonb)
       on conflict (org_id, key) do update set value = excluded.value`,
    );
    const marks = async () =>
      (
        await rawQuery<{ n: number }>(
          `select count(*)::int as n from metric_results where family = 'reader-floor' and scope_key like '%|7'`,
        )
      )[0]?.n ?? 0;
    try {
      expect(await marks()).toBe(0);
      const head = await loadDashboardHead(readers[0] ?? testActor('viewer'), {});
      clearPreparedCache();
      const first = await buildOverview(await contextFromHead(head));
      expect(trees()).toBeGreaterThan(0);
      expect(first).toStrictEqual(await overviewFromTree(await treeContextFromHead(head)));
      // Every reader's first request in each snapshot plans their marks (kept behind the answer).
      await compareAll(readers, false);
      for (let k = 0; k < 100 && (await marks()) < 2 * 3; k++) await new Promise((r) => setTimeout(r, 50));
      expect(await marks()).toBe(2 * 3);
      const counts = await compareAll(readers, true);
      expect(counts.org).toBe(2 * 3);
      expect(counts.subtree).toBeGreaterThan(3 * 20);
    } finally {
      await rawQuery(`delete from settings where org_id = 1 and key = 'minGroupSize'`);
    }
  }, 600_000);

  it('falls back to the tree when the stored facts are missing, with the same answers', async () => {
    await rawQuery('delete from metric_results where family = $1', [OVERVIEW_FAMILY]);
    const head = await loadDashboardHead(testActor('admin'), {});
    clearPreparedCache();
    const answer = await buildOverview(await contextFromHead(head));
    expect(trees()).toBeGreaterThan(0);
    expect(answer).toStrictEqual(await overviewFromTree(await treeContextFromHead(head)));
    const counts = await compareAll([testActor('admin')], false);
    expect(counts.org + counts.department + counts.subtree).toBe(0);
  }, 600_000);
});

describe.each(backends())('Overview from stored facts with junior-staff FTE on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    const files = ['senior', 'junior'].map((k) => path.join(FTE, `organogram-2024-03-31-${k}.csv`));
    expect((await importFiles(files, {}, quiet)).result.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('shows the same senior posts, junior FTE and total FTE from stored facts as from the tree', async () => {
    const counts = await compareAll([testActor('hr')], true);
    expect(counts.org).toBe(1);
    const head = await loadDashboardHead(testActor('hr'), {});
    const o = await buildOverview(await contextFromHead(head));
    expect(o.fte).not.toBeNull();
  }, 300_000);
});
