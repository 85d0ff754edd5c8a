/**
 * Reporting structure of the living population: children (CSR), layers, spans, subtree sizes.
 * Recomputed from the manager links whenever the simulation needs a consistent view; O(n).
 */
import type { Population } from '@/cli/demo/population';

export interface Structure {
  root: number;
  aliveCount: number;
  /** Breadth-first order of living slots (managers before reports). */
  order: Int32Array;
  /** Children of s are childList[childStart[s] .. childStart[s + 1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** 1-based layer; 0 for slots that are not alive. */
  layer: Int32Array;
  /** Direct reports. */
  span: Int32Array;
  /** Direct reports who are themselves managers. */
  managerKids: Int32Array;
  /** Everyone below the slot. */
  subtree: Int32Array;
  depth: number;
  managers: number;
  /** Managers of managers below the executive layers (layer > 2), as in SPEC.md. */
  middleManagers: number;
}

/** Build the structure; throws if the living population is not one tree (a generator bug). */
export function computeStructure(pop: Population): Structure {
  const n = pop.count;
  const { alive, mgr } = pop;
  const span = new Int32Array(n);
  let root = -1;
  let aliveCount = 0;
  for (let i = 0; i < n; i++) {
    if (alive[i] !== 1) continue;
    aliveCount++;
    const m = mgr[i] ?? -1;
    if (m < 0) {
      if (root >= 0) throw new Error(`Demo generator produced two roots (${root}, ${i})`);
      root = i;
    } else {
      if (alive[m] !== 1) throw new Error(`Demo generator left slot ${i} under a leaver`);
      span[m] = (span[m] ?? 0) + 1;
    }
  }
  if (root < 0) throw new Error('Demo generator produced no root');
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i] ?? 0) + (span[i] ?? 0);
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(Math.max(0, aliveCount - 1));
  for (let i = 0; i < n; i++) {
    if (alive[i] !== 1) continue;
    const m = mgr[i] ?? -1;
    if (m < 0) continue;
    const at = fill[m] ?? 0;
    childList[at] = i;
    fill[m] = at + 1;
  }
  const order = new Int32Array(aliveCount);
  const layer = new Int32Array(n);
  order[0] = root;
  layer[root] = 1;
  let head = 0;
  let tail = 1;
  let depth = 1;
  while (head < tail) {
    const p = order[head++] ?? 0;
    const lp = (layer[p] ?? 0) + 1;
    const end = childStart[p + 1] ?? 0;
    for (let k = childStart[p] ?? 0; k < end; k++) {
      const c = childList[k] ?? 0;
      layer[c] = lp;
      if (lp > depth) depth = lp;
      order[tail++] = c;
    }
  }
  if (tail !== aliveCount)
    throw new Error(`Demo generator produced a cycle (${aliveCount - tail} unreachable)`);
  const subtree = new Int32Array(n);
  const managerKids = new Int32Array(n);
  let managers = 0;
  for (let k = aliveCount - 1; k > 0; k--) {
    const c = order[k] ?? 0;
    const m = mgr[c] ?? 0;
    subtree[m] = (subtree[m] ?? 0) + (subtree[c] ?? 0) + 1;
    if ((span[c] ?? 0) > 0) managerKids[m] = (managerKids[m] ?? 0) + 1;
  }
  let middleManagers = 0;
  for (let k = 0; k < aliveCount; k++) {
    const s = order[k] ?? 0;
    if ((span[s] ?? 0) > 0) managers++;
    if ((managerKids[s] ?? 0) > 0 && (layer[s] ?? 0) > 2) middleManagers++;
  }
  return {
    root,
    aliveCount,
    order,
    childStart,
    childList,
    layer,
    span,
    managerKids,
    subtree,
    depth,
    managers,
    middleManagers,
  };
}

/** Living direct reports of s as of when the structure was computed (callers re-check links). */
export function childrenOf(st: Structure, s: number): Int32Array {
  return st.childList.subarray(st.childStart[s] ?? 0, st.childStart[s + 1] ?? 0);
}
