/**
 * The command line from outside (SPEC "Command-line contract"): a child process per call, on the
 * embedded PGlite folder (STRATA_DATA_DIR) and on PostgreSQL (DATABASE_URL). Exit 0 ok, 1 refused,
 * 2 usage; stdout carries only the JSON result, progress goes to stderr. Each start costs a few
 * seconds, so the calls are few and each checks several things. Figures: see metrics.test.ts for
 * the hand count of tests/fixtures/org/small-org-*.csv.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { countTables, runCli, type CliResult } from '../support/cli';
import { useCliDatabase } from '../support/cli-database';
import { backends } from '../support/test-db';

const ORG = path.resolve(process.cwd(), 'tests/fixtures/org');
const S1 = path.join(ORG, 'small-org-2024-01-31.csv');
const S2 = path.join(ORG, 'small-org-2024-02-29.csv');
const DUPLICATE = path.join(ORG, 'duplicate-id.csv');
const CLI_TIMEOUT = 90_000;

const BACKENDS = backends();
// Usage errors do not depend on the database: check them once, on the quicker one to open.
const USAGE_BACKEND = BACKENDS.includes('postgres') ? 'postgres' : 'pglite';

/** The SPEC contract keys, in the order SPEC prints them. */
const CONTRACT_KEYS = [
  'asOf',
  'headcount',
  'managers',
  'ics',
  'depth',
  'managementLayers',
  'managerRatio',
  'icsPerManager',
  'span',
  'managerialLevels',
  'middleManagers',
  'roots',
  'orphans',
  'pyramid',
];
const LADDER_ROW_KEYS = [
  'department',
  'icLadderDepth',
  'icCeiling',
  'shortLadder',
  'parityGap',
  'seniorIcShare',
];
const TREND_KEYS = [
  'middleManagersPeak',
  'middleManagersChangeSincePeakPct',
  'layersChangeSincePeak',
  'promotions',
  'icToManager',
  'managerToIc',
  'joiners',
  'leavers',
];

type Json = Record<string, unknown>;

/** stdout must be exactly one JSON document (nothing else printed there). */
function parseStdout(r: CliResult): Json {
  const text = r.stdout.trim();
  expect(text.split('\n')).toHaveLength(1);
  return JSON.parse(text) as Json;
}

/** Every error or warning is {code, message, row?, ids?}. */
function expectIssueShape(issue: unknown): void {
  const i = issue as Json;
  expect(typeof i.code).toBe('string');
  expect(typeof i.message).toBe('string');
  if ('row' in i) expect(Number.isInteger(i.row)).toBe(true);
  if ('ids' in i) expect(Array.isArray(i.ids) && i.ids.every((id) => typeof id === 'string')).toBe(true);
}

