import { rawQuery } from '@/lib/dal/raw-query';

/** Every (snapshot date, manager id) of the current snapshots: the subtrees a dashboard can be asked for. */
export async function everyManagerView(): Promise<Array<{ asOf: string; id: string }>> {
  const rows = await rawQuery<{ as_of: string | Date; id: string }>(
    `select distinct s.as_of, p.manager_id as id from people p join snapshots s on s.id = p.snapshot_id
     where s.is_current and p.manager_id is not null order by 1, 2`,
  );
  return rows.map((m) => ({
    asOf: typeof m.as_of === 'string' ? m.as_of.slice(0, 10) : m.as_of.toISOString().slice(0, 10),
    id: m.id,
  }));
}
