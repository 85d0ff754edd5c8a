/**
 * Everything computed for one snapshot at import time, as rows for metric_results
 * (family, scope_type org | department | subtree, scope_key '' | department | employee id).
 * Families:
 *   structure      org, department, subtree   StructureMetrics (the CLI metrics shape minus asOf)
 *   ladder         org, department, subtree   LadderUnitMetrics
 *   ladder-table   org                        { departments: [...] } (the CLI ladder shape)
 *   series-point   org                        SnapshotSummary, so trends can be rebuilt from rows
 *   point          subtree (every record with reports) the unit's series figures, ladder metrics,
 *                                             preorder position and size (lib/metrics/unit-points.ts)
 *   changes        org                        SnapshotChanges + counts + ceiling leavers (needs previous)
 *   ceiling-risk   org                        per-department aggregates, weights
 *   ceiling-risk   department                 named ICs scoring >= riskListMinScore (default 60),
 *                                             highest first, at most listLimit
 *   promotion-velocity org                    from the previous snapshot pair only
 *   ladder-step    org                        level state and the pair's changes as preorder
 *                                             positions, folded on the previous snapshot's step
 *                                             (lib/metrics/ladder-steps.ts); absent when that is missing
 * Person-id lists (track mismatches, joiners, leavers, movers...) are cut to listLimit (default
 * 1,000; 50,000 for changes) with the full counts beside them, so a messy million-person file
 * cannot turn one jsonb row into hundreds of MB.
 * Subtree rows are stored for managers in the top `subtreeLayers` layers (default 3): storing one
 * per manager would be ~150k rows at 1M people; deeper scopes can be computed on demand with
 * computeSubtreeStructure on a rebuilt tree.
 */
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import type { Ladder } from '@/lib/ladders/types';
import { chooseLadder } from '@/lib/ladders/choose';
import { prepareSnapshot, isManager, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  computeDepartmentStructures,
  computeSubtreeStructure,
  DEFAULT_EXEC_LAYERS,
  groupByDepartment,
  type StructureMetrics,
} from '@/lib/metrics/structure';
import {
  computeDepartmentLadderTable,
  computeLadderMetrics,
  computeSubtreeLadderMetrics,
  type LadderUnitMetrics,
} from '@/lib/metrics/ladder';
import { compareSnapshots } from '@/lib/metrics/history';
import { computeUnitPoints, encodeUnitPoint, type SeriesStructure } from '@/lib/metrics/unit-points';
import { visitAndRemember, visitSubtreeFacts, type SubtreeFacts } from '@/lib/views/unit-facts';
import { encodeOverviewFacts } from '@/lib/views/overview-facts';
import { encodeLadderFacts, ladderKey } from '@/lib/views/ladder-facts';
import {
  canonicalOrder,
  computeLadderStep,
  LADDER_STEP_FORMAT,
  restoreLevelHistoryOf,
  type StepPromotions,
  type StoredLadderStep,
} from '@/lib/metrics/ladder-steps';
import { computePeopleOrder, type ExplorerFacts, type PersonOrderRow } from '@/lib/metrics/people-order';
import { hasCosts } from '@/lib/metrics/cost';
import type { SnapshotChanges } from '@/lib/metrics/history';
import { countChanges, summarizeSnapshot } from '@/lib/metrics/trends';
import { addSnapshotLevels, computePromotionVelocity, createLevelHistory } from '@/lib/metrics/time-in-level';
import {
  computeCeilingLeavers,
  computeCeilingRisk,
  DEFAULT_CEILING_RISK_WEIGHTS,
  findDepartmentCeilings,
  isScoredIc,
  type CeilingRiskOptions,
} from '@/lib/metrics/ceiling-risk';

export type MetricScopeType = 'org' | 'department' | 'subtree';

export interface MetricResultRow {
  family: string;
  scopeType: MetricScopeType;
  scopeKey: string;
  data: unknown;
}

