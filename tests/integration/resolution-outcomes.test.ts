/**
 * What each resolution of a hierarchy defect (SPEC "What happens to bad input") stores: for every
 * action of every defect class, the people, layers, managers and spans read back the way the
 * dashboards read them (the stored metrics contract and the Structure dashboard's span histogram),
 * each figure worked out by hand from the pictures below. Then a partial commit (--commit-valid) of
 * a stacked file: the date with an error leaves no row in any table that holds snapshot data.
 *
 * Fixtures: tests/fixtures/resolutions/*.csv (header on line 1, so "line n" is data row n - 1).
 * The CLI flags, exit codes and --json of the same resolutions are tested in the CLI suites.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importFiles } from '@/cli/commands/import-command';
import type { Resolutions } from '@/lib/ingest/resolutions';
import { testActor } from '../support/actors';
import { countTables, queryRows } from '../support/cli';
import { readStoredStructure, type StoredStructure } from '../support/stored-structure';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const FIX = path.resolve(process.cwd(), 'tests/fixtures/resolutions');
const quiet = () => undefined;
const hr = testActor('hr');

/** What one import stores, as the dashboards read it back (ids: the people rows stored). */
type Outcome = StoredStructure;

/** E1, E2, ...: the people of a case, by number. */
const E = (...n: number[]): string[] => n.map((k) => `E${k}`);
/** E1 to En. */
const upTo = (n: number): string[] => E(...Array.from({ length: n }, (_, k) => k + 1));

interface Case {
  name: string;
  resolutions: Resolutions;
  expected: Outcome;
}

/** Each import gets a date of its own, so every case is a snapshot of its own. */
let nextDay = 0;
const nextAsOf = (): string => {
  nextDay += 1;
  return new Date(Date.UTC(2023, 0, nextDay)).toISOString().slice(0, 10);
};

