/**
 * A scenario's cost (issue #14 "Cost"): the unit's cost before and after the operations, and the
 * difference, on the definitions of lib/metrics/cost.ts. Pure: no database, no framework.
 * - Removed positions save their cost (they are gone from the after side).
 * - Moves and merges change who is a manager: someone who stops or starts managing moves their
 *   cost between management and IC cost; the total does not change.
 * - Planned positions (`add`) are vacant, so they cost nothing as people; the scenario prices them
 *   apart: the operation's `cost` when given, else the median cost of the snapshot's people with
 *   the same level and track (track as declared, else manager when they have reports), else of the
 *   same level whatever the track, else "not costed" (counted, never guessed). A median is taken
 *   over at least the minimum group size of people (fewer would be someone's pay). A planned position
 *   counts as management when it is declared a manager or has reports in the scenario.
 * after.total = the people's cost after + the planned positions' cost.
 */
import { computeUnitCost, type CostGroup, type UnitCost } from '@/lib/metrics/cost';
import { computeMedian, divideOrNull, roundTo } from '@/lib/metrics/numbers';
import { NodeKind } from '@/lib/metrics/roles';
import { visitUnit, type OrgTree } from '@/lib/metrics/tree';
import type { Track } from '@/lib/metrics/types';
import type { SuppressedMarker } from '@/lib/query/suppressed';
import type { ScenarioOp } from './operations';
import { rowMapper } from './prepare';

/** One side of a scenario: a tree and the unit in it (as computeUnitCost takes them). */
export interface CostUnit {
  tree: OrgTree;
  /** record indices of the unit, null = every record */
  nodes: ArrayLike<number> | null;
  /** the unit root's layer - 1 (0 for the whole organisation) */
  layerShift: number;
}

export type PlannedBasis = 'given' | 'level-and-track-median' | 'level-median' | 'not-costed';

export interface PlannedPosition {
  id: string;
  level: string | null;
  track: Track | null;
  /** counted as management (declared a manager, or has reports in the scenario) */
  manager: boolean;
  cost: number | null;
  basis: PlannedBasis;
}

export interface CostSide {
  total: number;
  management: number;
  ic: number;
  managementShare: number | null;
  costPerIc: number | null;
  managementCostPerIc: number | null;
  /** people with a cost / headcount */
  coverage: number | null;
}

/** Someone whose cost moves: removed, or starting or stopping being a manager. */
export interface CostChange {
  id: string;
  name: string | null;
  change: 'removed' | 'became-manager' | 'stopped-managing';
  annualCost: number | null;
}

export interface ScenarioCost {
  before: CostSide;
  after: CostSide;
  difference: { total: number; management: number; ic: number };
  /** removed people (filled positions) of the unit */
  removed: CostGroup;
  becameManagers: CostGroup;
  stoppedManaging: CostGroup;
  planned: { positions: PlannedPosition[]; cost: number; notCosted: number };
  /** the people behind removed / becameManagers / stoppedManaging (person-level: hr and admin only) */
  people: CostChange[];
  /** the unit's full cost figures on both sides (people only; breakdowns by layer and level) */
  detail: { before: UnitCost; after: UnitCost };
}

const money = (v: number) => roundTo(v, 2);

/** Declared track, else manager when the record has person-level reports. */
function trackOf(t: OrgTree, i: number): Track {
  const declared = t.records[i]?.track ?? null;
  if (declared !== null) return declared;
  const k = t.kind[i];
  return k === NodeKind.managerOfIcs || k === NodeKind.managerOfManagers ? 'manager' : 'ic';
}

const isManagerKind = (k: number | undefined) =>
  k === NodeKind.managerOfIcs || k === NodeKind.managerOfManagers;

/**
 * Median cost per "level" and per "level|track" of the filled, costed people of a snapshot, for
 * groups of at least `minPeople` (the privacy floor: a median of one or two people is their pay).
 */
