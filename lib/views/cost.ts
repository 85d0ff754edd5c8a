/**
 * The Structure dashboard's Cost card (issue #14 "Cost"), from the loaded tree: the unit's total,
 * management cost and share, IC cost, cost per IC, and managers' cost by layer and by managerial
 * level (definitions: lib/metrics/cost.ts). Only for snapshots that carry costs.
 *
 * Privacy (SPEC "Privacy"): hr and admin see every figure. For leaders and viewers:
 * - the card follows the unit's floor (a unit under the minimum group size or hidden by the
 *   floor under subtraction shows nothing);
 * - money is shown only when everyone in the reader's scope has a cost: with partial coverage a
 *   difference of two shown units could be the cost of the few costed people between them, where
 *   the floor only counts heads. Coverage itself (a count) is still shown;
 * - management and IC cost are a partition of the total: management shows only when both parts
 *   pass the floor (else management = total - IC would give a small group's cost);
 * - managers' cost by layer and by level are flat breakdowns of management: each is planned like
 *   the other breakdowns (rows under the minimum hidden, with complementary suppression), and
 *   levels crossed with layers (lib/privacy/crossing.ts) so no layer x level cell under the
 *   minimum can be had by subtraction.
 * Person-level cost is never in this card.
 */
import { COST_LEVELS, computeUnitCost, hasCosts, type CostLevel, type UnitCost } from '@/lib/metrics/cost';
import { NodeKind } from '@/lib/metrics/roles';
import { collectSubtree, visitUnit, type OrgTree, type UnitColumns } from '@/lib/metrics/tree';
import { planDepartments } from '@/lib/privacy/crossing';
import {
  familyShown,
  guardGroup,
  guardRow,
  hiddenMarker,
  isGroupHidden,
  reasonFor,
  type PrivacyContext,
  type Suppressed,
  type ViewContext,
} from './context';

export interface CostRow {
  /** managers in the row */
  managers: number;
  /** of them, managers with a cost */
  costed: number;
  cost: number | Suppressed;
}

export interface CostCard {
  /** hidden with the unit (its headcount is a figure about the group like any other) */
  coverage:
    | {
        headcount: number;
        costed: number;
        share: number | null;
        juniorFte: number;
        juniorFteCosted: number;
      }
    | Suppressed;
  /** why money is hidden for this reader (null: shown, or suppressed by group size only) */
  hiddenReason: 'partial-coverage' | null;
  total: number | Suppressed;
  management: { cost: number; share: number | null; perIc: number | null } | Suppressed;
  ic: { people: number; cost: number; costPerIc: number | null } | Suppressed;
  byLayer: Array<{ layer: number } & CostRow> | Suppressed;
  byLevel: Array<{ level: CostLevel } & CostRow> | Suppressed;
}

const costed = new WeakMap<OrgTree, boolean>();

/** True when the snapshot's tree carries at least one cost (cached per tree). */
export function treeHasCosts(t: OrgTree): boolean {
  let hit = costed.get(t);
  if (hit === undefined) costed.set(t, (hit = hasCosts(t.records)));
  return hit;
}

/** True when every filled person-level record under `top` (-1 = the whole organisation) has a cost. */
export function fullyCosted(t: OrgTree, top: number): boolean {
  let ok = true;
  visitUnit(t.size, top < 0 ? null : collectSubtree(t, top), (i) => {
    if (ok && t.aggregated[i] !== 1 && t.kind[i] !== NodeKind.vacant && t.records[i]?.annualCost === null)
      ok = false;
  });
  return ok;
}

/** The level of a manager at unit layer `layer`. */
function levelOf(t: Pick<UnitColumns, 'kind'>, i: number, layer: number, execLayers: number): CostLevel {
  if (layer <= execLayers) return 'executive';
  return t.kind[i] === NodeKind.managerOfManagers ? 'managerOfManagers' : 'managerOfIcs';
}

/**
 * What the Cost card reads of its unit, whichever path loaded it: the snapshot's tree (costUnitOf)
 * or the unit's rows stored in preorder (lib/views/people-rows.ts unitColumnsOf).
 */
export interface CostUnit {
  /** the records' columns: the snapshot's tree, or the unit's rows */
  t: UnitColumns;
  /** the unit's records in `t` (null: every record) */
  nodes: ArrayLike<number> | null;
  /** layers above the unit's root (0 for the organisation and a department) */
  layerShift: number;
  /**
   * null when the snapshot carries no costs; else whether every filled person-level record under
   * the reader's top has a cost (fullyCosted; read for leaders and viewers only)
   */
  costs: { fullyCosted: () => boolean } | null;
}

/** The context's unit as the Cost card reads it, from the snapshot's tree. */
export function costUnitOf(ctx: ViewContext): CostUnit {
  const { snap, unit, floor } = ctx;
  const t = snap.tree;
  return {
    t,
    nodes: unit.nodes,
    layerShift: unit.rootIndex >= 0 ? (t.layer[unit.rootIndex] ?? 1) - 1 : 0,
    costs: treeHasCosts(t) ? { fullyCosted: () => fullyCosted(t, floor?.top ?? -1) } : null,
  };
}

