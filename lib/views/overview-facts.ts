/**
 * The Overview facts stored at import (issue #13, "compute at import, read at view time"): for
 * every unit the import stores rows for (the organisation, each department, and each manager's
 * subtree that has a unit point), what the Overview shows of it at that snapshot apart from its
 * series (lib/views/overview.ts OverviewFacts), in family 'overview'. They are computed by the very
 * function the tree path calls per request (computeOverviewFacts) on the unit the tree path would
 * resolve (unitOf) and the structure it would read (the stored structure row, else
 * computeUnitStructure), so an Overview answered from them equals one answered from the tree.
 */
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { spanHistogramRows } from '@/lib/metrics/span-histogram';
import type { SeriesStructure } from '@/lib/metrics/unit-points';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { MetricResultRow, StoredStructure } from '@/lib/metrics/snapshot-results';
import { computeOverviewFacts, type OverviewFacts } from './overview';
import { unitOf } from './unit';
import { computeUnitStructure } from './unit-metrics';
import { rememberedRows, subtreeOverviewFacts } from './unit-facts';

/** The metric_results family of the stored Overview facts. */
export const OVERVIEW_FAMILY = 'overview';

/** Bumped when the stored shape changes: rows of another format are not read (the tree answers). */
const FORMAT = 2;

type DepartmentCells = [string, number, boolean | null, string | null, number | null, number];
type PyramidCells = [number, number, number, number, number];

/**
 * A stored row, positional where a unit has many (about 0.5 kB a unit rather than 1.2 kB as
 * objects): the executive layers the facts were computed with, the series structure (s), pyramid
 * rows (p), junior-staff FTE when the unit has aggregated rows (j), ladder metrics (l), ICs at the
 * ceiling (c), managers per span bucket (h), the findings' department rows (d) and managers,
 * narrow and wide spans (m).
 */
interface StoredOverviewFacts {
  format: number;
  execLayers: number;
  s: SeriesStructure;
  p: PyramidCells[];
  j?: number;
  l: OverviewFacts['ladder'];
  c: number;
  h: number[];
  d: DepartmentCells[];
  m: [number, number, number];
}

/** The stored row of a unit's facts. */
export function encodeOverviewFacts(facts: OverviewFacts, execLayers: number): StoredOverviewFacts {
  const { pyramid, hasAggregated, juniorFte, ...series } = facts.structure;
  const f = facts.findings;
  return {
    format: FORMAT,
    execLayers,
    s: series,
    p: pyramid.map((r) => [r.layer, r.executive, r.managerOfManagers, r.managerOfIcs, r.ics]),
    ...(hasAggregated ? { j: juniorFte ?? 0 } : {}),
    l: facts.ladder,
    c: facts.icsAtCeiling,
    h: facts.spans.map((r) => r.managers),
    d: f.departments.map((d) => [d.department, d.people, d.shortLadder, d.icCeiling, d.parityGap, d.atTop]),
    m: [f.managers, f.narrow, f.wide],
  };
}

/**
 * The Overview fact rows of a snapshot being imported, from its prepared tree and the rows already
 * computed for it (its 'structure' rows, which the tree path reads too, and its 'point' rows,
 * which say which subtrees are stored).
 */
export function computeOverviewRows(
  snap: PreparedSnapshot,
  rows: readonly MetricResultRow[],
  execLayers: number,
): MetricResultRow[] {
  const structures = new Map<string, StoredStructure>();
  const departments: string[] = [];
  const subtrees: string[] = [];
  for (const r of rows) {
    if (r.family === 'structure') {
      structures.set(`${r.scopeType}:${r.scopeKey}`, r.data as StoredStructure);
      if (r.scopeType === 'department') departments.push(r.scopeKey);
    } else if (r.family === 'point' && r.scopeType === 'subtree') subtrees.push(r.scopeKey);
  }
  const ceilings = findUnitCeilings(snap);
  const out: MetricResultRow[] = [];
  const add = (scopeType: MetricResultRow['scopeType'], scopeKey: string, subtree: string | null) => {
    const unit = unitOf(snap.tree, subtree, scopeType === 'department' ? scopeKey : null);
    const structure =
      structures.get(`${scopeType}:${scopeKey}`) ?? computeUnitStructure(snap, unit, execLayers);
    const data = encodeOverviewFacts(computeOverviewFacts(snap, unit, structure, ceilings), execLayers);
    out.push({ family: OVERVIEW_FAMILY, scopeType, scopeKey, data });
  };
  add('org', '', null);
  for (const d of departments) add('department', d, null);
  // Subtrees bottom-up, one pass (lib/views/unit-facts.ts); each from its own records when that cannot run.
  const kept = rememberedRows(snap, 'overview', execLayers);
  const computed = kept ? null : subtreeOverviewFacts(snap, subtrees, { execLayers, ceilings });
  for (const id of subtrees) {
    const facts = computed?.get(id);
    const data = kept?.get(id) ?? (facts === undefined ? undefined : encodeOverviewFacts(facts, execLayers));
    if (data === undefined) add('subtree', id, id);
    else out.push({ family: OVERVIEW_FAMILY, scopeType: 'subtree', scopeKey: id, data });
  }
  return out;
}

/**
 * The facts of a stored row, or null when they cannot stand in for the tree's: another format, or
 * computed with other executive layers than the organisation's setting now.
 */
export function readOverviewFacts(data: unknown, execLayers: number): OverviewFacts | null {
  if (typeof data !== 'object' || data === null) return null;
  const row = data as Partial<StoredOverviewFacts>;
  if (row.format !== FORMAT || row.execLayers !== execLayers) return null;
  const { s, p, j, l, c, h, d, m } = row;
  if (!s || !p || !l || c === undefined || !h || !d || !m) return null;
  return {
    structure: {
      ...s,
      pyramid: p.map(([layer, executive, managerOfManagers, managerOfIcs, ics]) => ({
        layer,
        executive,
        managerOfManagers,
        managerOfIcs,
        ics,
      })),
      ...(j === undefined ? {} : { hasAggregated: true as const, juniorFte: j }),
    },
    ladder: l,
    icsAtCeiling: c,
    spans: spanHistogramRows(h),
    findings: {
      departments: d.map(([department, people, shortLadder, icCeiling, parityGap, atTop]) => ({
        department,
        people,
        shortLadder,
        icCeiling,
        parityGap,
        atTop,
      })),
      managers: m[0],
      narrow: m[1],
      wide: m[2],
    },
  };
}
