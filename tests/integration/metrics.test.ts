/**
 * The SPEC metrics contract (getMetricsContract) on imported snapshots, every figure worked out by
 * hand from tests/fixtures/org (never from this code's output).
 *
 * small-org-2024-01-31.csv (S1), layer in brackets, span after the colon, V1 = vacant post:
 *   E1 CEO M6 [1]: 2 ─┬─ E2 VP Eng M5 [2]: 1 ── E4 Director M3 [3]: 2 ─┬─ E5 EM M1 [4]: 2 ── E6 IC2, E7 IC3 [5]
 *                     │                                               ├─ E8 Staff IC4 [4]
 *                     │                                               └─ V1 vacant leaf [4] (open post: no span, no headcount)
 *                     └─ E3 VP Sales M5 [2]: 1 ── E15 Dir M3 [3]: 1 ── E16 Mgr M1 [4]: 4 ── E9 IC2, E10 IC1, E11 IC2, E12 IC3 [5]
 *   E13 Contractor IC3, manager X99 not in the file: orphan, an extra root [1]
 * Departments: Exec = E1; Eng = E2 E4 E5 E6 E7 E8 V1 E13; Sales = E3 E15 E16 E9-E12.
 *
 * small-org-2024-02-29.csv (S2), the changes from S1:
 *   leaver E5 (E6, E7 now report to E4); joiner E14 (IC1 under E12); promotion E9 IC2 -> IC3;
 *   IC -> manager E12 IC3 -> M1, now under E15 leading E10, E11, E14.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { ForbiddenError, NotFoundError } from '@/lib/dal/errors';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { deleteSnapshot } from '@/lib/dal/snapshots';
import { queryRows } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORG = path.resolve(process.cwd(), 'tests/fixtures/org');
const S1 = path.join(ORG, 'small-org-2024-01-31.csv');
const S2 = path.join(ORG, 'small-org-2024-02-29.csv');
const DATA = path.resolve(process.cwd(), '../shared/data');
const DFID = path.join(
  DATA,
  'ukgov-organograms-datagovuk/dfid/department_for_international_development-2014-09-30',
);
const HAS_DATA = existsSync(`${DFID}-senior.csv`);
if (!HAS_DATA) console.warn(`[metrics] SKIPPED real-data checks: ${DATA} not found.`);
const quiet = () => undefined;

const admin = inOrg(CLI_ACTOR, 1);
const actor = (role: Actor['role'], scopeEmployeeId: string | null = null): Actor => ({
  userId: 1,
  email: `${role}@example.com`,
  name: role,
  role,
  scopeEmployeeId,
  orgId: 1,
  orgIds: [1],
});

const NO_TREND = {
  middleManagersPeak: null,
  middleManagersChangeSincePeakPct: null,
  layersChangeSincePeak: null,
  promotions: null,
  icToManager: null,
  managerToIc: null,
  joiners: null,
  leavers: null,
};

/** S1, whole org. */
const S1_ORG = {
  asOf: '2024-01-31',
  // 16 rows - V1 (vacant) = 15
  headcount: 15,
  // people with reports: E1 E2 E3 E4 E5 E15 E16 = 7; the other 8 are ICs
  managers: 7,
  ics: 8,
  // E6/E7/E9-E12 sit on layer 5
  depth: 5,
  // layers 1-4 have a manager, layer 5 has none
  managementLayers: 4,
  managerRatio: 0.4667, // 7 / 15 = 0.46666...
  icsPerManager: 1.1429, // 8 / 7 = 1.142857...
  span: {
    // spans, sorted: E2 1, E3 1, E15 1, E1 2, E4 2, E5 2, E16 4 -> [1,1,1,2,2,2,4]
    mean: 1.857, // 13 / 7 = 1.857142...
    median: 2, // h = 6 * 0.5 = 3 -> a[3] = 2
    p10: 1, // h = 0.6 -> a[0] + 0.6 * (a[1] - a[0]) = 1
    p90: 2.8, // h = 5.4 -> a[5] + 0.4 * (a[6] - a[5]) = 2 + 0.4 * 2
    bands: { '1': 3, '2-3': 3, '4-7': 1, '8-12': 0, '13-16': 0, '17+': 0 },
  },
  // executives: managers on layers 1-2 = E1 E2 E3; managers of managers below that: E4 (E5 runs
  // a team), E15 (E16 does); managers of ICs: E5, E16
  managerialLevels: { executive: 3, managerOfManagers: 2, managerOfIcs: 2, ic: 8 },
  middleManagers: 2,
  roots: 2, // E1, E13
  orphans: 1, // E13
  pyramid: [
    { layer: 1, headcount: 2, managers: 1, ics: 1 }, // E1 | E13
    { layer: 2, headcount: 2, managers: 2, ics: 0 }, // E2 E3
    { layer: 3, headcount: 2, managers: 2, ics: 0 }, // E4 E15
    { layer: 4, headcount: 3, managers: 2, ics: 1 }, // E5 E16 | E8 (V1 not counted)
    { layer: 5, headcount: 6, managers: 0, ics: 6 }, // E6 E7 E9 E10 E11 E12
  ],
  openPositions: 1, // V1
};

