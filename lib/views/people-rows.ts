/**
 * A unit's people from the rows stored in preorder at import (lib/metrics/people-order.ts), as the
 * views read them instead of the tree: the snapshot-wide facts stored beside the rows, and the
 * scored ICs of a subtree's range in the order the tree path lists them (issue #13).
 */
import type { IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import type { ExplorerFacts, PersonOrderRow } from '@/lib/metrics/people-order';

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