/** The Cost card of the context's unit, or null when the snapshot has no costs. */
export function assembleCostCard(ctx: ViewContext): CostCard | null {
  return costCardOf(ctx, costUnitOf(ctx));
}

/** The reader's side of the Cost card: privacy settings and the floor's department plan. */
export type CostReader = PrivacyContext & { settings: { execLayers: number } };

/** The Cost card of a unit, or null when its snapshot has no costs (one definition for both paths). */
export function costCardOf(ctx: CostReader, unit: CostUnit): CostCard | null {
  if (unit.costs === null) return null;
  const { settings } = ctx;
  const { t, layerShift } = unit;
  const c = computeUnitCost(t, unit.nodes, layerShift, settings.execLayers);
  const coverage = {
    headcount: c.headcount,
    costed: c.costed,
    share: c.coverage,
    juniorFte: c.juniorFte,
    juniorFteCosted: c.juniorFteCosted,
  };
  const partial = ctx.suppress && !unit.costs.fullyCosted();
  if (isGroupHidden(ctx, c.headcount) || partial) {
    // the unit under the minimum (or hidden by the floor), else partial coverage: a total then
    // could be the cost of a few people, so it is hidden as a complement.
    const hidden = hiddenMarker(
      ctx,
      isGroupHidden(ctx, c.headcount) ? reasonFor(ctx, c.headcount) : 'complement',
    );
    return {
      coverage: isGroupHidden(ctx, c.headcount) ? hidden : coverage,
      hiddenReason: partial && !isGroupHidden(ctx, c.headcount) ? 'partial-coverage' : null,
      total: hidden,
      management: hidden,
      ic: hidden,
      byLayer: hidden,
      byLevel: hidden,
    };
  }
  const [managementShown] = familyShown(
    ctx,
    [-1, -1],
    [c.management.people, c.ic.people],
    c.headcount + c.juniorFte,
  );
  const breakdowns = managementShown ? planBreakdowns(ctx, unit, c) : null;
  return {
    coverage,
    hiddenReason: null,
    total: guardGroup(ctx, c.headcount, c.total),
    management: managementShown
      ? { cost: c.management.cost, share: c.managementShare, perIc: c.managementCostPerIc }
      : hiddenMarker(ctx, reasonFor(ctx, c.management.people)),
    ic: managementShown
      ? { people: c.ic.people, cost: c.ic.cost, costPerIc: c.costPerIc }
      : hiddenMarker(ctx, reasonFor(ctx, c.ic.people)),
    byLayer: breakdowns?.byLayer ?? hiddenMarker(ctx, reasonFor(ctx, c.management.people)),
    byLevel: breakdowns?.byLevel ?? hiddenMarker(ctx, reasonFor(ctx, c.management.people)),
  };
}

/** Managers' cost by layer and by level, with the rows this reader may see (see the file comment). */
function planBreakdowns(
  ctx: CostReader,
  unit: CostUnit,
  c: UnitCost,
): { byLayer: CardRows<{ layer: number }>; byLevel: CardRows<{ level: CostLevel }> } {
  const layerShown = familyShown(
    ctx,
    c.byLayer.map(() => -1),
    c.byLayer.map((r) => r.people),
    c.management.people,
  );
  let levelShown = COST_LEVELS.map(() => true);
  if (ctx.suppress) {
    // Regions: each shown layer on its own, the hidden layers pooled; levels are the "departments".
    const { t, layerShift } = unit;
    const regionOfLayer = new Map(c.byLayer.map((r, k) => [r.layer, layerShown[k] ? k : c.byLayer.length]));
    const region: number[] = [];
    const department: number[] = [];
    visitUnit(t.size, unit.nodes, (i) => {
      const kind = t.kind[i];
      if (t.aggregated[i] === 1 || (kind !== NodeKind.managerOfIcs && kind !== NodeKind.managerOfManagers))
        return;
      const layer = (t.layer[i] ?? 1) - layerShift;
      region.push(regionOfLayer.get(layer) ?? -1);
      department.push(COST_LEVELS.indexOf(levelOf(t, i, layer, ctx.settings.execLayers)));
    });
    const shown = planDepartments({
      region,
      department,
      weight: region.map(() => 1),
      departments: COST_LEVELS.length,
      min: ctx.settings.minGroupSize,
    });
    levelShown = COST_LEVELS.map((_, k) => shown[k] === 1);
  }
  const row = (g: { people: number; costed: number; cost: number }, shown: boolean): CostRow => ({
    managers: g.people,
    costed: g.costed,
    cost: guardRow(ctx, g.people, shown, g.cost),
  });
  return {
    byLayer: c.byLayer.map((r, k) => ({ layer: r.layer, ...row(r, layerShown[k] ?? false) })),
    byLevel: COST_LEVELS.map((level, k) => ({ level, ...row(c.byLevel[level], levelShown[k] ?? false) })),
  };
}

type CardRows<K> = Array<K & CostRow>;
