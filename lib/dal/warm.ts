import 'server-only';
import { rawQuery } from './raw-query';
import { loadPrepared, type SnapshotRef } from './snapshot-data';

const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Loads these snapshots' trees into the tree cache in the background, one after another, so the
 * first leader to open a dashboard after a start or an upload does not wait for it; a request that
 * arrives meanwhile joins the load in flight (the cache shares it). Loading also writes a
 * snapshot's pack when it has none yet (snapshot-pack.ts). Failures are left to the request that
 * needs the tree.
 */
export function warmSnapshots(refs: readonly SnapshotRef[]): void {
  setImmediate(() => {
    void (async () => {
      for (const ref of refs) {
        try {
          await loadPrepared(ref);
        } catch {
          // deleted meanwhile, or the database closed: the next request reports it
        }
      }
    })();
  });
}

/** At server start: each organisation's newest snapshot, the one its dashboards open on. */
export async function warmNewestSnapshots(): Promise<void> {
  const rows = await rawQuery<{ id: number; as_of: string | Date; org_id: number }>(
    `select distinct on (org_id) id, as_of, org_id from snapshots
     where is_current order by org_id, as_of desc`,
  );
  warmSnapshots(rows.map((r) => ({ id: r.id, asOf: iso(r.as_of), orgId: r.org_id })));
}
