import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { OrgRecord } from '@/lib/metrics/types';
import { summarizeTrends, type SnapshotSummary } from '@/lib/metrics/trends';
import {
  applyOperations,
  countScenarioChanges,
  prepareScenario,
  type ScenarioChanges,
  type ScenarioOp,
  type ScenarioRefusal,
} from '@/lib/scenarios';
import { isUnitHidden, readerFloor } from '@/lib/views/floor';
import { hiddenSentence } from '@/lib/privacy/hidden-text';
import { suppressedFor } from '@/lib/query/suppressed';
import { computeMetricsDocument, toTrendPoint } from '@/lib/views/metrics-document';
import { computeUnitStructure } from '@/lib/views/unit-metrics';
import { assertRole, type Actor } from './actor';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { getMetricsContract, readUnitTrendSeries, type MetricsContract } from './metrics-contract';
import { resolveUnit, type Unit } from './scope';
import { dataVersion } from './dashboards/context';
import { processCache } from './process-cache';
import { scenarioCost, type ScenarioCostView } from './scenario-cost';
import { readSettings, type OrgSettings } from './settings';
import { loadPrepared, resolveSnapshot, type SnapshotRef } from './snapshot-data';

/** An operation that cannot apply (422; the command line exits 1): names the operation. */
export class ScenarioRefusedError extends ValidationError {
  constructor(readonly refusal: ScenarioRefusal) {
    super(refusal.message, { index: refusal.index, op: refusal.op, reason: refusal.reason });
  }
}

export interface ScenarioRequest {
  /** the snapshot to start from (default: the latest) */
  asOf?: string;
  /** the subtree the figures are about (a leader's default: their scope); null/undefined = the organisation */
  unit?: string | null;
  /** dates the scenario's point in the after trend and promotions' level start; default the snapshot's date */
  effectiveDate?: string;
  ops: readonly ScenarioOp[];
}

export interface ScenarioResult {
  before: MetricsContract;
  after: MetricsContract;
  changes: ScenarioChanges;
  /** only when the snapshot carries costs: the scenario's cost for this reader (./scenario-cost.ts) */
  cost?: ScenarioCostView;
}

/** The snapshot a scenario starts from and its records, the operations applied within the actor's rights. */
export async function applyScenario(
  actor: Actor,
  req: ScenarioRequest,
): Promise<{ ref: SnapshotRef; from: PreparedSnapshot; records: OrgRecord[]; changes: ScenarioChanges }> {
  assertRole(actor, can.planScenarios);
  const ref = await resolveSnapshot(actor.orgId, req.asOf);
  const from = await loadPrepared(ref);
  // A leader plans inside their own subtree only: the unit, and every operation, stays there.
  if (req.unit) resolveUnit(actor, from, { subtree: req.unit });
  const applied = applyOperations(from.tree.records, req.ops, {
    scopeRoot: actor.scopeEmployeeId ?? undefined,
    effectiveDate: req.effectiveDate,
  });
  if (!applied.ok) throw new ScenarioRefusedError(applied.refusal);
  return { ref, from, records: applied.records, changes: applied.changes };
}

/** What a scenario's figures were computed from, for the web editor's extras (health flags, tree). */
export interface ScenarioWork {
  ref: SnapshotRef;
  settings: OrgSettings;
  from: PreparedSnapshot;
  /** the changed copy, prepared like any snapshot (dated the snapshot's as-of date) */
  after: PreparedSnapshot;
  records: OrgRecord[];
  /** the scenario's unit in a snapshot (null when it is not there) */
  unitIn: (snap: PreparedSnapshot) => Unit | null;
}

