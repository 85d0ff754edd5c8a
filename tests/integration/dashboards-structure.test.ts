/**
 * Structure dashboard and org explorer DAL, on a hand-built org (tests/fixtures/structure/small-org.csv):
 *
 *   1 Cora Chief (Exec)                       layer 1, span 3
 *   ├─ 2 Vera Eng (Engineering)               layer 2, span 1 (25; the vacant leaf 30 adds nothing)
 *   │  ├─ 25 Dan Director                     layer 3, span 3
 *   │  │  ├─ 5 Ann Lead  -> 8..13 (6 ICs)      layer 4, span 6
 *   │  │  ├─ 6 Ben Lead  -> 14, 15             layer 4, span 2
 *   │  │  └─ 7 Cal Lead  -> 16                 layer 4, span 1
 *   │  └─ 30 vacant Staff Engineer            layer 3 (open position)
 *   ├─ 3 Sam Sales (Sales)                    layer 2, span 2
 *   │  ├─ 17 Rae Seller -> 18..21             layer 3, span 4
 *   │  └─ 22 Wes Rep                          layer 3
 *   └─ 4 Fay Money (Finance) -> 23, 24        layer 2, span 2
 * Every figure below is worked out by hand from this picture.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { NotFoundError } from '@/lib/dal/errors';
import { loadDashboardContext, parseDashboardQuery } from '@/lib/dal/dashboards/context';
import { buildOrgTree, type TreeNode } from '@/lib/dal/dashboards/org-tree';
import { buildStructure } from '@/lib/dal/dashboards/structure';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importFiles } from '@/cli/commands/import-command';
import { isSuppressed } from '@/lib/query/suppressed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const FIX = path.resolve(process.cwd(), 'tests/fixtures/structure');
const AS_OF = '2025-01-31';
const WIDE_AS_OF = '2025-02-28';
const actor = (role: Actor['role'], scopeEmployeeId: string | null = null): Actor => ({
  userId: 1,
  email: `${role}@x.test`,
  name: role,
  role,
  scopeEmployeeId,
  orgId: 1,
  orgIds: [1],
});
const admin = actor('admin');
const hr = actor('hr');
const leader = actor('leader');
const viewer = actor('viewer');
const engLeader = actor('leader', '2');
const tinyLeader = actor('leader', '6');

const IC_NAMES = ['Ivy Dev', 'Jon Dev', 'Kim Dev', 'Quin Dev', 'Sid Rep', 'Wes Rep', 'Xan Ledger'];

async function structure(a: Actor, q: Record<string, string> = {}) {
  const ctx = await loadDashboardContext(a, parseDashboardQuery({ asOf: AS_OF, ...q }));
  return buildStructure(ctx);
}
async function tree(a: Actor, q: Record<string, string> = {}, asOf = AS_OF) {
  const ctx = await loadDashboardContext(a, parseDashboardQuery({ asOf }));
  return buildOrgTree(ctx, new URLSearchParams(q));
}
function unwrap<T>(v: T | { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' }): T {
  if (isSuppressed(v)) throw new Error('unexpectedly suppressed');
  return v as T;
}
const ids = (nodes: TreeNode[]) => nodes.map((n) => n.id);

describe.each(backends())('structure dashboard and org explorer on %s', (backend) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const quiet = () => undefined;
    const a = await importFiles([path.join(FIX, 'small-org.csv')], { asOf: AS_OF }, quiet);
    expect(a.result.ok).toBe(true);
    const b = await importFiles([path.join(FIX, 'wide-span-250.csv')], { asOf: WIDE_AS_OF }, quiet);
    expect(b.result.ok).toBe(true);
    const c = await importFiles(
      [
        path.join(FIX, 'organogram-2020-03-31-senior.csv'),
        path.join(FIX, 'organogram-2020-03-31-junior.csv'),
      ],
      {},
      quiet,
    );
    expect(c.result.ok).toBe(true);
  });
  afterAll(async () => {
    clearPreparedCache();
    await tdb.drop();
  });

  it('computes the org-wide span statistics, bands, archetypes and histogram', async () => {
    const d = await structure(hr);
    const s = unwrap(d.summary);
    // 25 filled people (1..25); 30 is vacant. Managers: 1,2,3,4,25,5,6,7,17 = 9; ICs 25 - 9 = 16.
    expect(s).toMatchObject({ headcount: 25, managers: 9, ics: 16, openPositions: 1 });
    // layers: L1 {1}, L2 {2,3,4}, L3 {25,17,22,23,24}, L4 {5,6,7,18..21}, L5 {8..16} -> depth 5;
    // layers holding a manager: L1..L4 -> 4.
    expect(s.depth).toBe(5);
    expect(s.managementLayers).toBe(4);
    // 9 / 25 = 0.36; 16 / 9 = 1.77777... -> 1.7778
    expect(s.managerRatio).toBe(0.36);
    expect(s.icsPerManager).toBe(1.7778);
    // spans sorted [1,1,2,2,2,3,3,4,6]: mean 24/9 = 2.667; median a[4] = 2;
    // p10: h = 8 * 0.1 = 0.8 -> 1 + 0.8 * (1 - 1) = 1; p90: h = 7.2 -> 4 + 0.2 * (6 - 4) = 4.4
    expect(s.span).toEqual({ mean: 2.667, median: 2, p10: 1, p90: 4.4 });
    // executives (layer <= 2 with reports): 1,2,3,4; manager of managers below: 25; managers of ICs: 5,6,7,17
    expect(s.managerialLevels).toEqual({ executive: 4, managerOfManagers: 1, managerOfIcs: 4, ic: 16 });
    expect(s.middleManagers).toBe(1);

    // bands: "1" = {2, 7}; "2-3" = {3, 4, 6, 1, 25}; "4-7" = {17, 5}; shares 2/9, 5/9, 2/9
    expect(unwrap(d.bands)).toEqual([
      { band: '1', managers: 2, share: 0.2222 },
      { band: '2-3', managers: 5, share: 0.5556 },
      { band: '4-7', managers: 2, share: 0.2222 },
      { band: '8-12', managers: 0, share: 0 },
      { band: '13-16', managers: 0, share: 0 },
      { band: '17+', managers: 0, share: 0 },
    ]);
    // McKinsey archetypes: below (1-2) = spans 1,1,2,2,2 -> 5; player-coach (3-5) = 3,3,4 -> 3; coach (6-7) = 6 -> 1
    const arch = unwrap(d.archetypes);
    expect(arch.source).toMatch(/McKinsey.*spans of control.*2017/);
    expect(arch.bands.map((b) => [b.key, b.managers, b.share])).toEqual([
      ['below', 5, 0.5556],
      ['player-coach', 3, 0.3333],
      ['coach', 1, 0.1111],
      ['supervisor', 0, 0],
      ['facilitator', 0, 0],
      ['coordinator', 0, 0],
    ]);
    // histogram runs 1..16 (padded so every reference band shows): 1:2, 2:3, 3:2, 4:1, 6:1
    const h = unwrap(d.histogram);
    expect(h).toHaveLength(16);
    expect(h.filter((r) => r.managers > 0).map((r) => [r.span, r.managers])).toEqual([
      ['1', 2],
      ['2', 3],
      ['3', 2],
      ['4', 1],
      ['6', 1],
    ]);
    // pyramid by managerial level, per layer
    expect(unwrap(d.pyramid)).toEqual([
      { layer: 1, headcount: 1, executive: 1, managerOfManagers: 0, managerOfIcs: 0, ics: 0 },
      { layer: 2, headcount: 3, executive: 3, managerOfManagers: 0, managerOfIcs: 0, ics: 0 },
      { layer: 3, headcount: 5, executive: 0, managerOfManagers: 1, managerOfIcs: 1, ics: 3 },
      { layer: 4, headcount: 7, executive: 0, managerOfManagers: 0, managerOfIcs: 3, ics: 4 },
      { layer: 5, headcount: 9, executive: 0, managerOfManagers: 0, managerOfIcs: 0, ics: 9 },
    ]);
  });

  it('lists narrow-span managers (span 1-3), narrowest first, for roles that may see people', async () => {
    const d = await structure(admin);
    // span 1: Vera (layer 2), Cal (layer 4); span 2: Fay, Sam (layer 2, by name), Ben (layer 4);
    // span 3: Cora (layer 1), Dan (layer 3) -> 7
    expect(d.narrowSpan.count).toBe(7);
    expect(d.narrowSpan.more).toBe(0);
    expect(d.narrowSpan.managers?.map((m) => [m.id, m.span, m.layer])).toEqual([
      ['2', 1, 2],
      ['7', 1, 4],
      ['4', 2, 2],
      ['3', 2, 2],
      ['6', 2, 4],
      ['1', 3, 1],
      ['25', 3, 3],
    ]);
    expect(d.narrowSpan.managers?.[0]).toMatchObject({
      name: 'Vera Eng',
      title: 'VP Engineering',
      subtreeSize: 13,
      level: 'executive',
    });
  });

  it('builds the department table with every structure metric', async () => {
    const d = await structure(hr);
    expect(d.departments.map((r) => r.department)).toEqual(['Engineering', 'Sales', 'Finance', 'Exec']);
    // Engineering: 2,25,5,6,7,8..16 = 14 people, vacant 30 open; managers 2,25,5,6,7 = 5, ICs 9;
    // deepest layer 5; manager layers 2,3,4 -> 3; 5/14 = 0.35714 -> 0.3571; 9/5 = 1.8;
    // spans [1,1,2,3,6]: mean 13/5 = 2.6, median 2, p10 h=0.4 -> 1, p90 h=3.6 -> 3 + 0.6*3 = 4.8;
    // middle managers: Dan (25) is a manager of managers below layer 2 -> 1
    expect(d.departments[0]?.metrics).toEqual({
      headcount: 14,
      managers: 5,
      ics: 9,
      depth: 5,
      managementLayers: 3,
      managerRatio: 0.3571,
      icsPerManager: 1.8,
      spanMean: 2.6,
      spanMedian: 2,
      spanP10: 1,
      spanP90: 4.8,
      middleManagers: 1,
      openPositions: 1,
    });
    // Sales: 3,17,18..22 = 7; managers 3,17; ICs 5; depth 4; layers 2,3 -> 2; 2/7 = 0.2857; 5/2 = 2.5;
    // spans [2,4]: mean 3, median 3, p10 2 + 0.1*2 = 2.2, p90 2 + 0.9*2 = 3.8
    expect(d.departments[1]?.metrics).toEqual({
      headcount: 7,
      managers: 2,
      ics: 5,
      depth: 4,
      managementLayers: 2,
      managerRatio: 0.2857,
      icsPerManager: 2.5,
      spanMean: 3,
      spanMedian: 3,
      spanP10: 2.2,
      spanP90: 3.8,
      middleManagers: 0,
      openPositions: 0,
    });
    // Finance: 3 people (hr sees groups under 5): 1/3 = 0.3333 managers, 2 ICs per manager
    expect(d.departments[2]?.metrics).toMatchObject({
      headcount: 3,
      managers: 1,
      managerRatio: 0.3333,
      icsPerManager: 2,
    });
  });

  it('suppresses departments under 5 people for leaders and viewers, not for hr or admin', async () => {
    for (const a of [leader, viewer]) {
      const d = await structure(a);
      // Engineering (14) shows; Exec (1) and Finance (3) are hidden, and so is Sales (7): the 25
      // people minus Engineering and Sales would be Exec and Finance's 4 (complementary
      // suppression, issue #11). Hidden rows are sorted by name.
      expect(d.departments.map((r) => [r.department, isSuppressed(r.metrics)])).toEqual([
        ['Engineering', false],
        ['Exec', true],
        ['Finance', true],
        ['Sales', true],
      ]);
      // each hidden row says why: Exec and Finance are small; Sales (7) is not, it is a complement
      expect(d.departments[1]?.metrics).toEqual({ suppressed: true, minGroupSize: 5, reason: 'small' });
      expect(d.departments[2]?.metrics).toEqual({ suppressed: true, minGroupSize: 5, reason: 'small' });
      expect(d.departments[3]?.metrics).toEqual({ suppressed: true, minGroupSize: 5, reason: 'complement' });
      expect(JSON.stringify(d.departments.slice(1))).not.toMatch(/headcount/);
    }
    for (const a of [hr, admin]) {
      const d = await structure(a);
      expect(d.departments.every((r) => !isSuppressed(r.metrics))).toBe(true);
    }
  });

  it('gives viewers the narrow-span count, and names only managers of units of at least 5 people', async () => {
    const d = await structure(viewer);
    // Cora (26 people), Vera (14), Sam (7), Dan (13) label units; Ben (3), Cal (2), Fay (3) do not
    expect(d.narrowSpan).toMatchObject({ count: 7, more: 0, unlabelled: 3 });
    expect(d.narrowSpan.managers?.map((m) => [m.id, m.title])).toEqual([
      ['2', null],
      ['3', null],
      ['1', null],
      ['25', null],
    ]);
    const json = JSON.stringify(d);
    for (const n of [...IC_NAMES, 'Cal Lead', 'Ben Lead', 'Fay Money', 'VP Engineering'])
      expect(json).not.toContain(n);
    // scoping to an IC or a unit under 5 people by id does not reveal a name
    expect((await structure(viewer, { subtree: '16' })).scope.subtreeName).toBeNull();
    expect((await structure(viewer, { subtree: '7' })).scope.subtreeName).toBeNull();
    expect((await structure(viewer, { subtree: '5' })).scope.subtreeName).toBe('Ann Lead');
  });

  it('keeps a scoped leader inside their subtree, with layers counted from its top', async () => {
    const d = await structure(engLeader);
    expect(d.scope).toMatchObject({ subtree: '2', subtreeName: 'Vera Eng' });
    expect(d.layersFromUnitTop).toBe(true);
    // Vera's subtree: 14 people, 5 managers; as if imported alone: depth 5 - 1 = 4; executives are
    // Vera (layer 1) and Dan (layer 2), so no middle managers.
    expect(unwrap(d.summary)).toMatchObject({ headcount: 14, managers: 5, depth: 4, middleManagers: 0 });
    // narrow spans inside: Vera 1, Cal 1, Ben 2, Dan 3
    expect(d.narrowSpan.count).toBe(4);
    expect(d.narrowSpan.managers?.map((m) => m.id)).toEqual(['2', '7', '6', '25']);
    // only Engineering is inside; its layers count from Vera too (depth 4, middle managers 0)
    expect(d.departments).toHaveLength(1);
    expect(d.departments[0]?.metrics).toMatchObject({ headcount: 14, depth: 4, middleManagers: 0 });
    const json = JSON.stringify(d);
    for (const outside of ['Sam Sales', 'Rae Seller', 'Sales', 'Finance', 'Cora Chief'])
      expect(json).not.toContain(outside);
    await expect(structure(engLeader, { subtree: '3' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(structure(engLeader, { subtree: '1' })).rejects.toBeInstanceOf(NotFoundError);
    // Dan's subtree (13 people) is hidden from Vera's leader: Vera's 14 minus Dan's 13 would be
    // Vera alone (complementary suppression, issue #11); hr sees it.
    expect((await structure(engLeader, { subtree: '25' })).summary).toEqual({
      suppressed: true,
      minGroupSize: 5,
      reason: 'complement',
    });
    expect(unwrap((await structure(hr, { subtree: '25' })).summary).headcount).toBe(13);
  });

  it('suppresses everything for a leader whose unit is under 5 people', async () => {
    // Ben's subtree: Ben, Oda, Pat = 3 people
    const d = await structure(tinyLeader);
    for (const v of [d.summary, d.bands, d.histogram, d.archetypes, d.pyramid, d.narrowSpan.count])
      expect(v).toEqual({ suppressed: true, minGroupSize: 5, reason: 'small' });
    expect(d.narrowSpan.managers).toBeNull();
    expect(d.departments.every((r) => isSuppressed(r.metrics))).toBe(true);
    // hr sees the same small unit unsuppressed
    expect(unwrap((await structure(hr, { subtree: '6' })).summary).headcount).toBe(3);
  });

  it('org tree: starts at the root, children by subtree size, with span, layer and sizes', async () => {
    const r = await tree(admin);
    const top = r.levels[0];
    expect(top?.node).toMatchObject({
      id: '1',
      name: 'Cora Chief',
      layer: 1,
      span: 3,
      subtreeSize: 24,
      childCount: 3,
    });
    // branch sizes: Vera 1 + 13, Sam 1 + 6, Fay 1 + 2
    expect(ids(top?.children ?? [])).toEqual(['2', '3', '4']);
    expect(top?.children[0]).toMatchObject({
      name: 'Vera Eng',
      title: 'VP Engineering',
      department: 'Engineering',
      layer: 2,
      span: 1,
      subtreeSize: 13,
      childCount: 2,
      level: 'executive',
      kind: 'person',
    });
    const vera = (await tree(admin, { root: '2' })).levels[0];
    expect(vera?.children.map((c) => [c.id, c.kind, c.name])).toEqual([
      ['25', 'person', 'Dan Director'],
      ['30', 'vacant', 'Vacant position'],
    ]);
    // depth=2 also returns grandchildren under each child
    const deep = (await tree(admin, { root: '25', depth: '2' })).levels[0];
    expect(ids(deep?.children ?? [])).toEqual(['5', '6', '7']);
    // Ann's six ICs all have branch size 1, so they sort by name: Ivy, Jon, Kim, Lou, Mia, Ned
    expect(ids(deep?.children[0]?.children ?? [])).toEqual(['8', '9', '10', '11', '12', '13']);
  });

  it('org tree: viewers get managers by name but ICs only as a count', async () => {
    const ann = (await tree(viewer, { root: '5' })).levels[0];
    expect(ann?.node).toMatchObject({ id: '5', name: 'Ann Lead' });
    expect(ann?.children).toEqual([
      expect.objectContaining({
        kind: 'ic-group',
        name: '6 individual contributors',
        subtreeSize: 6,
        childCount: 0,
      }),
    ]);
    const vera = (await tree(viewer, { root: '2' })).levels[0];
    expect(vera?.children.map((c) => [c.kind, c.name])).toEqual([
      ['person', 'Dan Director'],
      ['vacant-group', '1 open position'],
    ]);
    const sam = (await tree(viewer, { root: '3' })).levels[0];
    // Rae (manager, branch 5) then the folded IC Wes: a group of one, so no count (issue #11); Rae's
    // headcount is hidden too, as the floor hides her unit (Sam's 7 minus Rae's 5 would be Sam and Wes)
    expect(sam?.children.map((c) => [c.kind, c.name, c.subtreeSize])).toEqual([
      ['person', 'Rae Seller', 0],
      ['ic-group', 'Fewer than 5 individual contributors', 0],
    ]);
    const json = JSON.stringify([ann, vera, sam, await tree(viewer)]);
    for (const n of IC_NAMES) expect(json).not.toContain(n);
    // Fay's unit (3 people) has no label for a viewer, so it cannot be opened either
    await expect(tree(viewer, { root: '4' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(tree(viewer, { root: '8' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(tree(viewer, { reveal: '14' })).rejects.toBeInstanceOf(NotFoundError);
    // hr sees the ICs by name
    const hrAnn = (await tree(hr, { root: '5' })).levels[0];
    expect(hrAnn?.children.map((c) => c.name)).toContain('Ivy Dev');
  });

  it('org tree: a scoped leader starts at their scope root and cannot go above or beside it', async () => {
    const r = await tree(engLeader);
    expect(r.levels[0]?.node?.id).toBe('2');
    expect(ids(r.levels[0]?.children ?? [])).toEqual(['25', '30']);
    await expect(tree(engLeader, { root: '1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(tree(engLeader, { root: '3' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(tree(engLeader, { reveal: '18' })).rejects.toBeInstanceOf(NotFoundError);
    // reveal inside the scope: the path starts at the scope root, never above it
    const rv = await tree(engLeader, { reveal: '14' });
    expect(rv.levels.map((l) => l.node?.id)).toEqual(['2', '25', '6']);
    expect(rv.target).toMatchObject({ id: '14', name: 'Oda Dev', layer: 5 });
    expect(JSON.stringify(rv)).not.toContain('Cora Chief');
  });

  it('org tree: reveal opens every level from the top to the target', async () => {
    const rv = await tree(admin, { reveal: '16' });
    expect(rv.levels.map((l) => l.node?.id)).toEqual(['1', '2', '25', '7']);
    // each level holds the next step of the path
    expect(ids(rv.levels[2]?.children ?? [])).toContain('7');
    expect(ids(rv.levels[3]?.children ?? [])).toEqual(['16']);
  });

  it('org tree: caps children at 200 per request with a "more" count and pages with offset', async () => {
    const first = (await tree(admin, {}, WIDE_AS_OF)).levels[0];
    expect(first?.node).toMatchObject({ id: 'W0', span: 250, subtreeSize: 250, childCount: 250 });
    // all leaves have size 1, so they sort by name: Worker 001 .. Worker 200, then 50 more
    expect(first?.children).toHaveLength(200);
    expect(first?.more).toBe(50);
    expect(first?.children[0]?.name).toBe('Worker 001');
    const next = (await tree(admin, { root: 'W0', offset: '200' }, WIDE_AS_OF)).levels[0];
    expect(next?.children).toHaveLength(50);
    expect(next?.children[0]?.name).toBe('Worker 201');
    expect(next?.more).toBe(0);
    // revealing a worker beyond the first page still brings it along
    const rv = await tree(admin, { reveal: 'W250' }, WIDE_AS_OF);
    expect(ids(rv.levels[0]?.children ?? [])).toContain('W250');
    // the span 250 lands in the open "40+" histogram bucket
    const ctx = await loadDashboardContext(admin, parseDashboardQuery({ asOf: WIDE_AS_OF }));
    const h = unwrap((await buildStructure(ctx)).histogram);
    expect(h[h.length - 1]).toEqual({ span: '40+', min: 40, max: null, managers: 1 });
  });

  it('org tree: aggregated junior-staff rows show as "N FTE (grade)", as FTE, not people', async () => {
    const d1 = (await tree(admin, { root: 'D1' }, '2020-03-31')).levels[0];
    // D1 has 4 FTE of SEO and 2.5 FTE of Grade 7, largest first: no direct reports (span 0), no
    // people below, 6.5 junior FTE.
    expect(d1?.node).toMatchObject({ name: 'Dee Director', span: 0, subtreeSize: 0, juniorFte: 6.5 });
    expect(d1?.children.map((c) => [c.kind, c.name, c.subtreeSize, c.juniorFte])).toEqual([
      ['aggregate', '4 FTE (SEO)', 0, 4],
      ['aggregate', '2.5 FTE (Grade 7)', 0, 2.5],
    ]);
    // D1 is an individual contributor of the person-level tree: a viewer cannot open it.
    await expect(tree(viewer, { root: 'D1' }, '2020-03-31')).rejects.toThrow();
  });
});
