/**
 * Stored reader floors (lib/dal/dashboards/floor.ts): for a leader or viewer, Trends hides the
 * snapshots in which the reader's floor hid the unit. The marks stored at import (for the scopes of
 * the organisation's leaders and viewers) or by a first request must give exactly what planning
 * each snapshot's floor on its tree gives. The trends fixtures (A, C, B imported in that order;
 * the readers exist from the second import on, so A's marks are planned by a request) change
 * shape between snapshots, so units cross the minimum group size (5) both ways.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import {
  loadDashboardContext,
  type DashboardContext,
  type DashboardQuery,
} from '@/lib/dal/dashboards/context';
import { FLOOR_FAMILY, hiddenSnapshots } from '@/lib/dal/dashboards/floor';
import { rawQuery } from '@/lib/dal/raw-query';
import { resolveUnit } from '@/lib/dal/scope';
import { clearPreparedCache, listSeries, loadPrepared } from '@/lib/dal/snapshot-data';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { testActor } from '../support/actors';
import { everyManagerView } from '../support/managers';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/trends');
const A = path.join(DIR, 'org-2024-01-31.csv');
const B = path.join(DIR, 'org-2024-02-29.csv');
const C = path.join(DIR, 'org-2024-03-31.csv');
const quiet = () => undefined;
const readers: Array<[string, Actor]> = [
  ['viewer', testActor('viewer')],
  ['leader E1', testActor('leader', 'E1')],
  ['leader E2', testActor('leader', 'E2')],
  ['leader E4', testActor('leader', 'E4')],
];

/** How many prepared trees the process holds. */
const trees = () =>
  (globalThis as { __strataCaches?: Map<string, { size: number }> }).__strataCaches?.get('prepared-snapshots')
    ?.size ?? 0;

/** The oracle: each snapshot's floor planned on its tree, as Trends did before marks were stored. */
async function fromTrees(ctx: DashboardContext): Promise<Set<string>> {
  const out = new Set<string>();
  const want = { department: ctx.unit.department, subtree: ctx.unit.subtree };
  for (const ref of await listSeries(ctx.ref.orgId, ctx.ref.asOf)) {
    const snap = await loadPrepared(ref);
    let unit;
    try {
      unit = resolveUnit(ctx.actor, snap, want);
    } catch {
      continue;
    }
    const floor = readerFloor(snap.tree, ctx.actor.scopeEmployeeId, ctx.settings.minGroupSize);
    if (isUnitHidden(floor, snap.tree, unit)) out.add(ref.asOf);
  }
  return out;
}

/** Every (snapshot date, department) of the current snapshots, with an unknown department. */
async function everyDepartmentView(): Promise<Array<{ asOf: string; department: string }>> {
  const rows = await rawQuery<{ department: string }>(
    'select distinct department from people where department is not null order by 1',
  );
  const names = [...rows.map((r) => r.department), 'No such department'];
  const dates = [...new Set((await everyManagerView()).map((m) => m.asOf))];
  return dates.flatMap((asOf) => names.map((department) => ({ asOf, department })));
}

/**
 * For every reader, snapshot and manager, and every department (a leader's inside their scope):
 * [hidden from marks, hidden from trees, the unit's snapshots].
 */
async function compareAll(): Promise<Array<[string, string[], string[]]>> {
  const units: DashboardQuery[] = [
    ...(await everyManagerView()).map((m) => ({ asOf: m.asOf, subtree: m.id })),
    ...(await everyDepartmentView()),
  ];
  const out: Array<[string, string[], string[]]> = [];
  for (const [name, actor] of readers)
    for (const m of units) {
      const asOf = m.asOf;
      let ctx;
      try {
        ctx = await loadDashboardContext(actor, m);
      } catch {
        continue; // outside this reader's scope
      }
      const marks = [...(await hiddenSnapshots(ctx))].sort();
      const trees = [...(await fromTrees(ctx))].sort();
      out.push([`${name} ${asOf} ${m.subtree ?? m.department}`, marks, trees]);
    }
  return out;
}

