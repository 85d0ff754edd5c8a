/**
 * Each record's department as a small integer, once per tree: grouping by department then costs a
 * pass over integers instead of a read of every record object and a string map lookup per row. A
 * scenario's changed copy shares almost every record object with its starting snapshot, so its
 * index is derived from the starting tree's (shareDepartments), reading only the records that
 * changed.
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

/** The tree's department index (computed once per tree). */
export function departmentIndex(tree: RecordsOf): DepartmentIndex {
  const cached = indexes.get(tree);
  if (cached !== undefined) return cached;
  const seed = seeds.get(tree);
  const base = seed === undefined ? null : departmentIndex(seed.from);
  const names = base === null ? [] : base.names.slice();
  const position = new Map<string | null, number>(names.map((d, k) => [d, k]));
  const ids = new Int32Array(tree.size);
  const records = tree.records;
  const fromRecords = seed?.from.records;
  for (let j = 0; j < tree.size; j++) {
    const k = seed === undefined ? -1 : (seed.rows[j] ?? -1);
    if (base !== null && k >= 0 && fromRecords?.[k] === records[j]) {
      ids[j] = base.ids[k] ?? 0;
      continue;
    }
    const d = records[j]?.department ?? null;
    let p = position.get(d);
    if (p === undefined) position.set(d, (p = names.push(d) - 1));
    ids[j] = p;
  }
  const out = { ids, names };
  indexes.set(tree, out);
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
  const count = nodes === null ? tree.size : nodes.length;
  const sizes = new Int32Array(names.length + 1);
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const d = (ids[i] ?? 0) + 1;
    sizes[d] = (sizes[d] ?? 0) + 1;
  }
  for (let d = 0; d < names.length; d++) sizes[d + 1] = (sizes[d + 1] ?? 0) + (sizes[d] ?? 0);
  const at = sizes.slice(0, names.length);
  const rows = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    const d = ids[i] ?? 0;
    const slot = at[d] ?? 0;
    rows[slot] = i;
    at[d] = slot + 1;
  }
  const out: Array<{ department: string; rows: Int32Array }> = [];
  names.forEach((department, d) => {
    const start = sizes[d] ?? 0;
    const end = sizes[d + 1] ?? 0;
    if (department !== null && end > start) out.push({ department, rows: rows.subarray(start, end) });
  });
  return out.sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}