export interface SnapshotResultsOptions {
  asOf: string;
  execLayers?: number;
  /** A ladder, or 'auto' to pick the preset that resolves most level codes. */
  ladder?: Ladder | 'auto';
  /** the previous snapshot of the series, its id and its stored ladder step (lib/metrics/ladder-steps.ts) */
  previous?: { asOf: string; records: readonly OrgRecord[]; id?: number; ladderStep?: unknown } | null;
  subtreeLayers?: number;
  riskListMinScore?: number;
  listLimit?: number;
  ceilingRisk?: CeilingRiskOptions;
  /**
   * The promotions of every step before this snapshot's along the previous step's chain, oldest
   * first (the previous snapshot's own last); null or absent when that chain is incomplete. With
   * them the people in preorder carry each IC's ceiling risk as the stored steps give it.
   */
  stepsBefore?: readonly StepPromotions[] | null;
  /** The ingest's links for `records` (saves hashing every id again). */
  links?: RecordLinks;
  /**
   * Further rows computed on the prepared snapshot and the rows computed so far (the DAL's reader
   * floor marks, the Overview facts of every stored unit).
   */
  extraRows?: (snapshot: PreparedSnapshot, rows: readonly MetricResultRow[]) => MetricResultRow[];
}

export interface SnapshotResults {
  summary: {
    headcount: number;
    managers: number;
    depth: number;
    roots: number;
    orphans: number;
    openPositions: number;
    cycles: string[][];
    ladderId: string;
  };
  ladder: Ladder;
  rows: MetricResultRow[];
  /** every node in preorder (lib/metrics/people-order.ts) and the snapshot-wide facts their lists read */
  people: PeopleOrder;
}

/** The people in preorder of a snapshot and what their lists read of the whole snapshot. */
export interface PeopleOrder {
  rows: PersonOrderRow[];
  /** whether the rows carry ceiling risk (the steps chained at import, no duplicate scored id) */
  scored: boolean;
  /** the rows carry the comparison's columns and no employee id repeats (PeopleOrderFacts.changes) */
  changes: boolean;
  /** what the org explorer reads of the whole snapshot (PeopleOrderFacts.explorer) */
  explorer: ExplorerFacts;
  /** each scored IC level's rank, as the heatmap orders its columns (the last scored IC's rank wins) */
  rankOf: Array<[string, number]>;
  /** each department's IC ceiling rank (findDepartmentCeilings), in its order */
  ceilings: Array<[string | null, number | null]>;
  /** whether any record carries an annual cost (the Cost card shows) */
  costs: boolean;
}

