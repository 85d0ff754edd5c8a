/**
 * Every org file under ../shared/data, imported as published. The expected counts were NOT taken
 * from this code: they come from tests/unit/ingest/derive-real-counts.py (Python's csv module and
 * the rules written at its top), run as `python3 tests/unit/ingest/derive-real-counts.py ../shared/data`,
 * and a few were re-checked with shell tools (see the comments beside them).
 *
 * Which files import as is: the default policy refuses duplicates and reporting cycles, so
 * snapshots with duplicate post ids or self-reporting posts come back with those errors (ok = false);
 * the duplicates import with skipDuplicates, the self-reports never do (SPEC: cycles are errors).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgUpload } from '@/lib/ingest';
import type { ParseOptions, ParsedSnapshot, SnapshotStats } from '@/lib/ingest';
import { DATA } from './helpers';

const HAS_DATA = existsSync(DATA);
if (!HAS_DATA)
  console.warn(`[ingest real-files] SKIPPED: ${DATA} not found; the real-file counts are not checked.`);

const DG = 'ukgov-organograms-datagovuk';
type Stats = SnapshotStats;

function load(rel: string): { name: string; bytes: Uint8Array } {
  return { name: path.basename(rel), bytes: readFileSync(path.join(DATA, rel)) };
}

async function parse(files: string[], options: ParseOptions = {}) {
  return parseOrgUpload(files.map(load), options);
}

function errorCodes(s: ParsedSnapshot): string[] {
  return [...new Set(s.issues.filter((i) => i.severity === 'error').map((i) => i.code))].sort();
}

/** Error codes the rules imply for a snapshot: duplicates refuse, self-reports are cycles. */
function expectedErrors(st: Stats): string[] {
  return [
    ...(st.duplicates > 0 ? ['duplicate-id'] : []),
    ...(st.selfReports > 0 ? ['self-manager'] : []),
    // junior rows alone (no senior posts) make no organisation: left out, never stored as 0 people
    ...(st.people + st.vacant === 0 && st.aggregated > 0 ? ['no-senior-posts'] : []),
  ].sort();
}

