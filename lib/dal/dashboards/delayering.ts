import 'server-only';
import { compareSnapshots, type DelayeringEvent } from '@/lib/metrics/history';
import { listSeries, loadPrepared, readStoredFieldsSeries, type SnapshotRef } from '../snapshot-data';
import type { DelayeringStep } from '@/lib/views/trends';
import type { DashboardRequest } from './context';
import { lookupChains, lookupPeople } from './people-lookup';
import { readUnitPoints } from './unit-series';
import { isPointWithin } from '@/lib/metrics/unit-points';

export type { DelayeredManager, DelayeringStep } from '@/lib/views/trends';

interface StoredChanges {
  from?: string;
  delayering?: DelayeringEvent[];
}

/**
 * Events whose manager belonged to the unit in the earlier snapshot: in its department, and below
 * the subtree root and the actor's scope root (the same rules resolveUnit applies). A subtree
 * without a department is decided by preorder arithmetic on the stored unit points of that
 * snapshot (a delayered manager had reports then, so has a point); otherwise, or when a point is
 * missing, from the people table for just the managers concerned.
 */
async function keepInUnit(ctx: DashboardRequest, prev: SnapshotRef, events: DelayeringEvent[]) {
  const { unit, actor } = ctx;
  if ((unit.subtree === null && unit.department === null) || events.length === 0) return events;
  const ids = events.map((e) => e.managerId);
  const roots = [unit.subtree, actor.scopeEmployeeId].filter((r): r is string => r !== null);
  if (unit.department === null) {
    const points = await readUnitPoints([prev.id], [...new Set([...roots, ...ids])]);
    const at = (id: string) => points.get(`${prev.id}:${id}`);
    const rootPoints = roots.map(at);
    if (ids.every((id) => at(id) !== undefined)) {
      // A root with no point then had no reports (or was absent): no manager sat below it.
      return events.filter((e) => {
        const p = at(e.managerId);
        return p !== undefined && rootPoints.every((r) => r !== undefined && isPointWithin(p, r));
      });
    }
  }
  const facts = unit.department === null ? null : await lookupPeople(prev.id, ids);
  const chains = roots.length ? await lookupChains(prev.id, ids) : null;
  return events.filter((e) => {
    if (facts && facts.get(e.managerId)?.department !== unit.department) return false;
    const chain = chains?.get(e.managerId);
    return roots.every((r) => chain?.has(r) === true);
  });
}

/**
 * Delayering events (SPEC "Trends": a manager who left or lost all reports while their former
 * reports now sit higher) for every snapshot up to ctx.ref, inside the unit. Stored 'changes' rows
 * answer when they still compare with the snapshot that now comes before; otherwise (an older
 * snapshot imported later, or one deleted) the pair is recomputed from the cached trees. Names are
 * attached only when the actor may see people.
 */
export async function loadDelayering(ctx: DashboardRequest): Promise<DelayeringStep[]> {
  const series = await listSeries(ctx.ref.orgId, ctx.ref.asOf);
  const stored = await readStoredFieldsSeries<StoredChanges>(
    series.slice(1).map((s) => s.id),
    'changes',
    'org',
    ['from', 'delayering'],
  );
  const out: DelayeringStep[] = [];
  for (let k = 1; k < series.length; k++) {
    const prev = series[k - 1];
    const curr = series[k];
    if (!prev || !curr) continue;
    const row = stored.get(curr.id);
    const fresh = row?.from === prev.asOf && prev.id < curr.id && Array.isArray(row.delayering);
    const all =
      fresh && row.delayering
        ? row.delayering
        : compareSnapshots(await loadPrepared(prev), await loadPrepared(curr)).delayering;
    const events = await keepInUnit(ctx, prev, all);
    const step: DelayeringStep = {
      asOf: curr.asOf,
      from: prev.asOf,
      events: events.length,
      left: events.filter((e) => e.change === 'left').length,
      lostReports: events.filter((e) => e.change === 'lostReports').length,
      reportsMovedUp: events.reduce((n, e) => n + e.reportsMovedUp, 0),
    };
    if (ctx.canSeePeople) {
      const facts = await lookupPeople(
        prev.id,
        events.map((e) => e.managerId),
      );
      step.managers = events.map((e) => ({
        id: e.managerId,
        name: facts.get(e.managerId)?.name ?? null,
        title: facts.get(e.managerId)?.title ?? null,
        department: facts.get(e.managerId)?.department ?? null,
        change: e.change,
        formerReports: e.formerReports,
        reportsMovedUp: e.reportsMovedUp,
      }));
    }
    out.push(step);
  }
  return out;
}
