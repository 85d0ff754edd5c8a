import 'server-only';
import { rawQuery } from '../raw-query';

export interface PersonFacts {
  name: string | null;
  title: string | null;
  department: string | null;
}

/**
 * Name, title and department of a few people in one stored snapshot, straight from the people
 * table (e.g. the managers of delayering events), so a trend over many snapshots does not have to
 * rebuild every old tree just to label a handful of ids. Callers authorize and scope first.
 */
export async function lookupPeople(
  snapshotId: number,
  ids: readonly string[],
): Promise<Map<string, PersonFacts>> {
  if (!ids.length) return new Map();
  const text =
    'select employee_id, name, title, department from people where snapshot_id = $1 and employee_id = any($2::text[])';
  const params = [snapshotId, [...new Set(ids)]];
  type Row = { employee_id: string; name: string | null; title: string | null; department: string | null };
  const rows = await rawQuery<Row>(text, params);
  return new Map(
    rows.map((r) => [r.employee_id, { name: r.name, title: r.title, department: r.department }]),
  );
}

/**
 * For each of a few people in one stored snapshot, the ids on their management chain (themselves,
 * their manager, and so on up to a root), from the people table: enough to tell whether they sat
 * in a subtree then without rebuilding that snapshot's tree. UNION (not UNION ALL) ends the walk
 * on a reporting cycle.
 */
export async function lookupChains(
  snapshotId: number,
  ids: readonly string[],
): Promise<Map<string, Set<string>>> {
  if (!ids.length) return new Map();
  const text = `with recursive up(start, id, mgr) as (
      select employee_id, employee_id, manager_id from people
       where snapshot_id = $1 and employee_id = any($2::text[])
      union
      select up.start, p.employee_id, p.manager_id from up
        join people p on p.snapshot_id = $1 and p.employee_id = up.mgr
    ) select start, id from up`;
  const rows = await rawQuery<{ start: string; id: string }>(text, [snapshotId, [...new Set(ids)]]);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const chain = out.get(r.start) ?? new Set<string>();
    chain.add(r.id);
    out.set(r.start, chain);
  }
  return out;
}