export function levelMedians(
  t: OrgTree,
  minPeople = 1,
): { byLevel: Map<string, number>; byLevelTrack: Map<string, number> } {
  const lists = new Map<string, number[]>();
  const push = (k: string, v: number) => {
    const l = lists.get(k);
    if (l) l.push(v);
    else lists.set(k, [v]);
  };
  for (let i = 0; i < t.size; i++) {
    const r = t.records[i];
    if (
      !r ||
      r.annualCost === null ||
      r.level === null ||
      t.aggregated[i] === 1 ||
      t.kind[i] === NodeKind.vacant
    )
      continue;
    push(`L\u0001${r.level}`, r.annualCost);
    push(`T\u0001${r.level}\u0001${trackOf(t, i)}`, r.annualCost);
  }
  const byLevel = new Map<string, number>();
  const byLevelTrack = new Map<string, number>();
  for (const [k, l] of lists) {
    if (l.length < minPeople) continue;
    const m = computeMedian(l) ?? 0;
    const [kind, level = '', track] = k.split('\u0001');
    if (kind === 'L') byLevel.set(level, m);
    else byLevelTrack.set(`${level}\u0001${track}`, m);
  }
  return { byLevel, byLevelTrack };
}

/** The planned cost of an added position (see the file comment). */
export function priceAdded(
  op: { cost?: number; level?: string; track?: Track },
  medians: ReturnType<typeof levelMedians>,
): { cost: number | null; basis: PlannedBasis } {
  if (op.cost !== undefined) return { cost: op.cost, basis: 'given' };
  if (op.level === undefined) return { cost: null, basis: 'not-costed' };
  if (op.track !== undefined) {
    const m = medians.byLevelTrack.get(`${op.level}\u0001${op.track}`);
    if (m !== undefined) return { cost: money(m), basis: 'level-and-track-median' };
  }
  const m = medians.byLevel.get(op.level);
  return m === undefined ? { cost: null, basis: 'not-costed' } : { cost: money(m), basis: 'level-median' };
}

function side(c: UnitCost, plannedManagement: number, plannedIc: number, plannedIcs: number): CostSide {
  const management = c.management.cost + plannedManagement;
  const ic = c.ic.cost + plannedIc;
  const total = management + ic;
  const ics = c.ic.people + plannedIcs;
  return {
    total: money(total),
    management: money(management),
    ic: money(ic),
    managementShare: divideOrNull(management, total),
    costPerIc: ics > 0 ? money(total / ics) : null,
    managementCostPerIc: ics > 0 ? money(management / ics) : null,
    coverage: c.coverage,
  };
}

/**
 * The starting snapshot's figures are the same for every operation appended to a scenario: its
 * unit's cost and its level medians are kept per prepared tree (a cached snapshot keeps its tree),
 * so an operation costs only the changed copy's side. Read-only results.
 */
const startingCosts = new WeakMap<OrgTree, Map<string, UnitCost>>();
const startingMedianSets = new WeakMap<OrgTree, Map<number, ReturnType<typeof levelMedians>>>();

function startingUnitCost(u: CostUnit, execLayers: number): UnitCost {
  // a unit is the whole tree (null) or one subtree: a contiguous run of the preorder, so its first
  // record and length name it
  const key = `${u.nodes === null ? 'all' : `${u.nodes[0] ?? -1}:${u.nodes.length}`}|${u.layerShift}|${execLayers}`;
  let byKey = startingCosts.get(u.tree);
  if (!byKey) startingCosts.set(u.tree, (byKey = new Map()));
  let c = byKey.get(key);
  if (!c) byKey.set(key, (c = computeUnitCost(u.tree, u.nodes, u.layerShift, execLayers)));
  return c;
}

function startingMedians(t: OrgTree, minPeople: number): ReturnType<typeof levelMedians> {
  let byMin = startingMedianSets.get(t);
  if (!byMin) startingMedianSets.set(t, (byMin = new Map()));
  let m = byMin.get(minPeople);
  if (!m) byMin.set(minPeople, (m = levelMedians(t, minPeople)));
  return m;
}

