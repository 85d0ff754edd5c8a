/**
 * Cost metrics of a unit (issue #14 "Cost"; definitions also in README "Metric notes / Cost").
 * A record's cost is its annual cost (OrgRecord.annualCost) when the file gives one:
 * - a filled person-level record costs its annualCost; a vacant post costs nothing here (it is an
 *   open position, not a person; scenarios price planned positions, lib/scenarios/cost.ts);
 * - an aggregated row (UK junior staff) costs annualCost x its FTE (the payscale midpoint per FTE).
 * Figures of a unit:
 * - total = the sum of every costed record's cost; coverage = people with a cost / headcount (and
 *   the same for junior FTE), so a partial file says how much of the unit its figures cover;
 * - management = the cost of the managers (filled person-level records with at least one direct
 *   report, SPEC "manager"), by layer (1 = the unit's top, as in the pyramid) and by managerial
 *   level (executive = a manager in the top exec_layers layers of the unit, then manager of
 *   managers and manager of ICs, exactly as managerialLevels counts them);
 * - ic = the cost of everyone else: person-level ICs and junior-staff FTE;
 * - managementShare = management / total;
 * - costPerIc = total / ICs, and managementCostPerIc = management / ICs, where ICs = person-level
 *   ICs + junior-staff FTE (the people the unit pays who manage nobody); null without ICs.
 * Amounts are rounded to 2 decimals, shares to 4. Pure: no database, no framework.
 */
import { annualCostColumn } from '@/lib/metrics/record-columns';
import { divideOrNull, roundTo } from './numbers';
import { NodeKind } from './roles';
import type { UnitColumns } from './tree';
import type { OrgRecord } from './types';

/** A group of people and what those of them with a cost cost together. */
export interface CostGroup {
  /** people in the group (FTE for junior staff) */
  people: number;
  /** of them, those with a cost */
  costed: number;
  /** the sum of their costs */
  cost: number;
}

export type CostLevel = 'executive' | 'managerOfManagers' | 'managerOfIcs';
export const COST_LEVELS: readonly CostLevel[] = ['executive', 'managerOfManagers', 'managerOfIcs'];

export interface UnitCost {
  /** filled person-level headcount (as StructureMetrics.headcount) */
  headcount: number;
  /** of them, people with a cost */
  costed: number;
  /** costed / headcount (null for an empty unit) */
  coverage: number | null;
  /** junior-staff FTE of the unit and of it the FTE with a cost (0 without aggregated rows) */
  juniorFte: number;
  juniorFteCosted: number;
  total: number;
  management: CostGroup;
  ic: CostGroup;
  managementShare: number | null;
  costPerIc: number | null;
  managementCostPerIc: number | null;
  /** managers' cost per layer of the unit (1 = its top), layers with managers only */
  byLayer: Array<{ layer: number } & CostGroup>;
  /** managers' cost per managerial level */
  byLevel: Record<CostLevel, CostGroup>;
}

/** True when at least one record of the snapshot carries a cost. */
export function hasCosts(records: readonly OrgRecord[]): boolean {
  for (const r of records) if (r.annualCost !== null) return true;
  return false;
}

const money = (v: number) => roundTo(v, 2);
const emptyGroup = (): CostGroup => ({ people: 0, costed: 0, cost: 0 });

function add(g: CostGroup, people: number, cost: number | null): void {
  g.people += people;
  if (cost === null) return;
  g.costed += people;
  g.cost += cost;
}

function rounded(g: CostGroup): CostGroup {
  return { people: roundTo(g.people, 4), costed: roundTo(g.costed, 4), cost: money(g.cost) };
}

/**
 * The cost figures of a unit: `nodes` are its record indices (null = every record), `layerShift`
 * is subtracted from org-wide layers (a subtree's root layer - 1, else 0), as in summarizeStructure.
 */
export function computeUnitCost(
  tree: UnitColumns,
  nodes: ArrayLike<number> | null,
  layerShift: number,
  execLayers: number,
): UnitCost {
  const count = nodes === null ? tree.size : nodes.length;
  const management = emptyGroup();
  const ic = emptyGroup();
  const byLevel: Record<CostLevel, CostGroup> = {
    executive: emptyGroup(),
    managerOfManagers: emptyGroup(),
    managerOfIcs: emptyGroup(),
  };
  const layers = new Map<number, CostGroup>();
  let headcount = 0;
  let costed = 0;
  let juniorFte = 0;
  let juniorFteCosted = 0;
  const costs = annualCostColumn(tree);
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? 0);
    if (i < 0 || i >= tree.size) continue;
    const c = costs[i] ?? Number.NaN;
    const cost = Number.isNaN(c) ? null : c;
    if (tree.aggregated[i] === 1) {
      const fte = tree.fte[i] ?? 0;
      juniorFte += fte;
      if (cost !== null) juniorFteCosted += fte;
      add(ic, fte, cost === null ? null : cost * fte);
      continue;
    }
    const kind = tree.kind[i] ?? NodeKind.vacant;
    if (kind === NodeKind.vacant) continue;
    headcount += 1;
    if (cost !== null) costed += 1;
    if (kind === NodeKind.ic) {
      add(ic, 1, cost);
      continue;
    }
    const layer = (tree.layer[i] ?? 1) - layerShift;
    add(management, 1, cost);
    const level: CostLevel =
      layer <= execLayers
        ? 'executive'
        : kind === NodeKind.managerOfManagers
          ? 'managerOfManagers'
          : 'managerOfIcs';
    add(byLevel[level], 1, cost);
    let g = layers.get(layer);
    if (g === undefined) layers.set(layer, (g = emptyGroup()));
    add(g, 1, cost);
  }
  const total = management.cost + ic.cost;
  return {
    headcount,
    costed,
    coverage: divideOrNull(costed, headcount),
    juniorFte: roundTo(juniorFte, 4),
    juniorFteCosted: roundTo(juniorFteCosted, 4),
    total: money(total),
    management: rounded(management),
    ic: rounded(ic),
    managementShare: divideOrNull(management.cost, total),
    costPerIc: ic.people > 0 ? money(total / ic.people) : null,
    managementCostPerIc: ic.people > 0 ? money(management.cost / ic.people) : null,
    byLayer: [...layers.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([layer, g]) => ({ layer, ...rounded(g) })),
    byLevel: {
      executive: rounded(byLevel.executive),
      managerOfManagers: rounded(byLevel.managerOfManagers),
      managerOfIcs: rounded(byLevel.managerOfIcs),
    },
  };
}
