/**
 * The SPEC "Command-line contract" metrics document (what `metrics --json` prints) of one unit,
 * from figures already loaded or computed: one definition shared by the DAL contract
 * (lib/dal/metrics-contract.ts) and scenarios (a changed copy of a snapshot, never stored).
 */
import type { DepartmentLadderRow } from '@/lib/metrics/ladder';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import { SPAN_BANDS, type SpanStats } from '@/lib/metrics/spans';
import { fteFields, type StructureMetrics } from '@/lib/metrics/structure';
import { compareSnapshots } from '@/lib/metrics/history';
import {
  countChanges,
  type ChangeCounts,
  type SnapshotSummary,
  type TrendSummary,
} from '@/lib/metrics/trends';
import type { Unit } from './unit';
import { computeUnitLadderTable, computeUnitStructure } from './unit-metrics';

export type LadderContractRow = Pick<
  DepartmentLadderRow,
  'department' | 'icLadderDepth' | 'icCeiling' | 'shortLadder' | 'parityGap' | 'seniorIcShare'
>;

export type MetricsDocument = { asOf: string } & Omit<
  StoredStructure,
  'trackMismatches' | 'openPositions' | 'juniorFte' | 'hasAggregated'
> & {
    /** Only when the source has aggregated rows: junior-staff FTE, and people + junior FTE. */
    juniorFte?: number;
    fte?: number;
    openPositions: number;
    ladder: { departments: LadderContractRow[] };
    trend: TrendSummary;
  };

type Structure = Omit<StructureMetrics, 'trackMismatches'>;

/** The document from a unit's structure, its (already privacy-filtered) ladder rows and trend, keys in the SPEC's order. */
export function shapeMetricsDocument(
  asOf: string,
  s: Structure,
  departments: readonly DepartmentLadderRow[],
  trend: TrendSummary,
): MetricsDocument {
  // Keys in the SPEC contract's order (stored jsonb comes back with its keys re-sorted).
  return {
    asOf,
    headcount: s.headcount,
    ...fteFields(s),
    managers: s.managers,
    ics: s.ics,
    depth: s.depth,
    managementLayers: s.managementLayers,
    managerRatio: s.managerRatio,
    icsPerManager: s.icsPerManager,
    span: {
      mean: s.span.mean,
      median: s.span.median,
      p10: s.span.p10,
      p90: s.span.p90,
      bands: Object.fromEntries(SPAN_BANDS.map((b) => [b, s.span.bands[b]])) as SpanStats['bands'],
    },
    managerialLevels: {
      executive: s.managerialLevels.executive,
      managerOfManagers: s.managerialLevels.managerOfManagers,
      managerOfIcs: s.managerialLevels.managerOfIcs,
      ic: s.managerialLevels.ic,
    },
    middleManagers: s.middleManagers,
    roots: s.roots,
    orphans: s.orphans,
    pyramid: s.pyramid.map((r) => ({
      layer: r.layer,
      headcount: r.headcount,
      managers: r.managers,
      ics: r.ics,
      executive: r.executive,
      managerOfManagers: r.managerOfManagers,
      managerOfIcs: r.managerOfIcs,
    })),
    openPositions: s.openPositions,
    ladder: {
      departments: departments.map(
        ({ department, icLadderDepth, icCeiling, shortLadder, parityGap, seniorIcShare }) => ({
          department,
          icLadderDepth,
          icCeiling,
          shortLadder,
          parityGap,
          seniorIcShare,
        }),
      ),
    },
    trend,
  };
}

/**
 * The document of a unit of an in-memory snapshot (no stored rows): structure and ladder computed
 * from the tree. `showDepartment` filters ladder rows by the reader's privacy floor (all by default).
 */
export function computeMetricsDocument(
  snap: PreparedSnapshot,
  unit: Unit,
  execLayers: number,
  trend: TrendSummary,
  showDepartment: (row: DepartmentLadderRow & { people: number }) => boolean = () => true,
  /** computeUnitStructure(snap, unit, execLayers) when the caller has it already */
  unitStructure?: StructureMetrics,
): MetricsDocument {
  const structure = unitStructure ?? computeUnitStructure(snap, unit, execLayers);
  const { departments } = computeUnitLadderTable(snap, unit);
  return shapeMetricsDocument(snap.asOf, structure, departments.filter(showDepartment), trend);
}

/** A unit's figures as one point of the trend series. */
export function toTrendPoint(asOf: string, s: Structure): SnapshotSummary {
  return {
    asOf,
    headcount: s.headcount,
    managers: s.managers,
    middleManagers: s.middleManagers,
    depth: s.depth,
    managementLayers: s.managementLayers,
  };
}

/**
 * Joiners, leavers, promotions and track moves between two snapshots, counted inside a unit (its
 * records in `curr`, leavers by its records in `prev`); `unitIn` gives the unit in a snapshot, or
 * null when it is not there (the whole org when it returns a unit with nodes null).
 */
export function countUnitChanges(
  prev: PreparedSnapshot,
  curr: PreparedSnapshot,
  unitIn: (snap: PreparedSnapshot) => Unit | null,
): ChangeCounts {
  const inUnit = (snap: PreparedSnapshot, ids: string[]) => {
    const unit = unitIn(snap);
    const set = new Set<string>();
    if (!unit) return set;
    const nodes = unit.nodes ?? Int32Array.from({ length: snap.tree.size }, (_, i) => i);
    const wanted = new Set(ids);
    for (const i of nodes) {
      const id = snap.tree.records[i]?.employeeId;
      if (id !== undefined && wanted.has(id)) set.add(id);
    }
    return set;
  };
  const c = compareSnapshots(prev, curr);
  const currIds = inUnit(curr, [
    ...c.joiners,
    ...c.promotions.map((p) => p.employeeId),
    ...c.icToManager,
    ...c.managerToIc,
  ]);
  const prevIds = inUnit(prev, c.leavers);
  return countChanges({
    ...c,
    joiners: c.joiners.filter((id) => currIds.has(id)),
    leavers: c.leavers.filter((id) => prevIds.has(id)),
    promotions: c.promotions.filter((p) => currIds.has(p.employeeId)),
    icToManager: c.icToManager.filter((id) => currIds.has(id)),
    managerToIc: c.managerToIc.filter((id) => currIds.has(id)),
  });
}
