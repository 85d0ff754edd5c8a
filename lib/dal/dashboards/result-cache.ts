import 'server-only';
import { processCache } from '../process-cache';
import { contextFromHead, type DashboardHead, type DashboardRequest } from './context';

/**
 * Memoises dashboard answers. A builder's answer depends only on the stored data, the settings,
 * the request and who asks (role class and scope), so it is cached under all of those together
 * with a data version read from the database on every request: any import, deletion, identity
 * mapping, settings change or "not comparable" mark (from any app instance or the command line)
 * changes the version and the next request recomputes. Small LRU; answers are plain JSON.
 */
const cache = processCache<unknown>('dashboard-answers', { max: 300 });

/**
 * The builder's answer for this request, from the cache when nothing has changed. The key is made
 * from the head alone (data version, snapshot, who asks, settings, filters, parameters), so an
 * answer already given is returned without loading the snapshot's tree: `build` gets the request
 * (unit and floor from stored rows where they answer, the tree on demand) only on a miss. A leader's unset subtree is their scope root, as
 * resolveUnit makes it; a request outside the scope fails in build and is not kept.
 */
export async function cachedAnswer<T>(
  family: string,
  head: DashboardHead,
  params: URLSearchParams,
  build: (ctx: DashboardRequest) => Promise<T> | T,
): Promise<T> {
  const sorted = [...params.entries()].sort(([a], [b]) => a.localeCompare(b));
  const { actor, query } = head;
  const key = JSON.stringify([
    family,
    actor.orgId,
    head.dataVersion,
    head.ref.id,
    actor.role,
    actor.scopeEmployeeId,
    head.settings,
    query.department || null,
    query.subtree || actor.scopeEmployeeId || null,
    sorted,
  ]);
  return cache.get(key, async () => build(await contextFromHead(head))) as Promise<T>;
}
