/**
 * The two larger edits of issue #14, built from the basic operations: "remove the layer under X"
 * and "bring every manager in this unit to a span of at least N" (suggested merges, for the user
 * to accept one by one). Spans and managers are the metrics' own (lib/metrics/roles.ts).
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import { isManagerNode } from '@/lib/metrics/span-histogram';
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

type MergeOp = Extract<ScenarioOp, { op: 'merge' }>;

/**
 * Suggested merges that bring every manager below unitRoot (the root itself excepted: it has no
 * sibling inside the unit) to a span of at least minSpan: repeatedly the narrowest team (ties by
 * id) merges into the narrowest other manager under the same manager. Each suggestion assumes the
 * ones before it were accepted; a manager with no sibling manager is left as it is.
 *
 * One tree build, then spans kept up to date per merge (roles.ts: a filled report counts 1, a
 * vacant one only while it has person-level reports), so 100k people with thousands of merges stay
 * fast. A team skipped for want of a sibling manager is looked at again when its manager receives
 * a merged team (the merged team's managers become its siblings).
 */
export function suggestSpanMerges(
  records: readonly OrgRecord[],
  unitRoot: string,
  minSpan: number,
): MergeOp[] {
  const t = buildOrgTree(records);
  const root = t.indexById.get(unitRoot);
  if (root === undefined) return [];
  const n = t.size;
  const parent = Int32Array.from(t.parent);
  const span = Float64Array.from(t.span);
  const personLevel = (i: number) => t.aggregated[i] !== 1;
  const filled = (i: number) => t.records[i]?.status !== 'vacant';
  // person-level children per node (merges move them); aggregated rows never count
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p >= 0 && personLevel(i)) kids[p]?.push(i);
  }
  const isManager = (i: number) => isManagerNode(t, i) && (span[i] ?? 0) > 0 && filled(i);
  const inUnit = new Uint8Array(n);
  for (const i of collectSubtree(t, root)) inUnit[i] = 1;
  const idOf = (i: number) => t.records[i]?.employeeId ?? '';
  const byId = (a: number, b: number) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  const before = (a: number, b: number) => (span[a] ?? 0) - (span[b] ?? 0) || byId(a, b);
  // Ordered by the span an entry was queued with (never the live one, which would break the heap).
  const heap = new MinHeap<{ i: number; span: number }>((x, y) => x.span - y.span || byId(x.i, y.i));
  const consider = (i: number) => {
    if (i !== root && inUnit[i] === 1 && isManager(i) && (span[i] ?? 0) < minSpan)
      heap.push({ i, span: span[i] ?? 0 });
  };
  for (let i = 0; i < n; i++) consider(i);
  /** A report's share of its manager's span, and the walk up when a vacant post gains or loses its last report. */
  const share = (c: number) => (filled(c) ? 1 : (span[c] ?? 0) > 0 ? 1 : 0);
  const setSpan = (v: number, value: number) => {
    for (let node = v, next = value; node >= 0;) {
      const was = share(node);
      span[node] = next;
      consider(node);
      const p = parent[node] ?? -1;
      const delta = share(node) - was;
      if (p < 0 || delta === 0) return;
      next = (span[p] ?? 0) + delta;
      node = p;
    }
  };
  const out: MergeOp[] = [];
  for (let top = heap.pop(); top; top = heap.pop()) {
    const m = top.i;
    if (!isManager(m) || span[m] !== top.span) continue; // stale: merged away or widened since
    const p = parent[m] ?? -1;
    let into = -1;
    for (const s of p >= 0 ? (kids[p] ?? []) : [])
      if (s !== m && inUnit[s] === 1 && isManager(s) && (into < 0 || before(s, into) < 0)) into = s;
    if (into < 0) continue;
    out.push({ op: 'merge', from: idOf(m), into: idOf(into) });
    const moved = kids[m] ?? [];
    let gain = 0;
    for (const c of moved) {
      parent[c] = into;
      kids[into]?.push(c);
      gain += share(c);
    }
    kids[m] = [];
    setSpan(into, (span[into] ?? 0) + gain);
    setSpan(m, 0);
    // m's managers now sit beside into's: a team skipped for want of a sibling may have one now.
    for (const c of kids[into] ?? []) consider(c);
  }
  return out;
}

/** A small binary min-heap (the merge queue). */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let k = a.length - 1; k > 0;) {
      const up = (k - 1) >> 1;
      if (this.less(a[k] as T, a[up] as T) >= 0) break;
      [a[k], a[up]] = [a[up] as T, a[k] as T];
      k = up;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const first = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return first;
    a[0] = last;
    for (let k = 0; ;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let best = k;
      if (l < a.length && this.less(a[l] as T, a[best] as T) < 0) best = l;
      if (r < a.length && this.less(a[r] as T, a[best] as T) < 0) best = r;
      if (best === k) break;
      [a[k], a[best]] = [a[best] as T, a[k] as T];
      k = best;
    }
    return first;
  }
}
