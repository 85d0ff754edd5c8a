/**
 * Posts, people and FTE through the API layer, on tests/fixtures/fte/organogram-2024-03-31-*.csv
 * (figures worked out by hand in tests/unit/metrics/fte.test.ts):
 *   T1 [1] -> D1 [2] -> DD1, DD2 [3]; T1 -> D2 [2] -> V1 [3, vacant]; 5 people, 2 managers.
 *   Junior FTE: T1 1, D1 2.5, DD1 14.5, DD2 3, V1 6 = 27; total FTE 5 + 27 = 32.
 *   Units (the Unit column): Office = T1 + 1 FTE; Ops = D1, DD1, DD2 + 20 FTE; Policy = D2 (V1
 *   open) + 6 FTE.
 * Viewers (minimum 5): the org (5 people) is shown with its FTE; D1's unit (3 people) is not, and
 * neither is its junior FTE.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { loadDashboardContext, parseDashboardQuery } from '@/lib/dal/dashboards/context';
import { buildOrgTree } from '@/lib/dal/dashboards/org-tree';
import { buildOverview } from '@/lib/dal/dashboards/overview';
import { buildStructure } from '@/lib/dal/dashboards/structure';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { Actor } from '@/lib/dal/actor';
import { isSuppressed } from '@/lib/query/suppressed';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/fte');
const hr = testActor('hr');
const viewer = testActor('viewer');

function unwrap<T>(v: T | { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' }): T {
  if (isSuppressed(v)) throw new Error('unexpectedly suppressed');
  return v as T;
}
const ctxOf = (a: Actor) => loadDashboardContext(a, parseDashboardQuery({}));

describe.each(backends())('posts, people and FTE on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    const files = ['senior', 'junior'].map((k) => path.join(DIR, `organogram-2024-03-31-${k}.csv`));
    const { result } = await importFiles(files, {}, () => undefined);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('the metrics contract keeps headcount person-level and adds juniorFte and fte', async () => {
    const m = await getMetricsContract(hr, {});
    expect([m.headcount, m.juniorFte, m.fte, m.managers, m.depth, m.span.p90]).toEqual([5, 27, 32, 2, 3, 2]);
    const ops = await getMetricsContract(hr, { department: 'Ops' });
    expect([ops.headcount, ops.juniorFte, ops.fte]).toEqual([3, 20, 23]);
  });

  it('Overview tiles and the Structure summary and department table show senior posts, junior FTE and total FTE', async () => {
    const o = await buildOverview(await ctxOf(hr));
    expect(o.fte).toEqual({ seniorPosts: 5, juniorFte: 27, totalFte: 32 });
    const s = await buildStructure(await ctxOf(hr));
    expect(unwrap(s.summary)).toMatchObject({ headcount: 5, juniorFte: 27, totalFte: 32 });
    const rows = s.departments.map((d) => {
      const m = unwrap(d.metrics);
      return [d.department, m.headcount, m.juniorFte, m.totalFte, m.openPositions];
    });
    expect(rows).toEqual([
      ['Ops', 3, 20, 23, 0],
      // by total FTE, largest first (by headcount Office and Policy tie at 1 and went by name)
      ['Policy', 1, 6, 7, 1],
      ['Office', 1, 1, 2, 0],
    ]);
  });

  it('the explorer gives each unit its junior FTE; FTE rows are FTE, not people', async () => {
    const top = (await buildOrgTree(await ctxOf(hr), new URLSearchParams())).levels[0];
    expect(top?.node).toMatchObject({ id: 'T1', span: 2, subtreeSize: 4, juniorFte: 27 });
    expect(top?.children.map((c) => [c.id, c.kind, c.subtreeSize, c.juniorFte])).toEqual([
      ['D1', 'person', 2, 20],
      ['D2', 'person', 0, 6],
      [expect.stringMatching(/^J:T1:/), 'aggregate', 0, 1],
    ]);
    expect(top?.children[2]?.name).toBe('1 FTE (Grade 6)');
  });

  it('a viewer sees the FTE of units the floor shows, and none of a hidden unit', async () => {
    const o = await buildOverview(await ctxOf(viewer));
    expect(o.fte).toEqual({ seniorPosts: 5, juniorFte: 27, totalFte: 32 });
    const top = (await buildOrgTree(await ctxOf(viewer), new URLSearchParams())).levels[0];
    expect(top?.node).toMatchObject({ id: 'T1', juniorFte: 27 });
    // D1's unit has 3 people: no name, no id, no FTE; D2 is an IC: folded.
    const kids = top?.children ?? [];
    expect(kids.map((c) => c.id)).not.toContain('D1');
    expect(kids.some((c) => c.juniorFte === 20)).toBe(false);
    await expect(getMetricsContract(viewer, { subtree: 'D1' })).rejects.toThrow(/Fewer than 5/);
  });
});
