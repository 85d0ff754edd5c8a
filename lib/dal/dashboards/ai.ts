import 'server-only';
import { can } from '@/lib/auth/permissions';
import { computeAiMetrics, type AiMetrics } from '@/lib/metrics/ai';
import {
  joinPeriodPeople,
  rollupFigures,
  subtreeFigures,
  withSharedFigures,
  type SharedAiFigures,
} from '@/lib/views/ai-figures';
import type { SeatRow } from '@/lib/metrics/ai-seats';
import { loadPrAuthorsByMonth, loadPrRange, type PrAuthorRow } from '../ai-delivery-data';
import { buildAiRollup, unitAiTotals, type AiAggregate, type AiRollup } from '@/lib/metrics/ai-rollup';
import {
  listAiMonths,
  listCurrentSnapshots,
  loadAiAggregates,
  loadCurrentSeats,
  loadIdentityIndex,
  loadManualMap,
  snapshotInForce,
  type SnapshotDate,
} from '../ai-data';
import { buildSeatBlock, type IdleSeat, type SeatBlock } from './ai-seats';
import {
  aiUnitNodes,
  managersIn,
  monthEnd,
  monthWindow,
  resolveAiWindow,
  type AiWindow,
  type UnitSpec,
} from './ai-window';
import { AI_KPI_DEFS, type AiKpi } from '@/lib/views/ai-kpis';
import { aiFloor, isAiUnitHidden } from '@/lib/views/ai-floor';
import {
  guardGroup,
  hiddenMarker,
  isGroupHidden,
  reasonFor,
  isSuppressed,
  type DashboardContext,
  type DashboardRequest,
  type Suppressed,
} from './context';
import {
  aiManagerTable,
  aiNotes,
  partialPrNote,
  orgWideOnly,
  type AiManagerRow,
  type AiScatterPoint,
  type AiTrendPoint,
} from '@/lib/views/ai';
import { mayLabelUnit } from '@/lib/views/unit-labels';
import { prCoverage, subtreeSums } from '@/lib/metrics/ai-delivery';
import type { IdentityIndex } from '@/lib/metrics/ai-identity';
import { payoffManagers, type AiPayoff, type PayoffManagerRow } from '@/lib/views/ai-payoff';
import { isUnitShown, populationFloor } from '@/lib/views/floor';
import type { Actor } from '../actor';
import { loadAiPayoff, loadPayoffPeriod, type PayoffPeriod } from '../ai-payoff';
import { readSettings } from '../settings';
import { processCache } from '../process-cache';
import { loadUnitRoot } from './unit-root';

export type { AiKpi, AiManagerRow, AiScatterPoint, AiTrendPoint };

export interface AiDashboard {
  hasData: boolean;
  /** the period's dates (ISO); the page writes it in the reader's locale (formatPeriod, lib/dates.ts) */
  window: AiWindow | null;
  /** the org snapshot people are placed in for the period */
  snapshotAsOf: string | null;
  months: string[];
  scope: { department: string | null; subtree: string | null; subtreeName: string | null };
  /** org-wide share of AI-active users joined to no employee (they are in no figure below) */
  unmatchedShare: number | null;
  kpis: AiKpi[] | Suppressed;
  trend: Array<AiTrendPoint | (Suppressed & { month: string })>;
  managers: AiManagerRow[];
  scatter: AiScatterPoint[];
  seats: SeatBlock | Suppressed | null;
  /** idle seats person by person: hr and admin only (null for everyone else) */
  idleSeats: IdleSeat[] | null;
  canManage: boolean;
  notes: string[];
  /** "is it paying off?" for the unit and period (null without AI data; suppressed when the unit is) */
  payoff: AiPayoffView | Suppressed | null;
}

export type AiPayoffView = AiPayoff & { managers: PayoffManagerRow[]; unnamedManagers: number };
export type { AiPayoff, PayoffManagerRow };

const MAX_TREND_MONTHS = 36;

interface PeriodResult {
  snapshot: SnapshotDate | null;
  metrics: AiMetrics | null;
  unmatchedShare: number | null;
  /** the privacy floor hides the unit in this period's snapshot */
  hidden: boolean;
}

/**
 * Metrics of the unit for one month's aggregates, in the snapshot in force at the month's end, with
 * the shared figures (lib/views/ai-figures.ts) from the month's PRs and the seats in force, so a
 * trend point and the tiles of that month agree. `prs` null = no pull requests imported for it.
 */
