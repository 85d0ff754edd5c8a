/**
 * The Structure dashboard from loaded data (SPEC "Structure"): span statistics, bands, histogram,
 * archetypes, pyramid, narrow spans and departments of one unit, given its structure metrics.
 */
import { NodeKind } from '@/lib/metrics/roles';
import { ARCHETYPE_SOURCE, countSpanArchetypes } from '@/lib/metrics/span-archetypes';
import { computeSpanHistogram, unitManagerSpans, type SpanHistogramRow } from '@/lib/metrics/span-histogram';
import { SPAN_BANDS, type SpanBand } from '@/lib/metrics/spans';
import { divideOrNull } from '@/lib/metrics/numbers';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { StructureMetrics } from '@/lib/metrics/structure';
import { guardGroup, isGroupHidden, type PrivacyContext, type Suppressed, type ViewContext } from './context';
import { costCardOf, costUnitOf, type CostCard, type CostUnit } from './cost';
import { isUnitShown } from './floor';
import { departmentRowsOf, fteSummary, type DepartmentRow } from './structure-departments';
import { mayLabelUnit, personAttribute, shownCount, unitLabel } from './unit-labels';

export type ManagerialLevel = 'executive' | 'managerOfManagers' | 'managerOfIcs';

export interface StructureSummary {
  headcount: number;
  managers: number;
  ics: number;
  depth: number;
  managementLayers: number;
  managerRatio: number | null;
  icsPerManager: number | null;
  span: { mean: number | null; median: number | null; p10: number | null; p90: number | null };
  managerialLevels: { executive: number; managerOfManagers: number; managerOfIcs: number; ic: number };
  middleManagers: number;
  openPositions: number;
  /** only where the source has aggregated junior-staff rows: their FTE, and people + that FTE */
  juniorFte?: number;
  totalFte?: number;
}

export interface NarrowSpanManager {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  /** org-wide layer (root = 1) */
  layer: number;
  span: number;
  /** headcount below; null for a viewer where the privacy floor hides the unit */
  subtreeSize: number | null;
  /** org-wide managerial level */
  level: ManagerialLevel;
  /** annual cost (hr and admin only, when the snapshot has costs; absent otherwise) */
  annualCost?: number | null;
}

export interface StructureDashboard {
  asOf: string;
  scope: { department: string | null; subtree: string | null; subtreeName: string | null };
  /** layers in the pyramid count from the top of the unit (1 = the subtree's root) */
  layersFromUnitTop: boolean;
  summary: StructureSummary | Suppressed;
  bands: Array<{ band: SpanBand; managers: number; share: number | null }> | Suppressed;
  histogram: SpanHistogramRow[] | Suppressed;
  archetypes:
    | {
        source: string;
        bands: Array<{
          key: string;
          label: string;
          min: number;
          max: number | null;
          published: string;
          managers: number;
          share: number | null;
        }>;
      }
    | Suppressed;
  pyramid:
    | Array<{
        layer: number;
        headcount: number;
        executive: number;
        managerOfManagers: number;
        managerOfIcs: number;
        ics: number;
      }>
    | Suppressed;
  /** managers with span 1-3 (SPEC bands "1" and "2-3"); for viewers only labelled units (./unit-labels.ts) */
  narrowSpan: {
    count: number | Suppressed;
    managers: NarrowSpanManager[] | null;
    /** how many listable managers are not in `managers` (list cut at NARROW_LIST_LIMIT) */
    more: number;
    /** how many of `count` lead a unit too small to be named for this actor (never listed) */
    unlabelled: number;
  };
  departments: DepartmentRow[];
  /** the Cost card (lib/views/cost.ts); null when the snapshot carries no costs */
  cost: CostCard | null;
}

export const NARROW_SPAN_MAX = 3;
export const NARROW_LIST_LIMIT = 500;

/**
 * What the Structure dashboard reads of its unit, whichever path loaded it: the snapshot's tree
 * (structureUnitOf) or the unit's rows stored in preorder (lib/views/people-rows.ts unitColumnsOf).
 */
export interface StructureUnit extends CostUnit {
  /** declared tracks per record of `t` */
  declared: Uint8Array;
  /** whether the reader's floor shows the unit of record i (read for leaders and viewers only) */
  isShown: (i: number) => boolean;
  scope: StructureDashboard['scope'];
}

/** The reader's side: privacy settings, the floor's department plan, and who may see people and cost. */
export type StructureReader = PrivacyContext &
  Pick<ViewContext, 'settings' | 'ref' | 'canSeePeople' | 'canSeeCost'>;

/** The Structure dashboard of the context's unit over the snapshot's tree. */
export function assembleStructure(
  ctx: ViewContext,
  s: StructureMetrics | StoredStructure,
): StructureDashboard {
  return structureFrom(ctx, structureUnitOf(ctx), s);
}

