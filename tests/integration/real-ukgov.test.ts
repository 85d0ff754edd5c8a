/**
 * Every UK organogram upload under ../shared/data, imported through the command line's code path
 * (importFiles, which `strata import` runs), each in its own organisation: first as published
 * (which are refused, and with which error codes), then with the resolutions each needs (SPEC "What
 * happens to bad input"). Headcounts are the person-level counts of
 * tests/unit/ingest/derive-real-counts.py (Python's csv module, not this code): filled senior posts,
 * vacant and eliminated ones excluded, duplicates counted once; junior rows are FTE, never people.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { cliActor } from '@/cli/commands/org-option';
import type { Resolutions } from '@/lib/ingest/resolutions';
import type { ImportOutcome } from '@/lib/dal/snapshots';
import { queryRows } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';
import { DATA } from '../unit/ingest/helpers';

const HAS_DATA = existsSync(DATA);
if (!HAS_DATA)
  console.warn(`[real-ukgov] SKIPPED: ${DATA} not found; the real UK organogram imports are not checked.`);

const DG = path.join(DATA, 'ukgov-organograms-datagovuk');
const IFG = path.join(DATA, 'ukgov-organograms-ifg');
const TIMEOUT = 120_000;

/** A data.gov.uk senior + junior pair, what it is refused with as published, and what it needs. */
interface Pair {
  name: string;
  senior: string;
  /** error codes as published ([] = imports as is). */
  refused: string[];
  needs: Resolutions;
  headcount: number;
  /**
   * rows whose manager or reporting post is absent (derive-real-counts.py orphans + juniorOrphans):
   * the default manager-not-found=root applies, and the snapshot records it.
   */
  orphanRows?: true;
}

const dfid = (date: string) =>
  path.join(DG, 'dfid', `department_for_international_development-${date}-senior.csv`);
const ho = (date: string) => path.join(DG, 'home_office', `home_office-${date}-senior.csv`);
const ROOT: Resolutions = { 'self-manager': 'root' };
const FIRST: Resolutions = { 'duplicate-id': 'keep-first' };

// Headcounts: derive-real-counts.py `people` (senior + junior); the error codes follow from its
// selfReports (self-manager) and duplicates (duplicate-id) columns.
const PAIRS: Pair[] = [
  {
    name: 'DFID 2011-03-31',
    senior: dfid('2011-03-31'),
    refused: ['self-manager'],
    needs: ROOT,
    headcount: 80,
  },
  {
    name: 'DFID 2011-09-30',
    senior: dfid('2011-09-30'),
    refused: ['self-manager'],
    needs: ROOT,
    headcount: 78,
  },
  {
    name: 'DFID 2013-03-31',
    senior: dfid('2013-03-31'),
    refused: ['duplicate-id'],
    needs: FIRST,
    headcount: 75,
  },
  {
    name: 'DFID 2013-09-30',
    senior: dfid('2013-09-30'),
    refused: ['self-manager'],
    needs: ROOT,
    headcount: 89,
  },
  { name: 'DFID 2014-03-31', senior: dfid('2014-03-31'), refused: [], needs: {}, headcount: 29 },
  { name: 'DFID 2014-09-30', senior: dfid('2014-09-30'), refused: [], needs: {}, headcount: 92 },
  {
    name: 'Home Office 2011-03-31',
    senior: ho('2011-03-31'),
    refused: ['duplicate-id'],
    needs: FIRST,
    headcount: 106,
    orphanRows: true,
  },
  {
    name: 'Home Office 2011-09-30',
    senior: ho('2011-09-30'),
    refused: ['duplicate-id'],
    needs: FIRST,
    headcount: 114,
    orphanRows: true,
  },
  {
    name: 'Home Office 2012-09-30',
    senior: ho('2012-09-30'),
    refused: [],
    needs: {},
    headcount: 138,
    orphanRows: true,
  },
  {
    name: 'DH raw upload 2013-09',
    senior: path.join(DG, 'raw-upload-2013-09', '011013-DH---Organogram-senior.csv'),
    refused: [],
    needs: {},
    headcount: 157,
    orphanRows: true,
  },
  {
    name: 'Home Office raw upload 2013-09',
    senior: path.join(DG, 'raw-upload-2013-09', '130930-Home-Office-Organogram-Data-senior.csv'),
    refused: ['self-manager'],
    needs: ROOT,
    headcount: 169,
    orphanRows: true,
  },
];

const quiet = (): void => undefined;

const errorCodes = (o: ImportOutcome): string[][] =>
  o.result.snapshots.map((s) => [
    ...new Set(s.issues.filter((i) => i.severity === 'error').map((i) => i.code)),
  ]);

