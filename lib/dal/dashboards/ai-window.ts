import 'server-only';
import { z } from 'zod';
import { NodeKind } from '@/lib/metrics/roles';
import type { OrgTree } from '@/lib/metrics/tree';
import { collectSubtree } from '@/lib/metrics/tree';
import { ValidationError } from '../errors';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.');
export const aiWindowSchema = z.object({
  from: day.optional(),
  to: day.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'month is YYYY-MM.')
    .optional(),
});

/** The period AI figures are for: inclusive dates; month is set when it is one calendar month. */
export interface AiWindow {
  from: string;
  to: string;
  month: string | null;
}

/** Last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The window of one calendar month. */
export function monthWindow(month: string): AiWindow {
  return { from: `${month}-01`, to: monthEnd(month), month };
}

/**
 * The period asked for: ?from=&to= (both), else ?month=, else the newest month with AI data at or
 * before the month of the selected snapshot (else the newest month with data). null = no data.
 */
export function resolveAiWindow(
  params: { get(name: string): string | null },
  months: readonly string[],
  asOf: string | null,
): AiWindow | null {
  const r = aiWindowSchema.safeParse({
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    month: params.get('month') || undefined,
  });
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'Invalid period.');
  const { from, to, month } = r.data;
  if (from || to) {
    if (!from || !to) throw new ValidationError('Give both from and to, or neither.');
    if (to < from) throw new ValidationError('The period ends before it starts.');
    const whole = from.endsWith('-01') && to === monthEnd(from.slice(0, 7));
    return { from, to, month: whole ? from.slice(0, 7) : null };
  }
  if (month) return monthWindow(month);
  if (months.length === 0) return null;
  const cap = asOf ? asOf.slice(0, 7) : null;
  const pick = (cap ? [...months].reverse().find((m) => m <= cap) : undefined) ?? months[months.length - 1];
  return pick ? monthWindow(pick) : null;
}

/** Human label of a window. */
export function windowLabel(w: AiWindow): string {
  if (w.month) {
    const d = new Date(`${w.month}-01T00:00:00Z`);
    return d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return `${w.from} to ${w.to}`;
}

/** True when record i is `ancestor` or below it. */
function isBelow(tree: OrgTree, i: number, ancestor: number): boolean {
  for (let v = i, guard = 0; v >= 0 && guard <= tree.size; guard++) {
    if (v === ancestor) return true;
    v = tree.parent[v] ?? -1;
  }
  return false;
}

export interface UnitSpec {
  /** the actor's scope root (null = whole org) */
  scopeRoot: string | null;
  subtree: string | null;
  department: string | null;
}

/**
 * The unit's record indices in one snapshot (null = the whole organisation). The actor's scope is
 * applied in every snapshot: a subtree that lies outside the scope there contributes nothing, so
 * a leader never gets numbers from outside their subtree, whatever the month. Empty = absent.
 */
export function aiUnitNodes(tree: OrgTree, spec: UnitSpec): Int32Array | null {
  const root = spec.subtree ?? spec.scopeRoot;
  let nodes: Int32Array | null = null;
  if (root !== null) {
    const i = tree.indexById.get(root);
    if (i === undefined) return new Int32Array(0);
    if (spec.scopeRoot !== null && spec.subtree !== null) {
      const s = tree.indexById.get(spec.scopeRoot);
      if (s === undefined || !isBelow(tree, i, s)) return new Int32Array(0);
    }
    nodes = collectSubtree(tree, i);
  }
  if (spec.department !== null) {
    const pick: number[] = [];
    const dept = spec.department;
    if (nodes === null) {
      for (let i = 0; i < tree.size; i++) if (tree.records[i]?.department === dept) pick.push(i);
    } else for (const i of nodes) if (tree.records[i]?.department === dept) pick.push(i);
    nodes = Int32Array.from(pick);
  }
  return nodes;
}

/** Filled managers (at least one direct report) among the nodes. */
export function managersIn(tree: OrgTree, nodes: Int32Array | null): number[] {
  const out: number[] = [];
  const visit = (i: number) => {
    const k = tree.kind[i];
    if ((k === NodeKind.managerOfIcs || k === NodeKind.managerOfManagers) && tree.aggregated[i] !== 1)
      out.push(i);
  };
  if (nodes === null) for (let i = 0; i < tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  return out;
}