/** S1, department Eng: E2 E4 E5 E6 E7 E8 E13 (+ V1), at their org-wide layers and spans. */
const S1_ENG = {
  headcount: 7,
  managers: 3, // E2 (span 1), E4 (2), E5 (2)
  ics: 4, // E6 E7 E8 E13
  depth: 5,
  managementLayers: 3, // layers 2, 3, 4
  managerRatio: 0.4286, // 3 / 7
  icsPerManager: 1.3333, // 4 / 3
  span: {
    // [1,2,2]: mean 5/3; p10 h = 0.2 -> 1 + 0.2 * 1 = 1.2; p90 h = 1.8 -> 2 + 0.8 * 0 = 2
    mean: 1.667,
    median: 2,
    p10: 1.2,
    p90: 2,
    bands: { '1': 1, '2-3': 2, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 },
  },
  managerialLevels: { executive: 1, managerOfManagers: 1, managerOfIcs: 1, ic: 4 }, // E2 | E4 | E5
  middleManagers: 1,
  roots: 1, // E13 (E2's manager E1 exists, in another department)
  orphans: 1,
  pyramid: [
    { layer: 1, headcount: 1, managers: 0, ics: 1 }, // E13
    { layer: 2, headcount: 1, managers: 1, ics: 0 }, // E2
    { layer: 3, headcount: 1, managers: 1, ics: 0 }, // E4
    { layer: 4, headcount: 2, managers: 1, ics: 1 }, // E5 | E8
    { layer: 5, headcount: 2, managers: 0, ics: 2 }, // E6 E7
  ],
  openPositions: 1,
};

/** S1, subtree of E2, as if imported alone: E2 layer 1, E4 2, E5/E8/V1 3, E6/E7 4. */
const S1_E2 = {
  headcount: 6, // E2 E4 E5 E6 E7 E8
  managers: 3,
  ics: 3,
  depth: 4,
  managementLayers: 3,
  managerRatio: 0.5, // 3 / 6
  icsPerManager: 1, // 3 / 3
  span: {
    mean: 1.667, // [1,2,2] as above
    median: 2,
    p10: 1.2,
    p90: 2,
    bands: { '1': 1, '2-3': 2, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 },
  },
  // E2 and E4 are now on layers 1-2: executives; E5 manages ICs; nobody is a middle manager
  managerialLevels: { executive: 2, managerOfManagers: 0, managerOfIcs: 1, ic: 3 },
  middleManagers: 0,
  roots: 1,
  orphans: 0,
  pyramid: [
    { layer: 1, headcount: 1, managers: 1, ics: 0 },
    { layer: 2, headcount: 1, managers: 1, ics: 0 },
    { layer: 3, headcount: 2, managers: 1, ics: 1 },
    { layer: 4, headcount: 2, managers: 0, ics: 2 },
  ],
  openPositions: 1,
};

/** The figures of a contract without asOf, ladder and trend, pyramid rows cut to the SPEC keys. */
function structureOf(m: Awaited<ReturnType<typeof getMetricsContract>>) {
  const { asOf: _a, ladder: _l, trend: _t, ...rest } = m;
  return {
    ...rest,
    pyramid: m.pyramid.map(({ layer, headcount, managers, ics }) => ({ layer, headcount, managers, ics })),
  };
}

