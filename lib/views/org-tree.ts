import { treeHasCosts } from './cost';
import { NodeKind } from '@/lib/metrics/roles';
import { isManager } from '@/lib/metrics/snapshot';
import { roundTo } from '@/lib/metrics/numbers';
import type { ViewContext } from './context';
import { hiddenSentence } from '@/lib/privacy/hidden-text';
import { mayLabelUnit, personAttribute, shownBelow, shownFte, unlabelledTeams } from './unit-labels';

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

/** The node shape of record i (callers make sure a viewer never gets an IC or a small unit this way). */
export function presentNode(ctx: ViewContext, i: number): TreeNode {
  const t = ctx.snap.tree;
  const r = t.records[i];
  const kind = t.kind[i] ?? NodeKind.vacant;
  const layer = t.layer[i] ?? 0;
  const isMgr = isManager(t, i);
  const base = {
    id: r?.employeeId ?? '',
    title: personAttribute(ctx, r?.title),
    department: r?.department ?? null,
    layer,
    span: t.span[i] ?? 0,
    subtreeSize: t.subtreeSize[i] ?? 0,
    childCount: (t.childOffsets[i + 1] ?? 0) - (t.childOffsets[i] ?? 0),
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
  if (t.aggregated[i] === 1) {
    const grade = r?.level ?? r?.title ?? 'junior staff';
    return {
      ...base,
      kind: 'aggregate',
      name: `${fmt(t.fte[i] ?? 0)} FTE (${grade})`,
      subtreeSize: 0,
      juniorFte: t.fte[i] ?? 0,
    };
  }
  if (kind === NodeKind.vacant) return { ...base, kind: 'vacant', name: 'Vacant position' };
  if (!ctx.canSeePeople && !isMgr) return groupNode(ctx, base.id, 'ic-group', 1, layer, base.department);
  if (!mayLabelUnit(ctx, t, i)) return groupNode(ctx, '', 'team-group', 1, layer, base.department);
  const juniorFte = shownFte(ctx, t, i);
  return {
    ...base,
    ...viewerCounts(ctx, i, base),
    ...(juniorFte === null ? {} : { juniorFte }),
    ...(ctx.canSeeCost === true && treeHasCosts(t) ? { annualCost: r?.annualCost ?? null } : {}),
    kind: 'person',
    name: r?.name ?? null,
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
  ctx: ViewContext,
  i: number,
  base: { span: number; subtreeSize: number },
): { span: number; subtreeSize: number } {
  if (ctx.canSeePeople || ctx.floor === null) return base;
  const t = ctx.snap.tree;
  let ics = 0;
  for (let e = t.childOffsets[i] ?? 0; e < (t.childOffsets[i + 1] ?? 0); e++) {
    const c = t.children[e] ?? 0;
    if (t.kind[c] === NodeKind.ic && t.aggregated[c] !== 1) ics += t.weight[c] ?? 0;
  }
  const min = ctx.settings.minGroupSize;
  const below = shownBelow(ctx, t, i);
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

function groupName(ctx: ViewContext, kind: GroupKind, count: number): string {
  if (kind === 'team-group') return unlabelledTeams(count, ctx.settings.minGroupSize);
  const [one, many] =
    kind === 'ic-group'
      ? ['individual contributor', 'individual contributors']
      : ['open position', 'open positions'];
  return `${fmt(count)} ${count === 1 ? one : many}`;
}

/** A folded node; `parentId` is the (visible) manager the group hangs under, '' when there is none. */
function groupNode(
  ctx: ViewContext,
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
function smallGroupLabel(ctx: ViewContext): string {
  return hiddenSentence(
    { minGroupSize: ctx.settings.minGroupSize, reason: 'small' },
    'individual contributors',
  );
}

/** The sorted direct reports of i (or of the forest's roots when i < 0), viewer folding applied. */
export function listChildren(ctx: ViewContext, i: number): TreeNode[] {
  const t = ctx.snap.tree;
  const kids: number[] = [];
  if (i < 0)
    for (const r of t.roots) kids.push(r); // an organisation may have 100k+ roots: no spread
  else
    for (let e = t.childOffsets[i] ?? 0; e < (t.childOffsets[i + 1] ?? 0); e++) kids.push(t.children[e] ?? 0);
  const shown: Array<{ node: TreeNode; size: number }> = [];
  let ics = 0;
  let open = 0;
  let teams = 0;
  for (const c of kids) {
    const leaf = (t.childOffsets[c + 1] ?? 0) === (t.childOffsets[c] ?? 0);
    if (!ctx.canSeePeople && t.kind[c] === NodeKind.ic && t.aggregated[c] !== 1) {
      ics += t.weight[c] ?? 0;
      continue;
    }
    if (!ctx.canSeePeople && t.kind[c] === NodeKind.vacant && leaf) {
      open++;
      continue;
    }
    if (isManager(t, c) && !mayLabelUnit(ctx, t, c)) {
      teams++;
      continue;
    }
    // Branches sort by people; an FTE row by its FTE (it stands for that many staff).
    const size = t.aggregated[c] === 1 ? (t.fte[c] ?? 0) : (t.weight[c] ?? 0) + (t.subtreeSize[c] ?? 0);
    shown.push({ node: presentNode(ctx, c), size });
  }
  const parentId = i >= 0 ? (t.records[i]?.employeeId ?? '') : '';
  const layer = i >= 0 ? (t.layer[i] ?? 0) + 1 : 1;
  const dept = i >= 0 ? (t.records[i]?.department ?? null) : null;
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

/** Index of the explorer's top for this actor: their scope root, the single org root, or -1 (forest). */

/** Whether record i may be opened as a node by this reader: a viewer never opens an IC or a small unit. */
export function mayOpenNode(ctx: ViewContext, i: number): boolean {
  const t = ctx.snap.tree;
  return ctx.canSeePeople || !(t.kind[i] === NodeKind.ic || (isManager(t, i) && !mayLabelUnit(ctx, t, i)));
}

/** One level of the explorer: record i (or the top, -1) and a page of its children. */
export function levelOf(ctx: ViewContext, i: number, offset: number, mustInclude?: string): TreeLevel {
  const all = listChildren(ctx, i);
  const page = all.slice(offset, offset + CHILD_PAGE);
  if (mustInclude && !page.some((n) => n.id === mustInclude)) {
    const hit = all.find((n) => n.id === mustInclude);
    if (hit) page.push(hit);
  }
  return {
    node: i >= 0 ? presentNode(ctx, i) : null,
    children: page,
    offset,
    more: Math.max(0, all.length - offset - page.length),
  };
}

/** Expands the first levels below a level's children breadth-first, within a node budget. */
export function expand(ctx: ViewContext, level: TreeLevel, depth: number): void {
  let budget = NODE_BUDGET - level.children.length;
  let frontier = level.children;
  for (let d = 1; d < depth && budget > 0; d++) {
    const next: TreeNode[] = [];
    for (const n of frontier) {
      if (n.childCount === 0 || n.kind === 'ic-group' || n.kind === 'vacant-group' || budget <= 0) continue;
      const i = ctx.snap.tree.indexById.get(n.id);
      if (i === undefined) continue;
      const sub = levelOf(ctx, i, 0);
      n.children = sub.children;
      n.more = sub.more;
      budget -= sub.children.length;
      next.push(...sub.children);
    }
    frontier = next;
  }
}
