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
