import 'server-only';
import { z } from 'zod';
import {
  expand,
  levelOf,
  mayOpenNode,
  presentNode,
  type OrgTreeResponse,
  type TreeLevel,
} from '@/lib/views/org-tree';
import { NotFoundError, ValidationError } from '../errors';
import type { ScopedViewContext } from '@/lib/views/context';

/** What the explorer reads: a view context and the reader's top (their scope root, or the org's). */
type TreeContext = ScopedViewContext;

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

function topIndex(ctx: TreeContext): number {
  const t = ctx.snap.tree;
  const scope = ctx.actor.scopeEmployeeId;
  if (scope) return t.indexById.get(scope) ?? -1;
  return t.roots.length === 1 ? (t.roots[0] ?? -1) : -1;
}

/** Ancestors of i from the actor's top down to i itself; NotFound when i is outside the actor's tree. */
function pathFromTop(ctx: TreeContext, i: number): number[] {
  const t = ctx.snap.tree;
  const top = topIndex(ctx);
  const path: number[] = [];
  for (let v = i, guard = 0; v >= 0 && guard <= t.size; v = t.parent[v] ?? -1, guard++) {
    path.push(v);
    if (v === top) break;
  }
  path.reverse();
  if (ctx.actor.scopeEmployeeId && path[0] !== top)
    throw new NotFoundError('That person is not in your scope.');
  return path;
}

/** The index of an id the actor may open as a node, or NotFound (outside scope, unknown; for a viewer an IC or a small unit). */
function resolveVisible(ctx: TreeContext, id: string): { index: number; path: number[] } {
  const i = ctx.snap.tree.indexById.get(id);
  if (i === undefined) throw new NotFoundError(`Employee ${id} is not in the ${ctx.ref.asOf} snapshot.`);
  const path = pathFromTop(ctx, i);
  if (!mayOpenNode(ctx, i)) throw new NotFoundError('That person is not in your scope.');
  return { index: i, path };
}

/**
 * GET /api/org/tree: with root, that node and its children (depth 1-3 levels, offset pages
 * through the children); with reveal, every level from the actor's top down to the target so the
 * explorer can open the path to a search hit; with neither, the actor's top.
 */
export function buildOrgTree(ctx: TreeContext, params: URLSearchParams): OrgTreeResponse {
  const parsed = orgTreeQuerySchema.safeParse({
    root: params.get('root') || undefined,
    reveal: params.get('reveal') || undefined,
    depth: params.get('depth') || undefined,
    offset: params.get('offset') || undefined,
  });
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid tree request.');
  const q = parsed.data;
  if (q.reveal) {
    const { index, path } = resolveVisible(ctx, q.reveal);
    const t = ctx.snap.tree;
    const levels: TreeLevel[] = [];
    const top = topIndex(ctx);
    if (top < 0) levels.push(levelOf(ctx, -1, 0, t.records[path[0] ?? -1]?.employeeId));
    for (let k = 0; k < path.length - 1; k++) {
      const a = path[k] ?? -1;
      levels.push(levelOf(ctx, a, 0, t.records[path[k + 1] ?? -1]?.employeeId));
    }
    return { asOf: ctx.ref.asOf, levels, target: presentNode(ctx, index) };
  }
  const index = q.root ? resolveVisible(ctx, q.root).index : topIndex(ctx);
  const level = levelOf(ctx, index, q.offset);
  expand(ctx, level, q.depth);
  return { asOf: ctx.ref.asOf, levels: [level], target: null };
}
