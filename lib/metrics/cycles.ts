/**
 * Reporting-cycle detection on a parent-index array. Every person has at most one manager, so the
 * graph is a functional graph: each weakly connected piece holds at most one cycle, and one
 * iterative walk per unvisited node finds them all in O(n) without recursion.
 */

/** Find every reporting cycle (including self-management) as lists of record indices, in walk order. */
export function findCycles(parent: Int32Array): number[][] {
  const n = parent.length;
  // 0 = unvisited, -1 = finished, k > 0 = on the walk that started at node k - 1.
  const state = new Int32Array(n);
  const cycles: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    const walk = start + 1;
    let v = start;
    while (v !== -1 && state[v] === 0) {
      state[v] = walk;
      v = parent[v] ?? -1;
    }
    if (v !== -1 && state[v] === walk) {
      const cycle: number[] = [v];
      for (let u = parent[v] ?? -1; u !== v && u !== -1; u = parent[u] ?? -1) cycle.push(u);
      cycles.push(cycle);
    }
    for (let u = start; u !== -1 && state[u] === walk; u = parent[u] ?? -1) state[u] = -1;
  }
  return cycles;
}

/** Find reporting cycles straight from rows, as employee ids (for the ingest validator's error list). */
export function findReportingCycles(
  rows: readonly { employeeId: string; managerId: string | null }[],
): string[][] {
  const indexById = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!indexById.has(r.employeeId)) indexById.set(r.employeeId, i);
  });
  const parent = new Int32Array(rows.length).fill(-1);
  rows.forEach((r, i) => {
    parent[i] = r.managerId === null ? -1 : (indexById.get(r.managerId) ?? -1);
  });
  return findCycles(parent).map((cycle) => cycle.map((i) => rows[i]?.employeeId ?? ''));
}
