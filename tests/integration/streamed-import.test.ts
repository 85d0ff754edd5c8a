/**
 * PostgreSQL loads a big single CSV while parsing it (importOrgFiles' streamed path). Whatever path
 * an upload takes, the database must end up the same: here three monthly snapshots of a generated
 * 4,000-person company are imported once streamed and once the ordinary way (parse, then load),
 * into two fresh databases, and every stored person, snapshot row and metric row is compared.
 * The second and third imports find their previous snapshot committed, so the history metrics
 * (joiners, promotions, time in level) read it while the connection is still busy with COPY.
 * Then the fallbacks: a file whose records change after reading (a duplicate id kept-first) is
 * rolled back to the savepoint and loaded again, and a refused file leaves nothing behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importOrgFiles } from '@/lib/dal/snapshots';
import { writeDemoCompany } from '@/cli/demo/write';
import { countTables, queryRows } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const onPostgres = backends().includes('postgres');
if (!onPostgres) console.warn('[tests] streamed import: PostgreSQL only, skipped without TEST_DATABASE_URL.');

describe.skipIf(!onPostgres)('a file loaded while it is parsed ends up exactly as one parsed first', () => {
  let tmp = '';
  let files: string[] = [];
  let streamed: TestDb;
  let plain: TestDb;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-streamed-'));
    const summary = writeDemoCompany(tmp, { seed: 7, size: 4000, months: 3, endDate: '2025-03-31' });
    files = summary.snapshots.map((s) => path.join(tmp, s.orgFile));
    streamed = await createTestDb('postgres');
    plain = await createTestDb('postgres');
  }, 120_000);
  afterAll(async () => {
    await streamed?.drop();
    await plain?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const stored = async (db: TestDb) => ({
    snapshots: await queryRows(
      db.handle,
      `select as_of::text, version, is_current, label, format, source_files, uploaded_by, skip_duplicates,
              headcount, records, stats, issues, warning_count from snapshots order by as_of, version`,
    ),
    people: await queryRows(
      db.handle,
      `select s.as_of::text, p.row_no, p.employee_id, p.manager_id, p.name, p.email, p.title, p.level, p.track,
              p.department, p.location, p.cost_center, p.employment_type, p.hire_date::text,
              p.level_start_date::text, p.github_login, p.status, p.aggregated_count, p.annual_cost
         from people p join snapshots s on s.id = p.snapshot_id order by s.as_of, p.row_no`,
    ),
    metrics: await queryRows(
      db.handle,
      `select s.as_of::text, m.family, m.scope_type, m.scope_key, m.data
         from metric_results m join snapshots s on s.id = m.snapshot_id
        order by s.as_of, m.family, m.scope_type, m.scope_key`,
    ),
  });

  it('stores the same people, snapshot rows and metrics', { timeout: 120_000 }, async () => {
    for (const file of files) {
      const upload = [{ name: path.basename(file), path: file }];
      clearPreparedCache();
      const a = await importOrgFiles(
        inOrg(CLI_ACTOR, 1),
        upload,
        {},
        { handle: streamed.handle, streamMinBytes: 0 },
      );
      expect(a.result.streamed).toBe(true);
      expect(a.committed).toHaveLength(1);
      clearPreparedCache();
      const b = await importOrgFiles(
        inOrg(CLI_ACTOR, 1),
        upload,
        {},
        { handle: plain.handle, streamMinBytes: 1e12 },
      );
      expect(b.result.streamed).toBeUndefined();
      expect(a.committed.map(({ id: _id, ...rest }) => rest)).toEqual(
        b.committed.map(({ id: _id, ...rest }) => rest),
      );
    }
    const [left, right] = [await stored(streamed), await stored(plain)];
    expect(left.people.length).toBeGreaterThan(10_000);
    // the demo company's annual costs are streamed too (issue #14)
    expect(left.people.every((p) => (p as { annual_cost: number | null }).annual_cost !== null)).toBe(true);
    expect(left.metrics.some((m) => (m as { family: string }).family === 'changes')).toBe(true);
    expect(left.snapshots).toEqual(right.snapshots);
    expect(left.people).toEqual(right.people);
    expect(left.metrics).toEqual(right.metrics);
    // No placeholder row is left behind.
    expect(await queryRows(streamed.handle, "select id from snapshots where format = 'pending'")).toEqual([]);
  });

  it('loads again what finalisation changed (a duplicate kept-first) and stores nothing of a refused file', async () => {
    const dir = path.join(tmp, 'dups');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'org-2025-04-30.csv');
    fs.writeFileSync(
      file,
      [
        'employee_id,manager_id,name,hire_date',
        'A,,Ann,2020-01-01',
        'B,A,Bob,2021-02-03',
        'B,A,Bob again,2022-01-01',
        'C,B,Cat,2022-05-06',
      ].join('\n'),
    );
    const upload = [{ name: 'org-2025-04-30.csv', path: file }];
    const before = await countTables(streamed.handle);
    // Refused: a duplicate id without keep-first; the streamed rows (and the COPY error the
    // duplicate raised in the database) are rolled back with the transaction.
    const refused = await importOrgFiles(
      inOrg(CLI_ACTOR, 1),
      upload,
      {},
      { handle: streamed.handle, streamMinBytes: 0 },
    );
    expect(refused.result.ok).toBe(false);
    expect(refused.committed).toEqual([]);
    expect(await countTables(streamed.handle)).toEqual(before);
    // Kept-first: the streamed rows are rolled back to the savepoint and the kept records loaded.
    clearPreparedCache();
    const kept = await importOrgFiles(
      inOrg(CLI_ACTOR, 1),
      upload,
      { skipDuplicates: true },
      { handle: streamed.handle, streamMinBytes: 0 },
    );
    expect(kept.result.streamed).toBe(false);
    expect(kept.committed).toEqual([
      expect.objectContaining({ asOf: '2025-04-30', version: 1, headcount: 3 }),
    ]);
    const people = await queryRows(
      streamed.handle,
      'select employee_id, name, hire_date::text as hire from people where snapshot_id = $1 order by row_no',
      [kept.committed[0]?.id],
    );
    expect(people).toEqual([
      { employee_id: 'A', name: 'Ann', hire: '2020-01-01' },
      { employee_id: 'B', name: 'Bob', hire: '2021-02-03' },
      { employee_id: 'C', name: 'Cat', hire: '2022-05-06' },
    ]);
    const after = await countTables(streamed.handle);
    expect([after.snapshots - before.snapshots, after.people - before.people]).toEqual([1, 3]);
  });
});