// Senior-posts files with and without their junior-staff file (derive-real-counts.py output).
// Cross-checks: `grep -c '"XX"' dfid/*-senior.csv` -> 2,2,2,1,1,1 roots;
// `grep -ci eliminated raw-upload-2013-09/130930-*-senior.csv` -> 81;
// `awk -F'","' 'NR>1{print $1}' home_office/home_office-2011-03-31-senior.csv | sort | uniq -d` -> 2OSCT02 (1 duplicate);
// `awk -F'","' 'NR>1{s+=$9} END{print s}' dfid/*-2014-09-30-junior.csv` -> 1932.8 FTE.
const ORGANOGRAMS: Array<{ senior: string; asOf: string; seniorOnly: Stats; withJunior: Stats }> = [
  {
    senior: `${DG}/dfid/department_for_international_development-2011-03-31-senior.csv`,
    asOf: '2011-03-31',
    seniorOnly: {
      rows: 80,
      people: 80,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 348,
      people: 80,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 268,
      aggregatedFte: 1130.56,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/dfid/department_for_international_development-2011-09-30-senior.csv`,
    asOf: '2011-09-30',
    seniorOnly: {
      rows: 78,
      people: 78,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 337,
      people: 78,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 259,
      aggregatedFte: 1113.4,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/dfid/department_for_international_development-2013-03-31-senior.csv`,
    asOf: '2013-03-31',
    seniorOnly: {
      rows: 77,
      people: 75,
      vacant: 0,
      eliminated: 0,
      duplicates: 2,
      roots: 2,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 380,
      people: 75,
      vacant: 0,
      eliminated: 0,
      duplicates: 2,
      roots: 2,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 246,
      aggregatedFte: 1192.9,
      duplicateJuniorRows: 57,
    },
  },
  {
    senior: `${DG}/dfid/department_for_international_development-2013-09-30-senior.csv`,
    asOf: '2013-09-30',
    seniorOnly: {
      rows: 89,
      people: 89,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 3,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 460,
      people: 89,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 3,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 371,
      aggregatedFte: 1815,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/dfid/department_for_international_development-2014-03-31-senior.csv`,
    asOf: '2014-03-31',
    seniorOnly: {
      rows: 29,
      people: 29,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    // 112 junior rows, one with FTE 0 (dropped)
    withJunior: {
      rows: 141,
      people: 29,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 111,
      aggregatedFte: 611,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/dfid/department_for_international_development-2014-09-30-senior.csv`,
    asOf: '2014-09-30',
    seniorOnly: {
      rows: 92,
      people: 92,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 776,
      people: 92,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 684,
      aggregatedFte: 1932.8,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/home_office/home_office-2011-03-31-senior.csv`,
    asOf: '2011-03-31',
    seniorOnly: {
      rows: 125,
      people: 106,
      vacant: 4,
      eliminated: 14,
      duplicates: 1,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 831,
      people: 106,
      vacant: 4,
      eliminated: 14,
      duplicates: 1,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 9,
      aggregated: 706,
      aggregatedFte: 2286.79,
      duplicateJuniorRows: 0,
    },
  },
  {
    senior: `${DG}/home_office/home_office-2011-09-30-senior.csv`,
    asOf: '2011-09-30',
    seniorOnly: {
      rows: 151,
      people: 114,
      vacant: 3,
      eliminated: 32,
      duplicates: 2,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 885,
      people: 114,
      vacant: 3,
      eliminated: 32,
      duplicates: 2,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 8,
      aggregated: 734,
      aggregatedFte: 2273.95,
      duplicateJuniorRows: 0,
    },
  },
  {
    // PROVENANCE counts 11 duplicate post ids here; all 11 have an 'Eliminated' copy, which is
    // dropped before the duplicate check, so none is left (SPEC order).
    senior: `${DG}/home_office/home_office-2012-09-30-senior.csv`,
    asOf: '2012-09-30',
    seniorOnly: {
      rows: 201,
      people: 138,
      vacant: 7,
      eliminated: 56,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 4,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 1134,
      people: 138,
      vacant: 7,
      eliminated: 56,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 4,
      juniorOrphans: 15,
      aggregated: 881,
      aggregatedFte: 10267.22,
      duplicateJuniorRows: 52,
    },
  },
  {
    // '011013' read as DDMMYY (2013-10-01, a month boundary) rather than YYMMDD (2001-10-13).
    senior: `${DG}/raw-upload-2013-09/011013-DH---Organogram-senior.csv`,
    asOf: '2013-10-01',
    seniorOnly: {
      rows: 173,
      people: 157,
      vacant: 6,
      eliminated: 10,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 1149,
      people: 157,
      vacant: 6,
      eliminated: 10,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 6,
      aggregated: 976,
      aggregatedFte: 1786.41,
      duplicateJuniorRows: 0,
    },
  },
  {
    // '130930' read as YYMMDD (2013-09-30); the DDMMYY reading (2030-09-13) is in the future.
    senior: `${DG}/raw-upload-2013-09/130930-Home-Office-Organogram-Data-senior.csv`,
    asOf: '2013-09-30',
    seniorOnly: {
      rows: 259,
      people: 169,
      vacant: 9,
      eliminated: 81,
      duplicates: 0,
      roots: 1,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    withJunior: {
      rows: 1646,
      people: 169,
      vacant: 9,
      eliminated: 81,
      duplicates: 0,
      roots: 1,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 8,
      aggregated: 1387,
      aggregatedFte: 23176,
      duplicateJuniorRows: 0,
    },
  },
];

// IfG stacked files: label -> stats, in file order of first appearance (derive-real-counts.py).
const IFG_MULTI: Record<string, Record<string, Stats>> = {
  'ukgov-organograms-ifg/multi-snapshot/dcms.csv': {
    'Mar-15': {
      rows: 133,
      people: 36,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 0,
      selfReports: 2,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 97,
      aggregatedFte: 421.56,
      duplicateJuniorRows: 0,
    },
    'Sep-12': {
      rows: 63,
      people: 38,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 2,
      juniorOrphans: 0,
      aggregated: 25,
      aggregatedFte: 435.26,
      duplicateJuniorRows: 0,
    },
    'Mar-12': {
      rows: 68,
      people: 42,
      vacant: 0,
      eliminated: 0,
      duplicates: 1,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 25,
      aggregatedFte: 435.26,
      duplicateJuniorRows: 0,
    },
    'Sep-11': {
      rows: 135,
      people: 44,
      vacant: 0,
      eliminated: 1,
      duplicates: 0,
      roots: 2,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 90,
      aggregatedFte: 422.67,
      duplicateJuniorRows: 0,
    },
    'Mar-11': {
      rows: 142,
      people: 42,
      vacant: 1,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 94,
      aggregatedFte: 394.22,
      duplicateJuniorRows: 5,
    },
    // Sep-10 is in the file twice over (50 exact repeats) plus GOE100014 four times: 52 duplicates.
    'Sep-10': {
      rows: 100,
      people: 48,
      vacant: 0,
      eliminated: 0,
      duplicates: 52,
      roots: 1,
      selfReports: 1,
      orphans: 2,
      juniorOrphans: 0,
      aggregated: 0,
      aggregatedFte: 0,
      duplicateJuniorRows: 0,
    },
    // Junior-only snapshots (PROVENANCE: "every parent missing"): every row a junior orphan (not people).
    'Oct-14': {
      rows: 99,
      people: 0,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 0,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 99,
      aggregated: 99,
      aggregatedFte: 397.13,
      duplicateJuniorRows: 0,
    },
    'Mar-14': {
      rows: 42,
      people: 0,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 0,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 42,
      aggregated: 42,
      aggregatedFte: 346.96,
      duplicateJuniorRows: 0,
    },
    'Sep-13': {
      rows: 31,
      people: 0,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 0,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 31,
      aggregated: 31,
      aggregatedFte: 343.64,
      duplicateJuniorRows: 0,
    },
    'Mar-13': {
      rows: 20,
      people: 0,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 0,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 20,
      aggregated: 20,
      aggregatedFte: 293.93,
      duplicateJuniorRows: 0,
    },
  },
  'ukgov-organograms-ifg/multi-snapshot/dfid.csv': {
    'Sep-12': {
      rows: 321,
      people: 75,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 246,
      aggregatedFte: 1192.9,
      duplicateJuniorRows: 0,
    },
    // PROVENANCE: 128 of 267 junior rows point at absent posts; plus one senior orphan.
    'Mar-11': {
      rows: 306,
      people: 39,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 1,
      juniorOrphans: 128,
      aggregated: 267,
      aggregatedFte: 1127.96,
      duplicateJuniorRows: 0,
    },
    'Sep-16': {
      rows: 1031,
      people: 83,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 948,
      aggregatedFte: 1943.95,
      duplicateJuniorRows: 0,
    },
    'Sep-11': {
      rows: 337,
      people: 78,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 1,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 259,
      aggregatedFte: 1113.4,
      duplicateJuniorRows: 0,
    },
    'Mar-13': {
      rows: 321,
      people: 75,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 2,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 246,
      aggregatedFte: 1192.9,
      duplicateJuniorRows: 0,
    },
    'Sep-13': {
      rows: 460,
      people: 89,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 3,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 371,
      aggregatedFte: 1815,
      duplicateJuniorRows: 0,
    },
    'Mar-14': {
      rows: 456,
      people: 86,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 370,
      aggregatedFte: 1887.1,
      duplicateJuniorRows: 0,
    },
    'Sep-14': {
      rows: 776,
      people: 92,
      vacant: 0,
      eliminated: 0,
      duplicates: 0,
      roots: 1,
      selfReports: 0,
      orphans: 0,
      juniorOrphans: 0,
      aggregated: 684,
      aggregatedFte: 1931.9,
      duplicateJuniorRows: 0,
    },
  },
};

const NONE = {
  vacant: 0,
  eliminated: 0,
  duplicates: 0,
  selfReports: 0,
  orphans: 0,
  juniorOrphans: 0,
  aggregated: 0,
  aggregatedFte: 0,
  duplicateJuniorRows: 0,
};

describe.skipIf(!HAS_DATA)('real files in ../shared/data', () => {
  describe('data.gov.uk organograms (organogram-senior, with organogram-junior attached)', () => {
    for (const c of ORGANOGRAMS) {
      const junior = c.senior.replace('-senior.csv', '-junior.csv');
      it(`${path.basename(c.senior)} alone`, async () => {
        const res = await parse([c.senior]);
        expect(res.snapshots).toHaveLength(1);
        const s = res.snapshots[0] as ParsedSnapshot;
        expect([s.asOf, s.format, s.managerRef]).toEqual([c.asOf, 'organogram-senior', 'id']);
        expect(s.stats).toEqual(c.seniorOnly);
        expect(errorCodes(s)).toEqual(expectedErrors(c.seniorOnly));
        expect(res.ok).toBe(expectedErrors(c.seniorOnly).length === 0);
      });
      it(`${path.basename(c.senior)} + junior`, async () => {
        const res = await parse([junior, c.senior]);
        expect(res.snapshots).toHaveLength(1);
        const s = res.snapshots[0] as ParsedSnapshot;
        expect(s.asOf).toBe(c.asOf);
        expect(s.sourceFiles).toEqual([path.basename(c.senior), path.basename(junior)]);
        expect(s.stats).toEqual(c.withJunior);
        expect(errorCodes(s)).toEqual(expectedErrors(c.withJunior));
        const juniors = s.records.filter((r) => r.aggregatedCount !== null);
        expect(juniors.every((r) => r.employeeId.startsWith(`J:${r.managerId ?? ''}:`))).toBe(true);
      });
    }

    it('a junior file alone is refused with a clear error', async () => {
      const res = await parse([`${DG}/dfid/department_for_international_development-2014-09-30-junior.csv`]);
      expect(res.snapshots).toHaveLength(0);
      expect(res.fileIssues.map((i) => i.code)).toEqual(['junior-without-senior']);
    });

    it('skipDuplicates lets the duplicate-only files import, recording the choice', async () => {
      const res = await parse(
        [
          `${DG}/home_office/home_office-2011-09-30-senior.csv`,
          `${DG}/home_office/home_office-2011-09-30-junior.csv`,
        ],
        { skipDuplicates: true },
      );
      expect(res.ok).toBe(true);
      expect(res.snapshots[0]?.duplicatePolicy).toBe('keep-first');
    });

    it('a whole department series in one upload: one snapshot per date', async () => {
      const files = ORGANOGRAMS.filter((c) => c.senior.includes('/dfid/')).flatMap((c) => [
        c.senior,
        c.senior.replace('-senior', '-junior'),
      ]);
      const res = await parse(files);
      expect(res.snapshots.map((s) => s.asOf)).toEqual([
        '2011-03-31',
        '2011-09-30',
        '2013-03-31',
        '2013-09-30',
        '2014-03-31',
        '2014-09-30',
      ]);
      expect(res.snapshots.map((s) => s.stats.aggregatedFte)).toEqual([
        1130.56, 1113.4, 1192.9, 1815, 611, 1932.8,
      ]);
    });
  });

  describe('Institute for Government files', () => {
    for (const [file, labels] of Object.entries(IFG_MULTI)) {
      it(`${file}: ${Object.keys(labels).length} snapshots (ifg-multi), labels -> month end`, async () => {
        const res = await parse([file]);
        const got = Object.fromEntries(res.snapshots.map((s) => [s.label ?? '', s]));
        expect(Object.keys(got).sort()).toEqual(Object.keys(labels).sort());
        for (const [label, stats] of Object.entries(labels)) {
          const s = got[label] as ParsedSnapshot;
          expect(s.format).toBe('ifg-multi');
          expect({ label, ...s.stats }).toEqual({ label, ...stats });
          expect(errorCodes(s)).toEqual(expectedErrors(stats));
        }
        expect(got['Sep-12']?.asOf).toBe('2012-09-30');
        expect(got['Mar-11']?.asOf).toBe('2011-03-31');
        // sorted by date
        const dates = res.snapshots.map((s) => s.asOf);
        expect(dates).toEqual([...dates].sort());
      });
    }

    it('multi-snapshot dcms: Oct-14 is the last day of October; junior-only snapshots are flagged', async () => {
      const res = await parse(['ukgov-organograms-ifg/multi-snapshot/dcms.csv']);
      const oct = res.snapshots.find((s) => s.label === 'Oct-14');
      expect(oct?.asOf).toBe('2014-10-31');
      expect(oct?.issues.some((i) => i.code === 'no-senior-posts')).toBe(true);
    });

    // The processed files drop the FTE column: junior rows cannot be counted and are skipped with
    // one warning (dcms 97, dfid 246 junior rows); the synthetic 'root' row of dcms is dropped so
    // its two real tops are roots. Label from the 'date' column.
    it('processed-single-snapshot/dcms.csv (ifg-processed)', async () => {
      const res = await parse(['ukgov-organograms-ifg/processed-single-snapshot/dcms.csv']);
      const s = res.snapshots[0] as ParsedSnapshot;
      expect(res.snapshots).toHaveLength(1);
      expect([s.asOf, s.label, s.format]).toEqual(['2015-03-31', 'Mar-15', 'ifg-processed']);
      expect(s.stats).toEqual({ ...NONE, rows: 133, people: 36, roots: 2 });
      expect(res.fileIssues.map((i) => i.code)).toEqual(['junior-rows-without-fte']);
      expect(res.fileIssues[0]?.message).toMatch(/^97 junior-staff rows/);
      expect(res.ok).toBe(true);
    });

    it('processed-single-snapshot/dfid.csv (ifg-processed)', async () => {
      const res = await parse(['ukgov-organograms-ifg/processed-single-snapshot/dfid.csv']);
      const s = res.snapshots[0] as ParsedSnapshot;
      expect([s.asOf, s.label, s.format]).toEqual(['2012-09-30', 'Sep-12', 'ifg-processed']);
      expect(s.stats).toEqual({ ...NONE, rows: 321, people: 75, roots: 1 });
      expect(res.fileIssues[0]?.message).toMatch(/^246 junior-staff rows/);
    });
  });

  describe('org-chart tool files', () => {
    // `tail -n +2 org.csv | wc -l` -> 1516 rows; one empty parentId.
    it('d3 org.csv (id-parent): 1,516 people, one root; no date in the name -> as-of needed', async () => {
      const refused = await parse(['d3-org-chart-sample-data/org.csv']);
      expect(refused.fileIssues.map((i) => i.code)).toEqual(['as-of-needed']);
      const res = await parse(['d3-org-chart-sample-data/org.csv'], { asOf: '2021-08-12' });
      const s = res.snapshots[0] as ParsedSnapshot;
      expect(s.format).toBe('id-parent');
      expect(s.stats).toEqual({ ...NONE, rows: 1516, people: 1516, roots: 1 });
      expect(s.records.find((r) => r.employeeId === 'O-6068')?.name).toBe('Leverling Janet'); // leading space trimmed
      expect(s.records[0]?.title).toBe('Chief Executive Officer'); // trailing space trimmed
      expect(res.ok).toBe(true);
    });

    // `awk -F, 'NR>1 && $2==""' data-oracle.csv | wc -l` -> 1 root; 107 rows, no final newline.
    it('d3 data-oracle.csv (id-parent): 107 people, root 100 with 14 reports', async () => {
      const res = await parse(['d3-org-chart-sample-data/data-oracle.csv'], { asOf: '2022-08-11' });
      const s = res.snapshots[0] as ParsedSnapshot;
      expect(s.stats).toEqual({ ...NONE, rows: 107, people: 107, roots: 1 });
      expect(s.records.filter((r) => r.managerId === '100')).toHaveLength(14);
      const king = s.records[0];
      expect([king?.name, king?.title, king?.hireDate, king?.department]).toEqual([
        'Steven King',
        'Chief Operating Officer',
        '2003-07-16',
        'Executive',
      ]);
    });

    it('draw.io example (drawio): preamble skipped, manager by name resolved to ids', async () => {
      const res = await parse(['drawio-csv-orgchart-example/drawio-default-csv-import-example.txt'], {
        asOf: '2024-01-01',
      });
      const s = res.snapshots[0] as ParsedSnapshot;
      expect([s.format, s.managerRef]).toEqual(['drawio', 'name']);
      expect(s.stats).toEqual({ ...NONE, rows: 4, people: 4, roots: 1 });
      expect(s.records.map((r) => [r.employeeId, r.managerId])).toEqual([
        ['emi', null],
        ['emo', 'emi'],
        ['rdo', 'emi'],
        ['tva', 'emi'],
      ]);
      expect(res.ok).toBe(true);
    });
  });
});