/** The changed copy of a scenario prepared as a snapshot, the operations applied within the actor's rights. */
export async function prepareScenarioWork(
  actor: Actor,
  req: ScenarioRequest,
): Promise<ScenarioWork & { changes: ScenarioChanges }> {
  const { ref, from, records, changes } = await applyScenario(actor, req);
  const settings = await readSettings(actor.orgId);
  // Derived from the snapshot's own tree: what prepareSnapshot gives, faster (lib/scenarios/prepare.ts).
  const after = prepareScenario(from, records, { execLayers: settings.execLayers });
  const unitIn = (snap: PreparedSnapshot): Unit | null => {
    try {
      return resolveUnit(actor, snap, { subtree: req.unit ?? undefined });
    } catch {
      return null;
    }
  };
  return { ref, settings, from, after, records, unitIn, changes };
}

const beforeCache = processCache<{ before: MetricsContract; points: SnapshotSummary[] }>('scenario-before', {
  max: 100,
});

/**
 * The unit's stored metrics contract and trend series at the snapshot: the "before" of every
 * scenario on it, the same for each operation appended, so kept (keyed like the dashboards'
 * answers: the data version, who asks and the settings; any import or settings change recomputes).
 */
async function beforeSide(
  actor: Actor,
  ref: SnapshotRef,
  subtree: string | undefined,
  settings: OrgSettings,
) {
  const key = JSON.stringify([
    actor.orgId,
    await dataVersion(actor.orgId),
    ref.id,
    actor.role,
    actor.scopeEmployeeId,
    settings,
    subtree ?? null,
  ]);
  return beforeCache.get(key, async () => {
    const before = await getMetricsContract(actor, { asOf: ref.asOf, subtree });
    const { points } = await readUnitTrendSeries(actor, ref, { subtree }, settings.execLayers, false);
    return { before, points };
  });
}

/**
 * `{before, after, changes}` of a scenario: before = the stored snapshot's metrics contract for the
 * unit, after = the same document (lib/views/metrics-document.ts) of the changed copy. The after
 * trend is the unit's series up to the snapshot with the scenario appended as its next point
 * (dated the effective date), its changes counted from the snapshot to the scenario.
 */
export async function runScenario(actor: Actor, req: ScenarioRequest): Promise<ScenarioResult> {
  return (await runScenarioWork(actor, req)).result;
}

/** runScenario, with what its figures were computed from. */
export async function runScenarioWork(
  actor: Actor,
  req: ScenarioRequest,
): Promise<{ result: ScenarioResult; work: ScenarioWork }> {
  const work = await prepareScenarioWork(actor, req);
  const { ref, from, after, settings, unitIn, changes } = work;
  const want = { subtree: req.unit ?? undefined };
  const { before, points } = await beforeSide(actor, ref, want.subtree, settings);
  const unit = unitIn(after);
  if (!unit)
    throw new NotFoundError(`The unit ${req.unit ?? ''} is no longer in the scenario's organisation.`);
  const exempt = can.seeSmallGroups(actor);
  const floor = exempt ? null : readerFloor(after.tree, actor.scopeEmployeeId, settings.minGroupSize);
  const structure = computeUnitStructure(after, unit, settings.execLayers);
  if (floor && (structure.headcount < settings.minGroupSize || isUnitHidden(floor, after.tree, unit)))
    throw new ForbiddenError(
      `${hiddenSentence(suppressedFor(structure.headcount, settings.minGroupSize))}: figures for this group are suppressed.`,
    );
  const trend = summarizeTrends(
    [...points, toTrendPoint(req.effectiveDate ?? ref.asOf, structure)],
    countScenarioChanges(from, after, changes, unitIn),
  );
  const doc = computeMetricsDocument(
    after,
    unit,
    settings.execLayers,
    trend,
    (d) => (floor ? floor.departments.has(d.department ?? '') : true),
    structure,
  );
  const cost = await scenarioCost(actor, {
    from,
    records: work.records,
    afterTree: after.tree,
    unit: req.unit ?? null,
    ops: req.ops,
  });
  const result = cost === null ? { before, after: doc, changes } : { before, after: doc, changes, cost };
  return { result, work };
}
