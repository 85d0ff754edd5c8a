import { treeHasCosts } from './cost';
import { NodeKind } from '@/lib/metrics/roles';
import { isManagerNode } from '@/lib/metrics/span-histogram';
import { roundTo } from '@/lib/metrics/numbers';
import { explorerColumns, type ExplorerColumns } from '@/lib/metrics/people-order';
import type { OrgTree } from '@/lib/metrics/tree';
import type { ViewContext } from './context';
import { isUnitShown } from './floor';
import { hiddenSentence } from '@/lib/privacy/hidden-text';
import { personAttribute, unlabelledTeams } from './unit-labels';

/**
 * The org explorer's data: one node and its direct reports at a time, so a 100k-person org is
 * browsed without ever sending the whole tree. Rules:
 * - scoped users start at their scope root and cannot ask for anything above or beside it (404);
 * - viewers follow the rule of ./unit-labels.ts: a manager is named only as the label of a unit of
 *   at least min_group_size people, never with a title; smaller units fold into one "N teams of
 *   fewer than 5 people" node (no id, cannot be opened), a manager's IC reports into one
 *   "N individual contributors" node, and vacant leaves into "N open positions";
 * - aggregated junior-staff rows (UK organograms) are shown as "N FTE (grade)": FTE, never people
 *   (subtreeSize 0, juniorFte N); people nodes carry the junior FTE of their unit (shownFte);
 * - children are sorted by the headcount of their branch (subtree size), largest first, and cut
 *   at CHILD_PAGE per request with a `more` count (ask again with offset for the next page).
 */

export const CHILD_PAGE = 200;
export const NODE_BUDGET = 2000;

export type TreeNodeKind = 'person' | 'vacant' | 'aggregate' | 'ic-group' | 'vacant-group' | 'team-group';
type GroupKind = 'ic-group' | 'vacant-group' | 'team-group';
export type TreeNodeLevel = 'executive' | 'managerOfManagers' | 'managerOfIcs' | 'ic' | null;

export interface TreeNode {
  /** employee id, or a synthetic id ("~ics~<manager id>", "~teams~<manager id>") for folded groups */
  id: string;
  kind: TreeNodeKind;
  name: string | null;
  title: string | null;
  department: string | null;
  /** org-wide layer (root = 1) */
  layer: number;
  /** direct reports in people (SPEC span) */
  span: number;
  /** headcount below the node (for folded groups: the people they stand for; 0 for FTE rows) */
  subtreeSize: number;
  /**
   * junior-staff FTE below the node (for an FTE row: its own FTE); null when the snapshot has no
   * aggregated rows, or when the privacy floor hides the unit from a viewer
   */
  juniorFte?: number | null;
  /** a person's annual cost: hr and admin only (can.seeCost), when the snapshot has costs */
  annualCost?: number | null;
  /** records reporting directly to the node; 0 = nothing to expand */
  childCount: number;
  level: TreeNodeLevel;
  /** filled only when the request asked for more than one level */
  children?: TreeNode[];
  more?: number;
}

export interface TreeLevel {
  /** null = the virtual top of a forest (several roots) */
  node: TreeNode | null;
  children: TreeNode[];
  offset: number;
  more: number;
}

export interface OrgTreeResponse {
  asOf: string;
  /** root request: one level; reveal request: the top, then each ancestor of the target */
  levels: TreeLevel[];
  target: TreeNode | null;
}

const fmt = (n: number) => roundTo(n, 2).toLocaleString('en');

/**
 * What the explorer reads of one record: from the snapshot's tree (treeNode) or from its row
 * stored in preorder at import (lib/metrics/people-order.ts ExplorerColumns), so both paths
 * present the same nodes.
 */
export type ExplorerNode = Omit<ExplorerColumns, 'parentPre'> & {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  layer: number;
  kind: number;
  span: number;
  /** what the record adds to headcount (a filled person 1) */
  weight: number;
  /** the reader's floor shows the unit rooted here (isUnitShown); null when the reader has no floor */
  shown: boolean | null;
};

