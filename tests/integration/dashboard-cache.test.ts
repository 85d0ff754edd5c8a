/**
 * A dashboard page's server prefetch and the API route behind its client hook share one answer
 * cache (keyed by the API path, the data version, the settings, who asks and the filters), and
 * that cache lives on globalThis, so a second copy of the module (Next.js may bundle pages and
 * route handlers separately) still finds what the first computed. A new import changes the data
 * version and the answer is computed again.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { loadDashboardHead, parseDashboardQuery } from '@/lib/dal/dashboards/context';
import { buildOverview } from '@/lib/dal/dashboards/overview';
import { prefetchDashboard } from '@/lib/dal/dashboards/prefetch';
import { DASHBOARD_BUILDERS } from '@/lib/dal/dashboards/registry';
import { cachedAnswer } from '@/lib/dal/dashboards/result-cache';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { familyPath } from '@/lib/query/families';
import { importFiles } from '@/cli/commands/import-command';
import { createTestDb, type TestDb } from '../support/test-db';

const ORG = path.resolve(process.cwd(), 'tests/fixtures/org');
const admin: Actor = {
  userId: 1,
  email: 'admin@x.test',
  name: 'A',
  role: 'admin',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const quiet = () => undefined;

describe('dashboard answers shared by page prefetch and API', () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb('pglite');
    clearPreparedCache();
    await importFiles([path.join(ORG, 'small-org-2024-01-31.csv')], {}, quiet);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('computes the Overview once for the page and the API, in any copy of the cache module', async () => {
    // The page's prefetch runs the registry's builder (looked up at call time, so it can be watched).
    const build = vi.spyOn(DASHBOARD_BUILDERS, 'overview');
    const page = await prefetchDashboard(admin, { department: 'Eng' }, 'overview');
    expect(page.kind).toBe('ok');
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();

    // What the route handler does for GET /api/metrics/overview?department=Eng.
    // An answer already given is found from the head alone: the snapshot's tree is not loaded.
    const trees = (
      globalThis as { __strataCaches?: Map<string, { clear(): void; size: number }> }
    ).__strataCaches?.get('prepared-snapshots');
    trees?.clear();
    const again = vi.fn(buildOverview);
    const params = new URLSearchParams('department=Eng');
    const head = await loadDashboardHead(admin, parseDashboardQuery(params));
    const answer = await cachedAnswer(familyPath('overview'), head, params, (ctx) => again(ctx));
    expect(again).not.toHaveBeenCalled();
    expect(trees?.size).toBe(0);
    const fresh = vi.fn(buildOverview);
    const { contextFromHead } = await import('@/lib/dal/dashboards/context');
    expect(answer).toEqual(await fresh(await contextFromHead(head)));

    // A fresh copy of the module (as a separately bundled route would load it) shares the cache.
    vi.resetModules();
    const copy = await import('@/lib/dal/dashboards/result-cache');
    expect(copy.cachedAnswer).not.toBe(cachedAnswer);
    const third = vi.fn(buildOverview);
    await copy.cachedAnswer(familyPath('overview'), head, params, (ctx) => third(ctx));
    expect(third).not.toHaveBeenCalled();

    // Other filters are another answer; a new import is a new data version.
    const other = vi.fn(buildOverview);
    const all = await loadDashboardHead(admin, parseDashboardQuery({}));
    await cachedAnswer(familyPath('overview'), all, new URLSearchParams(), (ctx) => other(ctx));
    expect(other).toHaveBeenCalledTimes(1);
    await importFiles([path.join(ORG, 'small-org-2024-02-29.csv')], {}, quiet);
    clearPreparedCache();
    const after = vi.fn(buildOverview);
    const head2 = await loadDashboardHead(admin, parseDashboardQuery(params));
    await cachedAnswer(familyPath('overview'), head2, params, (ctx) => after(ctx));
    expect(after).toHaveBeenCalledTimes(1);
  });
});
