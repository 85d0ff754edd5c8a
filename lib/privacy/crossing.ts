/**
 * Departments crossed with subtrees (SPEC "Privacy"): a reader sees a department's figures for the
 * whole scope and inside every subtree they may open, so a department minus a subtree inside it, or
 * a subtree's department row minus its sub-teams' rows, is derivable. With the subtree plan fixed,
 * every such combination is a sum of cells "residual region x department". The plan hides whole
 * departments (for this reader, in every scope) until, in every region, each shown department's
 * cell and the hidden departments' cell together are 0 or at least `min`. Hiding every department
 * always satisfies this (a region is then one cell, and regions are 0 or >= min), so it ends.
 */

export interface CrossingInput {
  /** region per person (the visible unit whose residual holds them); negative = in no shown figure */
  region: ArrayLike<number>;
  /** department index per person */
  department: ArrayLike<number>;
  /** headcount weight per person */
  weight: ArrayLike<number>;
  departments: number;
  min: number;
}

/** Which departments may show figures (1) so no region x department cell under `min` can be derived. */
export function planDepartments(input: CrossingInput): Uint8Array {
  const { region, department, weight, departments, min } = input;
  const cells = new Map<number, Float64Array>();
  for (let k = 0; k < region.length; k++) {
    const r = region[k] ?? -1;
    const d = department[k] ?? -1;
    if (r < 0 || d < 0 || d >= departments) continue;
    let row = cells.get(r);
    if (row === undefined) {
      row = new Float64Array(departments);
      cells.set(r, row);
    }
    row[d] = (row[d] ?? 0) + (weight[k] ?? 0);
  }
  const shown = new Uint8Array(departments).fill(1);
  const small = (x: number) => x > 0 && x < min;
  for (let changed = true; changed;) {
    changed = false;
    for (const row of cells.values()) {
      let pool = 0;
      let smallest = -1;
      for (let d = 0; d < departments; d++) {
        const x = row[d] ?? 0;
        if (shown[d] === 0) pool += x;
        else if (small(x)) {
          shown[d] = 0;
          changed = true;
          pool += x;
        } else if (x > 0 && (smallest < 0 || x < (row[smallest] ?? 0))) smallest = d;
      }
      if (small(pool) && smallest >= 0) {
        // Complementary suppression: the next-smallest shown department in this region goes too.
        shown[smallest] = 0;
        changed = true;
      }
    }
  }
  return shown;
}
