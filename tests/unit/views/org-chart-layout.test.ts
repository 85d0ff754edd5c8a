import { describe, expect, it } from 'vitest';
import type { TreeLevel, TreeNode } from '@/lib/views/org-tree';
import { absorbLevels, initialTree, type OrgTreeState } from '@/lib/views/org-tree-state';
import {
  BOX_H,
  BOX_W,
  canDropOn,
  frameId,
  gridColumns,
  layoutBounds,
  layoutOrgChart,
  moreBoxId,
  pickDropTarget,
  type ChartBox,
} from '@/lib/views/org-chart-layout';

const person = (id: string, childCount = 0, kind: TreeNode['kind'] = 'person'): TreeNode => ({
  id,
  kind,
  name: `Name ${id}`,
  title: null,
  department: null,
  layer: 1,
  span: childCount,
  subtreeSize: childCount,
  childCount,
  level: childCount > 0 ? 'managerOfIcs' : 'ic',
});
const level = (node: TreeNode | null, children: TreeNode[], more = 0): TreeLevel => ({
  node,
  children,
  offset: 0,
  more,
});
const ics = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => person(`${prefix}${i + 1}`));

/**
 * CEO -> A, B, C (managers); A -> 10 ICs (a team grid); B -> B1, B2 (managers) -> 3 ICs each, plus
 * 4 more reports of B not fetched; C closed.
 */
function sample(): OrgTreeState {
  let s = initialTree([level(person('CEO', 3), [person('A', 10), person('B', 6), person('C', 7)])]);
  s = absorbLevels(s, [level(person('A', 10), ics('a', 10))], true);
  s = absorbLevels(s, [level(person('B', 6), [person('B1', 3), person('B2', 3)], 4)], true);
  s = absorbLevels(s, [level(person('B1', 3), ics('b1-', 3))], true);
  s = absorbLevels(s, [level(person('B2', 3), ics('b2-', 3))], true);
  return s;
}

const rectOf = (b: ChartBox) =>
  b.kind === 'frame' ? { x: b.x, y: b.y, w: b.width, h: b.height } : { x: b.x, y: b.y, w: BOX_W, h: BOX_H };
const overlap = (a: ChartBox, b: ChartBox) => {
  const r = rectOf(a);
  const q = rectOf(b);
  return r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h;
};
const byId = (boxes: ChartBox[], id: string) => {
  const b = boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};

describe('layoutOrgChart', () => {
  it('draws every opened box once, reports below their manager, and no two boxes overlap', () => {
    const { boxes } = layoutOrgChart(sample());
    // CEO, A, B, C, 10 ICs of A, B1, B2, 6 ICs, B's "+4 more", and 3 team frames
    expect(boxes.filter((b) => b.kind === 'node')).toHaveLength(4 + 10 + 2 + 6);
    expect(
      boxes
        .filter((b) => b.kind === 'frame')
        .map((b) => b.id)
        .sort(),
    ).toEqual([frameId('A'), frameId('B1'), frameId('B2')].sort());
    expect(new Set(boxes.map((b) => b.id)).size).toBe(boxes.length);
    for (const b of boxes) {
      if (!b.parentId) continue;
      const parent = byId(boxes, b.parentId);
      expect(b.y, `${b.id} below ${b.parentId}`).toBeGreaterThanOrEqual(parent.y + BOX_H);
    }
    // Frames hold their own team: a frame overlaps only the boxes of its manager's team.
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as ChartBox;
        const b = boxes[j] as ChartBox;
        const teamOf = (f: ChartBox, m: ChartBox) => f.kind === 'frame' && m.parentId === f.parentId;
        if (teamOf(a, b) || teamOf(b, a)) {
          const f = a.kind === 'frame' ? a : b;
          const m = a.kind === 'frame' ? b : a;
          const r = rectOf(f);
          expect(m.x >= r.x && m.x + BOX_W <= r.x + r.w && m.y >= r.y && m.y + BOX_H <= r.y + r.h).toBe(true);
          continue;
        }
        expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      }
  });

  it('packs a team of people without reports into a grid with one line from the manager', () => {
    const { boxes, links } = layoutOrgChart(sample());
    expect(gridColumns(10)).toBe(3);
    const team = boxes.filter((b) => b.kind === 'node' && b.parentId === 'A');
    expect(team).toHaveLength(10);
    // 3 columns: a1, a2, a3 on the first row, a4 starts the second, directly under a1
    expect(byId(boxes, 'a2').y).toBe(byId(boxes, 'a1').y);
    expect(byId(boxes, 'a4').x).toBe(byId(boxes, 'a1').x);
    expect(byId(boxes, 'a4').y).toBeGreaterThan(byId(boxes, 'a1').y);
    expect(links.filter((l) => l.source === 'A')).toEqual([
      { id: `A->${frameId('A')}`, source: 'A', target: frameId('A') },
    ]);
    // managers get one line each, ICs in a grid none
    expect(links.filter((l) => l.source === 'CEO').map((l) => l.target)).toEqual(['A', 'B', 'C']);
    expect(links.some((l) => l.target === 'a1')).toBe(false);
  });

  it('ends a paged manager\'s reports with a "+N more" box', () => {
    const { boxes, links } = layoutOrgChart(sample());
    const more = byId(boxes, moreBoxId('B'));
    expect(more).toMatchObject({ kind: 'more', count: 4, parentId: 'B' });
    expect(links).toContainEqual({ id: `B->${moreBoxId('B')}`, source: 'B', target: moreBoxId('B') });
    // in a team grid too: a manager of ICs with 200 fetched and 5 more has the more box as the last cell
    let s = initialTree([level(person('M', 205), ics('i', 3), 5)]);
    s = absorbLevels(s, [], true);
    const grid = layoutOrgChart(s).boxes;
    expect(byId(grid, moreBoxId('M'))).toMatchObject({ kind: 'more', count: 5, parentId: 'M' });
    expect(grid.filter((b) => b.kind === 'frame')).toHaveLength(1);
  });

  it('closing a manager hides its reports; a forest puts its roots on the top row with their "+N more"', () => {
    const s = sample();
    const closed = layoutOrgChart({ ...s, expanded: new Set([...s.expanded].filter((id) => id !== 'B')) });
    expect(closed.boxes.some((b) => b.id === 'B1' || b.id === moreBoxId('B'))).toBe(false);
    const forest = initialTree([level(null, [person('R1', 2), person('R2', 1)], 3)]);
    const top = layoutOrgChart(forest).boxes;
    expect(top.map((b) => b.id)).toEqual(['R1', 'R2', moreBoxId(null)]);
    expect(new Set(top.map((b) => b.y))).toEqual(new Set([0]));
  });
});

