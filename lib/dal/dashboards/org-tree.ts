import 'server-only';
import { z } from 'zod';
import type { PersonOrderRow } from '@/lib/metrics/people-order';
import { floorMarksKey } from '@/lib/views/floor';
import {
  expand,
  levelOf,
  mayOpenNode,
  presentNode,
  treeNode,
  treeReader,
  type ExplorerNode,
  type ExplorerReader,
  type ExplorerSource,
  type OrgTreeResponse,
  type TreeLevel,
} from '@/lib/views/org-tree';
import { PEOPLE_ORDER_FORMAT, type PeopleOrderFacts } from '@/lib/views/people-rows';
import { NotFoundError, ValidationError } from '../errors';
import { PEOPLE_ORDER_FAMILY, readPeopleWhere } from '../people-order';
import { rawQuery } from '../raw-query';
import { readStored } from '../snapshot-data';
import type { ScopedViewContext } from '@/lib/views/context';
import type { DashboardRequest } from './context';
import { FLOOR_FAMILY } from './floor';

export {
  CHILD_PAGE,
  type OrgTreeResponse,
  type TreeLevel,
  type TreeNode,
  type TreeNodeKind,
  type TreeNodeLevel,
} from '@/lib/views/org-tree';

/**
 * The org explorer's request: scoped users start at their scope root and cannot ask for anything
 * above or beside it (404); lib/views/org-tree.ts presents the nodes and their reports.
 */
