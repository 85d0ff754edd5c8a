/**
 * Subtree query latency through the app's own path: getMetricsContract as the command line's
 * admin, {subtree: id}, for random managers of an imported snapshot, after one warm-up call that
 * builds the cached tree (what a running server holds after its first subtree request).
 */
import { setDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { random as rng } from './scenario-ops';
import { percentile } from './stats';

/** p50 / p95 / max milliseconds of `count` subtree contract calls on the database at url. */
export async function timeSubtreeQueries(
  url: string,
  count: number,
): Promise<{ p50Ms: number; p95Ms: number; maxMs: number; warmUpMs: number; managers: number }> {
  const handle = await openDatabase({ url });
  try {
    if (handle.raw.kind !== 'postgres') throw new Error('the subtree benchmark runs on PostgreSQL');
    setDatabase(handle);
    const [latest] = await handle.raw
      .sql`select id, org_id from snapshots where is_current order by id desc limit 1`;
    if (!latest) throw new Error('no snapshot was imported');
    // The command line's admin, in the organisation the import created.
    const actor = inOrg(CLI_ACTOR, Number(latest.org_id));
    const rows = await handle.raw.sql`
      select distinct manager_id as id from people
       where manager_id is not null and snapshot_id = ${latest.id}
       order by 1`;
    const managers = rows.map((r) => String(r.id));
    if (managers.length === 0) throw new Error('no managers in the imported snapshot');
    const next = rng(20240601);
    const pick = () => managers[Math.floor(next() * managers.length)] ?? '';
    let start = performance.now();
    await getMetricsContract(actor, { subtree: pick() });
    const warmUpMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = pick();
      start = performance.now();
      const contract = await getMetricsContract(actor, { subtree: id });
      times.push(performance.now() - start);
      if (contract.headcount < 1) throw new Error(`subtree ${id} came back empty`);
    }
    return {
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.max(...times),
      warmUpMs,
      managers: managers.length,
    };
  } finally {
    await handle.close();
  }
}