async function unitPeriod(
  ctx: DashboardContext,
  rows: AiAggregate[],
  month: string,
  spec: UnitSpec,
  snapshots: SnapshotDate[],
  manual: ReadonlyMap<string, string>,
  prs: { authors: PrAuthorRow[]; total: number } | null,
  seats: readonly SeatRow[],
): Promise<PeriodResult> {
  const period = monthWindow(month);
  const snapshot = snapshotInForce(snapshots, period.to);
  if (!snapshot) return { snapshot: null, metrics: null, unmatchedShare: null, hidden: true };
  const index = await loadIdentityIndex(snapshot.id);
  const nodes = aiUnitNodes(index.tree, spec);
  // The month's organisation-wide join (every unit's trend shares it) is kept per data version.
  const { rollup, people } = await monthJoin(ctx, month, snapshot.id, () => ({
    rollup: buildAiRollup(index, rows, manual),
    people: joinPeriodPeople(index, manual, period, prs?.authors ?? [], seats),
  }));
  const metrics = withSharedFigures(
    computeAiMetrics(unitAiTotals(rollup, nodes), rollup.coverage),
    rollupFigures({ rollup, nodes, people, period, prsAll: prs ? prs.total : null }),
  );
  const hidden = isAiUnitHidden(aiFloor(ctx, rollup), index.tree, spec);
  return { snapshot, metrics, unmatchedShare: rollup.unmatchedShare, hidden };
}

/**
 * The organisation-wide inputs of the monthly trend and of a month's join, kept per organisation
 * and data version (ctx.dataVersion changes with every import, deletion, mapping or snapshot), so
 * a unit nobody asked for yet costs its own sums, not the organisation's year again. Read-only.
 */
interface TrendInputs {
  byMonth: Map<string, AiAggregate[]>;
  prRange: { from: string | null; to: string | null };
  seatRows: SeatRow[];
  prsByMonth: Map<string, { authors: PrAuthorRow[]; total: number }>;
}
const trendCache = processCache<TrendInputs>('ai-trend-inputs', { max: 8 });
const joinCache = processCache<{ rollup: AiRollup; people: ReturnType<typeof joinPeriodPeople> }>(
  'ai-month-joins',
  { max: 40 },
);

function monthJoin(
  ctx: DashboardContext,
  month: string,
  snapshotId: number,
  build: () => { rollup: AiRollup; people: ReturnType<typeof joinPeriodPeople> },
) {
  return joinCache.get(`${ctx.actor.orgId}|${ctx.dataVersion}|${month}|${snapshotId}`, async () => build());
}

async function loadTrendInputs(
  orgId: number,
  version: string,
  first: string | undefined,
  last: string | undefined,
): Promise<TrendInputs> {
  return trendCache.get(`${orgId}|${version}|${first ?? ''}|${last ?? ''}`, async () => {
    const [monthly, prRange, seatRows, prsByMonth] = await Promise.all([
      first && last ? loadAiAggregates(orgId, `${first}-01`, monthEnd(last), true) : Promise.resolve([]),
      loadPrRange(orgId),
      loadCurrentSeats(orgId),
      first && last
        ? loadPrAuthorsByMonth(orgId, `${first}-01`, monthEnd(last))
        : Promise.resolve(new Map<string, { authors: PrAuthorRow[]; total: number }>()),
    ]);
    const byMonth = new Map<string, AiAggregate[]>();
    for (const r of monthly) {
      const list = byMonth.get(r.month);
      if (list) list.push(r);
      else byMonth.set(r.month, [r]);
    }
    return { byMonth, prRange, seatRows, prsByMonth };
  });
}

/**
 * The AI dashboard (SPEC "AI productivity"): KPIs for the period with the unmatched share beside
 * them, monthly trends, a per-manager table and scatter, and seat utilisation. Leaders and viewers
 * get every group under the minimum size suppressed; person-level AI data (idle seats by name)
 * only reaches hr and admin.
 */
