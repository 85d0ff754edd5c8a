/**
 * Importing org snapshots end to end (SPEC "What happens to bad input"): the CLI/demo path
 * (importFiles), the web upload path (createUpload -> revalidateUpload -> commitPendingUpload),
 * versions, deletes, audit entries, and "nothing is half-imported".
 *
 * tests/fixtures/org/small-org-2024-01-31.csv, worked out by hand:
 *   16 data rows = 15 people + 1 vacant post (V1, status Vacant) -> headcount 15, 16 stored records.
 *   Roots: E1 (no manager) and E13 (manager X99 is not in the file: an orphan, an extra root) = 2.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { parseOrgUpload } from '@/lib/ingest';
import type { UploadResult } from '@/lib/ingest';
import { CLI_ACTOR, type Actor } from '@/lib/dal/actor';
import { ForbiddenError } from '@/lib/dal/errors';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { listSnapshots } from '@/lib/dal/snapshot-list';
import { commitUpload, deleteSnapshot } from '@/lib/dal/snapshots';
import { commitPendingUpload, createUpload, revalidateUpload } from '@/lib/dal/uploads';
import { countTables, queryRows } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORG = path.resolve(process.cwd(), 'tests/fixtures/org');
const INGEST = path.resolve(process.cwd(), 'tests/fixtures/ingest');
const SMALL = path.join(ORG, 'small-org-2024-01-31.csv');
const quiet = () => undefined;

const hr: Actor = {
  userId: null,
  email: 'hr@example.com',
  name: 'HR',
  role: 'hr',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const leader: Actor = {
  userId: 7,
  email: 'l@example.com',
  name: 'L',
  role: 'leader',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const viewer: Actor = {
  userId: 8,
  email: 'v@example.com',
  name: 'V',
  role: 'viewer',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};

const fileBytes = (p: string) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) });

// On PostgreSQL twice: as configured (these small files are parsed, then loaded) and with every
// file loaded while it is parsed (importOrgFiles' streamed path, normally for files over 2 MB).
const variants = backends().flatMap((b) =>
  b === 'postgres'
    ? [
        [b, ''],
        [b, ' (loaded while parsed)'],
      ]
    : [[b, '']],
);

describe.each(variants)('importing org snapshots on %s%s', (backend, streamed) => {
  let tdb: TestDb;
  const sql = <T>(text: string, params: unknown[] = []) => queryRows<T>(tdb.handle, text, params);
  const auditCount = async (action: string) =>
    (await sql<{ n: number }>('select count(*)::int as n from audit_log where action = $1', [action]))[0]?.n;

  beforeAll(async () => {
    if (streamed) process.env.STRATA_STREAM_MIN_BYTES = '0';
    tdb = await createTestDb(backend as 'postgres' | 'pglite');
    clearPreparedCache(); // snapshot ids restart in every fresh database
  });
  afterAll(async () => {
    delete process.env.STRATA_STREAM_MIN_BYTES;
    await tdb.drop();
  });

  it('stores the small org as one current snapshot of 16 records, headcount 15, audited', async () => {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles([SMALL], {}, quiet);
    expect(result.ok).toBe(true);
    // as-of from the file name; 15 people, E1 + orphan E13 = 2 roots, 1 orphan.
    expect(committed).toEqual([
      expect.objectContaining({
        asOf: '2024-01-31',
        version: 1,
        replacedVersion: null,
        headcount: 15,
        roots: 2,
        orphans: 1,
      }),
    ]);
    expect(committed[0]?.warnings.map((w) => [w.code, w.row, w.ids])).toEqual([
      ['manager-not-found', 17, ['E13']],
    ]);
    const [row] = await sql<{
      as_of: string | Date;
      version: number;
      is_current: boolean;
      headcount: number;
      records: number;
      skip_duplicates: boolean;
      uploaded_by: string;
      source_files: string[];
    }>('select * from snapshots where id = $1', [committed[0]?.id]);
    expect(row).toMatchObject({
      version: 1,
      is_current: true,
      headcount: 15,
      records: 16,
      skip_duplicates: false,
      uploaded_by: 'cli',
      source_files: ['small-org-2024-01-31.csv'],
    });
    const people = await sql<{ status: string; n: number }>(
      'select status, count(*)::int as n from people where snapshot_id = $1 group by status order by status',
      [committed[0]?.id],
    );
    expect(people).toEqual([
      { status: 'filled', n: 15 },
      { status: 'vacant', n: 1 },
    ]);
    const after = await countTables(tdb.handle);
    expect(after.snapshots - before.snapshots).toBe(1);
    expect(after.people - before.people).toBe(16);
    expect(after.audit - before.audit).toBe(1);
    expect(after.metricResults).toBeGreaterThan(before.metricResults);
    const [entry] = await sql<{ actor_email: string; target: string; details: { version: number } }>(
      `select actor_email, target, details from audit_log where action = 'snapshot.import' order by id desc limit 1`,
    );
    expect(entry).toMatchObject({ actor_email: 'cli', target: '2024-01-31', details: { version: 1 } });
  });

  it('re-importing the same as-of date adds version 2 and keeps version 1; deleting v2 makes v1 current again', async () => {
    const { committed } = await importFiles([SMALL], {}, quiet);
    expect(committed[0]).toMatchObject({ asOf: '2024-01-31', version: 2, replacedVersion: 1 });
    const v2 = committed[0]?.id ?? -1;
    const listed = (await listSnapshots(hr)).filter((s) => s.asOf === '2024-01-31');
    expect(listed.map((s) => [s.version, s.isCurrent, s.versions])).toEqual([
      [2, true, 2],
      [1, false, 2],
    ]);
    expect((await listSnapshots(hr, { currentOnly: true })).map((s) => [s.asOf, s.version])).toEqual([
      ['2024-01-31', 2],
    ]);

    const deletesBefore = await auditCount('snapshot.delete');
    await deleteSnapshot(hr, v2);
    const after = (await listSnapshots(hr)).filter((s) => s.asOf === '2024-01-31');
    expect(after.map((s) => [s.version, s.isCurrent, s.versions])).toEqual([[1, true, 1]]);
    // people and metric results of v2 went with it
    const left = await sql<{ p: number; m: number }>(
      'select (select count(*)::int from people where snapshot_id = $1) as p, (select count(*)::int from metric_results where snapshot_id = $1) as m',
      [v2],
    );
    expect(left).toEqual([{ p: 0, m: 0 }]);
    expect(await auditCount('snapshot.delete')).toBe((deletesBefore ?? 0) + 1);
    const [entry] = await sql<{ actor_email: string; target: string; details: unknown }>(
      `select actor_email, target, details from audit_log where action = 'snapshot.delete' order by id desc limit 1`,
    );
    expect(entry).toEqual({
      actor_email: 'hr@example.com',
      target: '2024-01-31',
      details: { snapshotId: v2, version: 2 },
    });
  });

  it('refuses a file with a duplicate id and stores nothing at all', async () => {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles(
      [path.join(ORG, 'duplicate-id.csv')],
      { asOf: '2023-06-30' },
      quiet,
    );
    expect(result.ok).toBe(false);
    expect(committed).toEqual([]);
    // D2 is on file lines 3 and 4 (header = line 1): the second one is the error.
    const errors = result.snapshots[0]?.issues.filter((i) => i.severity === 'error') ?? [];
    expect(errors.map((e) => [e.code, e.row, e.ids])).toEqual([['duplicate-id', 4, ['D2']]]);
    expect(await countTables(tdb.handle)).toEqual(before);
  });

  it('with skipDuplicates keeps the first row of the duplicated id and records the choice', async () => {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles(
      [path.join(ORG, 'duplicate-id.csv')],
      { asOf: '2023-06-30', skipDuplicates: true },
      quiet,
    );
    expect(result.ok).toBe(true);
    // 4 rows, the second D2 skipped -> D1, D2 (first), D3: 3 people.
    expect(committed[0]).toMatchObject({ asOf: '2023-06-30', headcount: 3 });
    expect(committed[0]?.warnings.map((w) => [w.code, w.row])).toEqual([['duplicate-id', 4]]);
    const id = committed[0]?.id;
    const people = await sql<{ employee_id: string; name: string }>(
      'select employee_id, name from people where snapshot_id = $1 order by employee_id',
      [id],
    );
    expect(people).toEqual([
      { employee_id: 'D1', name: 'Dee Root' },
      { employee_id: 'D2', name: 'First Two' },
      { employee_id: 'D3', name: 'Three' },
    ]);
    expect((await listSnapshots(hr)).find((s) => s.id === id)?.skipDuplicates).toBe(true);
    const [entry] = await sql<{ details: { skipDuplicates: boolean } }>(
      `select details from audit_log where action = 'snapshot.import' order by id desc limit 1`,
    );
    expect(entry?.details.skipDuplicates).toBe(true);
    const after = await countTables(tdb.handle);
    expect([after.snapshots - before.snapshots, after.people - before.people]).toEqual([1, 3]);
  });

  it('refuses a reporting cycle, listing the people in it, and stores nothing', async () => {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles(
      [path.join(ORG, 'reporting-cycle.csv')],
      { asOf: '2023-07-31' },
      quiet,
    );
    expect(result.ok).toBe(false);
    expect(committed).toEqual([]);
    // C2 -> C4 -> C3 -> C2; C1 and C5 are fine.
    const cycle = result.snapshots[0]?.issues.filter((i) => i.code === 'cycle') ?? [];
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.severity).toBe('error');
    expect([...(cycle[0]?.ids ?? [])].sort()).toEqual(['C2', 'C3', 'C4']);
    for (const id of ['C2', 'C3', 'C4']) expect(cycle[0]?.message).toContain(id);
    expect(await countTables(tdb.handle)).toEqual(before);
  });

  it('a stacked multi-snapshot file gives one snapshot per label, committed in one transaction', async () => {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles([path.join(INGEST, 'ifg-stacked.csv')], {}, quiet);
    expect(result.ok).toBe(true);
    // Sep-12: A1 + A2 = 2 people (1,200 FTE of junior staff under A2 are FTE, not people); root A1.
    // Mar-13: A1 = 1 person (3.5 FTE under A1, and 2 FTE under A9, which is not in the file: the
    // import warns about them, but junior rows are no top of the person-level tree).
    expect(committed.map((c) => [c.asOf, c.headcount, c.roots, c.orphans])).toEqual([
      ['2012-09-30', 2, 1, 0],
      ['2013-03-31', 1, 1, 0],
    ]);
    const rows = await sql<{ label: string; xmin: string }>(
      'select label, xmin::text as xmin from snapshots where id = any($1::int[]) order by as_of',
      [committed.map((c) => c.id)],
    );
    expect(rows.map((r) => r.label)).toEqual(['Sep-12', 'Mar-13']);
    // Rows written by one transaction carry one transaction id.
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    const after = await countTables(tdb.handle);
    // 2 + 1 records, then 1 + 2 records; one audit entry per snapshot.
    expect([
      after.snapshots - before.snapshots,
      after.people - before.people,
      after.audit - before.audit,
    ]).toEqual([2, 6, 2]);
  });

  it('web upload: a hand mapping for an unknown header is saved and offered for the next file with those headers', async () => {
    const first = await createUpload(hr, [fileBytes(path.join(ORG, 'boss-ref-header.csv'))], {
      asOf: '2024-05-31',
    });
    // "Boss Ref" is no synonym of manager_id: the file is refused until it is mapped by hand.
    expect(first.report.ok).toBe(false);
    expect(first.report.fileIssues.map((i) => i.code)).toContain('missing-column');
    expect(first.files[0]?.savedMappingApplied).toBe(false);
    expect(first.files[0]?.preview?.headers).toEqual(['Staff ID', 'Boss Ref', 'Full Name']);

    const mapped = await revalidateUpload(hr, first.id, {
      asOf: '2024-05-31',
      mapping: { 'Boss Ref': 'manager_id' },
    });
    expect(mapped.report.ok).toBe(true);
    // B1 <- B2, B3; B2 <- B4: 4 people, 1 root.
    expect(mapped.report.snapshots[0]?.stats).toMatchObject({ people: 4, roots: 1, orphans: 0 });

    const saves = (await auditCount('mapping.save')) ?? 0;
    const committed = await commitPendingUpload(hr, first.id);
    expect(committed.map((c) => [c.asOf, c.headcount, c.roots])).toEqual([['2024-05-31', 4, 1]]);
    const stored = await sql<{ manager_id: string | null }>(
      'select manager_id from people where snapshot_id = $1 order by row_no',
      [committed[0]?.id],
    );
    expect(stored.map((r) => r.manager_id)).toEqual([null, 'B1', 'B1', 'B2']);
    const mappings = await sql<{ mapping: Record<string, string> }>('select mapping from header_mappings');
    expect(mappings).toEqual([{ mapping: { 'Boss Ref': 'manager_id' } }]);
    expect(await auditCount('mapping.save')).toBe(saves + 1);
    const [imported] = await sql<{ actor_email: string }>(
      `select actor_email from audit_log where action = 'snapshot.import' order by id desc limit 1`,
    );
    expect(imported?.actor_email).toBe('hr@example.com');
    // The pending upload is gone once committed.
    expect(await sql('select id from pending_uploads where id = $1', [first.id])).toEqual([]);

    const second = await createUpload(hr, [fileBytes(path.join(ORG, 'boss-ref-header-again.csv'))], {
      asOf: '2024-06-30',
    });
    expect(second.files[0]?.savedMappingApplied).toBe(true);
    expect(second.report.ok).toBe(true);
    // B1 <- B2 <- B5: 3 people, 1 root.
    expect(second.report.snapshots[0]?.stats).toMatchObject({ people: 3, roots: 1 });
  });

  it('refuses uploads, commits and deletes to leaders and viewers, storing nothing', async () => {
    const before = await countTables(tdb.handle);
    const parsed = await parseOrgUpload([fileBytes(SMALL)]);
    const [current] = await listSnapshots(hr, { currentOnly: true });
    if (!current) throw new Error('expected a snapshot');
    for (const actor of [leader, viewer]) {
      await expect(createUpload(actor, [fileBytes(SMALL)], {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(commitUpload(actor, parsed)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteSnapshot(actor, current.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await countTables(tdb.handle)).toEqual(before);
    expect(
      await sql('select id from pending_uploads where created_by in ($1, $2)', [leader.email, viewer.email]),
    ).toEqual([]);
  });
  // Last in the suite on purpose: postgres.js 3.4.9 never settles a COPY FROM STDIN that the server
  // rejects (porsager/postgres#1173); unless db/raw.ts works around it, the import hangs here with an
  // open transaction left behind. Expected: the error surfaces and the whole upload is rolled back.
  it(
    'when storing the second snapshot of an upload fails, the first is not kept either',
    { timeout: 10_000 },
    async () => {
      const parsed = await parseOrgUpload([fileBytes(path.join(INGEST, 'ifg-stacked.csv'))]);
      const [first, second] = parsed.snapshots;
      if (!first || !second) throw new Error('expected two snapshots');
      const a1 = second.records[0];
      if (!a1) throw new Error('expected records');
      // Bypass validation: the same employee id twice violates the people key while storing snapshot 2.
      const broken: UploadResult = {
        ...parsed,
        snapshots: [first, { ...second, records: [...second.records, a1] }],
      };
      const before = await countTables(tdb.handle);
      await expect(commitUpload(CLI_ACTOR, broken)).rejects.toThrow();
      expect(await countTables(tdb.handle)).toEqual(before);
    },
  );
});
