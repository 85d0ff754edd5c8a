/**
 * The Overview dashboard from loaded data (SPEC "Overview"): KPI cards with change vs previous and
 * vs peak, trend, spans histogram, pyramid, findings and FTE of one unit.
 */
import { computeSpanHistogram, unitManagerSpans, type SpanHistogramRow } from '@/lib/metrics/span-histogram';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import { fteFields } from '@/lib/metrics/structure';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import type { CountBasis } from '@/lib/metrics/definitions';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { PyramidRow, StructureMetrics } from '@/lib/metrics/structure';
import { toSeriesStructure, type SeriesStructure } from '@/lib/metrics/unit-points';
import type { LadderUnitMetrics } from '@/lib/metrics/ladder';
import { guardGroup, isGroupHidden, type PrivacyContext, type Suppressed, type ViewContext } from './context';
import { buildFindings, unitFindingFacts, type Finding, type FindingFacts } from './findings';
import type { UnitPoint } from './points';
import type { ScopeNotes } from './scope-notes';
import { unitLabel } from './unit-labels';
import { unitWeight } from './unit';

export interface Kpi {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  changeVsPrevious: number | null;
  peak: number | null;
  changeVsPeak: number | null;
  /** formatting hint for the UI */
  format: 'int' | 'decimal' | 'percent';
  definition: string;
  /** which IC/manager definition the figure counts by (shown next to the number) */
  basis?: CountBasis;
}

export interface Overview {
  asOf: string;
  scope: { department: string | null; subtree: string | null; subtreeName: string | null };
  kpis: Kpi[] | Suppressed;
  trend:
    | Array<{ asOf: string; headcount: number; managers: number; middleManagers: number; depth: number }>
    | Suppressed;
  spans: SpanHistogramRow[] | Suppressed;
  pyramid:
    | Array<{
        layer: number;
        executive: number;
        managerOfManagers: number;
        managerOfIcs: number;
        ics: number;
      }>
    | Suppressed;
  findings: Finding[];
  /** possible changes of scope and snapshots marked not comparable (note on the trend chart) */
  scopeNotes: ScopeNotes | Suppressed;
  /**
   * Posts, people and FTE (SPEC): when the unit holds aggregated junior-staff rows, its senior
   * posts (= headcount), junior staff FTE and total FTE; null otherwise.
   */
  fte: { seniorPosts: number; juniorFte: number; totalFte: number } | null | Suppressed;
}

const KPI_DEFS: Array<Omit<Kpi, 'value' | 'previous' | 'changeVsPrevious' | 'peak' | 'changeVsPeak'>> = [
  {
    key: 'headcount',
    label: 'Headcount',
    format: 'int',
    definition: 'Filled people; vacant positions excluded.',
  },
  {
    key: 'managers',
    label: 'Managers',
    format: 'int',
    basis: 'structural',
    definition: 'People with at least one direct report.',
  },
  {
    key: 'icsPerManager',
    label: 'ICs per manager',
    format: 'decimal',
    basis: 'structural',
    definition: 'Individual contributors / managers.',
  },
  {
    key: 'medianSpan',
    label: 'Median span',
    format: 'decimal',
    definition: 'Median number of direct reports over managers (linear interpolation).',
  },
  {
    key: 'depth',
    label: 'Layers (depth)',
    format: 'int',
    definition: 'Largest layer: root = 1, each report one layer below their manager.',
  },
  {
    key: 'middleManagers',
    label: 'Middle managers',
    format: 'int',
    basis: 'structural',
    definition: 'Managers of managers below the executive layers.',
  },
  {
    key: 'seniorIcShare',
    label: 'Senior IC share',
    format: 'percent',
    basis: 'declared',
    definition: 'Declared ICs at Staff-equivalent level or above / all declared ICs.',
  },
  {
    key: 'atIcCeiling',
    label: 'ICs at the IC ceiling',
    format: 'int',
    basis: 'declared',
    definition: "Declared ICs holding their department's highest IC level.",
  },
];

/** The change of a KPI between two values (4 decimals), null when either is missing. */
export function kpiChange(now: number | null, then: number | null | undefined): number | null {
  if (now === null || then === null || then === undefined) return null;
  return Math.round((now - then) * 10000) / 10000;
}

