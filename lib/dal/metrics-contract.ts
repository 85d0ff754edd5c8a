import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { DepartmentLadderRow } from '@/lib/metrics/ladder';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import { SPAN_BANDS, type SpanStats } from '@/lib/metrics/spans';
import {
  countChanges,
  summarizeTrends,
  type ChangeCounts,
  type SnapshotSummary,
  type TrendSummary,
} from '@/lib/metrics/trends';
import { compareSnapshots } from '@/lib/metrics/history';
import { fteFields } from '@/lib/metrics/structure';
import { planPartition } from '@/lib/privacy/floor';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { resolveUnit, type Unit } from './scope';
import { readNotComparable } from './scope-marks';
import { readSettings } from './settings';
import {
  listSeries,
  loadPrepared,
  readStored,
  readStoredHeadcounts,
  readStoredSeries,
  resolveSnapshot,
  type SnapshotRef,
} from './snapshot-data';
import { computeUnitLadderTable, computeUnitStructure } from './unit-metrics';

export interface MetricsRequest {
  asOf?: string;
  department?: string;
  subtree?: string;
}

export type MetricsContract = { asOf: string } & Omit<
  StoredStructure,
  'trackMismatches' | 'openPositions' | 'juniorFte' | 'hasAggregated'
> & {
    /** Only when the source has aggregated rows: junior-staff FTE, and people + junior FTE. */
    juniorFte?: number;
    fte?: number;
    openPositions: number;
    ladder: { departments: DepartmentLadderRow[] };
    trend: TrendSummary;
  };

async function unitStructure(ref: SnapshotRef, unit: Unit, execLayers: number) {
  if (unit.stored) {
    const s = await readStored<StoredStructure>(
      ref.id,
      'structure',
      unit.stored.scopeType,
      unit.stored.scopeKey,
    );
    if (s) return s;
  }
  return computeUnitStructure(await loadPrepared(ref), unit, execLayers);
}

function toSummary(
  asOf: string,
  s: { headcount: number; managers: number; middleManagers: number; depth: number; managementLayers: number },
): SnapshotSummary {
  return {
    asOf,
    headcount: s.headcount,
    managers: s.managers,
    middleManagers: s.middleManagers,
    depth: s.depth,
    managementLayers: s.managementLayers,
  };
}

/** Trend summary of a unit over the series up to ref (org: stored rows; other units: stored rows where kept, else computed). */
async function unitTrend(
  actor: Actor,
  ref: SnapshotRef,
  want: MetricsRequest,
  execLayers: number,
): Promise<TrendSummary> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const ids = series.map((s) => s.id);
  // Change since peak skips snapshots marked not comparable (SPEC "Posts, people and FTE").
  const marked = await readNotComparable(ids);
  const isOrg = !want.department && !want.subtree && !actor.scopeEmployeeId;
  if (isOrg) {
    const points = await readStoredSeries<SnapshotSummary>(ids, 'series-point', 'org');
    const previous = series[series.length - 2];
    const stored = await readStored<{ from?: string; counts: ChangeCounts }>(ref.id, 'changes', 'org');
    // Stored changes compare with the snapshot that came before at import time. An older snapshot
    // imported (or re-imported) later, or a deleted one, makes them stale: recompute then.
    const isFresh = !!previous && !!stored && stored.from === previous.asOf && previous.id < ref.id;
    const counts = !previous
      ? null
      : isFresh && stored
        ? stored.counts
        : countChanges(compareSnapshots(await loadPrepared(previous), await loadPrepared(ref)));
    return summarizeTrends(
      series.flatMap((s): SnapshotSummary[] => {
        const p = points.get(s.id);
        return p ? [{ ...p, notComparable: marked.has(s.id) }] : [];
      }),
      counts,
    );
  }
  const points: SnapshotSummary[] = [];
  for (const s of series) {
    const snap = await loadPrepared(s);
    let unit: Unit;
    try {
      unit = resolveUnit(actor, snap, want);
    } catch {
      continue; // the unit did not exist yet in that snapshot
    }
    points.push({
      ...toSummary(s.asOf, await unitStructure(s, unit, execLayers)),
      notComparable: marked.has(s.id),
    });
  }
  const prevRef = series[series.length - 2];
  let counts: ChangeCounts | null = null;
  if (prevRef) {
    const prev = await loadPrepared(prevRef);
    const curr = await loadPrepared(ref);
    const inUnit = (snap: typeof curr, ids: string[]) => {
      let unit: Unit;
      try {
        unit = resolveUnit(actor, snap, want);
      } catch {
        return new Set<string>();
      }
      const set = new Set<string>();
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
    counts = countChanges({
      ...c,
      joiners: c.joiners.filter((id) => currIds.has(id)),
      leavers: c.leavers.filter((id) => prevIds.has(id)),
      promotions: c.promotions.filter((p) => currIds.has(p.employeeId)),
      icToManager: c.icToManager.filter((id) => currIds.has(id)),
      managerToIc: c.managerToIc.filter((id) => currIds.has(id)),
    });
  }
  return summarizeTrends(points, counts);
}