export async function buildAiDashboard(req: DashboardRequest, params: URLSearchParams): Promise<AiDashboard> {
  const { actor, unit } = req;
  const canManage = can.manageData(actor);
  const seeIdle = can.seeIdleSeats(actor);
  const spec: UnitSpec = {
    scopeRoot: actor.scopeEmployeeId,
    subtree: unit.subtree,
    department: unit.department,
  };
  const [months, snapshots, manual] = await Promise.all([
    listAiMonths(actor.orgId),
    listCurrentSnapshots(actor.orgId),
    loadManualMap(actor.orgId),
  ]);
  const window = resolveAiWindow(params, months, req.ref.asOf);
  // The unit's label from its stored root facts when the request has them (no tree for an
  // organisation without AI usage); the period's figures below need the tree.
  const [root, seats] = await Promise.all([
    loadUnitRoot(req, null),
    buildSeatBlock(actor.orgId, spec, manual, seeIdle, snapshots),
  ]);
  const scope = { department: unit.department, subtree: unit.subtree, subtreeName: root.subtreeName };
  const seatBlock = seats ? guardGroup(req, seats.block.utilisation.assigned, seats.block) : null;
  const base: AiDashboard = {
    hasData: false,
    window,
    snapshotAsOf: null,
    months,
    scope,
    unmatchedShare: null,
    kpis: [],
    trend: [],
    managers: [],
    scatter: [],
    seats: seatBlock,
    idleSeats: seeIdle ? (seats?.idle ?? []) : null,
    canManage,
    notes: [],
    payoff: null,
  };
  if (!window) return base;
  const snapshot = snapshotInForce(snapshots, window.to);
  if (!snapshot) return base;
  // Monthly trend of the unit, each month in its own snapshot in force.
  const trendMonths = months.slice(-MAX_TREND_MONTHS);
  const first = trendMonths[0];
  const last = trendMonths[trendMonths.length - 1];
  // The period's organisation-wide inputs and the trend's are kept per data version (independent).
  const [ctx, period, { byMonth, prRange, seatRows, prsByMonth }] = await Promise.all([
    req.withTree(),
    loadPayoffPeriod(actor.orgId, req.dataVersion, snapshot.id, window.from, window.to),
    loadTrendInputs(actor.orgId, req.dataVersion, first, last),
  ]);
  const { rows, index } = period;
  const rollup = period.rollup;
  if (index === null || rollup === null) return base;
  const tree = index.tree;
  const nodes = aiUnitNodes(tree, spec);
  const totals = unitAiTotals(rollup, nodes);
  const floor = aiFloor(ctx, rollup);
  const unitHidden = isAiUnitHidden(floor, tree, spec);

  const trend: AiDashboard['trend'] = [];
  const trendByMonth = new Map<string, AiMetrics>();
  let partialPrMonth = false;
  for (const m of trendMonths) {
    // pull requests count for a month when the imported ones cover it (as loadAiPayoff decides)
    const coverage = prCoverage(prRange, monthWindow(m));
    if (coverage === 'partial') partialPrMonth = true;
    const prs = coverage === 'whole' ? (prsByMonth.get(m) ?? { authors: [], total: 0 }) : null;
    const p = await unitPeriod(ctx, byMonth.get(m) ?? [], m, spec, snapshots, manual, prs, seatRows);
    if (!p.metrics) continue;
    trendByMonth.set(m, p.metrics);
    const point = {
      month: m,
      snapshotAsOf: p.snapshot?.asOf ?? null,
      unmatchedShare: orgWideOnly(ctx, p.unmatchedShare),
      ...p.metrics,
    };
    const guarded = p.hidden
      ? hiddenMarker(ctx, reasonFor(ctx, p.metrics.engineers))
      : guardGroup(ctx, p.metrics.engineers, point);
    trend.push('suppressed' in guarded ? { ...guarded, month: m } : guarded);
  }

  const {
    view: payoff,
    figures,
    figuresOf,
  } = await unitPayoff(ctx, {
    window,
    index,
    nodes,
    manual,
    spec,
    unitHidden,
    rollup,
    period,
  });
  // The tiles read the figures the answer, the contract and the report read (lib/views/ai-figures.ts).
  const rolled = computeAiMetrics(totals, rollup.coverage);
  const now = figures ? withSharedFigures(rolled, figures) : rolled;
  const previousMonth = window.month ? trendMonths.filter((m) => m < (window.month ?? '')).pop() : undefined;
  const previous = previousMonth ? trendByMonth.get(previousMonth) : undefined;
  const kpis: AiKpi[] = AI_KPI_DEFS.map((d) => ({
    ...d,
    value: now[d.key],
    previous: previous ? previous[d.key] : null,
    unmatchedShare: orgWideOnly(ctx, rollup.unmatchedShare),
  }));

  const { managers, scatter, unlabelled } = aiManagerTable(ctx, rollup, nodes, floor, figuresOf);
  if (!isSuppressed(payoff) && rows.some((r) => r.subjectKind === 'team'))
    payoff.notes.push(
      "Team-level usage reports (a team's engineer and active-user counts) cannot be split into AI users and non-users, so the comparison counts only people with person-level usage or pull requests; the adoption figure below includes those teams.",
    );
  const notes = aiNotes(ctx, { unlabelled, nodes, rows, now, snapshotAsOf: snapshot.asOf });
  if (partialPrMonth && prRange.from !== null) notes.push(partialPrNote(prRange.from));

  return {
    ...base,
    hasData: true,
    snapshotAsOf: snapshot.asOf,
    unmatchedShare: orgWideOnly(ctx, rollup.unmatchedShare),
    kpis: unitHidden
      ? hiddenMarker(ctx, reasonFor(ctx, now.engineers))
      : guardGroup(ctx, now.engineers, kpis),
    trend,
    managers,
    scatter,
    notes,
    payoff,
  };
}