/** The context's unit as the Structure dashboard reads it, from the snapshot's tree. */
export function structureUnitOf(ctx: ViewContext): StructureUnit {
  const { snap, unit, floor } = ctx;
  return {
    ...costUnitOf(ctx),
    declared: snap.levels.declared,
    isShown: (i) => floor !== null && isUnitShown(floor, i),
    scope: {
      department: unit.department,
      subtree: unit.subtree,
      subtreeName: unitLabel(ctx, snap.tree, unit.rootIndex),
    },
  };
}

/**
 * The Structure dashboard (span stats and bands, histogram, pyramid, narrow spans, departments,
 * cost) of a unit given its structure metrics: one definition for the tree path and the stored one.
 */
export function structureFrom(
  ctx: StructureReader,
  unit: StructureUnit,
  s: StructureMetrics | StoredStructure,
): StructureDashboard {
  const { settings } = ctx;
  const { t, layerShift } = unit;
  const size = s.headcount;

  const walk = unitManagerSpans(t, unit.nodes);
  const spans = walk.spans;
  const narrow = walk.managers.filter((i) => (t.span[i] ?? 0) <= NARROW_SPAN_MAX);

  // Person-level rows use org-wide layers (a person's layer does not change with the view).
  const levelOf = (i: number): ManagerialLevel =>
    (t.layer[i] ?? 1) <= settings.execLayers
      ? 'executive'
      : t.kind[i] === NodeKind.managerOfManagers
        ? 'managerOfManagers'
        : 'managerOfIcs';
  narrow.sort(
    (a, b) =>
      (t.span[a] ?? 0) - (t.span[b] ?? 0) ||
      (t.layer[a] ?? 0) - (t.layer[b] ?? 0) ||
      (t.records[a]?.name ?? '').localeCompare(t.records[b]?.name ?? ''),
  );
  const labelled = ctx.canSeePeople ? narrow : narrow.filter((i) => mayLabelUnit(ctx, t, i));
  const listed = labelled.slice(0, NARROW_LIST_LIMIT);
  const cost = costCardOf(ctx, unit);
  const narrowManagers: NarrowSpanManager[] = listed.map((i) => {
    const r = t.records[i];
    return {
      id: r?.employeeId ?? '',
      name: r?.name ?? null,
      title: personAttribute(ctx, r?.title),
      department: r?.department ?? null,
      layer: t.layer[i] ?? 0,
      span: t.span[i] ?? 0,
      subtreeSize: shownCount(ctx, t.subtreeSize[i] ?? 0, ctx.floor === null ? null : () => unit.isShown(i)),
      level: levelOf(i),
      ...(cost !== null && ctx.canSeeCost === true ? { annualCost: r?.annualCost ?? null } : {}),
    };
  });

  const managers = s.managers;
  const share = (n: number) => divideOrNull(n, managers);
  const summary: StructureSummary = {
    headcount: s.headcount,
    managers: s.managers,
    ics: s.ics,
    depth: s.depth,
    managementLayers: s.managementLayers,
    managerRatio: s.managerRatio,
    icsPerManager: s.icsPerManager,
    span: { mean: s.span.mean, median: s.span.median, p10: s.span.p10, p90: s.span.p90 },
    managerialLevels: s.managerialLevels,
    middleManagers: s.middleManagers,
    openPositions: s.openPositions,
    ...fteSummary(s),
  };
  const narrowListAllowed = !isGroupHidden(ctx, size);
  return {
    asOf: ctx.ref.asOf,
    scope: unit.scope,
    layersFromUnitTop: layerShift > 0,
    summary: guardGroup(ctx, size, summary),
    bands: guardGroup(
      ctx,
      size,
      SPAN_BANDS.map((band) => ({ band, managers: s.span.bands[band], share: share(s.span.bands[band]) })),
    ),
    histogram: guardGroup(ctx, size, computeSpanHistogram(spans)),
    archetypes: guardGroup(ctx, size, {
      source: ARCHETYPE_SOURCE,
      bands: countSpanArchetypes(spans).map((a) => ({ ...a, share: share(a.managers) })),
    }),
    pyramid: guardGroup(
      ctx,
      size,
      s.pyramid.map((r) => ({
        layer: r.layer,
        headcount: r.headcount,
        executive: r.executive,
        managerOfManagers: r.managerOfManagers,
        managerOfIcs: r.managerOfIcs,
        ics: r.ics,
      })),
    ),
    narrowSpan: {
      count: guardGroup(ctx, size, narrow.length),
      managers: narrowListAllowed ? narrowManagers : null,
      more: narrowListAllowed ? labelled.length - narrowManagers.length : 0,
      unlabelled: narrowListAllowed ? narrow.length - labelled.length : 0,
    },
    departments: departmentRowsOf(ctx, unit),
    cost,
  };
}
