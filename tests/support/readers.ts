import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCompany } from '@/cli/demo/write';
import type { Actor } from '@/lib/dal/actor';
import { rawQuery } from '@/lib/dal/raw-query';
import { testActor } from './actors';

/**
 * The manager (not the root) with the largest subtree in a demo org file: a leader's scope with
 * several departments under it. Only the first two columns (ids, no commas) are read.
 */
export function largestManager(file: string): string {
  const rows = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',', 2) as [string, string]);
  const manager = new Map(rows);
  const size = new Map<string, number>();
  for (const [id] of rows)
    for (let m = manager.get(id); m; m = manager.get(m)) size.set(m, (size.get(m) ?? 0) + 1);
  const ranked = [...size].filter(([id]) => manager.get(id)).sort((a, b) => b[1] - a[1]);
  const [top] = ranked[0] ?? [];
  if (top === undefined) throw new Error('no manager below the root');
  return top;
}

/** A leader and a viewer of organisation 1, as users: the import stores their floor marks. */
export async function addReaders(leaderScope: string): Promise<Actor[]> {
  for (const [email, role, scope] of [
    ['viewer@x.test', 'viewer', null],
    ['leader@x.test', 'leader', leaderScope],
  ] as const) {
    const [u] = await rawQuery<{ id: number }>(
      'insert into users (email, role, scope_employee_id) values ($1, $2, $3) returning id',
      [email, role, scope],
    );
    await rawQuery('insert into user_organisations (user_id, org_id) values ($1, 1)', [u?.id]);
  }
  return [testActor('viewer'), testActor('leader', leaderScope)];
}

/** A seeded demo company's org files in a new temporary folder, oldest first. */
export function writeDemoFiles(
  prefix: string,
  options: { seed: number; size: number; months: number },
): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  writeDemoCompany(dir, options);
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith('org-'))
    .sort()
    .map((n) => path.join(dir, n));
  return { dir, files };
}

/** How many prepared trees the process holds (the tree path loads one per snapshot asked for). */
export const trees = () =>
  (globalThis as { __strataCaches?: Map<string, { size: number }> }).__strataCaches?.get('prepared-snapshots')
    ?.size ?? 0;

const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The current snapshots, oldest first. */
export async function snapshots(): Promise<Array<{ id: number; asOf: string }>> {
  const rows = await rawQuery<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where is_current order by as_of',
  );
  return rows.map((r) => ({ id: r.id, asOf: iso(r.as_of) }));
}

/** Every manager of a snapshot and two people without reports, as subtree queries. */
export async function subtrees(id: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    `select distinct employee_id as id from people p where snapshot_id = $1
       and (exists (select 1 from people r where r.snapshot_id = $1 and r.manager_id = p.employee_id)
            or employee_id in (select employee_id from people where snapshot_id = $1 order by employee_id limit 2))
     order by 1`,
    [id],
  );
  return rows.map((r) => r.id);
}