describe.each(backends())('metrics contract on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache(); // snapshot ids restart in every fresh database
    const { result } = await importFiles([S1], {}, quiet);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('whole org: every structure figure matches the hand count', async () => {
    const m = await getMetricsContract(admin, {});
    const { asOf, ...expected } = S1_ORG;
    expect(m.asOf).toBe(asOf);
    expect(structureOf(m)).toEqual(expected);
    // pyramid split by managerial level
    expect(m.pyramid.map((r) => [r.executive, r.managerOfManagers, r.managerOfIcs])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(m.trend).toEqual(NO_TREND); // one snapshot: no previous, no peak
  });

  it('ladder table per department (default ladder: IC1-IC8, M1 = IC3 ... M5 = IC7, M6 = IC8)', async () => {
    const m = await getMetricsContract(admin, {});
    expect(m.ladder.departments).toEqual([
      // Eng ICs: E6 IC2, E7 IC3, E8 IC4, E13 IC3 -> rungs {2,3,4}; ceiling IC4 (above the 3rd rung);
      // top manager E2 M5 = rank 7 -> gap 7 - 4 = 3; staff+ (IC4+) = E8 -> 1 / 4
      {
        department: 'Eng',
        icLadderDepth: 3,
        icCeiling: 'IC4',
        shortLadder: false,
        parityGap: 3,
        seniorIcShare: 0.25,
      },
      // Exec: E1 only, no ICs -> nothing defined
      {
        department: 'Exec',
        icLadderDepth: 0,
        icCeiling: null,
        shortLadder: null,
        parityGap: null,
        seniorIcShare: null,
      },
      // Sales ICs: IC2, IC1, IC2, IC3 -> rungs {1,2,3}; ceiling IC3 = 3rd rung: short;
      // top manager E3 M5 = 7 -> gap 7 - 3 = 4; nobody at IC4+ -> 0 / 4
      {
        department: 'Sales',
        icLadderDepth: 3,
        icCeiling: 'IC3',
        shortLadder: true,
        parityGap: 4,
        seniorIcShare: 0,
      },
    ]);
  });

  it('department and subtree variants', async () => {
    const eng = await getMetricsContract(admin, { department: 'Eng' });
    expect(structureOf(eng)).toEqual(S1_ENG);
    const e2 = await getMetricsContract(admin, { subtree: 'E2' });
    expect(structureOf(e2)).toEqual(S1_E2);
    // E5's team, computed on demand (layer 4: no stored row): E5 + E6 + E7, spans [2]
    const e5 = await getMetricsContract(admin, { subtree: 'E5' });
    expect(structureOf(e5)).toMatchObject({
      headcount: 3,
      managers: 1,
      ics: 2,
      depth: 2,
      managementLayers: 1,
      span: { mean: 2, median: 2, p10: 2, p90: 2 },
      managerialLevels: { executive: 1, managerOfManagers: 0, managerOfIcs: 0, ic: 2 },
      roots: 1,
      orphans: 0,
      openPositions: 0,
    });
    // department inside a subtree: Sales within E1's tree = E3 E15 E16 E9-E12 = 7
    const sales = await getMetricsContract(admin, { department: 'Sales', subtree: 'E1' });
    expect([sales.headcount, sales.managers, sales.ics]).toEqual([7, 3, 4]);
  });

  it('a scoped leader gets their subtree by default and NotFound outside it', async () => {
    const lead = actor('leader', 'E2');
    const m = await getMetricsContract(lead, {});
    expect(structureOf(m)).toEqual(S1_E2);
    // E4's subtree is inside E2's: E4 E5 E6 E7 E8 = 5 people, at the privacy floor, but E2's 6
    // minus E4's 5 would be E2 alone, so E4 is hidden from this leader (issue #11); hr gets it.
    await expect(getMetricsContract(lead, { subtree: 'E4' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getMetricsContract(actor('hr'), { subtree: 'E4' })).headcount).toBe(5);
    await expect(getMetricsContract(lead, { subtree: 'E15' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMetricsContract(lead, { subtree: 'E1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMetricsContract(lead, { subtree: 'NOBODY' })).rejects.toBeInstanceOf(NotFoundError);
    // E2's subtree holds only Eng people: its ladder table has Eng alone, without E13 -> 1 / 3 senior
    expect(m.ladder.departments.map((d) => [d.department, d.seniorIcShare])).toEqual([['Eng', 0.3333]]);
  });

  it('groups under 5 people are suppressed for viewers and leaders, never for hr or admin', async () => {
    // E5's subtree: E5 E6 E7 = 3 people < 5
    const err = await getMetricsContract(actor('viewer', 'E5'), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toContain('Fewer than 5 people');
    await expect(getMetricsContract(actor('leader'), { subtree: 'E5' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Exec department = E1 alone
    await expect(getMetricsContract(actor('viewer'), { department: 'Exec' })).rejects.toThrow(
      /Fewer than 5 people/,
    );
    expect((await getMetricsContract(actor('hr'), { subtree: 'E5' })).headcount).toBe(3);
    expect((await getMetricsContract(actor('admin'), { department: 'Exec' })).headcount).toBe(1);
    expect((await getMetricsContract(actor('hr', 'E5'), {})).headcount).toBe(3);
  });

  it('the org ladder table hides departments under 5 people from viewers', async () => {
    // Exec (E1 alone) is an aggregate over 1 person; with Eng 7 and Sales 7 both shown, 15 - 7 - 7
    // would still give it, so one of the two 7s is hidden too (complementary suppression, issue #11).
    const m = await getMetricsContract(actor('viewer'), {});
    expect(m.headcount).toBe(15);
    expect(m.ladder.departments.map((d) => d.department)).toEqual(['Sales']);
    const forHr = await getMetricsContract(actor('hr'), {});
    expect(forHr.ladder.departments.map((d) => d.department)).toEqual(['Eng', 'Exec', 'Sales']);
  });

  it('a second snapshot: structure and trend since the first', async () => {
    const { result } = await importFiles([S2], {}, quiet);
    expect(result.ok).toBe(true);
    const m = await getMetricsContract(admin, {});
    expect(m.asOf).toBe('2024-02-29');
    expect(structureOf(m)).toMatchObject({
      headcount: 15, // - E5 + E14
      managers: 7, // E1 E2 E3 E4 E15 E16 E12
      ics: 8,
      depth: 5, // E9 E10 E11 E14 on layer 5
      managementLayers: 4,
      // spans [1,1,1,2,2,3,3] (E2 E3 E16 | E1 E15 | E4 E12): mean 13/7; p90 h = 5.4 -> 3
      span: { mean: 1.857, median: 2, p10: 1, p90: 3, bands: { '1': 3, '2-3': 4, '4-7': 0 } },
      // E4 now manages ICs only; E15 still manages a manager (E16 and E12)
      managerialLevels: { executive: 3, managerOfManagers: 1, managerOfIcs: 3, ic: 8 },
      middleManagers: 1,
      roots: 2,
      orphans: 1,
    });
    expect(m.trend).toEqual({
      middleManagersPeak: 2, // S1
      middleManagersChangeSincePeakPct: -50, // (1 - 2) / 2
      layersChangeSincePeak: 0, // depth 5 vs 5
      promotions: 1, // E9
      icToManager: 1, // E12
      managerToIc: 0,
      joiners: 1, // E14
      leavers: 1, // E5
    });
    // The first snapshot is still there by date.
    expect((await getMetricsContract(admin, { asOf: '2024-01-31' })).middleManagers).toBe(2);
  });

  it('trend per department counts only that department', async () => {
    // Eng: middle managers S1 1 (E4) -> S2 0; depth 5 -> 4 (E6 E7 moved up); E5 left
    expect((await getMetricsContract(admin, { department: 'Eng' })).trend).toEqual({
      middleManagersPeak: 1,
      middleManagersChangeSincePeakPct: -100,
      layersChangeSincePeak: -1,
      promotions: 0,
      icToManager: 0,
      managerToIc: 0,
      joiners: 0,
      leavers: 1,
    });
    // Sales: E15 is the middle manager in both; E9 promoted, E12 to manager, E14 joined
    expect((await getMetricsContract(admin, { department: 'Sales' })).trend).toEqual({
      middleManagersPeak: 1,
      middleManagersChangeSincePeakPct: 0,
      layersChangeSincePeak: 0,
      promotions: 1,
      icToManager: 1,
      managerToIc: 0,
      joiners: 1,
      leavers: 0,
    });
  });
});

describe.each(backends())('metrics when snapshots arrive out of order on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('importing an older snapshot after a newer one gives the newer one its changes', async () => {
    await importFiles([S2], {}, quiet);
    await importFiles([S1], {}, quiet);
    // The series is S1, S2 whatever the upload order: the same trend as above.
    expect((await getMetricsContract(admin, {})).trend).toEqual({
      middleManagersPeak: 2,
      middleManagersChangeSincePeakPct: -50,
      layersChangeSincePeak: 0,
      promotions: 1,
      icToManager: 1,
      managerToIc: 0,
      joiners: 1,
      leavers: 1,
    });
  });

  it('after the earlier snapshot is deleted the later one has no previous to compare with', async () => {
    // S2 again (version 2): its stored changes now compare with S1. Then S1 goes.
    await importFiles([S2], {}, quiet);
    expect((await getMetricsContract(admin, {})).trend.joiners).toBe(1);
    const [s1] = await queryRows<{ id: number }>(
      tdb.handle,
      "select id from snapshots where as_of = '2024-01-31'",
    );
    await deleteSnapshot(admin, s1?.id ?? -1);
    expect((await getMetricsContract(admin, {})).trend).toEqual(NO_TREND);
  });
});

/** Independent reading of a data.gov.uk organogram pair: every cell quoted, '","' between cells. */
function readQuotedCsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.slice(1, -1).split('","'));
}

/**
 * Headcount, roots, depth, managers and ICs by a plain breadth-first walk: seniors are people
 * (id col 0, parent col 10, 'XX' = top); each junior row is N FTE (col 8) under its senior post
 * (col 3): junior FTE, not people and not direct reports (SPEC "Posts, people and FTE"); a
 * senior with another senior under them is a manager.
 */
function walkOrganogram(senior: string[][], junior: string[][]) {
  const kids = new Map<string, string[]>();
  const roots: string[] = [];
  for (const r of senior) {
    const [id = '', parent = ''] = [r[0], r[10]];
    if (parent === 'XX') roots.push(id);
    else kids.set(parent, [...(kids.get(parent) ?? []), id]);
  }
  const layer = new Map<string, number>(roots.map((id) => [id, 1]));
  const queue = [...roots];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const c of kids.get(id) ?? []) {
      layer.set(c, (layer.get(id) ?? 0) + 1);
      queue.push(c);
    }
  }
  const fte = junior.map((r) => Number(r[8]));
  const managers = senior.filter((r) => kids.has(r[0] ?? '')).length;
  const juniorFte = fte.reduce((a, b) => a + b, 0);
  const depth = Math.max(...layer.values());
  return {
    headcount: senior.length,
    juniorFte: Math.round(juniorFte * 10) / 10,
    roots: roots.length,
    depth,
    managers,
  };
}

describe.skipIf(!HAS_DATA).each(backends())('metrics on a real organogram on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('DFID 2014-09-30 senior + junior: headcount, roots, depth and managers agree with a plain walk', async () => {
    const senior = readQuotedCsv(`${DFID}-senior.csv`);
    const junior = readQuotedCsv(`${DFID}-junior.csv`);
    const walked = walkOrganogram(senior, junior);
    // The walk itself, pinned: 92 posts + 1,932.8 FTE in 684 junior rows; one 'XX' top (A1);
    // senior posts reach layer 5 (the junior staff under them are no layer of their own).
    expect(walked).toMatchObject({ headcount: 92, juniorFte: 1932.8, roots: 1, depth: 5 });

    const { result } = await importFiles([`${DFID}-senior.csv`, `${DFID}-junior.csv`], {}, quiet);
    expect(result.ok).toBe(true);
    const m = await getMetricsContract(admin, {});
    expect(m.asOf).toBe('2014-09-30');
    expect([m.headcount, m.roots, m.depth, m.managers]).toEqual([
      walked.headcount,
      walked.roots,
      walked.depth,
      walked.managers,
    ]);
    // ICs = every other post; the junior staff are FTE beside the headcount: 92 + 1,932.8.
    expect(m.ics).toBe(92 - walked.managers);
    expect([m.juniorFte, m.fte]).toEqual([1932.8, 2024.8]);
    expect(m.span.p90).toBeLessThan(20);
    expect(m.orphans).toBe(0);
  });
});
