import type { OrgTreeState } from '@/lib/views/org-tree-state';

export type VisibleRow =
  | {
      kind: 'node';
      key: string;
      id: string;
      depth: number;
      parentId: string | null;
      pos: number;
      size: number;
    }
  | {
      kind: 'more';
      key: string;
      parentId: string | null;
      depth: number;
      count: number;
      pos: number;
      size: number;
    };

/** The rows on screen, depth first: only expanded nodes contribute their children (plus a "more" row). */
export function flattenVisible(state: OrgTreeState): VisibleRow[] {
  const out: VisibleRow[] = [];
  const stack: Array<{ ids: string[]; more: number; at: number; depth: number; parentId: string | null }> = [
    { ids: state.topIds, more: state.topMore, at: 0, depth: 1, parentId: null },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const size = frame.ids.length + (frame.more > 0 ? 1 : 0);
    if (frame.at >= frame.ids.length) {
      stack.pop();
      if (frame.more > 0)
        out.push({
          kind: 'more',
          key: `more:${frame.parentId ?? ''}`,
          parentId: frame.parentId,
          depth: frame.depth,
          count: frame.more,
          pos: size,
          size,
        });
      continue;
    }
    const id = frame.ids[frame.at] ?? '';
    frame.at++;
    out.push({
      kind: 'node',
      key: id,
      id,
      depth: frame.depth,
      parentId: frame.parentId,
      pos: frame.at,
      size,
    });
    const e = state.entries.get(id);
    if (e && state.expanded.has(id) && e.childIds)
      stack.push({ ids: e.childIds, more: e.more, at: 0, depth: frame.depth + 1, parentId: id });
  }
  return out;
}
