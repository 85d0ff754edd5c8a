import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { DepartmentLadderRow } from '@/lib/metrics/ladder';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import {
  countChanges,
  summarizeTrends,
  type ChangeCounts,
  type SnapshotSummary,
  type TrendSummary,
} from '@/lib/metrics/trends';
import { compareSnapshots } from '@/lib/metrics/history';
import {
  countUnitChanges,
  shapeMetricsDocument,
  toTrendPoint,
  type MetricsDocument,
} from '@/lib/views/metrics-document';
import { planPartition } from '@/lib/privacy/floor';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { hiddenSentence } from '@/lib/privacy/hidden-text';
import { suppressedFor } from '@/lib/query/suppressed';
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

/** The SPEC `metrics --json` document (lib/views/metrics-document.ts, shared with scenarios). */
export type MetricsContract = MetricsDocument;

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

/** Trend summary of a unit over the series up to ref (org: stored rows; other units: stored rows where kept, else computed). */
async function unitTrend(
  actor: Actor,
  ref: SnapshotRef,
  want: MetricsRequest,
  execLayers: number,
): Promise<TrendSummary> {
  const { points, counts } = await readUnitTrendSeries(actor, ref, want, execLayers);
  return summarizeTrends(points, counts);
}

/**
 * The trend series of a unit up to ref (one point per snapshot where the unit exists) and the
 * changes from the snapshot before ref to ref inside it: what the trend summary is made of.
 * `withCounts: false` skips the changes (null) for a caller that counts its own (scenarios).
 */
export async function readUnitTrendSeries(
  actor: Actor,
  ref: SnapshotRef,
  want: MetricsRequest,
  execLayers: number,
  withCounts = true,
): Promise<{ points: SnapshotSummary[]; counts: ChangeCounts | null }> {
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
    const counts =
      !previous || !withCounts
        ? null
        : isFresh && stored
          ? stored.counts
          : countChanges(compareSnapshots(await loadPrepared(previous), await loadPrepared(ref)));
    return {
      points: series.flatMap((s): SnapshotSummary[] => {
        const p = points.get(s.id);
        return p ? [{ ...p, notComparable: marked.has(s.id) }] : [];
      }),
      counts,
    };
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
      ...toTrendPoint(s.asOf, await unitStructure(s, unit, execLayers)),
      notComparable: marked.has(s.id),
    });
  }
  const prevRef = series[series.length - 2];
  const counts =
    prevRef && withCounts
      ? countUnitChanges(await loadPrepared(prevRef), await loadPrepared(ref), (snap) => {
          try {
            return resolveUnit(actor, snap, want);
          } catch {
            return null;
          }
        })
      : null;
  return { points, counts };
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
      `${hiddenSentence(suppressedFor(structure.headcount, settings.minGroupSize))}: figures for this group are suppressed.`,
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
  const departments = ladder.departments.filter(
    (d, k) => exempt || (floor === null ? shown[k] === 1 : floor.departments.has(d.department ?? '')),
  );
  return shapeMetricsDocument(
    ref.asOf,
    structure,
    departments,
    await unitTrend(actor, ref, want, settings.execLayers),
  );
}
