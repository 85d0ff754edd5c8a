/**
 * The scenario editor's Cost section (issue #14 "Cost") as table rows, from the cost a reader gets
 * (lib/dal/scenario-cost.ts ScenarioCostView; figures: lib/scenarios/cost.ts). Pure: plain data in,
 * rows out. A suppressed value stays a marker (shown as "suppressed: fewer than N people"), never 0.
 */
import type { CostGroup } from '@/lib/metrics/cost';
import type { CostChange, CostSide, PlannedBasis, PlannedPosition } from '@/lib/scenarios/cost';
import { isSuppressed, type Suppressed } from './context';

type Amount = number | Suppressed;
type Side = Omit<CostSide, 'management' | 'ic'> & { management: Amount; ic: Amount };

/** The part of ScenarioCostView these rows read. */
export interface CostViewInput {
  hiddenReason: 'partial-coverage' | 'few-people-changed' | null;
  before: Side | Suppressed;
  after: Side | Suppressed;
  difference: { total: number; management: Amount; ic: Amount } | Suppressed;
  removed: CostGroup | Suppressed;
  becameManagers: CostGroup | Suppressed;
  stoppedManaging: CostGroup | Suppressed;
  planned: { positions: PlannedPosition[]; cost: number; notCosted: number };
  people?: CostChange[];
}

export type CostValue = number | Suppressed | null;

export interface CostFigureRow {
  figure: string;
  /** money: an annual amount; share: a fraction of 1 */
  unit: 'money' | 'share';
  before: CostValue;
  after: CostValue;
  /** after - before (the API's for the totals, else worked out when both are numbers) */
  difference: CostValue;
}

const FIGURES: Array<{ key: keyof Side; figure: string; unit: 'money' | 'share' }> = [
  { key: 'total', figure: 'Total cost', unit: 'money' },
  { key: 'management', figure: 'Management cost', unit: 'money' },
  { key: 'ic', figure: 'IC cost', unit: 'money' },
  { key: 'managementShare', figure: 'Management share', unit: 'share' },
  { key: 'costPerIc', figure: 'Cost per IC', unit: 'money' },
  { key: 'managementCostPerIc', figure: 'Management cost per IC', unit: 'money' },
];

const round = (n: number, unit: 'money' | 'share') =>
  unit === 'money' ? Math.round(n * 100) / 100 : Math.round(n * 10_000) / 10_000;

function valueOf(side: Side | Suppressed, key: keyof Side): CostValue {
  if (isSuppressed(side)) return side;
  const v = side[key];
  return v === undefined ? null : v;
}

/** Before, after and difference of the six cost figures. */
export function costFigureRows(c: CostViewInput): CostFigureRow[] {
  return FIGURES.map(({ key, figure, unit }) => {
    const before = valueOf(c.before, key);
    const after = valueOf(c.after, key);
    let difference: CostValue;
    if (isSuppressed(c.difference)) difference = c.difference;
    else if (key === 'total' || key === 'management' || key === 'ic') difference = c.difference[key];
    else if (typeof before === 'number' && typeof after === 'number')
      difference = round(after - before, unit);
    else if (isSuppressed(after)) difference = after;
    else if (isSuppressed(before)) difference = before;
    else difference = null;
    return { figure, unit, before, after, difference };
  });
}

/** The groups whose cost moves, as unit totals (what every reader of the cost may see). */
export interface CostGroupRow {
  group: string;
  people: number | Suppressed;
  costed: number | Suppressed;
  cost: number | Suppressed;
  /** what the group's cost does to the after side */
  effect: string;
}

export function costGroupRows(c: CostViewInput): CostGroupRow[] {
  const g = (group: string, v: CostGroup | Suppressed, effect: string): CostGroupRow =>
    isSuppressed(v)
      ? { group, people: v, costed: v, cost: v, effect }
      : { group, people: v.people, costed: v.costed, cost: v.cost, effect };
  const p = c.planned;
  return [
    g('Removed positions', c.removed, 'saved (leaves the total)'),
    g('Became managers', c.becameManagers, 'moves from IC to management cost'),
    g('Stopped managing', c.stoppedManaging, 'moves from management to IC cost'),
    {
      group: 'Planned positions',
      people: p.positions.length,
      costed: p.positions.length - p.notCosted,
      cost: p.cost,
      effect: p.notCosted > 0 ? `added to the total (${p.notCosted} not costed)` : 'added to the total',
    },
  ];
}

export const BASIS_LABELS: Record<PlannedBasis, string> = {
  given: 'given in the operation',
  'level-and-track-median': 'median of the level and track',
  'level-median': 'median of the level',
  'not-costed': 'not costed (no level, or too few people at it)',
};

const CHANGE_LABELS: Record<CostChange['change'], string> = {
  removed: 'Position removed (cost saved)',
  'became-manager': 'Became a manager',
  'stopped-managing': 'Stopped managing',
};

/** One person or planned position behind the change (person-level: hr and admin only). */
export interface CostPersonRow {
  id: string;
  name: string | null;
  change: string;
  annualCost: number | null;
  /** planned positions: how the position was priced */
  pricedBy: string;
}

/** The people behind each change (when the reader may see them), then the planned positions. */
export function costPeopleRows(c: CostViewInput): CostPersonRow[] {
  const people = (c.people ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    change: CHANGE_LABELS[p.change],
    annualCost: p.annualCost,
    pricedBy: p.annualCost === null ? 'no cost in the snapshot' : 'their annual cost',
  }));
  const planned = c.planned.positions.map((p) => ({
    id: p.id,
    name: null,
    // "Planned IC position at M3" read as a contradiction: the level is the position's, the cost
    // side follows whether anyone reports to it in the scenario
    change: `Planned position${p.level ? ` at ${p.level}` : ''}, ${p.manager ? 'with reports (management cost)' : 'no reports (IC cost)'}`,
    annualCost: p.cost,
    pricedBy: BASIS_LABELS[p.basis],
  }));
  return [...people, ...planned];
}

/** Why part of the cost is hidden from this reader, in words (null: nothing is hidden). */
export function costHiddenText(c: CostViewInput): string | null {
  const marker = [c.before, c.after, c.difference].find(isSuppressed);
  if (c.hiddenReason === 'partial-coverage')
    return 'Not everyone in your scope has an annual cost, so cost figures are hidden: a difference of two totals could reveal the cost of a few people.';
  if (c.hiddenReason === 'few-people-changed' && marker)
    return `One group whose cost moves (removed positions, people who start or stop managing) has fewer than ${marker.minGroupSize} people with a cost, so the after side and the difference are hidden: they would reveal those people's pay.`;
  if (isSuppressed(c.before) && marker)
    return `The unit has fewer than ${marker.minGroupSize} people, so its cost is hidden.`;
  const split = [c.before, c.after]
    .map((s) => (isSuppressed(s) ? null : s.management))
    .find((m): m is Suppressed => isSuppressed(m));
  if (split)
    return `Management and IC cost are shown only as the total: one of the groups has fewer than ${split.minGroupSize} people with a cost (either would give the other).`;
  return null;
}