export const orgTreeQuerySchema = z.object({
  root: z.string().max(300).optional(),
  reveal: z.string().max(300).optional(),
  depth: z.coerce.number().int().min(1).max(3).default(1),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** A snapshot as the explorer walks it: the tree, or the people stored in preorder. */
interface Walk extends ExplorerSource {
  reader: ExplorerReader;
  /** the reader's top: their scope root, the single root, or null (a forest) */
  top(): Promise<ExplorerNode | null>;
  /** the record of id and its managers up to the top (or its root), the record first; null when unknown */
  upFrom(id: string): Promise<ExplorerNode[] | null>;
}

/** What the explorer reads over a tree: a view context and the reader's top (their scope root, or the org's). */
type TreeContext = ScopedViewContext;

/** The tree's walk for a context over it. */
function treeWalk(ctx: TreeContext): Walk {
  const t = ctx.snap.tree;
  const scope = ctx.actor.scopeEmployeeId;
  const topIndex = scope ? (t.indexById.get(scope) ?? -1) : t.roots.length === 1 ? (t.roots[0] ?? -1) : -1;
  const node = (i: number) => treeNode(ctx, t, i);
  const kidsOf = (i: number) => {
    const out: ExplorerNode[] = [];
    if (i < 0) for (const r of t.roots) out.push(node(r));
    else
      for (let e = t.childOffsets[i] ?? 0; e < (t.childOffsets[i + 1] ?? 0); e++)
        out.push(node(t.children[e] ?? 0));
    return out;
  };
  return {
    reader: treeReader(ctx),
    top: () => Promise.resolve(topIndex < 0 ? null : node(topIndex)),
    upFrom: (id) => {
      const i = t.indexById.get(id);
      if (i === undefined) return Promise.resolve(null);
      const path: ExplorerNode[] = [];
      for (let v = i, guard = 0; v >= 0 && guard <= t.size; v = t.parent[v] ?? -1, guard++) {
        path.push(node(v));
        if (v === topIndex) break;
      }
      return Promise.resolve(path);
    },
    nodes: (ids) => {
      const out = new Map<string, ExplorerNode>();
      for (const id of ids) {
        const i = t.indexById.get(id);
        if (i !== undefined) out.set(id, node(i));
      }
      return Promise.resolve(out);
    },
    childrenOf: (ids) => {
      const out = new Map<string, ExplorerNode[]>();
      for (const id of ids) {
        const i = id === '' ? -1 : t.indexById.get(id);
        if (i !== undefined) out.set(id, kidsOf(i));
      }
      return Promise.resolve(out);
    },
  };
}

/** The explorer node of a stored row with the explorer's columns, with the reader's floor. */
function rowNode(r: PersonOrderRow, shown: boolean | null): ExplorerNode | null {
  const x = r.explorer;
  if (x === undefined) return null;
  return {
    id: r.employeeId,
    name: r.name,
    title: r.title,
    department: r.department,
    layer: r.layer,
    kind: r.kind,
    span: r.span,
    weight: r.person === true ? 1 : 0,
    childCount: x.childCount,
    below: x.below,
    aggregated: x.aggregated,
    fte: x.fte,
    grade: x.grade,
    juniorFteBelow: x.juniorFteBelow,
    annualCost: x.annualCost,
    directIcs: x.directIcs,
    shown,
  };
}

/**
 * The walk over the people stored in preorder at import (issue #13), or null when they cannot
 * stand in for the tree: rows stored without the explorer's columns (before migration 0015) or
 * with a repeated employee id, or a reader with a floor whose marks are not stored. A node's
 * children are the rows whose parent_pre is its position (an index probe), its managers a
 * recursive walk up parent_pre, the reader's floor the ids their stored marks show.
 */
async function storedWalk(req: DashboardRequest): Promise<Walk | null> {
  const { ref, actor, settings } = req;
  const facts = await readStored<Partial<PeopleOrderFacts>>(ref.id, PEOPLE_ORDER_FAMILY, 'org', '');
  const x = facts?.explorer;
  if (facts?.format !== PEOPLE_ORDER_FORMAT || facts.changes !== true || x === undefined) return null;
  const scope = actor.scopeEmployeeId;
  // Only a viewer's nodes read the floor (people-seeing readers see every count).
  const floorKey = req.suppress && !req.canSeePeople ? floorMarksKey(scope, settings.minGroupSize) : null;
  if (floorKey !== null) {
    const [r] = await rawQuery<{ ok: boolean }>(
      `select data ? 'shown' as ok from metric_results where snapshot_id = $1 and family = '${FLOOR_FAMILY}'
         and scope_type = 'org' and scope_key = $2`,
      [ref.id, floorKey],
    );
    if (r?.ok !== true) return null;
  }
  /** The rows as nodes, each with whether the reader's floor shows its unit (their top: the total). */
  const nodesOf = async (rows: PersonOrderRow[]): Promise<ExplorerNode[]> => {
    let shown: Set<string> | null = null;
    let total = false;
    if (floorKey !== null) {
      const [m] = await rawQuery<{ total: boolean | null; shown: string[] | null }>(
        `select (data->>'total')::boolean as total,
                array(select k from unnest($3::text[]) k where (data->'shown') ? k) as shown
         from metric_results where snapshot_id = $1 and family = '${FLOOR_FAMILY}' and scope_type = 'org'
           and scope_key = $2`,
        [ref.id, floorKey, rows.map((r) => r.employeeId)],
      );
      shown = new Set(m?.shown ?? []);
      total = m?.total === true;
    }
    const out: ExplorerNode[] = [];
    for (const r of rows) {
      const s = shown === null ? null : r.employeeId === scope ? total : shown.has(r.employeeId);
      const n = rowNode(r, s);
      if (n !== null) out.push(n);
    }
    return out;
  };
  const byIds = async (ids: readonly string[]) =>
    new Map(
      (await nodesOf(await readPeopleWhere(ref.id, 'employee_id = any($2::text[])', [ids]))).map((n) => [
        n.id,
        n,
      ]),
    );
  return {
    reader: {
      canSeePeople: req.canSeePeople,
      canSeeCost: req.canSeeCost,
      suppress: req.suppress,
      settings,
      hasAggregated: x.hasAggregated,
      hasCosts: req.canSeeCost === true && x.hasCosts,
    },
    top: async () => {
      if (scope) return (await byIds([scope])).get(scope) ?? null;
      if (x.roots !== 1) return null;
      const [root] = await nodesOf(await readPeopleWhere(ref.id, 'pre = 0', []));
      return root ?? null;
    },
    upFrom: async (id) => {
      const rows = await readPeopleWhere(
        ref.id,
        `pre in (with recursive up(pre, parent_pre, k) as (
           select pre, parent_pre, 0 from people_order where snapshot_id = $1 and employee_id = $2
           union all
           select p.pre, p.parent_pre, up.k + 1 from up join people_order p
             on p.snapshot_id = $1 and p.pre = up.parent_pre where up.k < 100000)
         select pre from up)`,
        [id],
      );
      if (rows.length === 0) return null;
      // Managers sit before their reports in preorder: the record is last, the root first.
      const nodes = (await nodesOf(rows)).reverse();
      const top = scope ?? (x.roots === 1 ? nodes.at(-1)?.id : undefined);
      const k = top === undefined ? -1 : nodes.findIndex((n) => n.id === top);
      return k < 0 ? nodes : nodes.slice(0, k + 1);
    },
    nodes: byIds,
    childrenOf: async (ids) => {
      const out = new Map<string, ExplorerNode[]>();
      if (ids.includes(''))
        out.set('', await nodesOf(await readPeopleWhere(ref.id, 'parent_pre is null', [])));
      const named = ids.filter((id) => id !== '');
      if (named.length === 0) return out;
      const [parents, rows] = await Promise.all([
        readPeopleWhere(ref.id, 'employee_id = any($2::text[])', [named]),
        readPeopleWhere(
          ref.id,
          'parent_pre in (select pre from people_order where snapshot_id = $1 and employee_id = any($2::text[]))',
          [named],
        ),
      ]);
      const idAt = new Map(parents.map((r) => [r.pre, r.employeeId]));
      const nodes = await nodesOf(rows);
      for (const r of parents) out.set(r.employeeId, []);
      rows.forEach((r) => {
        const n = nodes.find((m) => m.id === r.employeeId);
        const parent = idAt.get(r.explorer?.parentPre ?? -1);
        if (n !== undefined && parent !== undefined) out.get(parent)?.push(n);
      });
      return out;
    },
  };
}

/** How often the stored rows answered (for tests and diagnostics). */
export const orgTreePaths = { stored: 0 };

/**
 * GET /api/org/tree: with root, that node and its children (depth 1-3 levels, offset pages
 * through the children); with reveal, every level from the actor's top down to the target so the
 * explorer can open the path to a search hit; with neither, the actor's top. From the people
 * stored in preorder when they can answer (storedWalk), else from the snapshot's tree.
 */
export async function answerOrgTree(
  req: DashboardRequest,
  params: URLSearchParams,
): Promise<OrgTreeResponse> {
  const q = parseQuery(params);
  // A request that has already loaded the tree (its reader's floor marks were not stored) uses it.
  const stored = 'snap' in req ? null : await storedWalk(req);
  if (stored === null) {
    const ctx = await req.withTree();
    return answer(treeWalk(ctx), ctx.ref.asOf, ctx, q);
  }
  orgTreePaths.stored++;
  return answer(stored, req.ref.asOf, req, q);
}

/** The same from a tree: a snapshot's, or a scenario's changed copy. */
export async function buildOrgTree(
  ctx: TreeContext & { ref: { asOf: string } },
  params: URLSearchParams,
): Promise<OrgTreeResponse> {
  return answer(treeWalk(ctx), ctx.ref.asOf, ctx, parseQuery(params));
}

function parseQuery(params: URLSearchParams): z.infer<typeof orgTreeQuerySchema> {
  const parsed = orgTreeQuerySchema.safeParse({
    root: params.get('root') || undefined,
    reveal: params.get('reveal') || undefined,
    depth: params.get('depth') || undefined,
    offset: params.get('offset') || undefined,
  });
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid tree request.');
  return parsed.data;
}

/** The explorer's answer over a walk of the snapshot (one definition for both paths). */
async function answer(
  walk: Walk,
  asOf: string,
  req: { actor: { scopeEmployeeId: string | null } },
  q: z.infer<typeof orgTreeQuerySchema>,
): Promise<OrgTreeResponse> {
  const ctx = walk.reader;
  const top = await walk.top();
  /** The node of an id the actor may open and the path from the top down to it, or NotFound. */
  const resolveVisible = async (id: string) => {
    const up = await walk.upFrom(id);
    const node = up?.[0];
    if (up === null || node === undefined)
      throw new NotFoundError(`Employee ${id} is not in the ${asOf} snapshot.`);
    const path = [...up].reverse();
    if (req.actor.scopeEmployeeId && (top === null || path[0]?.id !== top.id))
      throw new NotFoundError('That person is not in your scope.');
    if (!mayOpenNode(ctx, node)) throw new NotFoundError('That person is not in your scope.');
    return { node, path };
  };
  if (q.reveal) {
    const { node, path } = await resolveVisible(q.reveal);
    const above = path.slice(0, -1);
    const kids = await walk.childrenOf(
      top === null ? ['', ...above.map((n) => n.id)] : above.map((n) => n.id),
    );
    const levels: TreeLevel[] = [];
    if (top === null) levels.push(levelOf(ctx, null, kids.get('') ?? [], 0, path[0]?.id));
    above.forEach((a, k) => levels.push(levelOf(ctx, a, kids.get(a.id) ?? [], 0, path[k + 1]?.id)));
    return { asOf, levels, target: presentNode(ctx, node) };
  }
  const node = q.root ? (await resolveVisible(q.root)).node : top;
  const kids = await walk.childrenOf([node?.id ?? '']);
  const level = levelOf(ctx, node, kids.get(node?.id ?? '') ?? [], q.offset);
  await expand(ctx, walk, level, q.depth);
  return { asOf, levels: [level], target: null };
}
