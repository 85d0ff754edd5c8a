import type { TreeLevel, TreeNode } from './org-tree';

/**
 * The client-side state of a lazily fetched org tree, shared by the org explorer and the visual org
 * chart: nodes by id, each with the ids of its reports fetched so far (null = not fetched yet) and
 * how many more the server holds, plus which nodes are open. Pure, so both views fold API answers
 * the same way and the chart layout is unit-tested without a browser.
 */
export interface TreeEntry {
  node: TreeNode;
  /** null = children not fetched yet */
  childIds: string[] | null;
  more: number;
}

export interface OrgTreeState {
  entries: ReadonlyMap<string, TreeEntry>;
  /** ids at the top of the tree (one root, or several for a forest) */
  topIds: string[];
  /** more roots than shown (forest with over 200 roots) */
  topMore: number;
  expanded: ReadonlySet<string>;
  loading: ReadonlySet<string>;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
}

export const EMPTY_TREE: OrgTreeState = {
  entries: new Map(),
  topIds: [],
  topMore: 0,
  expanded: new Set(),
  loading: new Set(),
  status: 'loading',
  error: null,
};

const merge = (a: string[], b: string[]) => {
  const seen = new Set(a);
  return [...a, ...b.filter((id) => !seen.has(id))];
};

/**
 * Folds levels from GET /api/org/tree into the state (children appended, never duplicated); with
 * expand, each level's node is opened, and so is every node that came with its reports (depth > 1).
 */
export function absorbLevels(s: OrgTreeState, levels: TreeLevel[], expand: boolean): OrgTreeState {
  const entries = new Map(s.entries);
  const expanded = new Set(s.expanded);
  let topIds = s.topIds;
  let topMore = s.topMore;
  const put = (n: TreeNode) => {
    const had = entries.get(n.id);
    entries.set(n.id, { node: n, childIds: had?.childIds ?? null, more: had?.more ?? 0 });
    if (n.children) {
      n.children.forEach(put);
      entries.set(n.id, {
        node: n,
        childIds: merge(
          had?.childIds ?? [],
          n.children.map((c) => c.id),
        ),
        more: n.more ?? 0,
      });
      if (expand && n.children.length > 0) expanded.add(n.id);
    }
  };
  for (const level of levels) {
    level.children.forEach(put);
    const ids = level.children.map((c) => c.id);
    if (level.node === null) {
      topIds = merge(topIds, ids);
      topMore = level.more;
      continue;
    }
    put(level.node);
    const had = entries.get(level.node.id);
    entries.set(level.node.id, {
      node: level.node,
      childIds: merge(had?.childIds ?? [], ids),
      more: level.more,
    });
    if (expand) expanded.add(level.node.id);
  }
  return { ...s, entries, expanded, topIds, topMore };
}

/** The state after a fresh first answer: its top level, opened; a single root becomes the top. */
export function initialTree(levels: TreeLevel[]): OrgTreeState {
  const top = levels[0];
  const s = absorbLevels({ ...EMPTY_TREE, status: 'ready' }, levels, true);
  return top?.node ? { ...s, topIds: [top.node.id] } : s;
}

/** Each visible node's parent id (null at the top), following only opened, fetched branches. */
export function visibleParents(s: OrgTreeState): Map<string, string | null> {
  const parent = new Map<string, string | null>();
  const stack: Array<[string, string | null]> = s.topIds.map((id) => [id, null]);
  while (stack.length > 0) {
    const [id, p] = stack.pop() ?? ['', null];
    if (parent.has(id)) continue;
    parent.set(id, p);
    const e = s.entries.get(id);
    if (e?.childIds && s.expanded.has(id)) for (const c of e.childIds) stack.push([c, id]);
  }
  return parent;
}

/** How a node's managerial level is named in the explorer and on the chart. */
export const LEVEL_LABEL: Record<string, string> = {
  executive: 'Executive',
  managerOfManagers: 'Manager of managers',
  managerOfIcs: 'Manager of ICs',
  ic: 'IC',
};

/** Whether a node stands for a real record (a person or a position), not a folded group. */
export const isRecord = (n: TreeNode): boolean => n.kind === 'person' || n.kind === 'vacant';