/** A KPI's value at one point of the unit's series (atIcCeiling: the point's icsAtCeiling). */
export function kpiValue(
  key: string,
  p: Pick<UnitPoint, 'structure' | 'ladder' | 'icsAtCeiling'> | undefined,
): number | null {
  if (!p) return null;
  const s = p.structure;
  switch (key) {
    case 'headcount':
      return s.headcount;
    case 'managers':
      return s.managers;
    case 'icsPerManager':
      return s.icsPerManager;
    case 'medianSpan':
      return s.span.median;
    case 'depth':
      return s.depth;
    case 'middleManagers':
      return s.middleManagers;
    case 'seniorIcShare':
      return p.ladder?.seniorIcShare ?? null;
    case 'atIcCeiling':
      return p.icsAtCeiling ?? null;
    default:
      return null;
  }
}

/** Every KPI's value for a unit at one snapshot: its series point, and its tree for atIcCeiling. */
export function kpiValues(
  unit: Pick<ViewContext, 'snap' | 'unit'>,
  p: Pick<UnitPoint, 'structure' | 'ladder'>,
): Map<string, number | null> {
  return new Map(
    KPI_DEFS.map((d) => [d.key, d.key === 'atIcCeiling' ? countAtCeiling(unit) : kpiValue(d.key, p)]),
  );
}

/** Counts declared ICs at their department's IC ceiling within the unit (`ceilings`: findUnitCeilings, when known). */
export function countAtCeiling(
  ctx: Pick<ViewContext, 'snap'> & { unit: Pick<ViewContext['unit'], 'nodes'> },
  ceilings: Uint8Array = findUnitCeilings(ctx.snap),
): number {
  return unitWeight(ctx.snap.tree, ctx.unit.nodes, (i) => ceilings[i] === 1);
}

/** Senior posts, junior FTE and total FTE of a unit with aggregated rows (else null). */
export function unitFte(s: {
  headcount: number;
  juniorFte?: number;
  hasAggregated?: boolean;
}): Overview['fte'] {
  const f = fteFields(s);
  if (f.juniorFte === undefined || f.fte === undefined) return null;
  return { seniorPosts: s.headcount, juniorFte: f.juniorFte, totalFte: f.fte };
}

/** What the Overview is computed from, loaded by lib/dal/dashboards/overview.ts. */
export interface OverviewInput {
  /** the unit's structure at the snapshot asked for (stored or computed) */
  structure: StructureMetrics | StoredStructure;
  /** the unit's series up to that snapshot, oldest first */
  series: UnitPoint[];
  /** the series' scope notes, and the as-of dates marked not comparable */
  scope: { notes: ScopeNotes; marked: ReadonlySet<string> };
}

/** The structure figures the Overview shows of its unit at the snapshot asked for. */
export type OverviewStructure = SeriesStructure & {
  pyramid: Array<Pick<PyramidRow, 'layer' | 'executive' | 'managerOfManagers' | 'managerOfIcs' | 'ics'>>;
  /** present (true) only when the unit holds aggregated junior-staff rows (SPEC "Posts, people and FTE") */
  hasAggregated?: true;
  juniorFte?: number;
};

/**
 * Everything the Overview shows of its unit at one snapshot apart from the series: the unit's
 * structure, ladder metrics and ICs at the ceiling now, its spans histogram and the facts its
 * findings read. The tree path computes them per request (computeOverviewFacts); the import stores
 * them for every stored unit (lib/views/overview-facts.ts) with this same function, so a view read
 * from stored rows gives the same answer without the tree.
 */
export interface OverviewFacts {
  structure: OverviewStructure;
  ladder: LadderUnitMetrics;
  icsAtCeiling: number;
  spans: SpanHistogramRow[];
  findings: FindingFacts;
}

/**
 * The Overview facts of a unit from its tree: `structure` is the unit's structure as the view
 * reads it (a stored row or computed); `ceilings` the snapshot's findUnitCeilings, when known.
 */
export function computeOverviewFacts(
  snap: ViewContext['snap'],
  unit: Pick<ViewContext['unit'], 'nodes'>,
  structure: StructureMetrics | StoredStructure,
  ceilings: Uint8Array = findUnitCeilings(snap),
): OverviewFacts {
  return {
    structure: overviewStructureOf(structure),
    ladder: computeLadderMetrics(snap.tree, snap.levels, unit.nodes),
    icsAtCeiling: countAtCeiling({ snap, unit }, ceilings),
    // The Structure page's bucketing (whole spans, one open last bucket), with the axis ending at
    // the widest span here: one definition, two sizes of chart.
    spans: computeSpanHistogram(unitManagerSpans(snap.tree, unit.nodes).spans, { minTop: 1 }),
    findings: unitFindingFacts(snap, unit, ceilings),
  };
}