/** The payoff answer of the unit under the reader's floor (engineer counts), with the per-manager rows. */
async function unitPayoff(
  ctx: DashboardContext,
  input: {
    window: AiWindow;
    index: IdentityIndex;
    nodes: Int32Array | null;
    manual: ReadonlyMap<string, string>;
    spec: UnitSpec;
    unitHidden: boolean;
    rollup: AiRollup;
    period: PayoffPeriod;
  },
): Promise<{
  view: AiPayoffView | Suppressed;
  figures: SharedAiFigures | null;
  figuresOf: ((i: number) => SharedAiFigures) | null;
}> {
  const { index, nodes, window } = input;
  const tree = index.tree;
  const min = ctx.settings.minGroupSize;
  const { payoff, facts } = await loadAiPayoff({
    orgId: ctx.actor.orgId,
    from: window.from,
    to: window.to,
    index,
    nodes,
    manual: input.manual,
    minGroupSize: min,
    execLayers: ctx.settings.execLayers,
    period: input.period,
  });
  const { figures } = payoff;
  if (facts === null || payoff.unit === null)
    return { view: { ...payoff, managers: [], unnamedManagers: 0 }, figures, figuresOf: null };
  // every manager's subtree with the tiles' definitions (lib/views/ai-figures.ts)
  const figuresOf = subtreeFigures(
    input.rollup,
    { ...facts.facts, hasPricedSeat: facts.hasSpendData },
    window,
    payoff.hasPrData,
  );
  const sums = subtreeSums(tree, facts.facts);
  const floor = ctx.suppress
    ? populationFloor(tree, ctx.actor.scopeEmployeeId, min, (i) => sums.engineers[i] ?? 0)
    : null;
  if (
    input.unitHidden ||
    isAiUnitHidden(floor, tree, input.spec) ||
    isGroupHidden(ctx, payoff.unit.engineers)
  )
    return { view: hiddenMarker(ctx, reasonFor(ctx, payoff.unit.engineers)), figures, figuresOf };
  const { rows, unnamed } = payoffManagers(tree, facts, managersIn(tree, nodes), {
    shown: (i) => floor === null || isUnitShown(floor, i),
    named: (i) => mayLabelUnit(ctx, tree, i),
    figuresOf,
  });
  return { view: { ...payoff, managers: rows, unnamedManagers: unnamed }, figures, figuresOf };
}

/**
 * Organisation-wide tool figures before any org snapshot exists (the dashboards need one): the
 * newest month with AI data, identities counted as themselves. null = nothing to show (no data,
 * or a reader scoped to a subtree, which cannot be placed without a snapshot).
 */
export async function buildAiOrgOnly(actor: Actor): Promise<AiPayoff | null> {
  if (actor.scopeEmployeeId !== null) return null;
  const months = await listAiMonths(actor.orgId);
  const window = resolveAiWindow(new URLSearchParams(), months, null);
  if (!window) return null;
  const settings = await readSettings(actor.orgId);
  const { payoff } = await loadAiPayoff({
    orgId: actor.orgId,
    from: window.from,
    to: window.to,
    index: null,
    nodes: null,
    manual: new Map(),
    minGroupSize: settings.minGroupSize,
    execLayers: settings.execLayers,
  });
  return payoff;
}
