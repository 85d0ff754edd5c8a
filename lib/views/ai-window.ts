/**
 * The AI dashboard's period and unit from loaded data: month windows, and the unit's records in one
 * snapshot's tree with the reader's scope applied.
 */
import { isManager } from '@/lib/metrics/snapshot';
import { collectSubtree, type OrgTree } from '@/lib/metrics/tree';
import { isBelow, pickDepartment, visitUnit } from './unit';

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
 * The window in a file (report, export): ISO, "2026-06" or "2026-06-01 to 2026-06-30". On screen
 * the page writes it in the reader's locale (formatPeriod, lib/dates.ts).
 */
export function windowLabel(w: AiWindow): string {
  return w.month ?? `${w.from} to ${w.to}`;
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
  return spec.department === null ? nodes : pickDepartment(tree, nodes, spec.department);
}

/** Filled managers (at least one direct report) among the nodes. */
export function managersIn(tree: OrgTree, nodes: Int32Array | null): number[] {
  const out: number[] = [];
  visitUnit(tree.size, nodes, (i) => {
    if (isManager(tree, i) && tree.aggregated[i] !== 1) out.push(i);
  });
  return out;
}
