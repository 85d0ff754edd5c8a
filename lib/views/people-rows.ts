/**
 * A unit's people from the rows stored in preorder at import (lib/metrics/people-order.ts), as the
 * views read them instead of the tree: the snapshot-wide facts stored beside the rows, and the
 * scored ICs of a subtree's range in the order the tree path lists them (issue #13).
 */
import type { IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import type { ExplorerFacts, PersonOrderRow } from '@/lib/metrics/people-order';
import { NodeKind } from '@/lib/metrics/roles';
import type { UnitColumns } from '@/lib/metrics/tree';
import type { OrgRecord } from '@/lib/metrics/types';

/** Bumped when the rows or the facts row change meaning: rows of another format are not read. */
export const PEOPLE_ORDER_FORMAT = 1;

/** The snapshot-wide facts stored beside the people rows (one metric_results row, scope org). */
export interface PeopleOrderFacts {
  format: number;
  /** the ladder the rows were computed with (./ladder-facts.ts ladderKey) */
  ladderKey: string;
  /** whether the rows carry each scored IC's ceiling risk */
  scored: boolean;
  /**
   * whether the rows carry what a comparison's people lists read (manager id, declared track,
   * person) and every employee id is one node's: absent in rows stored before migration 0015
   */
  changes?: boolean;
  /** what the org explorer reads of the whole snapshot; absent in rows stored before 0015 */
  explorer?: ExplorerFacts;
  /** rank per scored IC level; null stands for NaN (JSON has none) */
  rankOf: Array<[string, number | null]>;
  /** each department's IC ceiling rank, in findDepartmentCeilings' order */
  ceilings: Array<[string | null, number | null]>;
  /**
   * whether any record of the snapshot carries an annual cost; absent in facts stored before the
   * rows carried FTE and cost (their units' columns are then not read: unitColumnsOf)
   */
  costs?: boolean;
}

/** The facts of a stored row, or null when they cannot stand in for the tree: another format or ladder. */
export function readPeopleOrderFacts(data: unknown, key: string): PeopleOrderFacts | null {
  if (typeof data !== 'object' || data === null) return null;
  const f = data as Partial<PeopleOrderFacts>;
  if (f.format !== PEOPLE_ORDER_FORMAT || f.ladderKey !== key) return null;
  if (!Array.isArray(f.rankOf) || !Array.isArray(f.ceilings) || typeof f.scored !== 'boolean') return null;
  return f as PeopleOrderFacts;
}

/** The level ranks of the facts as the heatmap orders its columns (NaN restored). */
export function rankMapOf(facts: PeopleOrderFacts): Map<string, number> {
  return new Map(facts.rankOf.map(([code, rank]) => [code, rank ?? Number.NaN]));
}

/**
 * The scored ICs among a unit's rows, in tree order (their `ord`), as computeCeilingRisk gave them,
 * and who each one is (name, title, level rank) for the named list.
 */
export function scoredPeopleOf(rows: readonly PersonOrderRow[]): {
  people: IcCeilingRisk[];
  personOf: (p: IcCeilingRisk) => { name: string | null; title: string | null; rank: number | null };
} {
  const scored = rows.filter((r) => r.risk !== null).sort((a, b) => a.ord - b.ord);
  const byId = new Map<string, PersonOrderRow>();
  const people: IcCeilingRisk[] = [];
  for (const r of scored) {
    const risk = r.risk;
    if (risk === null) continue;
    byId.set(r.employeeId, r);
    people.push({
      employeeId: r.employeeId,
      department: r.department,
      level: r.level,
      monthsInLevel: risk.monthsInLevel,
      score: risk.score,
      pressure: risk.pressure,
      reasons: risk.reasons,
    });
  }
  return {
    people,
    personOf: (p) => {
      const r = byId.get(p.employeeId);
      return { name: r?.name ?? null, title: r?.title ?? null, rank: r?.rank ?? null };
    },
  };
}

/** A unit's people as the views read them from the tree: its columns and its records in walk order. */
export interface UnitRows {
  t: UnitColumns;
  /** the unit's records in `t`, in preorder (the order the tree path walks a subtree) */
  nodes: Int32Array;
}

/**
 * A manager's subtree as tree columns (lib/metrics/tree.ts UnitColumns) from its rows stored in
 * preorder (one range, the root first): records in tree order (their `ord`), so wherever a view
 * breaks ties by record index it agrees with the tree, and `nodes` in preorder. A record's weight
 * follows lib/metrics/roles.ts (a vacant post and an aggregated row weigh 0), and the headcount
 * below it is the weights of the rows after it in its own range. Null when the rows are not one
 * contiguous range holding every row's subtree.
 */
export function unitColumnsOf(rows: readonly PersonOrderRow[]): UnitRows | null {
  const n = rows.length;
  const first = rows[0]?.pre ?? 0;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    if (r === undefined || r.pre !== first + k || k + r.size > n) return null;
    prefix[k + 1] = (prefix[k] ?? 0) + (r.fte !== null || r.kind === NodeKind.vacant ? 0 : 1);
  }
  const byOrd = Array.from(rows.keys()).sort((a, b) => (rows[a]?.ord ?? 0) - (rows[b]?.ord ?? 0));
  const nodes = new Int32Array(n);
  byOrd.forEach((k, j) => (nodes[k] = j));
  const t: UnitColumns = {
    size: n,
    records: [],
    kind: new Uint8Array(n),
    layer: new Int32Array(n),
    span: new Float64Array(n),
    weight: new Float64Array(n),
    aggregated: new Uint8Array(n),
    fte: new Float64Array(n),
    subtreeSize: new Float64Array(n),
    maxLayer: 0,
  };
  const records: OrgRecord[] = [];
  byOrd.forEach((k, j) => {
    const r = rows[k];
    if (r === undefined) return;
    records.push(recordOf(r));
    t.kind[j] = r.kind;
    t.layer[j] = r.layer;
    t.span[j] = r.span;
    t.weight[j] = (prefix[k + 1] ?? 0) - (prefix[k] ?? 0);
    t.aggregated[j] = r.fte === null ? 0 : 1;
    t.fte[j] = r.fte ?? 0;
    t.subtreeSize[j] = (prefix[k + r.size] ?? 0) - (prefix[k + 1] ?? 0);
    if (r.layer > t.maxLayer) t.maxLayer = r.layer;
  });
  return { t: { ...t, records }, nodes };
}

/** The record fields a unit's views read of a stored row (the rest are not stored: null). */
function recordOf(r: PersonOrderRow): OrgRecord {
  return {
    row: 0,
    employeeId: r.employeeId,
    managerId: null,
    name: r.name,
    email: null,
    title: r.title,
    level: r.level,
    track: null,
    department: r.department,
    location: null,
    costCenter: null,
    employmentType: null,
    hireDate: null,
    levelStartDate: null,
    githubLogin: null,
    status: r.kind === NodeKind.vacant && r.fte === null ? 'vacant' : 'filled',
    aggregatedCount: r.fte,
    annualCost: r.annualCost,
  };
}

/**
 * Whether the stored rows carry what a unit's columns read (FTE and cost, with the snapshot's
 * `costs` beside them in the facts), and then whether the snapshot has costs; null for rows stored
 * before (another format, or facts without `costs`): the tree answers then.
 */
export function readColumnsFacts(data: unknown): { costs: boolean } | null {
  if (typeof data !== 'object' || data === null) return null;
  const f = data as Partial<PeopleOrderFacts>;
  if (f.format !== PEOPLE_ORDER_FORMAT || typeof f.costs !== 'boolean') return null;
  return { costs: f.costs };
}
