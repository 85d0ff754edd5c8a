import 'server-only';
import { aggregate, riskGroup, type RiskGroup } from '@/lib/views/ceiling-risk';
import { computeCeilingRisk, type IcCeilingRisk } from '@/lib/metrics/ceiling-risk';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  removeLayerUnder,
  scenarioRiskTotals,
  suggestSpanMerges,
  type ScenarioChanges,
  type ScenarioOp,
  type SuggestQuery,
} from '@/lib/scenarios';
import { guardGroup, type Suppressed, type ViewContext } from '@/lib/views/context';
import { RISK_OPTIONS, type LadderHistory } from '@/lib/views/ladder-history';
import { computeScenarioHealth, type HealthInput, type ScenarioHealth } from '@/lib/views/scenario-health';
import { isWithin, type Unit } from '@/lib/views/unit';
import { targetForUnit } from '@/lib/views/unit-target';
import type { Targets } from '@/lib/metrics/targets';
import type { Actor } from './actor';
import { readerContext } from './dashboards/context';
import type { ScenarioCostView } from './scenario-cost';
import { loadSnapshotLadderHistory } from './dashboards/level-history';
import { buildOrgTree, type OrgTreeResponse } from './dashboards/org-tree';
import { NotFoundError } from './errors';
import type { MetricsContract } from './metrics-contract';
import { dataVersion } from './dashboards/context';
import { processCache } from './process-cache';
import { runScenarioWork, type ScenarioResult, type ScenarioWork } from './scenario-metrics';
import { getScenario, type ScenarioDto } from './scenarios';
import { readTargets } from './targets';

/** A person named in a scenario's changes, as the editor lists them. */
export interface ScenarioPerson {
  name: string | null;
  title: string | null;
}

/** GET /api/scenarios/[id]/result: everything the editor's before/after panels show. */
export interface ScenarioView {
  scenario: ScenarioDto;
  before: MetricsContract;
  after: MetricsContract;
  changes: ScenarioChanges;
  health: ScenarioHealth;
  /** the unit's IC-ceiling risk summary (the Ceiling-risk dashboard's), scored with the same level history */
  ceilingRisk: { before: RiskGroup | Suppressed; after: RiskGroup | Suppressed };
  /** names and titles of everyone the changes mention (before or after the scenario) */
  people: Record<string, ScenarioPerson>;
  /** ids whose level change is a promotion: a higher rank on the ladder after than before */
  promoted: string[];
  /** only when the snapshot carries costs: the scenario's cost as this reader may see it */
  cost?: ScenarioCostView;
}

function requestOf(s: ScenarioDto) {
  return { asOf: s.fromAsOf, unit: s.unitRootId, effectiveDate: s.effectiveDate, ops: s.ops };
}

/**
 * A stored scenario's changed copy and figures, kept while nothing changes (the scenario's last
 * change and the organisation's data version), per reader (role and scope): the editor's result,
 * tree pages and suggestions then share one preparation of the changed copy. Only the latest
 * version of each scenario is kept: an operation appended replaces the copy it superseded instead
 * of keeping a 100k-person copy per step.
 */
const works = processCache<{ version: string; value: { result: ScenarioResult; work: ScenarioWork } }>(
  'scenario-work',
  { max: 8 },
);

async function scenarioWork(
  actor: Actor,
  s: ScenarioDto,
): Promise<{ result: ScenarioResult; work: ScenarioWork }> {
  const key = JSON.stringify([actor.orgId, s.id, actor.role, actor.scopeEmployeeId]);
  const version = JSON.stringify([s.updatedAt, await dataVersion(actor.orgId)]);
  const held = await works.peek(key)?.catch(() => undefined);
  if (held !== undefined && held.version !== version) works.delete(key);
  const entry = await works.get(key, async () => ({
    version,
    value: await runScenarioWork(actor, requestOf(s)),
  }));
  // a concurrent request may have stored another version meanwhile: this one is computed for itself
  return entry.version === version ? entry.value : runScenarioWork(actor, requestOf(s));
}

/** The scenario's unit in a snapshot, or NotFound when it is no longer there. */
function unitOrThrow(work: ScenarioWork, snap: PreparedSnapshot): Unit {
  const unit = work.unitIn(snap);
  if (!unit) throw new NotFoundError("The scenario's unit is no longer in its organisation.");
  return unit;
}

