import 'server-only';
import { computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { compareSnapshots, type SnapshotChanges } from '@/lib/metrics/history';
import { buildFrameStep, buildSnapshotFrame } from '@/lib/metrics/series-frames';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  addSnapshotLevels,
  createLevelHistory,
  type LevelHistory,
  type PromotionSample,
} from '@/lib/metrics/time-in-level';
import { isStepChain, restoreLevelHistory, type StoredLadderStep } from '@/lib/metrics/ladder-steps';
import { isPointWithin, leafFacts } from '@/lib/metrics/unit-points';
import { RISK_OPTIONS, type LadderHistory, type StoredChanges } from '@/lib/views/ladder-history';
import {
  orgFromStore,
  unitLadderSeriesFromSteps,
  type UnitAt,
  type UnitLadderSeries,
} from '@/lib/views/unit-ladder-series';
import type { DashboardContext } from './context';
import { readUnitPoints, recordsOf } from './unit-series';
import { processCache } from '../process-cache';
import {
  ladderFor,
  listSeries,
  loadPrepared,
  readStoredFieldsSeries,
  readStoredSeries,
  type SnapshotRef,
} from '../snapshot-data';

export { RISK_OPTIONS, type StoredChanges } from '@/lib/views/ladder-history';

/** The level history of the series up to a snapshot (lib/views/ladder-history.ts), with its refs. */
export interface SnapshotLadderHistory extends LadderHistory {
  series: SnapshotRef[];
}

// One entry per snapshot and the exact series behind it (a re-import or delete that changes the
// series misses). Entries hold compact frames, not trees.
// A history holds one map per person (about 10 MB per 100k people); a year of monthly snapshots
// is kept, and a history extends the longest cached prefix of its series.
const cache = processCache<SnapshotLadderHistory>('ladder-histories', { max: 12 });
/** The fields of a stored 'changes' row the ladder history reads (StoredChanges), not its other lists. */
const CHANGES_FIELDS = ['from', 'to', 'icToManager', 'managerToIc', 'counts', 'ceilingLeavers'] as const;

const seriesKey = (series: readonly SnapshotRef[]) => series.map((s) => s.id).join(',');

/** Whose unit a series follows: the unit asked for and the reader's scope root. */
type UnitReader = {
  unit: Pick<DashboardContext['unit'], 'subtree' | 'department'>;
  actor: { scopeEmployeeId: string | null };
};

/** The pair's track moves: the stored id lists when complete and current, else recomputed. */
function movesFor(
  row: StoredChanges | undefined,
  computed: SnapshotChanges,
): Pick<SnapshotChanges, 'icToManager' | 'managerToIc'> {
  const complete = (r: StoredChanges) =>
    r.icToManager.length >= r.counts.icToManager && r.managerToIc.length >= r.counts.managerToIc;
  return row !== undefined && row.from === computed.from && complete(row) ? row : computed;
}

/** A copy that later folds can extend without changing the cached original. */
function cloneHistory(h: LevelHistory): LevelHistory {
  // addSnapshotLevels replaces spells, but appends to samples and lastPromotion.
  return { ...h, samples: [...h.samples], lastPromotion: new Map(h.lastPromotion) };
}

async function build(ref: SnapshotRef, series: SnapshotRef[]): Promise<SnapshotLadderHistory> {
  const stored = await readStoredFieldsSeries<StoredChanges>(
    series.map((s) => s.id),
    'changes',
    'org',
    CHANGES_FIELDS,
  );
  // Extend the longest cached prefix of this series (moving one snapshot on costs two trees).
  let base: SnapshotLadderHistory | null = null;
  for (let m = series.length - 1; m >= 1 && base === null; m--) {
    const prefix = series.slice(0, m);
    const last = prefix[m - 1];
    const hit = last ? cache.peek(`${last.id}:${seriesKey(prefix)}`) : undefined;
    if (hit) base = await hit.catch(() => null);
  }
  const history = base ? cloneHistory(base.history) : createLevelHistory();
  const frames = base ? [...base.frames] : [];
  const steps = base ? [...base.steps] : [];
  let prev: PreparedSnapshot | null = null;
  if (base) {
    const last = base.series[base.series.length - 1];
    if (last) prev = await loadPrepared(last);
  }
  for (const s of series.slice(frames.length)) {
    const curr = await loadPrepared(s);
    const changes = prev === null ? null : compareSnapshots(prev, curr);
    const before = history.samples.length;
    addSnapshotLevels(history, prev, curr, changes);
    if (prev !== null && changes !== null)
      steps.push(
        buildFrameStep(prev, curr, movesFor(stored.get(s.id), changes), history.samples.slice(before)),
      );
    frames.push(buildSnapshotFrame(curr));
    prev = curr;
  }
  const snap = prev ?? (await loadPrepared(ref));
  return { series, history, risk: computeCeilingRisk(snap, history, RISK_OPTIONS), frames, steps, stored };
}