const markRows = async () =>
  rawQuery<{ snapshot_id: number; scope_key: string; data: unknown }>(
    `select snapshot_id, scope_key, data from metric_results where family = '${FLOOR_FAMILY}' order by 1, 2`,
  );

describe.each(backends())('stored reader floors on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    expect((await importFiles([A], {}, quiet)).result.ok).toBe(true);
    // The readers of organisation 1 (one leader disabled: no marks for E5).
    const users: Array<[string, string, string | null, boolean]> = [
      ['v@x.test', 'viewer', null, false],
      ['l1@x.test', 'leader', 'E1', false],
      ['l2@x.test', 'leader', 'E2', false],
      ['l4@x.test', 'leader', 'E4', false],
      ['l5@x.test', 'leader', 'E5', true],
      ['hr@x.test', 'hr', null, false],
    ];
    for (const [email, role, scope, disabled] of users) {
      const [u] = await rawQuery<{ id: number }>(
        'insert into users (email, role, scope_employee_id, disabled) values ($1, $2, $3, $4) returning id',
        [email, role, scope, disabled],
      );
      await rawQuery('insert into user_organisations (user_id, org_id) values ($1, 1)', [u?.id]);
    }
    for (const f of [C, B]) expect((await importFiles([f], {}, quiet)).result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('stores marks at import for the scopes of leaders and viewers only', async () => {
    const rows = await markRows();
    // C and B, each for '', E1, E2, E4 at the minimum of 5; A has none yet; hr and the disabled leader none.
    const keys = ['|5', 'E1|5', 'E2|5', 'E4|5'];
    expect(rows.map((r) => `${r.snapshot_id} ${r.scope_key}`).sort()).toEqual(
      [...new Set(rows.map((r) => r.snapshot_id))].flatMap((id) => keys.map((k) => `${id} ${k}`)).sort(),
    );
    expect(new Set(rows.map((r) => r.snapshot_id)).size).toBe(2);
  });

  it('hides exactly the snapshots the trees hide, for every reader and subtree', async () => {
    const all = await compareAll();
    expect(all.length).toBeGreaterThan(30);
    for (const [key, marks, trees] of all) expect(marks, key).toEqual(trees);
    // Some units are hidden in some snapshots and shown in others: the comparison is not vacuous.
    expect(all.some(([, , t]) => t.length > 0)).toBe(true);
    expect(all.some(([, , t]) => t.length === 0)).toBe(true);
    // A's marks were planned by the first requests and kept.
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set((await markRows()).map((r) => r.snapshot_id)).size).toBe(3);
  });

  it("answers a viewer's department units from the marks alone, hiding some in some snapshots", async () => {
    const viewer = testActor('viewer');
    const hidden: string[][] = [];
    for (const unit of await everyDepartmentView()) {
      const ctx = await loadDashboardContext(viewer, unit);
      const oracle = [...(await fromTrees(ctx))].sort();
      clearPreparedCache();
      const marks = [...(await hiddenSnapshots(ctx))].sort();
      expect(trees(), JSON.stringify(unit)).toBe(0);
      expect(marks, JSON.stringify(unit)).toEqual(oracle);
      hidden.push(marks);
    }
    expect(hidden.some((h) => h.length > 0)).toBe(true);
    expect(hidden.some((h) => h.length < 3)).toBe(true);
  });

  it('marks planned by a request equal the marks stored at import', async () => {
    const atImport = await markRows();
    await rawQuery(`delete from metric_results where family = '${FLOOR_FAMILY}'`);
    clearPreparedCache();
    const again = await compareAll();
    for (const [key, marks, trees] of again) expect(marks, key).toEqual(trees);
    await new Promise((r) => setTimeout(r, 100));
    const planned = await markRows();
    expect(planned).toEqual(atImport);
  });
});
