import 'server-only';
import { computeSpanHistogram, unitManagerSpans, type SpanHistogramRow } from '@/lib/metrics/span-histogram';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import { fteFields } from '@/lib/metrics/structure';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { loadScopeNotes, smallPoints, type ScopeNotes } from '../scope-marks';
import { unitLabel } from '../unit-labels';
import type { DashboardContext, Suppressed } from './context';
import { guardGroup, isGroupHidden } from './context';
import { buildFindings, type Finding } from './findings';
import { loadUnitSeries, unitStructureAt } from './unit-series';

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
    definition: 'People with at least one direct report.',
  },
  {
    key: 'icsPerManager',
    label: 'ICs per manager',
    format: 'decimal',
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
    definition: 'Managers of managers below the executive layers.',
  },
  {
    key: 'seniorIcShare',
    label: 'Senior IC share',
    format: 'percent',
    definition: 'Declared ICs at Staff-equivalent level or above / all declared ICs.',
  },
  {
    key: 'atIcCeiling',
    label: 'ICs at the IC ceiling',
    format: 'int',
    definition: "Declared ICs holding their department's highest IC level.",
  },
];

function rel(now: number | null, then: number | null): number | null {
  if (now === null || then === null) return null;
  return Math.round((now - then) * 10000) / 10000;
}

/** Counts declared ICs at their department's IC ceiling within the unit. */
function countAtCeiling(ctx: DashboardContext): number {
  const flags = findUnitCeilings(ctx.snap);
  const nodes = ctx.unit.nodes;
  let n = 0;
  const visit = (i: number) => {
    if (flags[i] === 1) n += ctx.snap.tree.weight[i] ?? 0;
  };
  if (nodes === null) for (let i = 0; i < ctx.snap.tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  return n;
}

/** Senior posts, junior FTE and total FTE of a unit with aggregated rows (else null). */
function unitFte(s: { headcount: number; juniorFte?: number; hasAggregated?: boolean }): Overview['fte'] {
  const f = fteFields(s);
  if (f.juniorFte === undefined || f.fte === undefined) return null;
  return { seniorPosts: s.headcount, juniorFte: f.juniorFte, totalFte: f.fte };
}

/** The Overview dashboard: KPI cards with change vs previous and vs peak, trend, spans, pyramid, findings. */
export async function buildOverview(ctx: DashboardContext): Promise<Overview> {
  const { snap, unit, settings } = ctx;
  const structure = await unitStructureAt(ctx.ref, unit, settings.execLayers);
  const series = await loadUnitSeries(
    ctx.actor,
    ctx.ref,
    { department: unit.department ?? undefined, subtree: unit.subtree ?? undefined },
    unit,
    settings.execLayers,
  );
  const ladderNow = computeLadderMetrics(snap.tree, snap.levels, unit.nodes);
  const atCeiling = countAtCeiling(ctx);
  const valueOf = (key: string, p: (typeof series)[number] | undefined): number | null => {
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
      default:
        return null;
    }
  };
  const current = { asOf: ctx.ref.asOf, structure, ladder: ladderNow };
  const { notes, marked } = await loadScopeNotes(series, smallPoints(ctx, series));
  // Change since previous and since peak skip snapshots marked not comparable; a marked current
  // snapshot has no change at all (SPEC "Posts, people and FTE").
  const earlier = marked.has(ctx.ref.asOf)
    ? []
    : series.filter((p) => p.asOf < ctx.ref.asOf && !marked.has(p.asOf));
  const previous = earlier[earlier.length - 1];
  const kpis: Kpi[] = KPI_DEFS.map((d) => {
    const value = d.key === 'atIcCeiling' ? atCeiling : valueOf(d.key, current);
    const prev = d.key === 'atIcCeiling' ? null : valueOf(d.key, previous);
    const peaks = earlier.map((p) => valueOf(d.key, p)).filter((v): v is number => v !== null);
    const peak = peaks.length ? Math.max(...peaks) : null;
    return {
      ...d,
      value,
      previous: prev,
      changeVsPrevious: rel(value, prev),
      peak,
      changeVsPeak: rel(value, peak),
    };
  });
  // The Structure page's bucketing (whole spans, one open last bucket), with the axis ending at the
  // widest span here: one definition, two sizes of chart.
  const spans = computeSpanHistogram(unitManagerSpans(snap.tree, unit.nodes).spans, { minTop: 1 });
  const size = structure.headcount;
  const subtreeIndex = unit.rootIndex;
  return {
    asOf: ctx.ref.asOf,
    scope: {
      department: unit.department,
      subtree: unit.subtree,
      subtreeName: unitLabel(ctx, snap.tree, subtreeIndex),
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
    spans: guardGroup(ctx, size, spans),
    pyramid: guardGroup(
      ctx,
      size,
      structure.pyramid.map((r) => ({
        layer: r.layer,
        executive: r.executive,
        managerOfManagers: r.managerOfManagers,
        managerOfIcs: r.managerOfIcs,
        ics: r.ics,
      })),
    ),
    findings: isGroupHidden(ctx, size) ? [] : buildFindings(ctx, kpis, series, notes),
    scopeNotes: guardGroup(ctx, size, notes),
    fte: guardGroup(ctx, size, unitFte(structure)),
  };
}