/** The reader's view context over one side of the scenario. */
function sideContext(actor: Actor, work: ScenarioWork, snap: PreparedSnapshot): ViewContext {
  return readerContext(actor, work.settings, work.ref, snap, unitOrThrow(work, snap));
}

/**
 * The starting side's summaries, kept per list of scored people (the snapshot's cached ceiling
 * risk) and unit: each operation a user adds summarises the changed copy only.
 */
const startingRisk = new WeakMap<readonly IcCeilingRisk[], Map<string, RiskGroup>>();

/** 1 on each row of the unit, or null for the whole organisation. */
function unitMask(ctx: ViewContext): Uint8Array | null {
  if (ctx.unit.nodes === null) return null;
  const inUnit = new Uint8Array(ctx.snap.tree.size);
  for (const i of ctx.unit.nodes) inUnit[i] = 1;
  return inUnit;
}

/** The unit's ICs among `people` (scores of ctx.snap's rows), summarised. */
function unitGroup(ctx: ViewContext, people: readonly IcCeilingRisk[]): RiskGroup {
  const inUnit = unitMask(ctx);
  if (inUnit === null) return aggregate(people);
  const t = ctx.snap.tree;
  return aggregate(people.filter((p) => inUnit[t.indexById.get(p.employeeId) ?? -1] === 1));
}

function startingSummary(ctx: ViewContext, people: readonly IcCeilingRisk[]): RiskGroup {
  const key = JSON.stringify([ctx.unit.subtree, ctx.unit.department]);
  let byUnit = startingRisk.get(people);
  if (!byUnit) startingRisk.set(people, (byUnit = new Map()));
  const group = byUnit.get(key) ?? unitGroup(ctx, people);
  byUnit.set(key, group);
  return group;
}

/**
 * The changed copy's summary: only the ICs the operations touched are scored again and the others'
 * starting scores are summed as they are (lib/scenarios/ceiling-risk.ts); the whole copy is scored
 * when the history is not the starting snapshot's.
 */
function afterSummary(ctx: ViewContext, work: ScenarioWork, lh: LadderHistory): RiskGroup {
  const totals = scenarioRiskTotals(
    work.from,
    lh.risk.people,
    work.after,
    lh.history,
    RISK_OPTIONS,
    unitMask(ctx),
    RISK_OPTIONS.highRiskScore,
  );
  return totals
    ? riskGroup(totals)
    : unitGroup(ctx, computeCeilingRisk(work.after, lh.history, RISK_OPTIONS).people);
}

/** A unit's IC-ceiling risk summary, hidden like the dashboard's when the group is too small for the reader. */
function guardedSummary(ctx: ViewContext, group: RiskGroup): RiskGroup | Suppressed {
  return guardGroup({ ...ctx, hidden: ctx.hidden || ctx.icHidden }, group.ics, group);
}

function healthSide(ctx: ViewContext, doc: MetricsContract, targets: Targets | null): HealthInput {
  return {
    snap: ctx.snap,
    unit: ctx.unit,
    target: targetForUnit(targets, ctx.unit, ctx.snap),
    medianSpan: doc.span.median,
    depth: doc.depth,
  };
}

/** Names of everyone the changes mention, from the snapshot or (added positions) the changed copy. */
function namesOf(
  work: ScenarioWork,
  changes: ScenarioChanges,
  unitRootId: string | null,
): Record<string, ScenarioPerson> {
  // the unit's top too: the editor names it ("subtree of Barbara White (E000001)")
  const ids = new Set<string>(unitRootId ? [unitRootId] : []);
  const add = (id: string | null) => {
    if (id !== null) ids.add(id);
  };
  for (const m of changes.moved) [m.id, m.from, m.to].forEach(add);
  for (const r of changes.removed) [r.id, r.manager].forEach(add);
  for (const a of changes.added) [a.id, a.manager].forEach(add);
  for (const l of changes.levels) add(l.id);
  const out: Record<string, ScenarioPerson> = {};
  for (const id of ids) {
    const r =
      work.from.tree.records[work.from.tree.indexById.get(id) ?? -1] ??
      work.after.tree.records[work.after.tree.indexById.get(id) ?? -1];
    out[id] = { name: r?.name ?? null, title: r?.title ?? null };
  }
  return out;
}

