/**
 * Spans histogram: managers per whole span of control (spans count person-level reports, so they
 * are whole; a fractional one would go in the bucket of its upper bound, 3.5 -> 4, as SPEC span
 * bands are decided by upper bounds). The axis always runs to at least `minTop` so reference
 * bands up to 15+ stay visible, and very wide spans share one last bucket "N+".
 */
import { NodeKind, type Roles } from './roles';
import { visitUnit } from './tree';

/** Whether a node is a manager (person-level reports): the one test every span figure uses. */
export function isManagerNode(tree: Pick<Roles, 'kind'>, i: number): boolean {
  const k = tree.kind[i];
  return k === NodeKind.managerOfIcs || k === NodeKind.managerOfManagers;
}

/**
 * The spans of the managers of a unit (null nodes = the whole tree), in node order: the one unit
 * walk behind the Overview and Structure histograms, so both bucket the same managers.
 */
export function unitManagerSpans(
  tree: Pick<Roles, 'kind' | 'span'> & { size: number },
  nodes: ArrayLike<number> | null,
): { spans: number[]; managers: number[] } {
  const spans: number[] = [];
  const managers: number[] = [];
  visitUnit(tree.size, nodes, (i) => {
    if (!isManagerNode(tree, i)) return;
    spans.push(tree.span[i] ?? 0);
    managers.push(i);
  });
  return { spans, managers };
}

export interface SpanHistogramRow {
  /** axis label: "7", or "40+" for the last, open bucket */
  span: string;
  /** smallest whole span in the bucket */
  min: number;
  /** largest whole span in the bucket, null for the open last bucket */
  max: number | null;
  managers: number;
}

/** Bucket the spans of a set of managers (one number per manager). */
export function computeSpanHistogram(
  spans: ArrayLike<number>,
  options: { minTop?: number; openFrom?: number } = {},
): SpanHistogramRow[] {
  return spanHistogramOfCounts(spans, null, options);
}

/** The same histogram of `values[k]` held by `counts[k]` managers each (null: one each). */
export function spanHistogramOfCounts(
  values: ArrayLike<number>,
  managersPer: ArrayLike<number> | null,
  options: { minTop?: number; openFrom?: number } = {},
): SpanHistogramRow[] {
  const minTop = options.minTop ?? 16;
  const openFrom = options.openFrom ?? 40;
  const counts = new Map<number, number>();
  let top = 0;
  for (let k = 0; k < values.length; k++) {
    const b = Math.min(openFrom, Math.max(1, Math.ceil((values[k] ?? 0) - 1e-9)));
    counts.set(b, (counts.get(b) ?? 0) + (managersPer === null ? 1 : (managersPer[k] ?? 0)));
    if (b > top) top = b;
  }
  const last = Math.max(top, minTop);
  return spanHistogramRows(
    Array.from({ length: last }, (_, k) => counts.get(k + 1) ?? 0),
    openFrom,
  );
}

/**
 * The histogram's rows from its managers per bucket (`managers[k]`: spans of k + 1, the bucket
 * `openFrom` open): how computeSpanHistogram lays them out, and how a stored histogram is read back.
 */
export function spanHistogramRows(managers: readonly number[], openFrom = 40): SpanHistogramRow[] {
  return managers.map((n, k) => {
    const s = k + 1;
    const open = s === openFrom;
    return { span: open ? `${s}+` : String(s), min: s, max: open ? null : s, managers: n };
  });
}
