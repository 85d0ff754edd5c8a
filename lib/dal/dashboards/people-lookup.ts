import { getDatabase } from '@/db';

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
  const handle = await getDatabase();
  type Row = { employee_id: string; name: string | null; title: string | null; department: string | null };
  const rows =
    handle.raw.kind === 'postgres'
      ? ((await handle.raw.sql.unsafe(text, params as never[])) as unknown as Row[])
      : (await handle.raw.pg.query<Row>(text, params)).rows;
  return new Map(
    rows.map((r) => [r.employee_id, { name: r.name, title: r.title, department: r.department }]),
  );
}