/** What the Overview keeps of a unit's structure (stored row or computed). */
export function overviewStructureOf(
  structure: SeriesStructure & Pick<StructureMetrics, 'pyramid' | 'hasAggregated' | 'juniorFte'>,
): OverviewStructure {
  return {
    ...toSeriesStructure(structure),
    pyramid: structure.pyramid.map((r) => ({
      layer: r.layer,
      executive: r.executive,
      managerOfManagers: r.managerOfManagers,
      managerOfIcs: r.managerOfIcs,
      ics: r.ics,
    })),
    ...(structure.hasAggregated ? { hasAggregated: true as const, juniorFte: structure.juniorFte } : {}),
  };
}

/** The Overview dashboard: KPI cards with change vs previous and vs peak, trend, spans, pyramid, findings. */
export function assembleOverview(ctx: ViewContext, input: OverviewInput): Overview {
  const facts = computeOverviewFacts(ctx.snap, ctx.unit, input.structure);
  return overviewFromFacts(ctx, facts, {
    series: input.series,
    scope: input.scope,
    subtreeName: unitLabel(ctx, ctx.snap.tree, ctx.unit.rootIndex),
  });
}

/** Who reads the Overview and of which unit: enough to guard its figures and label it. */
export type OverviewReader = PrivacyContext & {
  ref: { asOf: string };
  unit: { department: string | null; subtree: string | null };
};

/**
 * The Overview from its unit's facts (computed from the tree or stored at import), the unit's
 * series and scope notes, and the root's label as the reader may see it.
 */
export function overviewFromFacts(
  ctx: OverviewReader,
  facts: OverviewFacts,
  input: Omit<OverviewInput, 'structure'> & { subtreeName: string | null },
): Overview {
  const { unit } = ctx;
  const { structure } = facts;
  const { series } = input;
  const { notes, marked } = input.scope;
  const current = {
    asOf: ctx.ref.asOf,
    structure,
    ladder: facts.ladder,
    icsAtCeiling: facts.icsAtCeiling,
  };
  // Change since previous and since peak skip snapshots marked not comparable; a marked current
  // snapshot has no change at all (SPEC "Posts, people and FTE").
  const earlier = marked.has(ctx.ref.asOf)
    ? []
    : series.filter((p) => p.asOf < ctx.ref.asOf && !marked.has(p.asOf));
  const previous = earlier[earlier.length - 1];
  const kpis: Kpi[] = KPI_DEFS.map((d) => {
    const value = kpiValue(d.key, current);
    const prev = kpiValue(d.key, previous);
    const peaks = earlier.map((p) => kpiValue(d.key, p)).filter((v): v is number => v !== null);
    const peak = peaks.length ? Math.max(...peaks) : null;
    return {
      ...d,
      value,
      previous: prev,
      changeVsPrevious: kpiChange(value, prev),
      peak,
      changeVsPeak: kpiChange(value, peak),
    };
  });
  const size = structure.headcount;
  return {
    asOf: ctx.ref.asOf,
    scope: {
      department: unit.department,
      subtree: unit.subtree,
      subtreeName: input.subtreeName,
    },
    kpis: guardGroup(ctx, size, kpis),
    trend: guardGroup(
      ctx,
      size,
      [...series.filter((p) => p.asOf < ctx.ref.asOf), current].map((p) => ({
        asOf: p.asOf,
        headcount: p.structure.headcount,
        managers: p.structure.managers,
        middleManagers: p.structure.middleManagers,
        depth: p.structure.depth,
      })),
    ),
    spans: guardGroup(ctx, size, facts.spans),
    // the facts hold the pyramid's rows with exactly the fields shown (computeOverviewFacts)
    pyramid: guardGroup(ctx, size, structure.pyramid),
    findings: isGroupHidden(ctx, size) ? [] : buildFindings(ctx, facts.findings, kpis, series, notes),
    scopeNotes: guardGroup(ctx, size, notes),
    fte: guardGroup(ctx, size, unitFte(structure)),
  };
}