/** Compute every stored metric family for one snapshot (and its changes from the previous one). */
export function computeSnapshotResults(
  records: readonly OrgRecord[],
  options: SnapshotResultsOptions,
): SnapshotResults {
  const ladder =
    options.ladder === undefined || options.ladder === 'auto' ? chooseLadder(records) : options.ladder;
  const structureOptions = options.execLayers === undefined ? {} : { execLayers: options.execLayers };
  // Trees in canonical record order, so preorder positions stored now (unit points, ladder steps)
  // agree with those stored when the previous snapshot was imported, whatever order it is read in.
  const ordered = inCanonicalOrder(records);
  const curr = prepareSnapshot(
    options.asOf,
    ordered,
    ladder,
    structureOptions,
    ordered === records ? options.links : undefined,
  );
  const prev =
    options.previous === undefined || options.previous === null
      ? null
      : prepareSnapshot(
          options.previous.asOf,
          inCanonicalOrder(options.previous.records),
          ladder,
          structureOptions,
        );
  const rows: MetricResultRow[] = [];
  const add = (family: string, scopeType: MetricScopeType, scopeKey: string, data: unknown) =>
    rows.push({ family, scopeType, scopeKey, data });

  const limit = options.listLimit ?? 1000;
  const stored = (m: StructureMetrics) => capMismatches(m, limit);
  const { tree, levels, structure } = curr;
  add('structure', 'org', '', stored(structure));
  add('ladder', 'org', '', { ladderId: ladder.id, ...computeLadderMetrics(tree, levels, null) });
  add('ladder-table', 'org', '', computeDepartmentLadderTable(tree, levels));
  add('series-point', 'org', '', summarizeSnapshot(curr));
  const declaredTracks = levels.declared;
  const groups = groupByDepartment(tree);
  for (const { department, metrics } of computeDepartmentStructures(tree, {
    ...structureOptions,
    declaredTracks,
  })) {
    add('structure', 'department', department, stored(metrics));
    add(
      'ladder',
      'department',
      department,
      computeLadderMetrics(tree, levels, groups.get(department) ?? new Int32Array(0)),
    );
  }
  const subtreeLayers = options.subtreeLayers ?? 3;
  for (let i = 0; i < tree.size; i++) {
    if ((tree.layer[i] ?? 0) > subtreeLayers || !isManager(tree, i)) continue;
    const id = tree.records[i]?.employeeId ?? '';
    if (tree.indexById.get(id) !== i) continue; // a duplicate id cannot be a scope key
    const subtree = computeSubtreeStructure(tree, id, { ...structureOptions, declaredTracks });
    if (subtree !== null) add('structure', 'subtree', id, stored(subtree));
    add('ladder', 'subtree', id, computeSubtreeLadderMetrics(tree, levels, id));
  }
  const changes = prev === null ? null : compareSnapshots(prev, curr);
  const pointsPrevious = prev !== null && changes !== null ? { snap: prev, changes } : null;
  const key = ladderKey(ladder);
  const bottomUp = (
    wanted: (i: number) => boolean,
    visit: (i: number, s: SeriesStructure, l: LadderUnitMetrics) => void,
  ) => {
    const read = (i: number, f: SubtreeFacts) => visit(i, f.structure(), f.ladderMetrics());
    // the Overview and Ladder rows are kept for the extra rows (the import's) only
    if (!options.extraRows) return visitSubtreeFacts(curr, structureOptions, wanted, read);
    return visitAndRemember(curr, structureOptions, wanted, read, {
      overview: (f) => encodeOverviewFacts(f, structureOptions.execLayers ?? DEFAULT_EXEC_LAYERS),
      ladder: (f) => encodeLadderFacts(f, key),
    });
  };
  for (const { id, point } of computeUnitPoints(curr, {
    ...structureOptions,
    previous: pointsPrevious,
    bottomUp,
  }))
    add('point', 'subtree', id, encodeUnitPoint(point));
  // One push per row: spreading a million-person organisation's rows (about 170k subtrees' facts)
  // into push's arguments overflowed the call stack.
  if (options.extraRows) for (const row of options.extraRows(curr, rows)) rows.push(row);

  const history = createLevelHistory();
  if (prev !== null) addSnapshotLevels(history, null, prev, null);
  addSnapshotLevels(history, prev, curr, changes);
  if (prev !== null && changes !== null) {
    const changeLimit = Math.max(limit, 50_000);
    add('changes', 'org', '', {
      from: changes.from,
      to: changes.to,
      joiners: changes.joiners.slice(0, changeLimit),
      leavers: changes.leavers.slice(0, changeLimit),
      movers: changes.movers.slice(0, changeLimit),
      promotions: changes.promotions.slice(0, changeLimit),
      icToManager: changes.icToManager.slice(0, changeLimit),
      managerToIc: changes.managerToIc.slice(0, changeLimit),
      delayering: changes.delayering.slice(0, changeLimit),
      layersRemoved: changes.layersRemoved,
      counts: {
        ...countChanges(changes),
        movers: changes.movers.length,
        delayeringEvents: changes.delayering.length,
      },
      ceilingLeavers: computeCeilingLeavers(prev, curr),
    });
    add('promotion-velocity', 'org', '', computePromotionVelocity(history.samples));
  }
  const step = ladderStepOf(curr, prev, changes, options.previous);
  if (step !== null) add('ladder-step', 'org', '', step);
  const risk = computeCeilingRisk(curr, history, options.ceilingRisk);
  const people = peopleOrderOf(curr, step, options);
  add('ceiling-risk', 'org', '', {
    weights: options.ceilingRisk?.weights ?? DEFAULT_CEILING_RISK_WEIGHTS,
    units: risk.units,
  });
  const minScore = options.riskListMinScore ?? 60;
  const byDepartment = new Map<string, typeof risk.people>();
  for (const p of risk.people) {
    if (p.score < minScore || p.department === null) continue;
    const list = byDepartment.get(p.department) ?? [];
    list.push(p);
    byDepartment.set(p.department, list);
  }
  for (const [department, people] of byDepartment) {
    people.sort((a, b) => b.score - a.score || (a.employeeId < b.employeeId ? -1 : 1));
    add('ceiling-risk', 'department', department, { total: people.length, people: people.slice(0, limit) });
  }

  return {
    summary: {
      headcount: structure.headcount,
      managers: structure.managers,
      depth: structure.depth,
      roots: structure.roots,
      orphans: structure.orphans,
      openPositions: structure.openPositions,
      cycles: tree.cycles,
      ladderId: ladder.id,
    },
    ladder,
    rows,
    people,
  };
}