// Histories rebuilt from stored ladder steps: one per snapshot and series, holding one spell
// reference per person of that snapshot (its tree is cached beside it).
const fromSteps = processCache<SnapshotLadderHistory>('ladder-histories-from-steps', { max: 36 });

/** The series' stored ladder steps, oldest first, when they chain along it (else null). */
/**
 * The series' stored steps, kept per series (snapshot ids never come back with other rows, and a
 * step never changes once stored): at 100k people the 36 steps are megabytes of JSON, so reading
 * and parsing them again for every view cost more than the view.
 */
const stepSeries = processCache<{ steps: StoredLadderStep[] | null }>('ladder-step-series', { max: 24 });

function readSteps(series: SnapshotRef[]): Promise<StoredLadderStep[] | null> {
  return stepSeries
    .get(seriesKey(series), async () => {
      const rows = await readStoredSeries<StoredLadderStep>(
        series.map((s) => s.id),
        'ladder-step',
        'org',
      );
      const steps = series.map((s) => rows.get(s.id));
      return { steps: isStepChain(series, steps) ? steps : null };
    })
    .then((r) => r.steps);
}

/** The history of ref from stored steps and ref's own tree: no other snapshot's people are read. */
async function buildFromSteps(
  ref: SnapshotRef,
  series: SnapshotRef[],
  steps: StoredLadderStep[],
): Promise<SnapshotLadderHistory> {
  const snap = await loadPrepared(ref);
  const history = restoreLevelHistory(snap, steps);
  const stored = await readStoredFieldsSeries<StoredChanges>(
    series.map((s) => s.id),
    'changes',
    'org',
    CHANGES_FIELDS,
  );
  const risk = computeCeilingRisk(snap, history, RISK_OPTIONS);
  return { series, history, risk, frames: [], steps: [], stored, ladderSteps: steps };
}

/** The unit in each snapshot of the series from stored unit points (null = fold the trees). */
async function unitsAt(
  ctx: UnitReader,
  series: SnapshotRef[],
  steps: StoredLadderStep[],
): Promise<Array<UnitAt | null> | null> {
  const root = ctx.unit.subtree;
  if (root === null || ctx.unit.department !== null) return null;
  const scope = ctx.actor.scopeEmployeeId;
  const ids = series.map((s) => s.id);
  const points = await readUnitPoints(ids, scope && scope !== root ? [root, scope] : [root]);
  const records = await recordsOf(
    series.filter((s) => !points.has(`${s.id}:${root}`)).map((s) => s.id),
    root,
  );
  const out: Array<UnitAt | null> = [];
  for (const [k, s] of series.entries()) {
    const p = points.get(`${s.id}:${root}`);
    if (p !== undefined) {
      if (scope && scope !== root) {
        const sp = points.get(`${s.id}:${scope}`);
        if (sp === undefined || !isPointWithin(p, sp)) {
          out.push(null);
          continue;
        }
      }
      const step = p.step ?? null;
      out.push({ kind: 'subtree', pre: p.pre, size: p.size, headcount: p.structure.headcount, step });
      continue;
    }
    const record = records.get(s.id);
    if (record === undefined) {
      out.push(null);
      continue;
    }
    if (scope && scope !== root) return null; // a leaf's place in the scope needs its tree
    const leaf = leafFacts(s.asOf, record, await ladderFor(s));
    const ic = !leaf.declaredIc ? 'none' : steps[k]?.atCeilingIds.includes(root) ? 'at' : 'below';
    out.push({ kind: 'leaf', id: root, headcount: leaf.headcount, ic });
  }
  return out;
}

/**
 * The level history for a dashboard's unit: from stored ladder steps when they chain along the
 * series (the history of ref rebuilt from its own tree, the unit's series from unit points; the org
 * from the stored 'changes' rows), else folded over every snapshot's tree (loadLadderHistory).
 */
/** How often each path answered (for tests and diagnostics): stored steps, or folding the trees. */
export const ladderHistoryPaths = { steps: 0, folded: 0 };

