/**
 * PostgreSQL's own answer to the structure metrics, for comparison with the TypeScript engine:
 * layers (WITH RECURSIVE from the roots), spans and their statistics, and subtree sizes
 * (WITH RECURSIVE up the management chain), each materialised server-side over the plain table.
 */
import postgres from 'postgres';
import { PLAIN_TABLE } from './psql-copy';
import { secondsSince } from './stats';

const T = PLAIN_TABLE;

const STATEMENTS = [
  `create temp table r_layers as
   with recursive walk(id, layer) as (
     select p.employee_id, 1 from ${T} p
      where p.manager_id is null or not exists (select 1 from ${T} m where m.employee_id = p.manager_id)
     union all
     select c.employee_id, w.layer + 1 from ${T} c join walk w on c.manager_id = w.id
   ) select id, layer from walk`,
  `create temp table r_spans as
   select manager_id as id, count(*)::int as span from ${T} where manager_id is not null group by manager_id`,
  `create temp table r_span_stats as
   select avg(span) as mean,
          percentile_cont(0.5) within group (order by span) as median,
          percentile_cont(0.1) within group (order by span) as p10,
          percentile_cont(0.9) within group (order by span) as p90
     from r_spans`,
  `create temp table r_pyramid as
   select l.layer, count(*) as headcount, count(s.id) as managers
     from r_layers l left join r_spans s on s.id = l.id group by l.layer`,
  `create temp table r_subtree as
   with recursive up(anc) as (
     select manager_id from ${T} where manager_id is not null
     union all
     select p.manager_id from up join ${T} p on p.employee_id = up.anc where p.manager_id is not null
   ) select anc as id, count(*)::int as size from up group by anc`,
];

/** Runs the recursive computation in one session; returns seconds and a sanity figure. */
export async function timeRecursiveSql(url: string): Promise<{ seconds: number; depth: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`analyze ${T}`);
    const start = performance.now();
    for (const text of STATEMENTS) await sql.unsafe(text);
    const seconds = secondsSince(start);
    const rows = await sql.unsafe<{ depth: number }[]>('select max(layer)::int as depth from r_layers');
    return { seconds, depth: rows[0]?.depth ?? 0 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
