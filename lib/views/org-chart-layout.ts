import { hierarchy, tree } from 'd3-hierarchy';
import type { TreeNode } from './org-tree';
import { isRecord, visibleParents, type OrgTreeState } from './org-tree-state';

export { isRecord };

/**
 * The visual org chart's geometry: the opened part of a lazily fetched tree laid out top-down with
 * d3-hierarchy's tidy tree (fixed box size, so boxes never overlap and reports sit below their
 * manager). A team of people without reports (ICs, folded groups) is packed into a grid inside one
 * frame with one line from its manager, so a manager of 200 stays readable; a "+N more" box ends a
 * team when the manager has more reports than were fetched. Pure: the React Flow component only
 * draws what this returns.
 */

export const BOX_W = 220;
export const BOX_H = 112;
/** pitch between neighbouring boxes and between levels */
export const GAP_X = 24;
export const GAP_Y = 56;
/** gap between rows of a team grid, and the frame's padding around it */
export const GRID_GAP_Y = 16;
export const FRAME_PAD = 12;

const UNIT_X = BOX_W + GAP_X;
const LEVEL_Y = BOX_H + GAP_Y;

export type ChartBox =
  | { kind: 'node'; id: string; parentId: string | null; x: number; y: number; node: TreeNode }
  | { kind: 'more'; id: string; parentId: string | null; x: number; y: number; count: number }
  | { kind: 'frame'; id: string; parentId: string; x: number; y: number; width: number; height: number };

export interface ChartLink {
  id: string;
  source: string;
  target: string;
}

export interface ChartLayout {
  boxes: ChartBox[];
  links: ChartLink[];
}

/** The id of the "+N more" box under a manager (null = the forest's top row). */
export const moreBoxId = (parentId: string | null) => `~more~${parentId ?? '~top'}`;
/** The id of the frame around a manager's team grid. */
export const frameId = (managerId: string) => `~team~${managerId}`;

type Member = { id: string; more: number };

interface Item {
  id: string;
  kind: 'root' | 'node' | 'more' | 'grid' | 'spacer';
  count: number;
  /** width in box pitches (grid: its columns) */
  cols: number;
  members: Member[];
  children: Item[];
}

const item = (id: string, kind: Item['kind'], extra: Partial<Item> = {}): Item => ({
  id,
  kind,
  count: 0,
  cols: 1,
  members: [],
  children: [],
  ...extra,
});

/** Columns of a team grid: one row up to 4, then roughly square on screen (boxes are twice as wide as tall). */
export function gridColumns(n: number): number {
  return n <= 4 ? n : Math.max(3, Math.ceil(Math.sqrt(n / 2)));
}

const frameSize = (n: number, cols: number) => {
  const rows = Math.ceil(n / cols);
  return {
    width: cols * UNIT_X - GAP_X + 2 * FRAME_PAD,
    height: rows * (BOX_H + GRID_GAP_Y) - GRID_GAP_Y + 2 * FRAME_PAD,
  };
};

/** A grid and the invisible spacers below it that keep deeper levels of neighbouring branches clear of it. */
function gridItem(managerId: string, members: Member[]): Item {
  const cols = gridColumns(members.length);
  const { height } = frameSize(members.length, cols);
  const g = item(frameId(managerId), 'grid', { cols, members });
  let tail = g;
  for (let k = Math.ceil((height + GAP_Y / 2) / LEVEL_Y) - 1; k > 0; k--) {
    const sp = item(`${g.id}~${k}`, 'spacer', { cols });
    tail.children = [sp];
    tail = sp;
  }
  return g;
}