/** The reader of the explorer: the label rule, the floor's switch, and what the snapshot holds. */
export type ExplorerReader = Pick<ViewContext, 'canSeePeople' | 'canSeeCost' | 'suppress' | 'settings'> & {
  /** junior-staff FTE is shown (the tree's hasAggregated) */
  hasAggregated: boolean;
  /** people carry an annual cost (treeHasCosts) */
  hasCosts: boolean;
};

/** The explorer's reader over a view context on the snapshot's tree. */
export function treeReader(ctx: ViewContext): ExplorerReader {
  const t = ctx.snap.tree;
  return {
    canSeePeople: ctx.canSeePeople,
    canSeeCost: ctx.canSeeCost,
    suppress: ctx.suppress,
    settings: ctx.settings,
    hasAggregated: t.hasAggregated,
    hasCosts: ctx.canSeeCost === true && treeHasCosts(t),
  };
}

/** What the explorer reads of tree record i, with the reader's floor. */
export function treeNode(ctx: Pick<ViewContext, 'floor'>, t: OrgTree, i: number): ExplorerNode {
  const r = t.records[i];
  const { parentPre: _parent, ...columns } = explorerColumns(t, i);
  return {
    ...columns,
    id: r?.employeeId ?? '',
    name: r?.name ?? null,
    title: r?.title ?? null,
    department: r?.department ?? null,
    layer: t.layer[i] ?? 0,
    kind: t.kind[i] ?? NodeKind.vacant,
    span: t.span[i] ?? 0,
    weight: t.weight[i] ?? 0,
    shown: ctx.floor === null ? null : isUnitShown(ctx.floor, i),
  };
}

const isManagerKind = (n: ExplorerNode) => isManagerNode({ kind: Uint8Array.of(n.kind) }, 0);

/** lib/views/unit-labels.ts mayLabelUnit on a node: people-seeing roles, or a manager of a unit at the minimum. */
function mayLabel(ctx: ExplorerReader, n: ExplorerNode): boolean {
  if (ctx.canSeePeople) return true;
  return isManagerKind(n) && n.weight + n.below >= ctx.settings.minGroupSize;
}

/** lib/views/unit-labels.ts shownBelow on a node: hidden from a viewer where the floor hides the unit. */
function shownBelow(ctx: ExplorerReader, n: ExplorerNode): number | null {
  if (ctx.canSeePeople || n.shown === null) return n.below;
  return n.shown ? n.below : null;
}

/** The node shape of a record (callers make sure a viewer never gets an IC or a small unit this way). */
export function presentNode(ctx: ExplorerReader, n: ExplorerNode): TreeNode {
  const kind = n.kind;
  const layer = n.layer;
  const isMgr = isManagerKind(n);
  const base = {
    id: n.id,
    title: personAttribute(ctx, n.title),
    department: n.department,
    layer,
    span: n.span,
    subtreeSize: n.below,
    childCount: n.childCount,
    level: (isMgr
      ? layer <= ctx.settings.execLayers
        ? 'executive'
        : kind === NodeKind.managerOfManagers
          ? 'managerOfManagers'
          : 'managerOfIcs'
      : kind === NodeKind.ic
        ? 'ic'
        : null) as TreeNodeLevel,
  };
  if (n.aggregated) {
    const grade = n.grade ?? 'junior staff';
    return {
      ...base,
      kind: 'aggregate',
      name: `${fmt(n.fte)} FTE (${grade})`,
      subtreeSize: 0,
      juniorFte: n.fte,
    };
  }
  if (kind === NodeKind.vacant) return { ...base, kind: 'vacant', name: 'Vacant position' };
  if (!ctx.canSeePeople && !isMgr) return groupNode(ctx, base.id, 'ic-group', 1, layer, base.department);
  if (!mayLabel(ctx, n)) return groupNode(ctx, '', 'team-group', 1, layer, base.department);
  // lib/views/unit-labels.ts shownFte: none without aggregated rows, none where the count is hidden.
  const juniorFte = !ctx.hasAggregated || shownBelow(ctx, n) === null ? null : n.juniorFteBelow;
  return {
    ...base,
    ...viewerCounts(ctx, n, base),
    ...(juniorFte === null ? {} : { juniorFte }),
    ...(ctx.canSeeCost === true && ctx.hasCosts ? { annualCost: n.annualCost } : {}),
    kind: 'person',
    name: n.name,
  };
}