/**
 * The SPEC metrics contract (structure + ladder + trend) for the org, a department or a subtree,
 * within the actor's scope. Leaders and viewers get ForbiddenError-free but suppressed answers:
 * a unit under the minimum group size throws a 403 with the "fewer than N people" message.
 */
export async function getMetricsContract(actor: Actor, want: MetricsRequest): Promise<MetricsContract> {
  const settings = await readSettings(actor.orgId);
  const ref = await resolveSnapshot(actor.orgId, want.asOf);
  // Leaders and viewers need the tree for the privacy floor (subtrees and departments).
  const needsTree =
    !!actor.scopeEmployeeId || !!want.subtree || !!want.department || !can.seeSmallGroups(actor);
  const snap = needsTree ? await loadPrepared(ref) : null;
  const unit: Unit = snap
    ? resolveUnit(actor, snap, want)
    : {
        stored: { scopeType: 'org', scopeKey: '' },
        department: null,
        subtree: null,
        nodes: null,
        rootIndex: -1,
      };
  if (want.department && unit.nodes !== null && unit.nodes.length === 0) {
    throw new NotFoundError(`No one is in department "${want.department}" in the ${ref.asOf} snapshot.`);
  }
  const structure = await unitStructure(ref, unit, settings.execLayers);
  const exempt = can.seeSmallGroups(actor);
  // The same floor as the dashboards: a unit hidden there (complementary suppression) is hidden here.
  const floor = !exempt && snap ? readerFloor(snap.tree, actor.scopeEmployeeId, settings.minGroupSize) : null;
  if (
    !exempt &&
    (structure.headcount < settings.minGroupSize || (floor && snap && isUnitHidden(floor, snap.tree, unit)))
  ) {
    throw new ForbiddenError(
      `Fewer than ${settings.minGroupSize} people: figures for this group are suppressed.`,
    );
  }
  const isOrgUnit = unit.stored?.scopeType === 'org';
  const ladder: { departments: Array<DepartmentLadderRow & { people?: number }> } = isOrgUnit
    ? ((await readStored<{ departments: DepartmentLadderRow[] }>(ref.id, 'ladder-table', 'org')) ?? {
        departments: [],
      })
    : computeUnitLadderTable(snap ?? (await loadPrepared(ref)), unit);
  // The stored org table has no head counts: take them from the stored department structures,
  // so a department under the privacy floor is hidden from leaders and viewers here too.
  const orgCounts = isOrgUnit && !exempt ? await readStoredHeadcounts(ref.id, 'department') : null;
  // Departments partition the unit, whose headcount is in the answer: hidden ones must not be its remainder.
  const sizes = ladder.departments.map((d) => d.people ?? orgCounts?.get(d.department) ?? 0);
  const shown = planPartition(sizes, structure.headcount, settings.minGroupSize).visible;
  const departments = ladder.departments
    .filter((d, k) => exempt || (floor === null ? shown[k] === 1 : floor.departments.has(d.department ?? '')))
    .map(({ department, icLadderDepth, icCeiling, shortLadder, parityGap, seniorIcShare }) => ({
      department,
      icLadderDepth,
      icCeiling,
      shortLadder,
      parityGap,
      seniorIcShare,
    }));
  const s = structure;
  // Keys in the SPEC contract's order (stored jsonb comes back with its keys re-sorted).
  return {
    asOf: ref.asOf,
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
    ladder: { departments },
    trend: await unitTrend(actor, ref, want, settings.execLayers),
  };
}
