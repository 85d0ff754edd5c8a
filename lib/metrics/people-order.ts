/**
 * People in preorder (issue #13): one row per tree node of a snapshot, stored at import beside the
 * unit points, so a manager's subtree is one contiguous range of positions (pre[S] <= pre[X] <
 * pre[S] + size[S]) and its person lists need no tree. A row holds what those lists read of the
 * person: where they sit (layer, kind, span, subtree size), who they are (id, name, title,
 * department, level and its rank, junior-staff FTE, annual cost) and, for a scored IC, their ceiling risk as computeCeilingRisk
 * scored it on the history the stored ladder steps give (lib/metrics/ladder-steps.ts).
 */
import type { CeilingRiskReason, IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { NodeKind } from '@/lib/metrics/roles';
import { isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';

export interface PersonOrderRow {
  pre: number;
  /** nodes in the subtree, the node included */
  size: number;
  /** the node's index in the tree (the order the tree path lists people in) */
  ord: number;
  employeeId: string;
  name: string | null;
  title: string | null;
  department: string | null;
  level: string | null;
  /** IC-equivalent rank of the level (NaN when unlevelled) */
  rank: number;
  layer: number;
  kind: number;
  span: number;
  /** an aggregated row's junior-staff FTE (null: a person-level row) */
  fte: number | null;
  /** the record's annual cost (null: none given) */
  annualCost: number | null;
  /** the person's ceiling risk (scored ICs only; null for everyone else) */
  risk: Pick<IcCeilingRisk, 'reasons' | 'score' | 'pressure' | 'monthsInLevel'> | null;
  /** the record's manager id as imported (null: none); undefined in rows stored before it */
  managerId?: string | null;
  /** the declared track (TrackCode); undefined in rows stored before it */
  track?: number;
  /** a filled, non-aggregated record (isPerson); undefined in rows stored before it */
  person?: boolean;
  /** what the org explorer reads (ExplorerColumns); absent in rows stored before them */
  explorer?: ExplorerColumns;
}

/** What the org explorer reads of a node besides the columns above (lib/views/org-tree.ts). */
export interface ExplorerColumns {
  /** the manager's position (null: a root) */
  parentPre: number | null;
  /** records reporting directly to the node */
  childCount: number;
  /** headcount weight below the node (subtreeSize) */
  below: number;
  aggregated: boolean;
  fte: number;
  /** an aggregated row's grade: the record's level, else its title */
  grade: string | null;
  juniorFteBelow: number;
  annualCost: number | null;
  /** headcount weight of the direct individual contributors (aggregated rows aside) */
  directIcs: number;
}

/** The snapshot-wide facts the org explorer reads beside the rows. */
export interface ExplorerFacts {
  /** roles hasAggregated: junior-staff FTE is shown */
  hasAggregated: boolean;
  /** lib/metrics/cost.ts hasCosts: people carry an annual cost */
  hasCosts: boolean;
  /** how many roots the tree has (one: the explorer's top is that root) */
  roots: number;
}

/** The explorer's columns of tree node i. */
export function explorerColumns(tree: PreparedSnapshot['tree'], i: number): ExplorerColumns {
  const r = tree.records[i];
  const p = tree.parent[i] ?? -1;
  const aggregated = tree.aggregated[i] === 1;
  let directIcs = 0;
  const end = tree.childOffsets[i + 1] ?? 0;
  for (let e = tree.childOffsets[i] ?? 0; e < end; e++) {
    const c = tree.children[e] ?? 0;
    if (tree.kind[c] === NodeKind.ic && tree.aggregated[c] !== 1) directIcs += tree.weight[c] ?? 0;
  }
  return {
    parentPre: p < 0 ? null : (tree.preorderIndex[p] ?? null),
    childCount: end - (tree.childOffsets[i] ?? 0),
    below: tree.subtreeSize[i] ?? 0,
    aggregated,
    fte: tree.fte[i] ?? 0,
    grade: aggregated ? (r?.level ?? r?.title ?? null) : null,
    juniorFteBelow: tree.juniorFteBelow[i] ?? 0,
    annualCost: r?.annualCost ?? null,
    directIcs,
  };
}

/** The reasons in the order scoreIc gives them: bit k is REASON_BITS[k]. */
export const REASON_BITS: readonly CeilingRiskReason[] = [
  'atUnitCeiling',
  'atLadderTop',
  'longInLevel',
  'noPromotionInWindow',
];

/** The reasons as a bit mask (REASON_BITS). */
export function encodeReasons(reasons: readonly CeilingRiskReason[]): number {
  let mask = 0;
  for (const r of reasons) mask |= 1 << REASON_BITS.indexOf(r);
  return mask;
}

/** The reasons of a bit mask, in scoreIc's order. */
export function decodeReasons(mask: number): CeilingRiskReason[] {
  return REASON_BITS.filter((_, k) => (mask & (1 << k)) !== 0);
}

/** Every node of the snapshot in preorder, with the ceiling risk of the scored ICs (null: none stored). */
export function computePeopleOrder(
  snap: PreparedSnapshot,
  risk: readonly IcCeilingRisk[] | null,
): PersonOrderRow[] {
  const { tree, levels } = snap;
  const byId = new Map<string, IcCeilingRisk>();
  for (const p of risk ?? []) byId.set(p.employeeId, p);
  const out: PersonOrderRow[] = [];
  for (let k = 0; k < tree.size; k++) {
    const i = tree.preorder[k] ?? 0;
    const r = tree.records[i];
    const id = r?.employeeId ?? '';
    // A duplicate id is scored once, at the index the tree resolves it to.
    const p = tree.indexById.get(id) === i ? byId.get(id) : undefined;
    out.push({
      pre: k,
      size: (tree.descendantCount[i] ?? 0) + 1,
      ord: i,
      employeeId: id,
      name: r?.name ?? null,
      title: r?.title ?? null,
      department: r?.department ?? null,
      level: levels.code[i] ?? null,
      rank: levels.rank[i] ?? Number.NaN,
      layer: tree.layer[i] ?? 0,
      kind: tree.kind[i] ?? 0,
      span: tree.span[i] ?? 0,
      fte: tree.aggregated[i] === 1 ? (tree.fte[i] ?? 0) : null,
      annualCost: r?.annualCost ?? null,
      risk:
        p === undefined
          ? null
          : { reasons: p.reasons, score: p.score, pressure: p.pressure, monthsInLevel: p.monthsInLevel },
      managerId: r?.managerId ?? null,
      track: levels.declared[i] ?? 0,
      person: isPerson(tree, i),
      explorer: explorerColumns(tree, i),
    });
  }
  return out;
}