/**
 * The counts a viewer may see on a named manager's row (SPEC "Privacy", issue #11): the headcount
 * below only when the privacy floor shows the unit (so the explorer shows the same units as every
 * dashboard, and a unit minus its shown children is never a group under the minimum), and the span
 * only for such a unit and when the manager's direct individual contributors are none or at least
 * the minimum (a hidden unit of ICs only would be counted by its span; otherwise the span minus the
 * named and folded teams would count the ICs).
 */
function viewerCounts(
  ctx: ExplorerReader,
  n: ExplorerNode,
  base: { span: number; subtreeSize: number },
): { span: number; subtreeSize: number } {
  if (ctx.canSeePeople || n.shown === null) return base;
  const ics = n.directIcs;
  const min = ctx.settings.minGroupSize;
  const below = shownBelow(ctx, n);
  return {
    span: below === null || (ics > 0 && ics < min) ? 0 : base.span,
    subtreeSize: below ?? 0,
  };
}

const GROUP_TAG: Record<GroupKind, string> = {
  'ic-group': 'ics',
  'vacant-group': 'open',
  'team-group': 'teams',
};

function groupName(ctx: ExplorerReader, kind: GroupKind, count: number): string {
  if (kind === 'team-group') return unlabelledTeams(count, ctx.settings.minGroupSize);
  const [one, many] =
    kind === 'ic-group'
      ? ['individual contributor', 'individual contributors']
      : ['open position', 'open positions'];
  return `${fmt(count)} ${count === 1 ? one : many}`;
}

/** A folded node; `parentId` is the (visible) manager the group hangs under, '' when there is none. */
function groupNode(
  ctx: ExplorerReader,
  parentId: string,
  kind: GroupKind,
  count: number,
  layer: number,
  department: string | null,
): TreeNode {
  const ics = kind === 'ic-group';
  return {
    id: `~${GROUP_TAG[kind]}~${parentId}`,
    kind,
    name: groupName(ctx, kind, count),
    title: null,
    department,
    layer,
    span: 0,
    subtreeSize: ics ? count : 0,
    childCount: 0,
    level: ics ? 'ic' : null,
  };
}

/** The label of a manager's direct ICs when they are fewer than the minimum group size. */
function smallGroupLabel(ctx: ExplorerReader): string {
  return hiddenSentence(
    { minGroupSize: ctx.settings.minGroupSize, reason: 'small' },
    'individual contributors',
  );
}

