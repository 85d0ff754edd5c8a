/**
 * Stored unit points (lib/metrics/unit-points.ts) give a subtree's series exactly as the trees do.
 * The trends fixtures (tests/fixtures/trends, imported A, C, B) hold every case the read path must
 * get right: a manager gone in a later snapshot (E3), one who was a leaf before (B1 in C), a
 * subtree that moved, and a scoped leader (E2) whose subtree changed shape. For every manager of
 * every snapshot and three readers, the series read from points equals the series computed from
 * the trees (the same database with every point row deleted).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import type { Actor } from '@/lib/dal/actor';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { loadUnitSeries, type UnitPoint } from '@/lib/dal/dashboards/unit-series';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { toSeriesStructure } from '@/lib/metrics/unit-points';
import { testActor } from '../support/actors';
import { everyManagerView } from '../support/managers';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/trends');
const FILES = ['org-2024-01-31.csv', 'org-2024-03-31.csv', 'org-2024-02-29.csv'].map((f) =>
  path.join(DIR, f),
);
const quiet = () => undefined;
const readers: Array<[string, Actor]> = [
  ['hr', testActor('hr')],
  ['leader E2', testActor('leader', 'E2')],
  ['leader E4', testActor('leader', 'E4')],
];

/** Every (snapshot, manager) the series can be asked for, as the dashboards resolve it. */
async function allSeries(): Promise<Map<string, Array<Omit<UnitPoint, 'snapshotId'>>>> {
  const managers = await everyManagerView();

  const out = new Map<string, Array<Omit<UnitPoint, 'snapshotId'>>>();
  for (const [name, actor] of readers)
    for (const m of managers) {
      const asOf = m.asOf;
      let ctx;
      try {
        ctx = await loadDashboardContext(actor, { asOf, subtree: m.id });
      } catch {
        continue; // outside this reader's scope
      }
      const series = await loadUnitSeries(actor, ctx.ref, { subtree: m.id }, ctx.unit, 2);
      out.set(
        `${name} ${asOf} ${m.id}`,
        series.map((p) => ({ asOf: p.asOf, structure: toSeriesStructure(p.structure), ladder: p.ladder })),
      );
    }
  return out;
}

describe.each(backends())('unit points on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    for (const f of FILES) {
      const { result } = await importFiles([f], {}, quiet);
      expect(result.ok).toBe(true);
    }
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('every subtree series read from points equals the one computed from the trees', async () => {
    const stored = await rawQuery<{ n: number }>(
      "select count(*)::int as n from metric_results where family = 'point'",
    );
    // Managers with reports: 7 in A, 6 in B, 7 in C.
    expect(stored[0]?.n).toBe(20);
    const fromPoints = await allSeries();
    expect(fromPoints.size).toBeGreaterThan(20);
    // B1 was an IC in A and B and leads B3 in C: its series has all three points.
    expect(fromPoints.get('hr 2024-03-31 B1')?.map((p) => p.structure.headcount)).toEqual([1, 1, 2]);
    // E3 left in B: asked in A, its series is A alone.
    expect(fromPoints.get('hr 2024-01-31 E3')?.map((p) => p.asOf)).toEqual(['2024-01-31']);

    await rawQuery("delete from metric_results where family = 'point'");
    clearPreparedCache();
    const fromTrees = await allSeries();
    expect([...fromPoints.keys()].sort()).toEqual([...fromTrees.keys()].sort());
    for (const [key, series] of fromTrees)
      expect({ key, series: fromPoints.get(key) }).toEqual({ key, series });
  });
});
