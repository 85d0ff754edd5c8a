import 'server-only';
import { getDatabase } from '@/db';
import { clearProcessCaches, processCache } from './process-cache';
import { getLadderPreset } from '@/lib/ladders/presets';
import type { Ladder } from '@/lib/ladders/types';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { NotFoundError } from './errors';
import { readLadder } from './ladder-config';
import { readSnapshotRecords } from './snapshot-pack';
import { rawQuery } from './raw-query';
import { readSettings, type OrgSettings } from './settings';

export interface SnapshotRef {
  id: number;
  asOf: string;
  /** the organisation it belongs to */
  orgId: number;
}

const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The organisation's current version of the snapshot dated asOf, or its latest one; NotFoundError when none. */
export async function resolveSnapshot(orgId: number, asOf?: string): Promise<SnapshotRef> {
  const rows = asOf
    ? await rawQuery<{ id: number; as_of: string | Date }>(
        'select id, as_of from snapshots where org_id = $1 and is_current and as_of = $2',
        [orgId, asOf],
      )
    : await rawQuery<{ id: number; as_of: string | Date }>(
        'select id, as_of from snapshots where org_id = $1 and is_current order by as_of desc limit 1',
        [orgId],
      );
  const r = rows[0];
  if (!r)
    throw new NotFoundError(asOf ? `No snapshot is dated ${asOf}.` : 'No snapshot has been imported yet.');
  return { id: r.id, asOf: iso(r.as_of), orgId };
}

/** The organisation's current snapshots dated up to asOf, oldest first (the trend series). */
export async function listSeries(orgId: number, upTo: string): Promise<SnapshotRef[]> {
  const rows = await rawQuery<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where org_id = $1 and is_current and as_of <= $2 order by as_of',
    [orgId, upTo],
  );
  return rows.map((r) => ({ id: r.id, asOf: iso(r.as_of), orgId }));
}

/** One stored metric result, or null. */
export async function readStored<T>(
  snapshotId: number,
  family: string,
  scopeType: string,
  scopeKey = '',
): Promise<T | null> {
  const rows = await rawQuery<{ data: T }>(
    'select data from metric_results where snapshot_id = $1 and family = $2 and scope_type = $3 and scope_key = $4',
    [snapshotId, family, scopeType, scopeKey],
  );
  return rows[0]?.data ?? null;
}

/** The stored metric results of one family and scope type for many snapshots. */
export async function readStoredSeries<T>(
  ids: number[],
  family: string,
  scopeType: string,
  scopeKey = '',
): Promise<Map<number, T>> {
  if (!ids.length) return new Map();
  const rows = await rawQuery<{ snapshot_id: number; data: T }>(
    'select snapshot_id, data from metric_results where snapshot_id = any($1::int[]) and family = $2 and scope_type = $3 and scope_key = $4',
    [ids, family, scopeType, scopeKey],
  );
  return new Map(rows.map((r) => [r.snapshot_id, r.data]));
}

/**
 * Some top-level fields of one family's stored results for many snapshots (only the fields each
 * row has, their values whole): the database builds the smaller object, so a row's long lists of
 * person ids (a 'changes' row keeps up to 50,000 per list) are neither sent nor parsed.
 */
export async function readStoredFieldsSeries<T>(
  ids: number[],
  family: string,
  scopeType: string,
  fields: readonly string[],
): Promise<Map<number, T>> {
  if (!ids.length) return new Map();
  const rows = await rawQuery<{ snapshot_id: number; data: T }>(
    `select snapshot_id,
            (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb) from jsonb_each(data) where key = any($4::text[])) as data
     from metric_results where snapshot_id = any($1::int[]) and family = $2 and scope_type = $3 and scope_key = ''`,
    [ids, family, scopeType, fields],
  );
  return new Map(rows.map((r) => [r.snapshot_id, r.data]));
}

/** Headcount of every stored unit of one scope type (e.g. each department) of a snapshot. */
export async function readStoredHeadcounts(
  snapshotId: number,
  scopeType: string,
): Promise<Map<string, number>> {
  const rows = await rawQuery<{ scope_key: string; headcount: number | string | null }>(
    `select scope_key, (data->>'headcount')::float8 as headcount from metric_results
     where snapshot_id = $1 and family = 'structure' and scope_type = $2`,
    [snapshotId, scopeType],
  );
  return new Map(rows.map((r) => [r.scope_key, Number(r.headcount ?? 0)]));
}

const ladders = processCache<Ladder>('snapshot-ladders', { max: 1000 });

/** The ladder a snapshot's stored metrics were computed with (kept per snapshot and org setting). */
export async function ladderFor(ref: SnapshotRef): Promise<Ladder> {
  const { db } = await getDatabase();
  const configured = await readLadder(db, ref.orgId);
  if (configured !== 'auto') return configured;
  return ladders.get(`${ref.orgId}:${ref.id}`, () => storedLadder(ref));
}

async function storedLadder(ref: SnapshotRef): Promise<Ladder> {
  const stored = await readStored<{ ladderId?: string }>(ref.id, 'ladder', 'org');
  return getLadderPreset(stored?.ladderId ?? 'default') ?? (getLadderPreset('default') as Ladder);
}

/**
 * Prepared trees kept, counted in people (records): STRATA_TREE_CACHE_PEOPLE, default 1.5 million
 * (about 100 MB per 100k people in memory). At 100k people a 12-snapshot history fits; at a million
 * people the current snapshot does.
 */
const TREE_CACHE_PEOPLE = Number(process.env.STRATA_TREE_CACHE_PEOPLE) || 1_500_000;
const cache = processCache<PreparedSnapshot>('prepared-snapshots', {
  maxSize: TREE_CACHE_PEOPLE,
  sizeOf: (p) => p.tree.size,
});

/**
 * The snapshot's tree, levels and structure, built once and kept in memory (an LRU bounded by
 * people), so subtree queries for any manager answer without re-reading the snapshot.
 */
export async function loadPrepared(ref: SnapshotRef, known?: OrgSettings): Promise<PreparedSnapshot> {
  const settings = known ?? (await readSettings(ref.orgId));
  // Snapshot ids are unique across organisations; the org is in the key all the same.
  return cache.get(`${ref.orgId}:${ref.id}:${settings.execLayers}`, async () => {
    const [records, ladder] = await Promise.all([readSnapshotRecords(ref.id), ladderFor(ref)]);
    return prepareSnapshot(ref.asOf, records, ladder, { execLayers: settings.execLayers });
  });
}

/** Whether the snapshot's tree is in memory already (a request may then read it rather than rows). */
export function isPreparedCached(ref: SnapshotRef, settings: OrgSettings): boolean {
  return cache.peek(`${ref.orgId}:${ref.id}:${settings.execLayers}`) !== undefined;
}

/** Forgets every cached tree and answer (after a delete or re-import, or a fresh test database). */
export function clearPreparedCache(): void {
  clearProcessCaches();
}