/** The cost of a scenario for its unit: `before` the snapshot, `after` the changed copy. */
export function computeScenarioCost(
  before: CostUnit,
  after: CostUnit,
  ops: readonly ScenarioOp[],
  execLayers: number,
  /** smallest group whose median may price a planned position (the minimum group size) */
  minPeople = 1,
): ScenarioCost {
  const b = startingUnitCost(before, execLayers);
  const a = computeUnitCost(after.tree, after.nodes, after.layerShift, execLayers);
  const inAfter = new Uint8Array(after.tree.size);
  visitUnit(after.tree.size, after.nodes, (i) => (inAfter[i] = 1));

  const medians = startingMedians(before.tree, minPeople);
  const positions: PlannedPosition[] = [];
  for (const op of ops) {
    if (op.op !== 'add') continue;
    const i = after.tree.indexById.get(op.id);
    // a planned position later removed, or outside the unit, is not this unit's cost
    if (i === undefined || inAfter[i] !== 1 || after.tree.records[i]?.row !== 0) continue;
    const hasReports = (after.tree.childOffsets[i + 1] ?? 0) > (after.tree.childOffsets[i] ?? 0);
    positions.push({
      id: op.id,
      level: op.level ?? null,
      track: op.track ?? null,
      manager: op.track === 'manager' || hasReports,
      ...priceAdded(op, medians),
    });
  }
  let plannedManagement = 0;
  let plannedIc = 0;
  let plannedIcs = 0;
  for (const p of positions) {
    // an uncosted position adds no cost, so it does not dilute the per-IC figures either
    if (p.cost === null) continue;
    if (!p.manager) plannedIcs += 1;
    if (p.manager) plannedManagement += p.cost;
    else plannedIc += p.cost;
  }

  const removed: CostGroup = { people: 0, costed: 0, cost: 0 };
  const became: CostGroup = { people: 0, costed: 0, cost: 0 };
  const stopped: CostGroup = { people: 0, costed: 0, cost: 0 };
  const people: CostChange[] = [];
  const note = (g: CostGroup, i: number, change: CostChange['change']) => {
    const r = before.tree.records[i];
    const cost = r?.annualCost ?? null;
    g.people += 1;
    if (cost !== null) {
      g.costed += 1;
      g.cost += cost;
    }
    people.push({ id: r?.employeeId ?? '', name: r?.name ?? null, change, annualCost: cost });
  };
  const rowInAfter = rowMapper(before.tree, after.tree);
  visitUnit(before.tree.size, before.nodes, (i) => {
    const t = before.tree;
    if (t.aggregated[i] === 1 || t.kind[i] === NodeKind.vacant) return;
    const j = rowInAfter(i);
    if (j === undefined) return note(removed, i, 'removed');
    if (inAfter[j] !== 1) return; // moved out of the unit: neither saved nor spent
    const was = isManagerKind(t.kind[i]);
    const is = isManagerKind(after.tree.kind[j]);
    if (!was && is) note(became, i, 'became-manager');
    else if (was && !is) note(stopped, i, 'stopped-managing');
  });

  const beforeSide = side(b, 0, 0, 0);
  const afterSide = side(a, plannedManagement, plannedIc, plannedIcs);
  const round = (g: CostGroup): CostGroup => ({ ...g, cost: money(g.cost) });
  return {
    before: beforeSide,
    after: afterSide,
    difference: {
      total: money(afterSide.total - beforeSide.total),
      management: money(afterSide.management - beforeSide.management),
      ic: money(afterSide.ic - beforeSide.ic),
    },
    removed: round(removed),
    becameManagers: round(became),
    stoppedManaging: round(stopped),
    planned: {
      positions,
      cost: money(plannedManagement + plannedIc),
      notCosted: positions.filter((p) => p.cost === null).length,
    },
    people,
    detail: { before: b, after: a },
  };
}

/** A side of the scenario as a reader sees it: management and IC cost hidden apart from the total when either group is small. */
export type CostSideView = Omit<CostSide, 'management' | 'ic'> & {
  management: number | SuppressedMarker;
  ic: number | SuppressedMarker;
};

/** A scenario's cost as one reader may see it (lib/dal/scenario-cost.ts decides what is hidden). */
export interface ScenarioCostView {
  hiddenReason: 'partial-coverage' | 'few-people-changed' | null;
  before: CostSideView | SuppressedMarker;
  after: CostSideView | SuppressedMarker;
  difference:
    | { total: number; management: number | SuppressedMarker; ic: number | SuppressedMarker }
    | SuppressedMarker;
  removed: CostGroup | SuppressedMarker;
  becameManagers: CostGroup | SuppressedMarker;
  stoppedManaging: CostGroup | SuppressedMarker;
  planned: { positions: PlannedPosition[]; cost: number; notCosted: number };
  /** hr and admin only: who is removed or starts / stops managing, with their cost */
  people?: CostChange[];
  /** hr and admin only: the unit's cost by layer and managerial level on both sides */
  detail?: ScenarioCost['detail'];
}
