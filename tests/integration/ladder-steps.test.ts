/**
 * Ladder steps (lib/metrics/ladder-steps.ts) and unit points rebuild the level history exactly:
 * the Ladder and Ceiling-risk dashboards of a generated company (400 people, 8 monthly snapshots
 * imported in order, with promotions, leavers, IC <-> manager moves) are the same, for the org and
 * every manager's subtree in three snapshots and for hr and a scoped leader, whether they come from
 * stored steps or from folding every snapshot's tree (the same database with the steps deleted).
 * An older snapshot imported afterwards breaks the chain and the dashboards fold again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { writeDemoCompany } from '@/cli/demo/write';
import type { Actor } from '@/lib/dal/actor';
import { buildCeilingRisk } from '@/lib/dal/dashboards/ceiling-risk';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { buildLadder } from '@/lib/dal/dashboards/ladder';
import { ladderHistoryPaths } from '@/lib/dal/dashboards/level-history';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
let dir = '';
let files: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-steps-'));
  writeDemoCompany(dir, { seed: 11, size: 400, months: 8, endDate: '2025-08-31' });
  files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('org-') && f.endsWith('.csv'))
    .sort()
    .map((f) => path.join(dir, f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Both dashboards for the org and every manager of three snapshots, for each reader. */
async function dashboards(readers: Array<[string, Actor]>): Promise<Map<string, unknown>> {
  const snaps = await rawQuery<{ id: number; as_of: string | Date }>(
    'select id, as_of from snapshots where is_current order by as_of',
  );
  const out = new Map<string, unknown>();
  for (const s of [snaps[1], snaps[4], snaps[snaps.length - 1]]) {
    if (!s) continue;
    const asOf = typeof s.as_of === 'string' ? s.as_of.slice(0, 10) : s.as_of.toISOString().slice(0, 10);
    const managers = await rawQuery<{ id: string }>(
      'select distinct manager_id as id from people where snapshot_id = $1 and manager_id is not null order by 1',
      [s.id],
    );
    for (const [name, actor] of readers)
      for (const subtree of [undefined, ...managers.map((m) => m.id)]) {
        let ctx;
        try {
          ctx = await loadDashboardContext(actor, { asOf, subtree });
        } catch {
          continue; // outside the reader's scope
        }
        out.set(`${name} ${asOf} ${subtree ?? 'org'} ladder`, await buildLadder(ctx));
        out.set(`${name} ${asOf} ${subtree ?? 'org'} risk`, await buildCeilingRisk(ctx));
      }
  }
  return out;
}

describe.each(backends())('ladder steps on %s', (backend) => {
  let tdb: TestDb;
  let readers: Array<[string, Actor]>;

  beforeAll(async () => {
    clearPreparedCache();
    tdb = await createTestDb(backend);
    for (const f of files) {
      const { result } = await importFiles([f], {}, quiet);
      expect(result.ok).toBe(true);
    }
    // A leader: the first manager of a manager in the newest snapshot.
    const lead = await rawQuery<{ id: string }>(
      `select p.employee_id as id from people p join snapshots s on s.id = p.snapshot_id
       where s.is_current and s.as_of = (select max(as_of) from snapshots)
         and exists (select 1 from people r where r.snapshot_id = p.snapshot_id and r.manager_id = p.employee_id)
         and p.manager_id is not null
       order by 1 limit 1`,
    );
    readers = [
      ['hr', testActor('hr')],
      ['leader', testActor('leader', lead[0]?.id ?? '')],
    ];
  }, 120_000);
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('dashboards from stored steps equal those folded from every tree', async () => {
    const steps = await rawQuery<{ n: number }>(
      "select count(*)::int as n from metric_results where family = 'ladder-step'",
    );
    expect(steps[0]?.n).toBe(files.length);
    clearPreparedCache();
    const before = { ...ladderHistoryPaths };
    const fromSteps = await dashboards(readers);
    expect(fromSteps.size).toBeGreaterThan(100);
    const viaSteps = ladderHistoryPaths.steps - before.steps;
    const viaFold = ladderHistoryPaths.folded - before.folded;
    console.log(`from steps ${viaSteps}, folded ${viaFold}`);
    expect(viaSteps).toBeGreaterThan(viaFold * 4);

    await rawQuery("delete from metric_results where family = 'ladder-step'");
    clearPreparedCache();
    const foldedBefore = ladderHistoryPaths.steps;
    const folded = await dashboards(readers);
    expect(ladderHistoryPaths.steps).toBe(foldedBefore);
    expect([...fromSteps.keys()].sort()).toEqual([...folded.keys()].sort());
    for (const [key, value] of folded) expect({ key, value: fromSteps.get(key) }).toEqual({ key, value });
  }, 300_000);
});