describe.each(backends())('resolution outcomes on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache(); // snapshot ids restart in every fresh database
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  /** Imports one fixture with the resolutions of a case and checks what is stored. */
  async function check(file: string, c: Case): Promise<void> {
    const asOf = nextAsOf();
    const { result, committed } = await importFiles(
      [path.join(FIX, file)],
      { asOf, resolutions: c.resolutions },
      quiet,
    );
    expect(result.snapshots[0]?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const id = committed[0]?.id;
    if (id === undefined) throw new Error('nothing was committed');
    const got = await readStoredStructure(tdb.handle, hr, asOf, id);
    expect(got).toEqual({ ...c.expected, ids: [...c.expected.ids].sort() });
    // No vacant or junior rows in these files: every stored row is one of the headcount.
    expect(got.ids).toHaveLength(c.expected.headcount);
  }

  /** Without a resolution the file is refused and nothing is stored. */
  async function refused(file: string, code: string): Promise<void> {
    const before = await countTables(tdb.handle);
    const { result, committed } = await importFiles([path.join(FIX, file)], { asOf: nextAsOf() }, quiet);
    expect(result.ok).toBe(false);
    expect(committed).toEqual([]);
    expect(result.snapshots[0]?.issues.some((i) => i.severity === 'error' && i.code === code)).toBe(true);
    expect(await countTables(tdb.handle)).toEqual(before);
  }

  /*
   * duplicate-id-tree.csv: E4 is on line 5 (under E2) and again on line 12 (under E6).
   *
   *   E1 ─┬─ E2 ─┬─ E4 (line 5) ─┬─ E7        E4 (line 12) reports to E6
   *       │      │               └─ E8
   *       │      └─ E5 ── E11
   *       └─ E3 ── E6 ─┬─ E9
   *                    └─ E10
   */
  describe('duplicate-id', () => {
    it('is refused without a resolution', () => refused('duplicate-id-tree.csv', 'duplicate-id'));

    it.each<Case>([
      {
        // Line 12 dropped: the picture above. 11 people (12 rows - 1), one root.
        // Layers: {E1} {E2,E3} {E4,E5,E6} {E7,E8,E9,E10,E11} = 1, 2, 3, 5.
        // Managers: E1 (2), E2 (2: E4, E5), E3 (1), E4 (2), E5 (1), E6 (2) = 6 -> span 1: 2, span 2: 4.
        name: 'keep-first',
        resolutions: { 'duplicate-id': 'keep-first' },
        expected: {
          ids: upTo(11),
          headcount: 11,
          roots: 1,
          orphans: 0,
          layers: [1, 2, 3, 5],
          managers: 6,
          spans: { 1: 2, 2: 4 },
          recorded: { 'duplicate-id': 'keep-first' },
        },
      },
      {
        // Line 5 dropped: E4 (with E7, E8) moves under E6, one layer deeper.
        // Layers: {E1} {E2,E3} {E5,E6} {E11,E9,E10,E4} {E7,E8} = 1, 2, 2, 4, 2 (depth 5).
        // Managers: E1 (2), E2 (1: E5), E3 (1), E5 (1), E6 (3: E9, E10, E4), E4 (2) = 6
        // -> span 1: 3, span 2: 2, span 3: 1.
        name: 'keep-last',
        resolutions: { 'duplicate-id': 'keep-last' },
        expected: {
          ids: upTo(11),
          headcount: 11,
          roots: 1,
          orphans: 0,
          layers: [1, 2, 2, 4, 2],
          managers: 6,
          spans: { 1: 3, 2: 2, 3: 1 },
          recorded: { 'duplicate-id': 'keep-last' },
        },
      },
      {
        // Both E4 rows dropped: 10 people; E7 and E8 lose their manager and become extra roots
        // (manager-not-found, root by default, recorded as such): roots E1, E7, E8.
        // Layers: {E1,E7,E8} {E2,E3} {E5,E6} {E11,E9,E10} = 3, 2, 2, 3.
        // Managers: E1 (2), E2 (1), E3 (1), E5 (1), E6 (2) = 5 -> span 1: 3, span 2: 2.
        name: 'drop-all',
        resolutions: { 'duplicate-id': 'drop-all' },
        expected: {
          ids: E(1, 2, 3, 5, 6, 7, 8, 9, 10, 11),
          headcount: 10,
          roots: 3,
          orphans: 2,
          layers: [3, 2, 2, 3],
          managers: 5,
          spans: { 1: 3, 2: 2 },
          recorded: { 'duplicate-id': 'drop-all', 'manager-not-found': 'root' },
        },
      },
    ])('$name', (c) => check('duplicate-id-tree.csv', c));
  });

  /*
   * missing-employee-id.csv: lines 4 (under E1) and 8 (under E3) have no employee id.
   *
   *   E1 ─┬─ E2 ─┬─ E4 ─┬─ E7         (no id, line 4) -> E1
   *       │      │      └─ E8         (no id, line 8) -> E3
   *       │      └─ E5
   *       └─ E3 ── E6 ─┬─ E9
   *                    └─ E10
   */
  describe('missing-employee-id', () => {
    it('is refused without a resolution', () => refused('missing-employee-id.csv', 'missing-employee-id'));

    it.each<Case>([
      {
        // Both rows without an id dropped: 10 people under one root; nobody can report to a row
        // without an id, so nothing else moves.
        // Layers: {E1} {E2,E3} {E4,E5,E6} {E7,E8,E9,E10} = 1, 2, 3, 4.
        // Managers: E1 (2), E2 (2), E3 (1), E4 (2), E6 (2) = 5 -> span 1: 1, span 2: 4.
        name: 'drop',
        resolutions: { 'missing-employee-id': 'drop' },
        expected: {
          ids: upTo(10),
          headcount: 10,
          roots: 1,
          orphans: 0,
          layers: [1, 2, 3, 4],
          managers: 5,
          spans: { 1: 1, 2: 4 },
          recorded: { 'missing-employee-id': 'drop' },
        },
      },
    ])('$name', (c) => check('missing-employee-id.csv', c));
  });

  /*
   * self-manager-tree.csv: E6 (line 7) is recorded as their own manager.
   *
   *   E1 ─┬─ E2 ─┬─ E4 ── E12          E6 -> E6 ─┬─ E7 ── E9
   *       │      └─ E5                           └─ E8
   *       └─ E3 ─┬─ E10
   *              └─ E11
   */
  describe('self-manager', () => {
    it('is refused without a resolution', () => refused('self-manager-tree.csv', 'self-manager'));

    it.each<Case>([
      {
        // E6 becomes a top of the tree: 12 people, roots E1 and E6 (not an orphan: no manager).
        // Layers: {E1,E6} {E2,E3,E7,E8} {E4,E5,E10,E11,E9} {E12} = 2, 4, 5, 1.
        // Managers: E1 (2), E2 (2), E3 (2), E4 (1), E6 (2), E7 (1) = 6 -> span 1: 2, span 2: 4.
        name: 'root',
        resolutions: { 'self-manager': 'root' },
        expected: {
          ids: upTo(12),
          headcount: 12,
          roots: 2,
          orphans: 0,
          layers: [2, 4, 5, 1],
          managers: 6,
          spans: { 1: 2, 2: 4 },
          recorded: { 'self-manager': 'root' },
        },
      },
      {
        // E6 dropped: 11 people; E7 and E8 become orphans, extra roots by default.
        // Layers: {E1,E7,E8} {E2,E3,E9} {E4,E5,E10,E11} {E12} = 3, 3, 4, 1.
        // Managers: E1 (2), E2 (2), E3 (2), E4 (1), E7 (1) = 5 -> span 1: 2, span 2: 3.
        name: 'drop',
        resolutions: { 'self-manager': 'drop' },
        expected: {
          ids: E(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12),
          headcount: 11,
          roots: 3,
          orphans: 2,
          layers: [3, 3, 4, 1],
          managers: 5,
          spans: { 1: 2, 2: 3 },
          recorded: { 'self-manager': 'drop', 'manager-not-found': 'root' },
        },
      },
      {
        // The documented order: self-manager before manager-not-found, so dropping orphans also
        // drops E6's reports E7 and E8 (once: E9, whose manager E7 is now gone, becomes a root).
        // 9 people: E1..E5, E9..E12; roots E1 and E9 (an orphan).
        // Layers: {E1,E9} {E2,E3} {E4,E5,E10,E11} {E12} = 2, 2, 4, 1.
        // Managers: E1 (2), E2 (2), E3 (2), E4 (1) = 4 -> span 1: 1, span 2: 3.
        name: 'drop, with manager-not-found=drop',
        resolutions: { 'self-manager': 'drop', 'manager-not-found': 'drop' },
        expected: {
          ids: E(1, 2, 3, 4, 5, 9, 10, 11, 12),
          headcount: 9,
          roots: 2,
          orphans: 1,
          layers: [2, 2, 4, 1],
          managers: 4,
          spans: { 1: 1, 2: 3 },
          recorded: { 'self-manager': 'drop', 'manager-not-found': 'drop' },
        },
      },
    ])('$name', (c) => check('self-manager-tree.csv', c));
  });

  /*
   * cycle.csv: two cycles. C1 (L2, line 6) -> C3 (L3, line 8) -> C2 (L4, line 7) -> C1, and
   * D1 (no level, line 12) -> D2 (no level, line 13) -> D1.
   *
   *   E1 ─┬─ E2 ── E4        C1 -> C3 -> C2 -> C1     D1 -> D2 -> D1
   *       └─ E3              E6 -> C1                 E10 -> D2
   *                          E7, E8 -> C2
   */
  describe('cycle', () => {
    it('is refused without a resolution', () => refused('cycle.csv', 'cycle'));

    it.each<Case>([
      {
        // Each cycle's root: the member with the highest level (C2, L4 — not C1, first in the
        // file), and D1, first in the file, as D1 and D2 have no level. 13 people, roots E1, C2, D1.
        //   C2 ─┬─ C3 ── C1 ── E6      D1 ── D2 ── E10
        //       ├─ E7
        //       └─ E8
        // Layers: {E1,C2,D1} {E2,E3,C3,E7,E8,D2} {E4,C1,E10} {E6} = 3, 6, 3, 1.
        // Managers: E1 (2), E2 (1), C2 (3), C3 (1), C1 (1), D1 (1), D2 (1) = 7
        // -> span 1: 5, span 2: 1, span 3: 1.
        name: 'root',
        resolutions: { cycle: 'root' },
        expected: {
          ids: [...E(1, 2, 3, 4, 6, 7, 8, 10), 'C1', 'C2', 'C3', 'D1', 'D2'],
          headcount: 13,
          roots: 3,
          orphans: 0,
          layers: [3, 6, 3, 1],
          managers: 7,
          spans: { 1: 5, 2: 1, 3: 1 },
          recorded: { cycle: 'root' },
        },
      },
      {
        // Every member dropped (C1, C2, C3, D1, D2): 8 people; E6, E7, E8 and E10 become orphans,
        // extra roots by default: roots E1, E6, E7, E8, E10.
        // Layers: {E1,E6,E7,E8,E10} {E2,E3} {E4} = 5, 2, 1.
        // Managers: E1 (2), E2 (1) = 2 -> span 1: 1, span 2: 1.
        name: 'drop',
        resolutions: { cycle: 'drop' },
        expected: {
          ids: E(1, 2, 3, 4, 6, 7, 8, 10),
          headcount: 8,
          roots: 5,
          orphans: 4,
          layers: [5, 2, 1],
          managers: 2,
          spans: { 1: 1, 2: 1 },
          recorded: { cycle: 'drop', 'manager-not-found': 'root' },
        },
      },
    ])('$name', (c) => check('cycle.csv', c));
  });

  /*
   * cycle-grades.csv: civil-service grades (the ladder the metrics choose for them ranks
   * AO < EO < HEO < SEO < Grade 7 < Grade 6 < SCS1 < SCS2 < SCS4). One cycle:
   * G1 (Grade 7, line 5) -> G3 (Grade 6, line 7) -> G2 (SCS1, line 6) -> G1.
   *
   *   A1 ─┬─ A2 ─┬─ H3       G1 -> G3 -> G2 -> G1      H1 -> G3, H6 -> H1
   *       │      └─ H5                                 H2, H4 -> G2
   *       └─ A3
   */
  describe('cycle among civil-service grades', () => {
    it.each<Case>([
      {
        // The highest level is G2's SCS1 (Deputy Director), not G1's Grade 7 (the largest number
        // in a code, and first in the file) nor G3's Grade 6. G2 becomes a root; G3 stays under
        // G2 and G1 under G3:
        //   G2 ─┬─ G3 ─┬─ G1
        //       │      └─ H1 ── H6
        //       ├─ H2
        //       └─ H4
        // 12 people, roots A1 and G2.
        // Layers: {A1,G2} {A2,A3,G3,H2,H4} {H3,H5,G1,H1} {H6} = 2, 5, 4, 1.
        // Managers: A1 (2), A2 (2), G2 (3), G3 (2), H1 (1) = 5 -> span 1: 1, span 2: 3, span 3: 1.
        name: 'root',
        resolutions: { cycle: 'root' },
        expected: {
          ids: ['A1', 'A2', 'A3', 'G1', 'G2', 'G3', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
          headcount: 12,
          roots: 2,
          orphans: 0,
          layers: [2, 5, 4, 1],
          managers: 5,
          spans: { 1: 1, 2: 3, 3: 1 },
          recorded: { cycle: 'root' },
        },
      },
      {
        // G1, G2, G3 dropped: 9 people; H1, H2, H4 become orphans: roots A1, H1, H2, H4.
        // Layers: {A1,H1,H2,H4} {A2,A3,H6} {H3,H5} = 4, 3, 2.
        // Managers: A1 (2), A2 (2), H1 (1) = 3 -> span 1: 1, span 2: 2.
        name: 'drop',
        resolutions: { cycle: 'drop' },
        expected: {
          ids: ['A1', 'A2', 'A3', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
          headcount: 9,
          roots: 4,
          orphans: 3,
          layers: [4, 3, 2],
          managers: 3,
          spans: { 1: 1, 2: 2 },
          recorded: { cycle: 'drop', 'manager-not-found': 'root' },
        },
      },
    ])('$name', (c) => check('cycle-grades.csv', c));
  });

  /*
   * manager-not-found.csv: E6 (line 7) reports to X99 and E10 (line 11) to X98, neither in the file.
   *
   *   E1 ─┬─ E2 ─┬─ E4        X99? ── E6 ─┬─ E7 ── E9     X98? ── E10 ── E12
   *       │      └─ E5                    └─ E8
   *       └─ E3 ── E11
   */
  describe('manager-not-found', () => {
    // Root, the default: 12 people; E6 and E10 are extra roots, flagged orphan: roots E1, E6, E10.
    // Layers: {E1,E6,E10} {E2,E3,E7,E8,E12} {E4,E5,E11,E9} = 3, 5, 4.
    // Managers: E1 (2), E2 (2), E3 (1), E6 (2), E7 (1), E10 (1) = 6 -> span 1: 3, span 2: 3.
    const asRoot: Outcome = {
      ids: upTo(12),
      headcount: 12,
      roots: 3,
      orphans: 2,
      layers: [3, 5, 4],
      managers: 6,
      spans: { 1: 3, 2: 3 },
      recorded: { 'manager-not-found': 'root' },
    };
    it.each<Case>([
      // Not chosen: a warning, not an error; the default (root) is applied and recorded.
      { name: 'no choice (root by default)', resolutions: {}, expected: asRoot },
      { name: 'root', resolutions: { 'manager-not-found': 'root' }, expected: asRoot },
      {
        // E6 and E10 dropped: 10 people; their reports E7, E8 and E12 become orphans (extra roots),
        // not dropped in turn: roots E1, E7, E8, E12.
        // Layers: {E1,E7,E8,E12} {E2,E3,E9} {E4,E5,E11} = 4, 3, 3.
        // Managers: E1 (2), E2 (2), E3 (1), E7 (1) = 4 -> span 1: 2, span 2: 2.
        name: 'drop',
        resolutions: { 'manager-not-found': 'drop' },
        expected: {
          ids: E(1, 2, 3, 4, 5, 7, 8, 9, 11, 12),
          headcount: 10,
          roots: 4,
          orphans: 3,
          layers: [4, 3, 3],
          managers: 4,
          spans: { 1: 2, 2: 2 },
          recorded: { 'manager-not-found': 'drop' },
        },
      },
    ])('$name', (c) => check('manager-not-found.csv', c));
  });
});

/*
 * stacked-partial.csv: one file, three as_of dates.
 *   2024-01-31  E1 ─┬─ E2 ── E4          4 people, valid
 *                   └─ E3
 *   2024-02-29  E3 is their own manager (line 8): an error with no resolution chosen
 *   2024-03-31  E1 ── E2 ─┬─ E4          4 people, valid
 *                         └─ E5
 * With commitValid, 2024-01-31 and 2024-03-31 are stored; 2024-02-29 leaves no row anywhere.
 * On PostgreSQL also through the path that loads a file while parsing it (a placeholder snapshot
 * row and a COPY of the people are opened before the parse knows of the error).
 */
const partialVariants = backends().flatMap((b): Array<[string, string]> =>
  b === 'postgres'
    ? [
        [b, ''],
        [b, ' (loaded while parsed)'],
      ]
    : [[b, '']],
);

describe.each(partialVariants)('partial commit of a stacked file on %s%s', (backend, streamed) => {
  let tdb: TestDb;
  const sql = <T>(text: string, params: unknown[] = []) => queryRows<T>(tdb.handle, text, params);

  beforeAll(async () => {
    if (streamed) process.env.STRATA_STREAM_MIN_BYTES = '0';
    tdb = await createTestDb(backend as 'pglite' | 'postgres');
    clearPreparedCache();
  });
  afterAll(async () => {
    delete process.env.STRATA_STREAM_MIN_BYTES;
    clearPreparedCache();
    await tdb.drop();
  });

  it('stores the valid dates only; the invalid date left no row in any table', async () => {
    const file = path.join(FIX, 'stacked-partial.csv');
    // Tables that hold snapshot data (db/schema): snapshots, people and metric_results (both keyed
    // by snapshot_id), and audit_log (an import is audited with its as-of date as the target).
    const before = await countTables(tdb.handle);

    // Without commitValid nothing at all is stored.
    const refused = await importFiles([file], {}, quiet);
    expect(refused.result.ok).toBe(false);
    expect(refused.committed).toEqual([]);
    expect(await countTables(tdb.handle)).toEqual(before);

    const { result, committed, stored } = await importFiles([file], { commitValid: true }, quiet);
    expect(result.ok).toBe(false);
    expect(result.snapshots.map((s) => s.asOf)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    const bad = result.snapshots[1];
    expect(bad?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row])).toEqual([
      ['self-manager', 8],
    ]);
    expect(stored).toEqual([0, 2]);
    expect(committed.map((c) => [c.asOf, c.headcount])).toEqual([
      ['2024-01-31', 4],
      ['2024-03-31', 4],
    ]);
    const ids = committed.map((c) => c.id);

    const after = await countTables(tdb.handle);
    // Two snapshot rows, their 4 + 4 people, two audit entries; header mappings untouched.
    expect(after.snapshots - before.snapshots).toBe(2);
    expect(after.people - before.people).toBe(8);
    expect(after.audit - before.audit).toBe(2);
    expect(after.headerMappings).toBe(before.headerMappings);
    // Every metric row belongs to one of the two stored snapshots, and each has some.
    const metricOwners = await sql<{ snapshot_id: number; n: number }>(
      'select snapshot_id, count(*)::int as n from metric_results group by snapshot_id order by snapshot_id',
    );
    expect(metricOwners.map((r) => r.snapshot_id)).toEqual(ids);
    expect(metricOwners.every((r) => r.n > 0)).toBe(true);
    expect(after.metricResults - before.metricResults).toBe(metricOwners.reduce((n, r) => n + r.n, 0));

    // Nothing of 2024-02-29: no snapshot row (not even a placeholder), no people of any
    // snapshot other than the two, no audit entry naming the date.
    const [left] = await sql<{ s: number; p: number; a: number; all: number }>(
      `select (select count(*)::int from snapshots where as_of = '2024-02-29') as s,
              (select count(*)::int from people where snapshot_id <> all($1::int[])) as p,
              (select count(*)::int from audit_log where target = '2024-02-29') as a,
              (select count(*)::int from snapshots) as all`,
      [ids],
    );
    expect(left).toEqual({ s: 0, p: 0, a: 0, all: 2 });
    const people = await sql<{ snapshot_id: number; employee_id: string }>(
      'select snapshot_id, employee_id from people order by snapshot_id, employee_id',
    );
    expect(people.map((p) => `${p.snapshot_id === ids[0] ? 'jan' : 'mar'}:${p.employee_id}`)).toEqual([
      'jan:E1',
      'jan:E2',
      'jan:E3',
      'jan:E4',
      'mar:E1',
      'mar:E2',
      'mar:E4',
      'mar:E5',
    ]);

    // The stored dates read back as imported; the left date is not there to read.
    const jan = await getMetricsContract(hr, { asOf: '2024-01-31' });
    expect(jan).toMatchObject({ headcount: 4, depth: 3, managers: 2, roots: 1 });
    const mar = await getMetricsContract(hr, { asOf: '2024-03-31' });
    expect(mar).toMatchObject({ headcount: 4, depth: 3, managers: 2, roots: 1 });
    await expect(getMetricsContract(hr, { asOf: '2024-02-29' })).rejects.toThrow();
  });
});
