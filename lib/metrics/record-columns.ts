/**
 * Columns of a tree's records read once per tree into typed arrays: each record's department as a
 * small integer (grouping by department then costs a pass over integers instead of a read of every
 * record object and a string map lookup per row) and its annual cost. A scenario's changed copy
 * shares almost every record object with its starting snapshot, so its columns are derived from
 * the starting tree's (shareDepartments), reading only the records that changed.
 */
import type { OrgTree } from '@/lib/metrics/tree';

export interface DepartmentIndex {
  /** per record: its department's position in `names` */
  ids: Int32Array;
  /** department names in order of first appearance (null: no department) */
  names: (string | null)[];
}

type RecordsOf = Pick<OrgTree, 'records' | 'size'>;

const indexes = new WeakMap<RecordsOf, DepartmentIndex>();
const seeds = new WeakMap<RecordsOf, { from: RecordsOf; rows: Int32Array }>();

/**
 * `tree` holds many of `from`'s very record objects: `rows[j]` is the row of `from` whose record
 * may be the same as row j's (-1: none). Its department index is then derived from `from`'s when
 * first asked for.
 */
export function shareDepartments(tree: RecordsOf, from: RecordsOf, rows: Int32Array): void {
  if (rows.length === tree.size) seeds.set(tree, { from, rows });
}

const costs = new WeakMap<RecordsOf, Float64Array>();

/**
 * Fills `out` row by row: from the seed tree's column where the row holds the very same record
 * object as its starting row (`copy(j, k)`), else from the record itself (`read(j)`).
 */
function fillFromSeed(
  tree: RecordsOf,
  seedColumn: boolean,
  copy: (j: number, k: number) => void,
  read: (j: number) => void,
) {
  const seed = seeds.get(tree);
  const records = tree.records;
  const fromRecords = seed?.from.records;
  for (let j = 0; j < tree.size; j++) {
    const k = seed === undefined ? -1 : (seed.rows[j] ?? -1);
    if (seedColumn && k >= 0 && fromRecords?.[k] === records[j]) copy(j, k);
    else read(j);
  }
}

/** Each record's annual cost, NaN where it has none (computed once per tree). */
export function annualCostColumn(tree: RecordsOf): Float64Array {
  const cached = costs.get(tree);
  if (cached !== undefined) return cached;
  const seed = seeds.get(tree);
  const base = seed === undefined ? null : annualCostColumn(seed.from);
  const out = new Float64Array(tree.size);
  fillFromSeed(
    tree,
    base !== null,
    (j, k) => (out[j] = base?.[k] ?? Number.NaN),
    (j) => (out[j] = tree.records[j]?.annualCost ?? Number.NaN),
  );
  costs.set(tree, out);
  return out;
}

/** The tree's department index (computed once per tree). */
export function departmentIndex(tree: RecordsOf): DepartmentIndex {
  const cached = indexes.get(tree);
  if (cached !== undefined) return cached;
  const seed = seeds.get(tree);
  const base = seed === undefined ? null : departmentIndex(seed.from);
  const names = base === null ? [] : base.names.slice();
  const position = new Map<string | null, number>(names.map((d, k) => [d, k]));
  const ids = new Int32Array(tree.size);
  fillFromSeed(
    tree,
    base !== null,
    (j, k) => (ids[j] = base?.ids[k] ?? 0),
    (j) => {
      const d = tree.records[j]?.department ?? null;
      let p = position.get(d);
      if (p === undefined) position.set(d, (p = names.push(d) - 1));
      ids[j] = p;
    },
  );
  const out = { ids, names };
  indexes.set(tree, out);
  return out;
}

/**
 * Rows 0..size-1 that `keep` accepts, grouped by `group[row]` (a small integer), each group's rows
 * in ascending order: one counting pass and one fill into a single typed array, no growing lists.
 */
export function groupRows(
  size: number,
  group: Int32Array,
  keep: (row: number) => boolean,
  nodes: ArrayLike<number> | null = null,
): Array<[number, Int32Array]> {
  const count = nodes === null ? size : nodes.length;
  let groups = 0;
  for (let k = 0; k < count; k++) {
    const g = group[nodes === null ? k : (nodes[k] ?? 0)] ?? 0;
    if (g + 1 > groups) groups = g + 1;
  }
  const sizes = new Int32Array(groups + 1);
  const picked = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    if (!keep(i)) continue;
    picked[k] = 1;
    const g = (group[i] ?? 0) + 1;
    sizes[g] = (sizes[g] ?? 0) + 1;
  }
  for (let g = 0; g < groups; g++) sizes[g + 1] = (sizes[g + 1] ?? 0) + (sizes[g] ?? 0);
  const at = sizes.slice(0, groups);
  const rows = new Int32Array(sizes[groups] ?? 0);
  for (let k = 0; k < count; k++) {
    if (picked[k] !== 1) continue;
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const g = group[i] ?? 0;
    const slot = at[g] ?? 0;
    rows[slot] = i;
    at[g] = slot + 1;
  }
  const out: Array<[number, Int32Array]> = [];
  for (let g = 0; g < groups; g++) {
    const start = sizes[g] ?? 0;
    const end = sizes[g + 1] ?? 0;
    if (end > start) out.push([g, rows.subarray(start, end)]);
  }
  return out;
}

/**
 * The unit's records per department, records without a department left out: names in sort order
 * (String sort), each with its rows in the order `nodes` lists them (null nodes = every row).
 */
export function groupUnitByDepartment(
  tree: RecordsOf,
  nodes: ArrayLike<number> | null,
): Array<{ department: string; rows: Int32Array }> {
  const { ids, names } = departmentIndex(tree);
  const out: Array<{ department: string; rows: Int32Array }> = [];
  for (const [d, rows] of groupRows(tree.size, ids, () => true, nodes)) {
    const department = names[d] ?? null;
    if (department !== null) out.push({ department, rows });
  }
  return out.sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}
