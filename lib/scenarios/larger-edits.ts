/**
 * The two larger edits of issue #14, built from the basic operations: "remove the layer under X"
 * and "bring every manager in this unit to a span of at least N" (suggested merges, for the user
 * to accept one by one). Spans and managers are the metrics' own (lib/metrics/roles.ts).
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { isManagerNode } from '@/lib/metrics/span-histogram';
import { applyOperations } from './apply';
import type { ScenarioOp } from './operations';

/** `remove` operations for every manager reporting directly to x (their reports then report to x). */
export function removeLayerUnder(records: readonly OrgRecord[], x: string): ScenarioOp[] {
  const t = buildOrgTree(records);
  const xi = t.indexById.get(x);
  if (xi === undefined) return [];
  const ops: ScenarioOp[] = [];
  for (let i = 0; i < t.size; i++) {
    if (t.parent[i] !== xi || !isManagerNode(t, i)) continue;
    const id = t.records[i]?.employeeId;
    if (id !== undefined) ops.push({ op: 'remove', id });
  }
  return ops;
}

/**
 * Suggested merges that bring every manager below unitRoot (the root itself excepted: it has no
 * sibling inside the unit) to a span of at least minSpan: repeatedly the narrowest team (ties by
 * id) merges into the narrowest other manager under the same manager. Each suggestion assumes the
 * ones before it were accepted; a manager with no sibling manager is left as it is.
 */
export function suggestSpanMerges(
  records: readonly OrgRecord[],
  unitRoot: string,
  minSpan: number,
): Array<Extract<ScenarioOp, { op: 'merge' }>> {
  const out: Array<Extract<ScenarioOp, { op: 'merge' }>> = [];
  let current: readonly OrgRecord[] = records;
  for (;;) {
    const t = buildOrgTree(current);
    const root = t.indexById.get(unitRoot);
    if (root === undefined) return out;
    const managers = [...collectSubtree(t, root)].filter((i) => i !== root && isManagerNode(t, i));
    const idOf = (i: number) => t.records[i]?.employeeId ?? '';
    const bySpan = (a: number, b: number) =>
      (t.span[a] ?? 0) - (t.span[b] ?? 0) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
    const narrow = managers.filter((i) => (t.span[i] ?? 0) < minSpan).sort(bySpan);
    let next: Extract<ScenarioOp, { op: 'merge' }> | null = null;
    for (const m of narrow) {
      const siblings = managers.filter((s) => s !== m && t.parent[s] === t.parent[m]).sort(bySpan);
      const into = siblings[0];
      if (into !== undefined) {
        next = { op: 'merge', from: idOf(m), into: idOf(into) };
        break;
      }
    }
    if (!next) return out;
    const applied = applyOperations(current, [next]);
    if (!applied.ok) return out;
    out.push(next);
    current = applied.records;
  }
}
