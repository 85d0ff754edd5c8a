/**
 * The privacy floor that survives subtraction (SPEC "Privacy"). Figures shown about units form a
 * laminar family: every unit is a manager's subtree (or the whole scope), and two units are either
 * nested or disjoint. Anyone can add and subtract the figures they see, so what they can learn is
 * any integer combination of visible units. For a visible unit P, its frontier is the visible units
 * below it with no visible unit in between, and its residual is P's people minus the frontier's
 * people. Every integer combination of visible units is a sum of whole residuals, so the floor holds
 * when every visible unit has at least `min` people and every residual is 0 or at least `min`.
 *
 * The plan hides units until that is true: units under `min` are hidden; then, bottom-up, a unit
 * whose residual is between 1 and min-1 also hides a frontier unit (the smallest whose own residual
 * is not 0), merging that residual into its own (complementary suppression, as statistical agencies
 * do) until the residual is large enough. Hiding a unit never breaks a unit already settled, since
 * merging residuals that are each 0 or >= min gives 0 or >= min. Pure: no db, no framework.
 */

export interface FloorInput {
  /** parent index per unit, -1 for a top unit; parents may come in any order */
  parent: ArrayLike<number>;
  /** the population each unit's figures are about (people, engineers, ICs ...), subtree included */
  size: ArrayLike<number>;
  /** units whose figures may be shown at all (default: all) */
  candidate?: ArrayLike<boolean | number>;
  /**
   * Size of the figure shown for everything together (the scope's total), or null when no total
   * is shown. When set, it acts as a visible unit above the top units (if at least `min`).
   */
  total: number | null;
  min: number;
}

export interface FloorPlan {
  /** 1 = this unit's figures may be shown, 0 = all of its figures are hidden */
  visible: Uint8Array;
  /** whether the total may be shown */
  totalVisible: boolean;
  /** units hidden although they have `min` people or more (complementary suppression) */
  complementary: number;
}

/** Children-before-parents order of the units (iterative: deep chains cannot overflow the stack). */
function bottomUpOrder(parent: ArrayLike<number>): number[] {
  const n = parent.length;
  const depth = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const path: number[] = [];
    let v = i;
    while (v >= 0 && v < n && depth[v] === -1 && path.length <= n) {
      path.push(v);
      v = parent[v] ?? -1;
    }
    let d = v >= 0 && v < n ? (depth[v] ?? 0) + 1 : 0;
    for (let k = path.length - 1; k >= 0; k--) depth[path[k] ?? 0] = d++;
  }
  // Counting sort by depth, deepest first: linear, where a comparison sort of 100k units is not.
  let maxDepth = 0;
  for (let i = 0; i < n; i++) maxDepth = Math.max(maxDepth, depth[i] ?? 0);
  const start = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) {
    const b = maxDepth - (depth[i] ?? 0) + 1;
    start[b] = (start[b] ?? 0) + 1;
  }
  for (let d = 1; d < start.length; d++) start[d] = (start[d] ?? 0) + (start[d - 1] ?? 0);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const b = maxDepth - (depth[i] ?? 0);
    const at = start[b] ?? 0;
    out[at] = i;
    start[b] = at + 1;
  }
  return out;
}

/** Decides which units (and the total) may be shown so that no group under `min` can be derived. */
export function planFloor(input: FloorInput): FloorPlan {
  const { parent, size, candidate, total, min } = input;
  const n = parent.length;
  const sizeOf = (i: number) => (i === n ? (total ?? 0) : (size[i] ?? 0));
  // Unit n is the total (a virtual top unit above every top unit).
  const visible = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++)
    visible[i] = (candidate ? Boolean(candidate[i]) : true) && sizeOf(i) >= min ? 1 : 0;
  visible[n] = total !== null && total >= min ? 1 : 0;
  const up = (i: number) => {
    const p = parent[i] ?? -1;
    return p >= 0 && p < n ? p : n;
  };
  // frontier lists: below[v] = visible units topmost in v's subtree (v itself when visible).
  // Frontier lists, created only where a unit has visible units below it (most records have none).
  const below = new Map<number, number[]>();
  const inner = new Map<number, number[]>();
  const list = (m: Map<number, number[]>, k: number) => {
    let l = m.get(k);
    if (l === undefined) m.set(k, (l = []));
    return l;
  };
  const residual = new Float64Array(n + 1);
  let complementary = 0;
  const settle = (p: number) => {
    const front = list(inner, p);
    let h = sizeOf(p) - front.reduce((s, f) => s + sizeOf(f), 0);
    while (h > 0 && h < min && front.length > 0) {
      let pick = -1;
      for (let k = 0; k < front.length; k++) {
        const f = front[k] ?? 0;
        const better =
          pick < 0 ||
          ((residual[f] ?? 0) > 0 && (residual[front[pick] ?? 0] ?? 0) === 0) ||
          ((residual[f] ?? 0) > 0 === (residual[front[pick] ?? 0] ?? 0) > 0 &&
            sizeOf(f) < sizeOf(front[pick] ?? 0));
        if (better) pick = k;
      }
      const f = front[pick] ?? 0;
      front.splice(pick, 1, ...(inner.get(f) ?? []));
      visible[f] = 0;
      complementary++;
      h += residual[f] ?? 0;
    }
    residual[p] = h;
  };
  for (const i of [...bottomUpOrder(parent), n]) {
    if (visible[i] === 1) {
      settle(i);
      // A unit under min is never visible, so residuals stay 0 or >= min once settled.
      below.set(i, [i]);
    } else {
      const kids = inner.get(i);
      if (kids !== undefined) below.set(i, kids);
    }
    if (i === n) break;
    const mine = below.get(i);
    if (mine !== undefined && mine.length > 0) {
      const into = inner.get(up(i));
      if (into === undefined) inner.set(up(i), mine.slice());
      else for (const f of mine) into.push(f);
    }
    below.delete(i);
  }
  return { visible: visible.subarray(0, n), totalVisible: visible[n] === 1, complementary };
}

/**
 * The same floor for a flat partition shown with its total (departments of a scope, level rows,
 * span bands, a manager's direct ICs): cells under `min` are hidden, and when the hidden cells add
 * up to between 1 and min-1 the next-smallest shown cell is hidden too.
 */
export function planPartition(sizes: readonly number[], total: number | null, min: number): FloorPlan {
  return planFloor({ parent: new Int32Array(sizes.length).fill(-1), size: sizes, total, min });
}