describe.skipIf(!HAS_DATA)('real UK organograms', () => {
  describe.each(backends())('on %s', (backend) => {
    let db: TestDb;
    beforeAll(async () => {
      db = await createTestDb(backend);
    }, TIMEOUT);
    afterAll(async () => {
      await db?.drop();
    });

    /** Imports into the organisation `org` (created on first use), as `strata import --org` does. */
    async function run(
      org: string,
      files: string[],
      resolutions: Resolutions = {},
      commitValid = false,
    ): Promise<ImportOutcome> {
      const actor = await cliActor(org, { create: true });
      return importFiles(files, { actor, resolutions, commitValid }, quiet);
    }

    /** Snapshots stored in an organisation: as-of, headcount, the resolutions recorded. */
    async function stored(org: string) {
      return queryRows<{ as_of: string; headcount: number; resolutions: Record<string, string> }>(
        db.handle,
        `select s.as_of::text as as_of, s.headcount, s.resolutions from snapshots s
         join organisations o on o.id = s.org_id where o.name = $1 order by s.as_of, s.version`,
        [org],
      );
    }

    for (const p of PAIRS) {
      it(
        `${p.name}: ${p.refused.length ? `refused with ${p.refused.join(', ')}, then imported with ${JSON.stringify(p.needs)}` : 'imports as published'}`,
        async () => {
          const files = [p.senior, p.senior.replace('-senior.csv', '-junior.csv')];
          const asIs = await run(p.name, files);
          expect(errorCodes(asIs)).toEqual([p.refused]);
          if (p.refused.length > 0) {
            expect(asIs.committed).toEqual([]);
            expect(await stored(p.name)).toEqual([]);
            const resolved = await run(p.name, files, p.needs);
            expect(errorCodes(resolved)).toEqual([[]]);
            expect(resolved.committed.map((c) => c.headcount)).toEqual([p.headcount]);
          } else {
            expect(asIs.committed.map((c) => c.headcount)).toEqual([p.headcount]);
          }
          // One snapshot, with the choices recorded (the default for absent managers included).
          const recorded = { ...p.needs, ...(p.orphanRows ? { 'manager-not-found': 'root' } : {}) };
          expect((await stored(p.name)).map((s) => [s.headcount, s.resolutions])).toEqual([
            [p.headcount, recorded],
          ]);
        },
        TIMEOUT,
      );
    }

    it(
      'organogram pay carries into people.annual_cost: the midpoint of pay floor and ceiling (senior) or payscale (junior, per FTE)',
      async () => {
        const senior = dfid('2014-03-31');
        const o = await run('DFID cost', [senior, senior.replace('-senior.csv', '-junior.csv')]);
        expect(errorCodes(o)).toEqual([[]]);
        const rows = await queryRows<{ employee_id: string; annual_cost: number | null }>(
          db.handle,
          `select p.employee_id, p.annual_cost from people p join snapshots s on s.id = p.snapshot_id
           join organisations o on o.id = s.org_id where o.name = 'DFID cost' and p.employee_id in ('B44', 'J:A2:A1 (G6):1')
           order by p.employee_id`,
          [],
        );
        // B44: Actual Pay Floor 70000, Ceiling 74999; A2's "A1 (G6)" row: Payscale 61381 - 70290.
        expect(rows.map((r) => [r.employee_id, Number(r.annual_cost)])).toEqual([
          ['B44', 72499.5],
          ['J:A2:A1 (G6):1', 65835.5],
        ]);
      },
      TIMEOUT,
    );

    it(
      'IfG processed single snapshots import as published (dcms 36 people, dfid 75)',
      async () => {
        for (const [org, file, headcount] of [
          ['IfG processed dcms', 'dcms.csv', 36],
          ['IfG processed dfid', 'dfid.csv', 75],
        ] as const) {
          const o = await run(org, [path.join(IFG, 'processed-single-snapshot', file)]);
          expect(errorCodes(o)).toEqual([[]]);
          expect(o.committed.map((c) => c.headcount)).toEqual([headcount]);
        }
      },
      TIMEOUT,
    );

    it(
      'IfG dcms stacked (10 snapshots): refused as published; --commit-valid commits 3; with self-manager=root and duplicate-id=keep-first 6, the 4 junior-only snapshots left out',
      async () => {
        const file = [path.join(IFG, 'multi-snapshot', 'dcms.csv')];
        const asIs = await run('IfG dcms', file);
        expect(asIs.committed).toEqual([]);
        // derive-real-counts.py: Mar-15 has 2 self-reports, Mar-12 1 duplicate, Sep-10 52 duplicates
        // and 1 self-report; Mar-13, Sep-13, Mar-14 and Oct-14 have junior rows only (people 0), an
        // error no resolution fixes (no-senior-posts, since main 34a387d); Sep-12, Sep-11 and Mar-11
        // have no error.
        const junior = ['no-senior-posts'];
        const refused = asIs.result.snapshots
          .map((s, k) => [s.label, errorCodes(asIs)[k]?.sort()] as const)
          .filter(([, codes]) => (codes?.length ?? 0) > 0);
        expect(Object.fromEntries(refused)).toEqual({
          'Mar-15': ['self-manager'],
          'Mar-12': ['duplicate-id'],
          'Sep-10': ['duplicate-id', 'self-manager'],
          'Mar-13': junior,
          'Sep-13': junior,
          'Mar-14': junior,
          'Oct-14': junior,
        });
        expect(await stored('IfG dcms')).toEqual([]);

        const valid = await run('IfG dcms (valid only)', file, {}, true);
        expect(valid.committed).toHaveLength(3);
        expect(valid.stored.map((k) => valid.result.snapshots[k]?.label).sort()).toEqual([
          'Mar-11',
          'Sep-11',
          'Sep-12',
        ]);
        expect(await stored('IfG dcms (valid only)')).toHaveLength(3);

        const choices: Resolutions = { 'self-manager': 'root', 'duplicate-id': 'keep-first' };
        const resolved = await run('IfG dcms', file, choices);
        expect(resolved.committed).toEqual([]); // the junior-only snapshots still refuse the upload
        const all = await run('IfG dcms', file, choices, true);
        expect(errorCodes(all).flat().sort()).toEqual([...junior, ...junior, ...junior, ...junior]);
        expect(all.committed.map((c) => [c.asOf, c.headcount])).toEqual([
          ['2010-09-30', 48],
          ['2011-03-31', 42],
          ['2011-09-30', 44],
          ['2012-03-31', 42],
          ['2012-09-30', 38],
          ['2015-03-31', 36],
        ]);
        const rows = await stored('IfG dcms');
        expect(rows).toHaveLength(6);
        // Each snapshot records the choices that applied to it (only the classes it had; Sep-10 and
        // Sep-12 have 2 orphans each, so the default manager-not-found=root too).
        const byDate = Object.fromEntries(rows.map((r) => [r.as_of, r.resolutions]));
        expect(byDate['2015-03-31']).toEqual({ 'self-manager': 'root' });
        expect(byDate['2012-03-31']).toEqual({ 'duplicate-id': 'keep-first' });
        expect(byDate['2010-09-30']).toEqual({
          'duplicate-id': 'keep-first',
          'self-manager': 'root',
          'manager-not-found': 'root',
        });
        expect(byDate['2012-09-30']).toEqual({ 'manager-not-found': 'root' });
        expect(byDate['2011-09-30']).toEqual({}); // no defect
      },
      TIMEOUT,
    );

    it(
      'IfG dfid stacked (8 snapshots): --commit-valid commits 5; self-manager=root all 8; Mar-11 counts junior rows apart',
      async () => {
        const file = [path.join(IFG, 'multi-snapshot', 'dfid.csv')];
        const valid = await run('IfG dfid (valid only)', file, {}, true);
        // derive-real-counts.py: Mar-11 (1), Sep-11 (1) and Sep-13 (3) have self-reports.
        const refused = valid.result.snapshots.filter((_, k) => (errorCodes(valid)[k]?.length ?? 0) > 0);
        expect(refused.map((s) => s.label).sort()).toEqual(['Mar-11', 'Sep-11', 'Sep-13']);
        expect(valid.committed).toHaveLength(5);

        // Mar-11 as read: 39 people, 1 person-level orphan and 128 junior rows under absent posts
        // (derive-real-counts.py orphans / juniorOrphans): junior rows are not people (SPEC).
        const mar11 = valid.result.snapshots.find((s) => s.label === 'Mar-11');
        expect(mar11?.stats).toMatchObject({ people: 39, roots: 2, orphans: 1, juniorOrphans: 128 });

        const all = await run('IfG dfid', file, { 'self-manager': 'root' });
        expect(all.committed).toHaveLength(8);
        // Committed Mar-11: 2 blank-manager roots + the self-manager made a root + the orphan = 4.
        const c = all.committed.find((x) => x.asOf === '2011-03-31');
        expect([c?.headcount, c?.roots, c?.orphans]).toEqual([39, 4, 1]);
        const mar11Row = (await stored('IfG dfid')).find((r) => r.as_of === '2011-03-31');
        expect(mar11Row?.resolutions).toEqual({ 'self-manager': 'root', 'manager-not-found': 'root' });
      },
      TIMEOUT,
    );
  });
});
