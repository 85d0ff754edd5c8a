import { expect } from 'vitest';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';

/**
 * What the stored-vs-tree integration tests share (tests/integration/people-order.test.ts,
 * compare-stored.test.ts): the snapshots and subtrees they walk, and the count of loaded trees.
 */

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

/**
 * One request both ways, from a cold cache: the stored path's answer (or its error) equals the
 * tree path's, and when the stored path answered (its counter moved) no tree was loaded. Returns
 * whether it did, and the tree's answer (null when both refused).
 */
export async function sameBothWays<T>(
  key: string,
  stored: () => Promise<T>,
  tree: () => Promise<T>,
  answered: () => number,
): Promise<{ stored: boolean; answer: T | null }> {
  clearPreparedCache();
  const before = answered();
  let fromStored: T;
  try {
    fromStored = await stored();
  } catch (e) {
    await expect(tree(), key).rejects.toThrow((e as Error).message);
    return { stored: false, answer: null };
  }
  const used = answered() > before;
  if (used) expect(trees(), `${key} built a tree`).toBe(0);
  const fromTree = await tree();
  expect(fromStored, key).toStrictEqual(fromTree);
  return { stored: used, answer: fromTree };
}