export async function loadUnitLadderHistory(ctx: DashboardContext): Promise<LadderHistory> {
  const series = await listSeries(ctx.ref.orgId, ctx.ref.asOf);
  const steps = await readSteps(series);
  if (steps !== null) {
    const base = await fromSteps.get(`${ctx.ref.id}:${seriesKey(series)}`, () =>
      buildFromSteps(ctx.ref, series, steps),
    );
    if (ctx.unit.nodes === null) {
      const org = orgFromStore(base);
      if (org) {
        ladderHistoryPaths.steps++;
        return { ...base, unitSeries: { ...org, samples: base.history.samples } };
      }
    } else {
      const unitSeries = await unitSeriesFromSteps(ctx, series, steps);
      if (unitSeries) {
        ladderHistoryPaths.steps++;
        return { ...base, unitSeries };
      }
    }
  }
  ladderHistoryPaths.folded++;
  return loadLadderHistory(ctx.ref);
}

/** A subtree's ladder series from the stored steps and its unit points (null: they cannot give it). */
async function unitSeriesFromSteps(
  ctx: UnitReader,
  series: SnapshotRef[],
  steps: StoredLadderStep[],
): Promise<UnitLadderSeries | null> {
  const units = await unitsAt(ctx, series, steps);
  return (
    units &&
    unitLadderSeriesFromSteps(
      series.map((s, k) => ({ asOf: s.asOf, step: steps[k] as StoredLadderStep, unit: units[k] ?? null })),
    )
  );
}

/**
 * A manager's subtree's ladder series (moves, leavers, promotion samples) over the series up to the
 * request's snapshot from the stored ladder steps and unit points alone, with no tree (not even the
 * snapshot's own): null when the steps do not chain along the series or the points cannot give the
 * unit in some snapshot (the tree path folds the history then).
 */
export async function storedUnitLadderSeries(
  req: UnitReader & { ref: SnapshotRef },
): Promise<{ series: SnapshotRef[]; unitSeries: UnitLadderSeries; samples: PromotionSample[] } | null> {
  const series = await listSeries(req.ref.orgId, req.ref.asOf);
  const steps = await readSteps(series);
  const unitSeries = steps && (await unitSeriesFromSteps(req, series, steps));
  if (!steps || !unitSeries) return null;
  ladderHistoryPaths.steps++;
  // The snapshot's promotion samples, as restoreLevelHistory gathers them along the steps.
  return { series, unitSeries, samples: steps.flatMap((s) => s.samples) };
}

/**
 * The snapshot's level history and the ceiling risk of its ICs (no unit series): rebuilt from the
 * stored ladder steps when they chain along the series (one tree, the snapshot's own), else folded
 * over every snapshot (loadLadderHistory). Scenarios score their "after" copy with it.
 */
export async function loadSnapshotLadderHistory(ref: SnapshotRef): Promise<LadderHistory> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const steps = await readSteps(series);
  if (steps !== null) {
    ladderHistoryPaths.steps++;
    return fromSteps.get(`${ref.id}:${seriesKey(series)}`, () => buildFromSteps(ref, series, steps));
  }
  ladderHistoryPaths.folded++;
  return loadLadderHistory(ref);
}

/**
 * Level history (time in level, promotions with months in level before them, last promotion per
 * person) folded over every current snapshot up to `ref`, the ceiling risk of `ref`'s ICs scored
 * with it, and compact frames for unit trends. Built once per snapshot, kept in a small cache.
 */
export async function loadLadderHistory(ref: SnapshotRef): Promise<SnapshotLadderHistory> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const key = `${ref.id}:${seriesKey(series)}`;
  return cache.get(key, () => build(ref, series));
}

/**
 * The whole organisation's ladder series (moves, ceiling leavers, promotion samples) over the
 * series up to `ref` from the stored ladder steps and 'changes' rows alone, with no tree (as
 * loadUnitLadderHistory's org path gives it): null when the steps do not chain along the series or
 * a 'changes' row does not follow its predecessor (the tree path folds the history then).
 */
export async function storedOrgLadderSeries(
  ref: SnapshotRef,
): Promise<{ series: SnapshotRef[]; unitSeries: UnitLadderSeries } | null> {
  const series = await listSeries(ref.orgId, ref.asOf);
  const steps = await readSteps(series);
  if (steps === null) return null;
  const stored = await readStoredFieldsSeries<StoredChanges>(
    series.map((s) => s.id),
    'changes',
    'org',
    CHANGES_FIELDS,
  );
  const org = orgFromStore({ series, stored, frames: [], ladderSteps: steps });
  if (org === null) return null;
  ladderHistoryPaths.steps++;
  // The snapshot's promotion samples, as restoreLevelHistory gathers them along the steps.
  return { series, unitSeries: { ...org, samples: steps.flatMap((s) => s.samples) } };
}