describe('layoutBounds', () => {
  it('holds every box, frames included, and nothing when nothing is laid out', () => {
    const layout = layoutOrgChart(sample());
    const b = layoutBounds(layout);
    if (!b) throw new Error('no bounds');
    for (const x of layout.boxes) {
      const w = x.kind === 'frame' ? x.width : BOX_W;
      const h = x.kind === 'frame' ? x.height : BOX_H;
      expect(x.x >= b.x && x.y >= b.y && x.x + w <= b.x + b.width && x.y + h <= b.y + b.height).toBe(true);
    }
    expect(b.y).toBe(0);
    expect(layoutBounds({ boxes: [], links: [] })).toBeNull();
  });
});

describe('drop targets (drag a box onto a manager = move)', () => {
  it('refuses the box itself, its own subtree, its current manager and folded groups', () => {
    let s = sample();
    s = absorbLevels(s, [level(person('C', 7), [person('g', 0, 'ic-group')])], true);
    expect(canDropOn(s, 'B1', 'A')).toBe(true);
    expect(canDropOn(s, 'a1', 'B2')).toBe(true);
    expect(canDropOn(s, 'B', 'B')).toBe(false);
    expect(canDropOn(s, 'B', 'B1')).toBe(false);
    expect(canDropOn(s, 'B', 'b2-1')).toBe(false);
    expect(canDropOn(s, 'B1', 'B')).toBe(false);
    expect(canDropOn(s, 'a1', 'g')).toBe(false);
    expect(canDropOn(s, 'g', 'A')).toBe(false);
    expect(canDropOn(s, 'CEO', 'A')).toBe(false);
    expect(canDropOn(s, 'A', 'nobody')).toBe(false);
  });

  it("takes a planned (vacant) position as a drop target: a move under a scenario's added position", () => {
    let s = sample();
    s = absorbLevels(s, [level(person('C', 1), [person('PLAN-1', 0, 'vacant')])], true);
    expect(canDropOn(s, 'a1', 'PLAN-1')).toBe(true);
    expect(pickDropTarget(s, 'a1', ['a1', 'PLAN-1', frameId('C')])).toEqual({ id: 'PLAN-1', ok: true });
  });

  it('picks the first valid box under the pointer, else reports the refused one', () => {
    const s = sample();
    expect(pickDropTarget(s, 'B', ['B', 'B1', 'A'])).toEqual({ id: 'A', ok: true });
    expect(pickDropTarget(s, 'B', ['B', 'B1'])).toEqual({ id: 'B1', ok: false });
    expect(pickDropTarget(s, 'B', ['B', frameId('A')])).toBeNull();
  });
});

describe('absorbLevels', () => {
  it('opens every node that came with its reports when several levels are fetched at once', () => {
    const deep = person('X', 1);
    deep.children = [{ ...person('Y', 1), children: [person('Z')] }];
    const s = absorbLevels(
      initialTree([level(person('R', 1), [person('X', 1)])]),
      [level(person('X', 1), deep.children)],
      true,
    );
    expect([...s.expanded].sort()).toEqual(['R', 'X', 'Y']);
    expect(s.entries.get('Y')?.childIds).toEqual(['Z']);
  });
});