/**
 * The people in preorder, scored with the history the stored steps give this snapshot (as the
 * ceiling-risk view rebuilds it): only when the step chain is complete and no scored IC's id
 * repeats (the tree path then matches both records to one node).
 */
function peopleOrderOf(
  curr: PreparedSnapshot,
  step: StoredLadderStep | null,
  options: SnapshotResultsOptions,
): PeopleOrder {
  const before = options.previous ? options.stepsBefore : [];
  let scored =
    step === null || !before
      ? null
      : computeCeilingRisk(curr, restoreLevelHistoryOf(curr, step, before), options.ceilingRisk).people;
  const rankOf = new Map<string, number>();
  const ids = new Set<string>();
  for (const p of scored ?? []) {
    if (ids.has(p.employeeId)) scored = null;
    ids.add(p.employeeId);
  }
  // The heatmap's column order: every scored IC's level rank, the last one's winning (assembleCeilingRisk).
  for (let i = 0; i < curr.tree.size; i++) {
    const code = curr.levels.code[i] ?? null;
    if (code !== null && isScoredIc(curr, i)) rankOf.set(code, curr.levels.rank[i] ?? 0);
  }
  return {
    rows: computePeopleOrder(curr, scored),
    scored: scored !== null,
    changes: curr.tree.indexById.size === curr.tree.size,
    explorer: {
      hasAggregated: curr.tree.hasAggregated,
      hasCosts: hasCosts(curr.tree.records),
      roots: curr.tree.roots.length,
    },
    rankOf: [...rankOf],
    ceilings: [...findDepartmentCeilings(curr)],
    costs: hasCosts(curr.tree.records),
  };
}

export interface StoredStructure extends Omit<StructureMetrics, 'trackMismatches'> {
  trackMismatches: {
    declaredIcsWithReports: string[];
    declaredManagersWithoutReports: string[];
    declaredIcsWithReportsTotal: number;
    declaredManagersWithoutReportsTotal: number;
  };
}

/** Cut the mismatch id lists to a limit, keeping their full lengths. */
export function capMismatches(metrics: StructureMetrics, limit: number): StoredStructure {
  const { declaredIcsWithReports: ics, declaredManagersWithoutReports: managers } = metrics.trackMismatches;
  return {
    ...metrics,
    trackMismatches: {
      declaredIcsWithReports: ics.slice(0, limit),
      declaredManagersWithoutReports: managers.slice(0, limit),
      declaredIcsWithReportsTotal: ics.length,
      declaredManagersWithoutReportsTotal: managers.length,
    },
  };
}

/** The records in canonical order (file row, then id): the same array when they already are. */
function inCanonicalOrder(records: readonly OrgRecord[]): readonly OrgRecord[] {
  const order = canonicalOrder(records);
  for (let k = 0; k < order.length; k++)
    if (order[k] !== k) return Array.from(order, (i) => records[i] as OrgRecord);
  return records;
}

/** This snapshot's ladder step: the first of a series, or folded on the previous snapshot's step. */
function ladderStepOf(
  curr: PreparedSnapshot,
  prev: PreparedSnapshot | null,
  changes: SnapshotChanges | null,
  previous: SnapshotResultsOptions['previous'],
): StoredLadderStep | null {
  if (prev === null || !previous) return computeLadderStep(curr, null);
  const stored = previous.ladderStep as StoredLadderStep | null | undefined;
  if (previous.id === undefined || !stored || stored.format !== LADDER_STEP_FORMAT) return null;
  return computeLadderStep(curr, {
    id: previous.id,
    snap: prev,
    steps: [stored],
    changes: changes ?? undefined,
  });
}