/** Level changes that raise the person's rank on the ladder. */
function promotedIds(work: ScenarioWork, changes: ScenarioChanges): string[] {
  const rank = (snap: PreparedSnapshot, id: string) => snap.levels.rank[snap.tree.indexById.get(id) ?? -1];
  return changes.levels
    .filter((l) => {
      const from = rank(work.from, l.id) ?? Number.NaN;
      const to = rank(work.after, l.id) ?? Number.NaN;
      return to > from;
    })
    .map((l) => l.id);
}

/**
 * A stored scenario's before/after figures with the health flags of both sides, the targets checked
 * on the result, the unit's ceiling-risk summary and the names of the people affected.
 */
export async function getScenarioView(actor: Actor, id: number): Promise<ScenarioView> {
  const scenario = await getScenario(actor, id);
  const [{ result, work }, { targets }] = await Promise.all([
    scenarioWork(actor, scenario),
    readTargets(actor.orgId),
  ]);
  const beforeCtx = sideContext(actor, work, work.from);
  const afterCtx = sideContext(actor, work, work.after);
  const lh = await loadSnapshotLadderHistory(work.ref);
  return {
    scenario,
    ...result,
    health: computeScenarioHealth(
      healthSide(beforeCtx, result.before, targets),
      healthSide(afterCtx, result.after, targets),
    ),
    ceilingRisk: {
      before: guardedSummary(beforeCtx, startingSummary(beforeCtx, lh.risk.people)),
      after: guardedSummary(afterCtx, afterSummary(afterCtx, work, lh)),
    },
    people: namesOf(work, result.changes, scenario.unitRootId),
    promoted: promotedIds(work, result.changes),
  };
}

/** The scenario's changed copy and the reader's context over it (the unit is the scenario's). */
async function afterContext(actor: Actor, scenario: ScenarioDto) {
  const { work } = await scenarioWork(actor, scenario);
  return { work, ctx: sideContext(actor, work, work.after) };
}

/**
 * GET /api/scenarios/[id]/tree: the scenario's after-state in the org explorer's shape
 * (GET /api/org/tree), starting at the scenario's unit (a leader's: inside their scope).
 */
export async function getScenarioTree(
  actor: Actor,
  id: number,
  params: URLSearchParams,
): Promise<OrgTreeResponse> {
  const scenario = await getScenario(actor, id);
  const { ctx } = await afterContext(actor, scenario);
  const top = scenario.unitRootId ?? actor.scopeEmployeeId;
  return buildOrgTree({ ...ctx, actor: { scopeEmployeeId: top } }, params);
}

/**
 * The larger edits as operations on the scenario's current after-state, for the user to accept one
 * by one: "remove the layer under X" or the span merges bringing a unit's managers to at least N.
 * A leader asks only about people inside their scope (404 otherwise, as everywhere).
 */
export async function suggestScenarioOps(
  actor: Actor,
  id: number,
  query: SuggestQuery,
): Promise<{ ops: ScenarioOp[]; people: Record<string, ScenarioPerson> }> {
  const scenario = await getScenario(actor, id);
  const { work } = await afterContext(actor, scenario);
  const about = query.kind === 'remove-layer' ? query.under : query.unit;
  if (!work.after.tree.indexById.has(about))
    throw new NotFoundError(`Employee ${about} is not in the scenario's organisation.`);
  if (actor.scopeEmployeeId && !isWithin(work.after, about, actor.scopeEmployeeId))
    throw new NotFoundError('That person is not in your scope.');
  const ops =
    query.kind === 'remove-layer'
      ? removeLayerUnder(work.records, query.under)
      : suggestSpanMerges(work.records, query.unit, query.min);
  const people: Record<string, ScenarioPerson> = {};
  for (const op of ops)
    for (const pid of op.op === 'merge' ? [op.from, op.into] : op.op === 'remove' ? [op.id] : []) {
      const r = work.after.tree.records[work.after.tree.indexById.get(pid) ?? -1];
      people[pid] = { name: r?.name ?? null, title: r?.title ?? null };
    }
  return { ops, people };
}
