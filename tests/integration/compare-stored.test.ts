/**
 * Compare without the trees (issue #13): the comparison of a manager's subtree between two
 * snapshots, read from both snapshots' stored unit points, structure rows and people in preorder
 * (people_order with the comparison's columns, migration 0015), equals, to the byte, the answer
 * computed from the two trees, for every reader (admin, hr, a viewer, a leader, through their stored
 * floor marks), every snapshot (against the one before it, and against an explicit earlier one) and
 * every manager, without any tree. Snapshots stored without the comparison's columns answer from
 * the trees the same. On PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import { buildCompare, compareFromTree, comparePaths } from '@/lib/dal/dashboards/compare';
import { contextFromHead, loadDashboardHead, treeContextFromHead } from '@/lib/dal/dashboards/context';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { testActor } from '../support/actors';
import { addReaders, largestManager, writeDemoFiles } from '../support/readers';
import { sameBothWays, snapshots, subtrees } from '../support/stored-views';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;

/** People listed per list over the answers of the last compareAll (totals plus named rows). */
const listed = new Map<string, number>();

/**
 * Every reader x snapshot x subtree (and the org) both ways, against the previous snapshot and,
 * for the last snapshot, against the first; from the first snapshot's request, the last against
 * the one before it (a 'to' other than the request's snapshot): the stored path (buildCompare) against the trees
 * (compareFromTree). Returns how many answers came from stored rows per reader role and snapshot
 * date, and checks those loaded no tree.
 */
async function compareAll(readers: Actor[]): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  listed.clear();
  const all = await snapshots();
  const first = all[0]?.asOf ?? '';
  const last = all.at(-1)?.asOf ?? '';
  for (const s of all)
    for (const actor of readers)
      for (const subtree of [undefined, ...(await subtrees(s.id))])
        for (const params of s === all.at(-1)
          ? ['', `from=${first}`]
          : s === all[0]
            ? ['', `to=${last}`]
            : ['']) {
          const query = subtree ? { asOf: s.asOf, subtree } : { asOf: s.asOf };
          const key = `${actor.role}${actor.scopeEmployeeId ?? ''} ${JSON.stringify(query)} ${params}`;
          const head = await loadDashboardHead(actor, query);
          const p = () => new URLSearchParams(params);
          const r = await sameBothWays(
            key,
            async () => buildCompare(await contextFromHead(head), p()),
            async () => compareFromTree(await treeContextFromHead(head), p()),
            () => comparePaths.stored,
          );
          if (r.stored) {
            const at = `${actor.role} ${s.asOf}`;
            stored.set(at, (stored.get(at) ?? 0) + 1);
          }
          const fromTree = r.answer;
          if (fromTree === null) continue;
          if (!('suppressed' in fromTree.lists))
            for (const [k, list] of Object.entries(fromTree.lists))
              listed.set(k, (listed.get(k) ?? 0) + list.total + (list.rows?.length ?? 0));
        }
  return stored;
}

/**
 * Reshuffles an org file in place so the comparisons with it list every kind of change: every
 * ninth individual contributor moves to another manager and their department (movers, department
 * moves), two IC3s become M1 managers and a managed manager's reports move to their manager's
 * manager while they stay on as an IC4 (IC -> manager, manager -> IC, lost all reports), and another
 * manager leaves, their reports moving up to their manager (delayered, left). Quoted rows stay.
 */
function reshuffle(file: string): void {
  const [header = '', ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const rows = lines.map((l) => (l.includes('"') ? null : l.split(',')));
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const [ID, MGR, LEVEL, TRACK, DEPT] = ['employee_id', 'manager_id', 'level', 'track', 'department'].map(at);
  const get = (r: string[], k: number | undefined) => r[k ?? -1] ?? '';
  const set = (r: string[], k: number | undefined, v: string) => (r[k ?? -1] = v);
  const live = rows.filter((r): r is string[] => r !== null);
  const byId = new Map(live.map((r) => [get(r, ID), r]));
  const reportsOf = (id: string) => live.filter((r) => get(r, MGR) === id);
  const managers = live.filter((r) => reportsOf(get(r, ID)).length > 0 && get(r, MGR) !== '');
  // Managers two layers down at least (their manager is managed too), with reports of their own.
  const deep = managers.filter((m) => get(byId.get(get(m, MGR)) ?? [], MGR) !== '');
  const [lost, left] = [deep[0], deep[1]];
  if (lost === undefined || left === undefined) throw new Error('two managed managers expected');
  for (const m of [lost, left]) for (const r of reportsOf(get(m, ID))) set(r, MGR, get(m, MGR));
  set(lost, LEVEL, 'IC4');
  set(lost, TRACK, 'IC');
  live
    .filter((r) => get(r, LEVEL) === 'IC3')
    .slice(0, 2)
    .forEach((r) => (set(r, LEVEL, 'M1'), set(r, TRACK, 'Manager')));
  const ics = live.filter((r) => reportsOf(get(r, ID)).length === 0 && r !== lost);
  ics.forEach((r, k) => {
    if (k % 9 !== 0) return;
    const to = managers[(k * 7) % managers.length];
    if (to === undefined || to === left || to === lost || get(to, ID) === get(r, MGR)) return;
    set(r, MGR, get(to, ID));
    set(r, DEPT, get(to, DEPT));
  });
  const out = rows
    .map((r, k) => (r === null ? lines[k] : r === left ? null : r.join(',')))
    .filter((l) => l !== null);
  fs.writeFileSync(file, [header, ...out].join('\n') + '\n');
}

describe.each(backends())('Compare without the trees on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  let readers: Actor[] = [];
  let dates: string[] = [];

  beforeAll(async () => {
    clearPreparedCache();
    const demo = writeDemoFiles('strata-compare-stored-', { seed: 7, size: 160, months: 3 });
    dir = demo.dir;
    const files = demo.files;
    reshuffle(files[1] ?? '');
    tdb = await createTestDb(backend);
    dates = files.map((f) => /org-(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? '');
    readers = await addReaders(largestManager(files.at(-1) ?? ''));
    expect((await importFiles(files, {}, quiet)).result.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every reader, snapshot and manager the same from stored rows as from the trees, without a tree', async () => {
    const stored = await compareAll([testActor('admin'), testActor('hr'), ...readers]);
    for (const role of ['admin', 'hr', 'viewer', 'leader'])
      for (const date of dates)
        expect(stored.get(`${role} ${date}`) ?? 0, `${role} ${date}`).toBeGreaterThan(5);
    // The demo data moves people every way the lists tell apart, so every list was compared.
    for (const k of [
      'joiners',
      'leavers',
      'movers',
      'promotions',
      'departmentMoves',
      'delayered',
      'icToManager',
      'managerToIc',
    ])
      expect(listed.get(k) ?? 0, k).toBeGreaterThan(0);
  }, 900_000);

  it('answers from the trees, the same, when the rows lack the comparison columns (stored before 0015)', async () => {
    await rawQuery('update people_order set manager_id = null, track = null, person = null');
    await rawQuery("update metric_results set data = data - 'changes' where family = 'people-order'");
    const stored = await compareAll([testActor('admin'), ...readers.filter((r) => r.role === 'leader')]);
    expect([...stored.values()].reduce((x, y) => x + y, 0)).toBe(0);
  }, 600_000);
});
