/**
 * Resolutions of hierarchy defects on the command line (SPEC "What happens to bad input"), from
 * outside: a child process per call (tests/support/cli.ts) on PGlite and on PostgreSQL. Each call
 * imports into an organisation of its own (--org), so the calls do not see each other's snapshots.
 * Fixtures (tests/fixtures/resolutions, written by hand; the header is line 1):
 * - duplicate-id.csv: A1 (top) <- A2 <- A3; A2 on lines 3 (Eng) and 4 (Sales).
 * - self-manager.csv: S1 (top) <- S4; S2 reports to S2 (line 3); S3 reports to S2.
 * - ifg-stacked-defects.csv: three IfG snapshots; Sep-12 P1 <- P2, a junior row under P2 and one
 *   under absent P9 (line 5); Mar-13 P2 reports to P2 (line 7); Sep-13 P1 <- P3 (no defect).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTables, queryRows, runCli, type CliResult } from '../support/cli';
import { useCliDatabase } from '../support/cli-database';
import { backends } from '../support/test-db';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/resolutions');
const DUPLICATE = path.join(DIR, 'duplicate-id.csv');
const SELF = path.join(DIR, 'self-manager.csv');
const STACKED = path.join(DIR, 'ifg-stacked-defects.csv');
// Several CLI starts per test, each a few seconds (more on a busy machine).
const CLI_TIMEOUT = 180_000;

const BACKENDS = backends();
const USAGE_BACKEND = BACKENDS.includes('postgres') ? 'postgres' : 'pglite';

type Json = Record<string, unknown>;
interface Snap {
  asOf: string;
  label?: string;
  headcount: number;
  roots: number;
  orphans: number;
  juniorOrphans: number;
  committed: boolean;
  errors: Json[];
  warnings: Json[];
  resolutions: Record<string, string[]>;
  chosen: Record<string, string>;
  snapshotId?: number;
}

/** stdout is exactly one JSON document. */
function parseStdout(r: CliResult): { snapshots: Snap[]; committed: boolean } {
  const text = r.stdout.trim();
  expect(text.split('\n')).toHaveLength(1);
  return JSON.parse(text) as { snapshots: Snap[]; committed: boolean };
}

interface StoredSnapshot {
  as_of: string;
  headcount: number;
  resolutions: Record<string, string>;
  uploaded_at: string;
}