/** The sorted direct reports `kids` of node `parent` (null: the forest's roots), viewer folding applied. */
export function listChildren(
  ctx: ExplorerReader,
  parent: ExplorerNode | null,
  kids: readonly ExplorerNode[],
): TreeNode[] {
  const shown: Array<{ node: TreeNode; size: number }> = [];
  let ics = 0;
  let open = 0;
  let teams = 0;
  for (const c of kids) {
    const leaf = c.childCount === 0;
    if (!ctx.canSeePeople && c.kind === NodeKind.ic && !c.aggregated) {
      ics += c.weight;
      continue;
    }
    if (!ctx.canSeePeople && c.kind === NodeKind.vacant && leaf) {
      open++;
      continue;
    }
    if (isManagerKind(c) && !mayLabel(ctx, c)) {
      teams++;
      continue;
    }
    // Branches sort by people; an FTE row by its FTE (it stands for that many staff).
    const size = c.aggregated ? c.fte : c.weight + c.below;
    shown.push({ node: presentNode(ctx, c), size });
  }
  const parentId = parent?.id ?? '';
  const layer = parent === null ? 1 : parent.layer + 1;
  const dept = parent?.department ?? null;
  if (ics > 0) {
    // A manager's direct ICs are a group like any other: under the minimum, no count (SPEC "Privacy").
    const small = ctx.suppress && ics < ctx.settings.minGroupSize;
    const node = groupNode(ctx, parentId, 'ic-group', ics, layer, dept);
    if (small) shown.push({ node: { ...node, name: smallGroupLabel(ctx), subtreeSize: 0 }, size: 0 });
    else shown.push({ node, size: ics });
  }
  if (teams > 0) shown.push({ node: groupNode(ctx, parentId, 'team-group', teams, layer, dept), size: 0 });
  if (open > 0) shown.push({ node: groupNode(ctx, parentId, 'vacant-group', open, layer, dept), size: 0 });
  shown.sort(
    (a, b) =>
      b.size - a.size ||
      (a.node.kind === 'person' ? 0 : 1) - (b.node.kind === 'person' ? 0 : 1) ||
      (a.node.name ?? '').localeCompare(b.node.name ?? '') ||
      a.node.id.localeCompare(b.node.id),
  );
  return shown.map((s) => s.node);
}

/** Whether a record may be opened as a node by this reader: a viewer never opens an IC or a small unit. */
export function mayOpenNode(ctx: ExplorerReader, n: ExplorerNode): boolean {
  return ctx.canSeePeople || !(n.kind === NodeKind.ic || (isManagerKind(n) && !mayLabel(ctx, n)));
}

/**
 * What the explorer asks of a snapshot: the tree (./org-tree.ts over a view context) or the rows
 * stored in preorder (lib/dal/dashboards/org-tree.ts). Ids are employee ids; '' asks for the
 * forest's roots.
 */
export interface ExplorerSource {
  /** the nodes of these ids (an unknown id is left out) */
  nodes(ids: readonly string[]): Promise<Map<string, ExplorerNode>>;
  /** the children of each node asked for, as the explorer reads them */
  childrenOf(ids: readonly string[]): Promise<Map<string, ExplorerNode[]>>;
}

/** One level of the explorer: node `n` (or the top, null) and a page of its children. */
export function levelOf(
  ctx: ExplorerReader,
  n: ExplorerNode | null,
  kids: readonly ExplorerNode[],
  offset: number,
  mustInclude?: string,
): TreeLevel {
  const all = listChildren(ctx, n, kids);
  const page = all.slice(offset, offset + CHILD_PAGE);
  if (mustInclude && !page.some((x) => x.id === mustInclude)) {
    const hit = all.find((x) => x.id === mustInclude);
    if (hit) page.push(hit);
  }
  return {
    node: n === null ? null : presentNode(ctx, n),
    children: page,
    offset,
    more: Math.max(0, all.length - offset - page.length),
  };
}

/** Expands the first levels below a level's children breadth-first, within a node budget. */
export async function expand(
  ctx: ExplorerReader,
  source: ExplorerSource,
  level: TreeLevel,
  depth: number,
): Promise<void> {
  let budget = NODE_BUDGET - level.children.length;
  let frontier = level.children;
  for (let d = 1; d < depth && budget > 0; d++) {
    const next: TreeNode[] = [];
    const open = frontier.filter(
      (n) => n.childCount > 0 && n.kind !== 'ic-group' && n.kind !== 'vacant-group',
    );
    const [parents, kids] = await Promise.all([
      source.nodes(open.map((n) => n.id)),
      source.childrenOf(open.map((n) => n.id)),
    ]);
    for (const n of open) {
      if (budget <= 0) break;
      const node = parents.get(n.id);
      if (node === undefined) continue;
      const sub = levelOf(ctx, node, kids.get(n.id) ?? [], 0);
      n.children = sub.children;
      n.more = sub.more;
      budget -= sub.children.length;
      next.push(...sub.children);
    }
    frontier = next;
  }
}
