import 'server-only';
import { rawQuery } from '../raw-query';
import { processCache } from '../process-cache';
import type { DashboardContext } from './context';

/**
 * Memoises dashboard answers. A builder's answer depends only on the stored data, the settings,
 * the request and who asks (role class and scope), so it is cached under all of those together
 * with a data version read from the database on every request: any import, deletion, identity
 * mapping, settings change or "not comparable" mark (from any app instance or the command line)
 * changes the version and the next request recomputes. Small LRU; answers are plain JSON.
 */
const cache = processCache<unknown>('dashboard-answers', { max: 300 });

/** A string that changes whenever the organisation's stored data or settings change. */
export async function dataVersion(orgId: number): Promise<string> {
  const text = `select concat_ws('|', $1::int,
      (select count(*) || ':' || coalesce(max(id), 0) from snapshots where org_id = $1),
      (select count(*) || ':' || coalesce(max(id), 0) from ai_imports where org_id = $1),
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from ai_identity_map where org_id = $1),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from settings where org_id = $1),
      (select coalesce(string_agg(id::text, ',' order by id), '') from snapshots where org_id = $1 and not_comparable)) as v`;
  const rows = await rawQuery<{ v: string }>(text, [orgId]);
  return rows[0]?.v ?? '';
}

/** The builder's answer for this context and request, from the cache when nothing has changed. */
export async function cachedBuild<T>(
  family: string,
  ctx: DashboardContext,
  params: URLSearchParams,
  build: () => Promise<T> | T,
): Promise<T> {
  const sorted = [...params.entries()].sort(([a], [b]) => a.localeCompare(b));
  const key = JSON.stringify([
    family,
    ctx.actor.orgId,
    ctx.dataVersion,
    ctx.ref.id,
    ctx.actor.role,
    ctx.actor.scopeEmployeeId,
    ctx.settings,
    ctx.unit.department,
    ctx.unit.subtree,
    sorted,
  ]);
  return cache.get(key, () => Promise.resolve().then(build)) as Promise<T>;
}