describe.each(BACKENDS)('import --resolve on %s', (backend) => {
  const db = useCliDatabase(backend);
  const inspect = db.inspect;

  /** The snapshots of one organisation, as stored. */
  const stored = (org: string) =>
    inspect((h) =>
      queryRows<StoredSnapshot>(
        h,
        `select s.as_of::text as as_of, s.headcount, s.resolutions, s.uploaded_at::text as uploaded_at
           from snapshots s join organisations o on o.id = s.org_id where o.name = $1 order by s.as_of`,
        [org],
      ),
    );

  /** Names of the people stored in one organisation's snapshots. */
  const names = (org: string) =>
    inspect(async (h) =>
      (
        await queryRows<{ name: string }>(
          h,
          `select p.name from people p join snapshots s on s.id = p.snapshot_id
             join organisations o on o.id = s.org_id where o.name = $1 order by p.name`,
          [org],
        )
      ).map((r) => r.name),
    );

  /**
   * Imports `file` (as of 2024-01-31) once per organisation with its extra options, all expected to
   * commit (exit 0); returns each run's snapshot. PostgreSQL serves several processes at once; the
   * PGlite folder takes one at a time.
   */
  async function importEach(file: string, runs: Array<[org: string, ...options: string[]]>): Promise<Snap[]> {
    const args = runs.map(([org, ...options]) => [
      'import',
      file,
      '--as-of',
      '2024-01-31',
      '--org',
      org,
      ...options,
      '--json',
    ]);
    const results: CliResult[] = [];
    if (backend === 'postgres') results.push(...(await Promise.all(args.map((a) => runCli(a, db.target)))));
    else for (const a of args) results.push(await runCli(a, db.target));
    expect(results.map((r) => r.code)).toEqual(runs.map(() => 0));
    return results.map((r) => parseStdout(r).snapshots[0] ?? ({} as Snap));
  }

  it(
    'an unresolved duplicate-id exits 1, stores nothing, and --json lists its code and the resolutions available',
    async () => {
      const r = await runCli(
        ['import', DUPLICATE, '--as-of', '2024-01-31', '--org', 'Refused', '--json'],
        db.target,
      );
      expect(r.code).toBe(1);
      const { snapshots, committed } = parseStdout(r);
      expect(committed).toBe(false);
      const [s] = snapshots;
      expect(s).toMatchObject({ asOf: '2024-01-31', committed: false, chosen: {} });
      // A2 is on file lines 3 and 4: the error names line 4, the later one.
      expect(s?.errors).toEqual([
        expect.objectContaining({
          code: 'duplicate-id',
          row: 4,
          ids: ['A2'],
          message: 'Line 4: employee_id A2 is also at line 3.',
        }),
      ]);
      expect(s?.resolutions).toEqual({ 'duplicate-id': ['keep-first', 'keep-last', 'drop-all'] });
      // Nothing stored (this is the first import in this database): no snapshot, person or metric.
      // The only rows written are the organisation that --org names and its audit row (org.create).
      expect(await inspect(countTables)).toMatchObject({ snapshots: 0, people: 0, metricResults: 0 });
      const audit = await inspect((h) => queryRows<{ action: string }>(h, 'select action from audit_log'));
      expect(audit.map((a) => a.action)).toEqual(['org.create']);
      expect(await stored('Refused')).toEqual([]);
    },
    CLI_TIMEOUT,
  );

  it(
    '--resolve duplicate-id=keep-first imports and records the choice; --skip-duplicates is the same',
    async () => {
      const [a, b] = await importEach(DUPLICATE, [
        ['Keep first', '--resolve', 'duplicate-id=keep-first'],
        ['Skip duplicates', '--skip-duplicates'],
      ]);
      // A1, A2 (line 3), A3: 3 people, one root, no orphan
      expect(a).toMatchObject({
        asOf: '2024-01-31',
        headcount: 3,
        roots: 1,
        orphans: 0,
        committed: true,
        errors: [],
        chosen: { 'duplicate-id': 'keep-first' },
      });
      expect(a?.warnings).toEqual([
        expect.objectContaining({
          code: 'duplicate-id',
          row: 4,
          message:
            'Line 4: employee_id A2 was already at line 3; this row was dropped (duplicate-id=keep-first).',
        }),
      ]);
      // --skip-duplicates gives the same outcome, apart from the snapshot's id.
      const { snapshotId: _a, ...restA } = a ?? ({} as Snap);
      const { snapshotId: _b, ...restB } = b ?? ({} as Snap);
      expect(restB).toEqual(restA);
      for (const org of ['Keep first', 'Skip duplicates']) {
        expect((await stored(org)).map((s) => [s.as_of, s.headcount, s.resolutions])).toEqual([
          ['2024-01-31', 3, { 'duplicate-id': 'keep-first' }],
        ]);
        expect(await names(org)).toEqual(['Ann Top', 'Bo First', 'Cy Report']); // line 4 dropped
      }
    },
    CLI_TIMEOUT,
  );

  it(
    '--resolve self-manager=root and self-manager=drop',
    async () => {
      const [r, d] = await importEach(SELF, [
        ['Self root', '--resolve', 'self-manager=root'],
        ['Self drop', '--resolve', 'self-manager=drop'],
      ]);
      // root: S2 becomes a top of the tree: 4 people, roots S1 and S2, no orphan
      expect(r).toMatchObject({ headcount: 4, roots: 2, orphans: 0, committed: true, errors: [] });
      expect(r?.chosen).toEqual({ 'self-manager': 'root' });
      expect(r?.warnings).toEqual([
        expect.objectContaining({
          code: 'self-manager',
          row: 3,
          message:
            'Line 3: S2 was recorded as their own manager; made a top of the tree (self-manager=root).',
        }),
        expect.objectContaining({ code: 'several-roots', ids: ['S1', 'S2'] }),
      ]);
      // drop: S2 (line 3) goes; its report S3 becomes an orphan (an extra root, manager-not-found=root
      // by default): 3 people, roots S1 and S3, 1 orphan
      expect(d).toMatchObject({ headcount: 3, roots: 2, orphans: 1, committed: true, errors: [] });
      expect(d?.chosen).toEqual({ 'self-manager': 'drop', 'manager-not-found': 'root' });
      expect(d?.warnings.map((w) => [w.code, w.row])).toEqual([
        ['self-manager', 3],
        ['manager-not-found', 4],
      ]);
      expect((await stored('Self root')).map((s) => [s.headcount, s.resolutions])).toEqual([
        [4, { 'self-manager': 'root' }],
      ]);
      expect((await stored('Self drop')).map((s) => [s.headcount, s.resolutions])).toEqual([
        [3, { 'self-manager': 'drop', 'manager-not-found': 'root' }],
      ]);
      expect(await names('Self drop')).toEqual(['Sal Other', 'Sam Top', 'Stu Report']);
    },
    CLI_TIMEOUT,
  );

  it(
    'a stacked file: refused as a whole, then --commit-valid commits the valid snapshots in one transaction and lists the other with why (exit 1)',
    async () => {
      const refused = await runCli(['import', STACKED, '--org', 'Stacked'], db.target);
      expect(refused.code).toBe(1);
      // Human summary: person-level counts; the junior row under absent P9 (line 5) is counted apart.
      expect(refused.stdout).toContain(
        '2012-09-30: 2 people, 1 root(s), 0 orphan(s), 0 error(s), 1 warning(s), 1 junior row(s) whose reporting post is absent (their FTE counts at the top of the organisation) — not committed',
      );
      expect(refused.stdout).toContain('2013-03-31: 3 people, 1 root(s), 0 orphan(s), 1 error(s)');
      expect(refused.stdout).toContain('— choose --resolve self-manager=root|drop');
      expect(refused.stdout).toContain(
        'error (self-manager): Line 7: P2 is recorded as their own manager (a reporting cycle of one).',
      );
      expect(refused.stdout).toContain('nothing was stored');
      expect(await stored('Stacked')).toEqual([]);

      const r = await runCli(['import', STACKED, '--org', 'Stacked', '--commit-valid', '--json'], db.target);
      // Exit 1 while an error is unresolved, even though the valid snapshots were committed.
      expect(r.code).toBe(1);
      const out = parseStdout(r);
      expect(out.committed).toBe(true);
      expect(out.snapshots.map((s) => [s.asOf, s.label, s.committed, s.headcount])).toEqual([
        ['2012-09-30', 'Sep-12', true, 2],
        ['2013-03-31', 'Mar-13', false, 3],
        ['2013-09-30', 'Sep-13', true, 2],
      ]);
      const left = out.snapshots[1];
      expect(left?.errors).toEqual([expect.objectContaining({ code: 'self-manager', row: 7, ids: ['P2'] })]);
      expect(left?.resolutions).toEqual({ 'self-manager': ['root', 'drop'] });
      expect(out.snapshots[0]).toMatchObject({ roots: 1, orphans: 0, juniorOrphans: 1 });
      expect(out.snapshots[0]?.warnings).toEqual([
        expect.objectContaining({
          code: 'manager-not-found',
          row: 5,
          message:
            'Line 5: junior staff (2 FTE) report to senior post "P9", which is not in the senior file; junior rows are not people (no orphan): their FTE counts at the top of the organisation.',
        }),
      ]);
      const rows = await stored('Stacked');
      expect(rows.map((s) => [s.as_of, s.headcount, s.resolutions])).toEqual([
        ['2012-09-30', 2, { 'manager-not-found': 'root' }],
        ['2013-09-30', 2, {}],
      ]);
      // uploaded_at defaults to now(), the start of the transaction: one value means one transaction.
      expect(new Set(rows.map((s) => s.uploaded_at)).size).toBe(1);

      // The left snapshot, resolved: a new date for this organisation, the others untouched.
      const rest = await runCli(
        ['import', STACKED, '--org', 'Stacked 2', '--resolve', 'self-manager=root', '--json'],
        db.target,
      );
      expect(rest.code).toBe(0);
      expect(parseStdout(rest).snapshots.map((s) => [s.asOf, s.committed, s.chosen])).toEqual([
        ['2012-09-30', true, { 'manager-not-found': 'root' }],
        ['2013-03-31', true, { 'self-manager': 'root' }],
        ['2013-09-30', true, {}],
      ]);
    },
    CLI_TIMEOUT,
  );

  it.runIf(backend === USAGE_BACKEND)(
    'an unknown defect code or action exits 2 with a clear message and nothing on stdout',
    async () => {
      const cases: Array<[string[], string]> = [
        [
          ['--resolve', 'bogus=x'],
          '--resolve: unknown defect code "bogus"; known: duplicate-id, missing-employee-id, self-manager, cycle, manager-not-found.',
        ],
        [
          ['--resolve', 'duplicate-id=maybe'],
          '--resolve: duplicate-id takes keep-first, keep-last, drop-all, not "maybe".',
        ],
        [['--resolve', 'self-manager'], '--resolve: self-manager takes root, drop, not "".'],
      ];
      const results = await Promise.all(
        cases.map(([args]) =>
          runCli(['import', DUPLICATE, '--as-of', '2024-01-31', ...args, '--json'], db.target),
        ),
      );
      results.forEach((r, k) => {
        const [args, message] = cases[k] ?? [[], ''];
        expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
        expect(r.stderr).toContain(message);
        expect(r.stderr).toContain('Usage:');
      });
    },
    CLI_TIMEOUT,
  );
});