/** Lays out every opened, fetched branch; x/y are top-left corners (boxes BOX_W x BOX_H). */
export function layoutOrgChart(s: OrgTreeState): ChartLayout {
  const seen = new Set<string>();
  const build = (id: string): Item | null => {
    const e = s.entries.get(id);
    if (!e || seen.has(id)) return null;
    seen.add(id);
    const node = item(id, 'node');
    if (!s.expanded.has(id) || !e.childIds) return node;
    const kids = e.childIds.filter((c) => s.entries.has(c) && !seen.has(c));
    const leaves = kids.every((c) => (s.entries.get(c)?.node.childCount ?? 0) === 0);
    if (leaves && kids.length + (e.more > 0 ? 1 : 0) >= 2) {
      kids.forEach((c) => seen.add(c));
      const members = kids.map((c) => ({ id: c, more: 0 }));
      if (e.more > 0) members.push({ id: moreBoxId(id), more: e.more });
      node.children = [gridItem(id, members)];
      return node;
    }
    for (const c of kids) {
      const it = build(c);
      if (it) node.children.push(it);
    }
    if (e.more > 0) node.children.push(item(moreBoxId(id), 'more', { count: e.more }));
    return node;
  };
  const tops: Item[] = [];
  for (const id of s.topIds) {
    const it = build(id);
    if (it) tops.push(it);
  }
  if (s.topMore > 0) tops.push(item(moreBoxId(null), 'more', { count: s.topMore }));
  if (tops.length === 0) return { boxes: [], links: [] };

  const root = hierarchy<Item>(item('~root', 'root', { children: tops }), (d) => d.children);
  const laid = tree<Item>()
    .nodeSize([UNIT_X, LEVEL_Y])
    .separation((a, b) => (a.data.cols + b.data.cols) / 2 + (a.parent === b.parent ? 0 : 0.25))(root);

  const boxes: ChartBox[] = [];
  const links: ChartLink[] = [];
  laid.each((p) => {
    const d = p.data;
    if (d.kind === 'root' || d.kind === 'spacer') return;
    const parentId = p.parent && p.parent.data.kind !== 'root' ? p.parent.data.id : null;
    const y = (p.depth - 1) * LEVEL_Y;
    if (parentId) links.push({ id: `${parentId}->${d.id}`, source: parentId, target: d.id });
    if (d.kind === 'more')
      boxes.push({ kind: 'more', id: d.id, parentId, x: p.x - BOX_W / 2, y, count: d.count });
    else if (d.kind === 'node') {
      const node = s.entries.get(d.id)?.node;
      if (node) boxes.push({ kind: 'node', id: d.id, parentId, x: p.x - BOX_W / 2, y, node });
    } else if (parentId) {
      const { width, height } = frameSize(d.members.length, d.cols);
      const left = p.x - width / 2;
      boxes.push({ kind: 'frame', id: d.id, parentId, x: left, y, width, height });
      d.members.forEach((m, i) => {
        const x = left + FRAME_PAD + (i % d.cols) * UNIT_X;
        const my = y + FRAME_PAD + Math.floor(i / d.cols) * (BOX_H + GRID_GAP_Y);
        const node = s.entries.get(m.id)?.node;
        if (m.more > 0) boxes.push({ kind: 'more', id: m.id, parentId, x, y: my, count: m.more });
        else if (node) boxes.push({ kind: 'node', id: m.id, parentId, x, y: my, node });
      });
    }
  });
  return { boxes, links };
}

/**
 * Whether dropping box `id` onto box `toId` is a valid `move {id, to}`: both are records (people or
 * positions, so reports can go under a planned position), not the box itself, not somewhere in its
 * own subtree (judged on the fetched ancestry, which holds the target's whole path since the target
 * is on screen), and not already its manager (nothing would change).
 */
export function canDropOn(s: OrgTreeState, id: string, toId: string): boolean {
  if (id === toId) return false;
  const from = s.entries.get(id)?.node;
  const to = s.entries.get(toId)?.node;
  if (!from || !to || !isRecord(from) || !isRecord(to)) return false;
  const parent = visibleParents(s);
  if (parent.get(id) === toId) return false;
  for (
    let v: string | null | undefined = toId, guard = 0;
    v && guard <= parent.size;
    v = parent.get(v), guard++
  )
    if (v === id) return false;
  return true;
}

/** The drop target among the boxes under the pointer: the first valid one, else the first refused. */
export function pickDropTarget(
  s: OrgTreeState,
  id: string,
  under: readonly string[],
): { id: string; ok: boolean } | null {
  const candidates = under.filter((c) => c !== id && s.entries.has(c));
  const ok = candidates.find((c) => canDropOn(s, id, c));
  if (ok) return { id: ok, ok: true };
  const first = candidates[0];
  return first ? { id: first, ok: false } : null;
}

/** The rectangle holding every box (for "fit the chart"); null when nothing is laid out. */
export function layoutBounds(
  layout: ChartLayout,
): { x: number; y: number; width: number; height: number } | null {
  if (layout.boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of layout.boxes) {
    const w = b.kind === 'frame' ? b.width : BOX_W;
    const h = b.kind === 'frame' ? b.height : BOX_H;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + w);
    y1 = Math.max(y1, b.y + h);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
