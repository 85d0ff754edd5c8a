/**
 * Posts, people and FTE (SPEC; issue #12 item 5) on a small organogram read by the real parser.
 *
 * tests/fixtures/fte/organogram-2024-03-31-{senior,junior}.csv, senior posts with their layer:
 *   T1 (1) -> D1 (2) -> DD1 (3), DD2 (3, a 0.5 FTE post: still one person)
 *          -> D2 (2) -> V1 (3, "Vacant": an open position)
 * junior staff FTE per reporting senior post: T1 1, D1 2.5, DD1 10 + 4.5, DD2 3, V1 6 = 27.
 * Person-level tree: T1 manages D1 and D2 (span 2), D1 manages DD1 and DD2 (span 2); D2's only
 * report is a vacant post with nothing person-level below it (an open requisition), so D2, DD1
 * and DD2 are ICs although each has junior staff.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgUpload } from '@/lib/ingest';
import { buildOrgTree } from '@/lib/metrics/tree';
import {
  computeDepartmentStructure,
  computeOrgStructure,
  computeSubtreeStructure,
  fteFields,
} from '@/lib/metrics/structure';

import { person } from './make-records';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/fte');
const files = ['organogram-2024-03-31-senior.csv', 'organogram-2024-03-31-junior.csv'];

async function loadTree() {
  const res = await parseOrgUpload(
    files.map((name) => ({ name, bytes: readFileSync(path.join(DIR, name)) })),
    {},
  );
  expect(res.ok).toBe(true);
  const [snap] = res.snapshots;
  if (!snap) throw new Error('no snapshot');
  return { snap, tree: buildOrgTree(snap.records, snap.links) };
}

describe('posts, people and FTE on a small organogram', () => {
  it('headcount counts filled senior posts as whole people; junior staff are FTE beside it', async () => {
    const { snap, tree } = await loadTree();
    expect(snap.asOf).toBe('2024-03-31');
    const m = computeOrgStructure(tree);
    // T1, D1, D2, DD1, DD2 = 5 people (DD2's 0.5 FTE post is one person); V1 is open.
    expect([m.headcount, m.openPositions]).toEqual([5, 1]);
    expect([m.juniorFte, m.hasAggregated]).toEqual([27, true]);
    expect(fteFields(m)).toEqual({ juniorFte: 27, fte: 32 });
    expect(Number.isInteger(m.headcount)).toBe(true);
  });

  it('spans, layers and managerial levels come from person-level rows only', async () => {
    const m = computeOrgStructure((await loadTree()).tree);
    expect([m.managers, m.ics, m.depth, m.managementLayers, m.roots, m.orphans]).toEqual([2, 3, 3, 2, 1, 0]);
    // spans [2, 2]: no junior FTE inflates them.
    expect(m.span).toEqual({
      mean: 2,
      median: 2,
      p10: 2,
      p90: 2,
      bands: { '1': 0, '2-3': 2, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 },
    });
    expect(m.managerRatio).toBe(0.4); // 2 / 5
    expect(m.icsPerManager).toBe(1.5); // 3 / 2
    // exec layers 2: T1 (layer 1) and D1 (layer 2) are executives; D2, DD1, DD2 are ICs.
    expect(m.managerialLevels).toEqual({ executive: 2, managerOfManagers: 0, managerOfIcs: 0, ic: 3 });
    expect(m.pyramid.map((r) => [r.layer, r.headcount, r.managers, r.ics])).toEqual([
      [1, 1, 1, 0],
      [2, 2, 1, 1],
      [3, 2, 0, 2],
    ]);
  });

  it('each unit shows its senior posts, junior FTE and total FTE separately', async () => {
    const { tree } = await loadTree();
    const at = (id: string) => tree.indexById.get(id) ?? -1;
    // own = junior FTE directly under the post; below = in the whole subtree.
    expect(['T1', 'D1', 'D2', 'DD1', 'DD2', 'V1'].map((id) => tree.ownFte[at(id)])).toEqual([
      1, 2.5, 0, 14.5, 3, 6,
    ]);
    expect(['T1', 'D1', 'D2', 'DD1', 'V1'].map((id) => tree.juniorFteBelow[at(id)])).toEqual([
      27, 20, 6, 14.5, 6,
    ]);
    // D1's unit: D1, DD1, DD2 = 3 people; 2.5 + 10 + 4.5 + 3 = 20 junior FTE; 23 FTE in all.
    const d1 = computeSubtreeStructure(tree, 'D1');
    expect([d1?.headcount, d1?.juniorFte, d1?.managers, d1?.depth]).toEqual([3, 20, 1, 2]);
    expect(d1 && fteFields(d1)).toEqual({ juniorFte: 20, fte: 23 });
    // D2's unit: D2 alone (1 person), V1 open, 6 junior FTE under V1.
    const d2 = computeSubtreeStructure(tree, 'D2');
    expect([d2?.headcount, d2?.openPositions, d2?.juniorFte]).toEqual([1, 1, 6]);
    // The Ops unit column: D1, DD1, DD2 and their junior rows (2.5 + 10 + 4.5 + 3).
    const ops = computeDepartmentStructure(tree, 'Ops');
    expect([ops.headcount, ops.juniorFte]).toEqual([3, 20]);
  });

  it('a source without aggregated rows adds no FTE fields', () => {
    const m = computeOrgStructure(buildOrgTree([person('A', null), person('B', 'A')]));
    expect([m.headcount, m.juniorFte, m.hasAggregated]).toEqual([2, 0, false]);
    expect(fteFields(m)).toEqual({});
  });
});