describe.each(BACKENDS)('the strata command line on %s', (backend) => {
  const db = useCliDatabase(backend);
  const inspect = db.inspect;

  it(
    'import --json: the SPEC shape on stdout, progress on stderr, exit 0',
    async () => {
      const r = await runCli(['import', S1, S2, '--json'], db.target);
      expect(r.stderr).toContain('storing snapshot');
      expect(r.code).toBe(0);
      const out = parseStdout(r);
      const snapshots = out.snapshots as Json[];
      // 15 people each (S2: E5 left, E14 joined); roots E1 + orphan E13; as-of from the file names
      expect(snapshots.map((s) => [s.asOf, s.headcount, s.roots, s.orphans])).toEqual([
        ['2024-01-31', 15, 2, 1],
        ['2024-02-29', 15, 2, 1],
      ]);
      for (const s of snapshots) {
        expect(s.errors).toEqual([]);
        // E13's manager X99 is missing: line 17 (data row 16) in both files
        expect(s.warnings).toEqual([
          expect.objectContaining({ code: 'manager-not-found', row: 17, ids: ['E13'] }),
        ]);
        for (const w of s.warnings as unknown[]) expectIssueShape(w);
      }
      expect(r.stdout).not.toContain('[strata]');
      expect(await inspect(countTables)).toMatchObject({ snapshots: 2, people: 32 }); // 16 rows each
    },
    CLI_TIMEOUT,
  );

  it(
    'a duplicate id is refused with exit 1, the rows listed, and nothing stored',
    async () => {
      const before = await inspect(countTables);
      const r = await runCli(['import', DUPLICATE, '--as-of', '2023-06-30', '--json'], db.target);
      expect(r.code).toBe(1);
      const [snap] = parseStdout(r).snapshots as Json[];
      // D2 on file lines 3 and 4
      expect(snap?.errors).toEqual([expect.objectContaining({ code: 'duplicate-id', row: 4, ids: ['D2'] })]);
      for (const e of snap?.errors as unknown[]) expectIssueShape(e);
      expect(await inspect(countTables)).toEqual(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'metrics --json prints the SPEC contract of the latest snapshot, with ladder and trend',
    async () => {
      const r = await runCli(['metrics', '--json'], db.target);
      expect(r.code).toBe(0);
      const m = parseStdout(r);
      expect(Object.keys(m).filter((k) => CONTRACT_KEYS.includes(k))).toEqual(CONTRACT_KEYS);
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['ladder', 'trend']));
      // S2 (see metrics.test.ts): spans [1,1,1,2,2,3,3]
      expect(m).toMatchObject({
        asOf: '2024-02-29',
        headcount: 15,
        managers: 7,
        ics: 8,
        depth: 5,
        managementLayers: 4,
        managerRatio: 0.4667,
        icsPerManager: 1.1429,
        span: {
          mean: 1.857,
          median: 2,
          p10: 1,
          p90: 3,
          bands: { '1': 3, '2-3': 4, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 },
        },
        managerialLevels: { executive: 3, managerOfManagers: 1, managerOfIcs: 3, ic: 8 },
        middleManagers: 1,
        roots: 2,
        orphans: 1,
      });
      expect(Object.keys((m.span as Json).bands as Json)).toEqual([
        '1',
        '2-3',
        '4-7',
        '8-12',
        '13-16',
        '17+',
      ]);
      expect((m.pyramid as Json[]).map((p) => [p.layer, p.headcount, p.managers, p.ics])).toEqual([
        [1, 2, 1, 1],
        [2, 2, 2, 0],
        [3, 2, 2, 0],
        [4, 5, 2, 3],
        [5, 4, 0, 4],
      ]);
      const ladder = m.ladder as { departments: Json[] };
      expect(ladder.departments.map((d) => Object.keys(d))).toEqual([
        LADDER_ROW_KEYS,
        LADDER_ROW_KEYS,
        LADDER_ROW_KEYS,
      ]);
      expect(ladder.departments.map((d) => d.department)).toEqual(['Eng', 'Exec', 'Sales']);
      expect(Object.keys(m.trend as Json)).toEqual(TREND_KEYS);
      // peak 2 (S1) -> 1 now = -50 %; depth 5 both; E9 promoted, E12 IC -> manager, E14 in, E5 out
      expect(m.trend).toEqual({
        middleManagersPeak: 2,
        middleManagersChangeSincePeakPct: -50,
        layersChangeSincePeak: 0,
        promotions: 1,
        icToManager: 1,
        managerToIc: 0,
        joiners: 1,
        leavers: 1,
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'metrics --department and --subtree',
    async () => {
      const runs = [
        ['metrics', '--as-of', '2024-01-31', '--department', 'Eng', '--json'],
        ['metrics', '--as-of', '2024-01-31', '--subtree', 'E2', '--json'],
      ];
      // PostgreSQL serves several processes at once; the PGlite folder takes one at a time.
      const [eng, e2] =
        backend === 'postgres'
          ? await Promise.all(runs.map((a) => runCli(a, db.target)))
          : [await runCli(runs[0] ?? [], db.target), await runCli(runs[1] ?? [], db.target)];
      if (!eng || !e2) throw new Error('missing run');
      expect([eng.code, e2.code]).toEqual([0, 0]);
      // Eng in S1: E2 E4 E5 E6 E7 E8 E13 = 7; managers E2 E4 E5; orphan E13 is its root
      expect(parseStdout(eng)).toMatchObject({
        asOf: '2024-01-31',
        headcount: 7,
        managers: 3,
        ics: 4,
        depth: 5,
        middleManagers: 1,
        roots: 1,
        orphans: 1,
      });
      // E2's subtree as if imported alone: 6 people on 4 layers, E2 and E4 executives
      expect(parseStdout(e2)).toMatchObject({
        asOf: '2024-01-31',
        headcount: 6,
        managers: 3,
        ics: 3,
        depth: 4,
        managementLayers: 3,
        managerRatio: 0.5,
        middleManagers: 0,
        roots: 1,
        orphans: 0,
      });
    },
    CLI_TIMEOUT,
  );

  it.runIf(backend === 'pglite')(
    'a second process on a PGlite folder that is in use fails with a clear message',
    async () => {
      // This test process opens the folder, as a running server would.
      const holder = await openDatabase({ dataDir: db.dataDir });
      try {
        const r = await runCli(['metrics', '--json'], db.target);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('in use by another Strata process');
      } finally {
        await holder.close();
      }
    },
    CLI_TIMEOUT,
  );

  it.runIf(backend === USAGE_BACKEND)(
    'usage errors exit 2 with the usage text on stderr and nothing on stdout',
    async () => {
      const cases = [
        ['import', '--json'], // no FILE
        ['import', S1, '--as-of', '2024-02-30', '--json'], // not a real date
        ['import', S1, '--as-of', '31/01/2024', '--json'],
        ['import', path.join(ORG, 'no-such-file.csv'), '--json'],
        ['import', S1, '--no-such-option'],
        ['metrics', '--as-of', '2024-13-01', '--json'],
      ];
      const results = await Promise.all(cases.map((c) => runCli(c, db.target)));
      results.forEach((r, k) => {
        expect({ args: cases[k], code: r.code, stdout: r.stdout }).toEqual({
          args: cases[k],
          code: 2,
          stdout: '',
        });
        expect(r.stderr).toContain('Usage:');
      });
    },
    CLI_TIMEOUT,
  );
});
