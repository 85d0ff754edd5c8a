import { compareSnapshots, type DelayeringEvent } from '@/lib/metrics/history';
import { NotFoundError } from '../errors';
import { resolveUnit } from '../scope';
import { listSeries, loadPrepared, readStoredSeries, type SnapshotRef } from '../snapshot-data';
import type { DashboardContext } from './context';
import { lookupPeople } from './people-lookup';

export interface DelayeredManager {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  change: 'left' | 'lostReports';
  formerReports: number;
  reportsMovedUp: number;
}

/** The delayering events of one snapshot (compared with the one before), inside the unit. */
export interface DelayeringStep {
  asOf: string;
  from: string;
  events: number;
  left: number;
  lostReports: number;
  reportsMovedUp: number;
  /** only for roles that may see people (never viewers) */
  managers?: DelayeredManager[];
}

interface StoredChanges {
  from?: string;
  delayering?: DelayeringEvent[];
}

const inSorted = (nodes: Int32Array, i: number): boolean => {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = nodes[mid] ?? 0;
    if (v === i) return true;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
};

/** Events whose manager belonged to the unit in the earlier snapshot (the unit is resolved there). */
async function keepInUnit(ctx: DashboardContext, prev: SnapshotRef, events: DelayeringEvent[]) {
  const { unit } = ctx;
  if (unit.nodes === null || events.length === 0) return events;
  if (unit.subtree === null && unit.department !== null) {
    const facts = await lookupPeople(
      prev.id,
      events.map((e) => e.managerId),
    );
    return events.filter((e) => facts.get(e.managerId)?.department === unit.department);
  }
  const snap = await loadPrepared(prev);
  let nodes: Int32Array | null;
  try {
    nodes = resolveUnit(ctx.actor, snap, { department: unit.department, subtree: unit.subtree }).nodes;
  } catch (err) {
    if (err instanceof NotFoundError) return [];
    throw err;
  }
  if (nodes === null) return events;
  const inUnit = nodes;
  return events.filter((e) => {
    const i = snap.tree.indexById.get(e.managerId);
    return i !== undefined && inSorted(inUnit, i);
  });
}

/**
 * Delayering events (SPEC "Trends": a manager who left or lost all reports while their former
 * reports now sit higher) for every snapshot up to ctx.ref, inside the unit. Stored 'changes' rows
 * answer when they still compare with the snapshot that now comes before; otherwise (an older
 * snapshot imported later, or one deleted) the pair is recomputed from the cached trees. Names are
 * attached only when the actor may see people.
 */
export async function loadDelayering(ctx: DashboardContext): Promise<DelayeringStep[]> {
  const series = await listSeries(ctx.ref.asOf);
  const stored = await readStoredSeries<StoredChanges>(
    series.slice(1).map((s) => s.id),
    'changes',
    'org',
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
