import 'server-only';
import { can } from '@/lib/auth/permissions';
import { computeAiMetrics, type AiMetrics } from '@/lib/metrics/ai';
import { buildAiRollup, unitAiTotals, type AiAggregate } from '@/lib/metrics/ai-rollup';
import {
  listAiMonths,
  listCurrentSnapshots,
  loadAiAggregates,
  loadIdentityIndex,
  loadManualMap,
  snapshotInForce,
  type SnapshotDate,
} from '../ai-data';
import { buildSeatBlock, type IdleSeat, type SeatBlock } from './ai-seats';
import {
  aiUnitNodes,
  monthEnd,
  resolveAiWindow,
  windowLabel,
  type AiWindow,
  type UnitSpec,
} from './ai-window';
import { AI_KPI_DEFS, type AiKpi } from '@/lib/views/ai-kpis';
import { aiFloor, isAiUnitHidden } from '@/lib/views/ai-floor';
import { guardGroup, hiddenMarker, type DashboardContext, type Suppressed } from './context';
import {
  aiManagerTable,
  aiNotes,
  orgWideOnly,
  type AiManagerRow,
  type AiScatterPoint,
  type AiTrendPoint,
} from '@/lib/views/ai';
import { unitLabel } from '@/lib/views/unit-labels';

export type { AiKpi, AiManagerRow, AiScatterPoint, AiTrendPoint };

export interface AiDashboard {
  hasData: boolean;
  window: (AiWindow & { label: string }) | null;
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
}

const MAX_TREND_MONTHS = 36;

interface PeriodResult {
  snapshot: SnapshotDate | null;
  metrics: AiMetrics | null;
  unmatchedShare: number | null;
  /** the privacy floor hides the unit in this period's snapshot */
  hidden: boolean;
}

/** Metrics of the unit for one period's aggregates, in the snapshot in force at the period's end. */
async function unitPeriod(
  ctx: DashboardContext,
  rows: AiAggregate[],
  end: string,
  spec: UnitSpec,
  snapshots: SnapshotDate[],
  manual: ReadonlyMap<string, string>,
): Promise<PeriodResult> {
  const snapshot = snapshotInForce(snapshots, end);
  if (!snapshot) return { snapshot: null, metrics: null, unmatchedShare: null, hidden: true };
  const index = await loadIdentityIndex(snapshot.id);
  const nodes = aiUnitNodes(index.tree, spec);
  const rollup = buildAiRollup(index, rows, manual);
  const metrics = computeAiMetrics(unitAiTotals(rollup, nodes), rollup.coverage);
  const hidden = isAiUnitHidden(aiFloor(ctx, rollup), index.tree, spec);
  return { snapshot, metrics, unmatchedShare: rollup.unmatchedShare, hidden };
}

/**
 * The AI dashboard (SPEC "AI productivity"): KPIs for the period with the unmatched share beside
 * them, monthly trends, a per-manager table and scatter, and seat utilisation. Leaders and viewers
 * get every group under the minimum size suppressed; person-level AI data (idle seats by name)
 * only reaches hr and admin.
 */
export async function buildAiDashboard(ctx: DashboardContext, params: URLSearchParams): Promise<AiDashboard> {
  const { actor, unit } = ctx;
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
  const window = resolveAiWindow(params, months, ctx.ref.asOf);
  const subtreeIndex = unit.rootIndex;
  const scope = {
    department: unit.department,
    subtree: unit.subtree,
    subtreeName: unitLabel(ctx, ctx.snap.tree, subtreeIndex),
  };
  const seats = await buildSeatBlock(actor.orgId, spec, manual, seeIdle, snapshots);
  const seatBlock = seats ? guardGroup(ctx, seats.block.utilisation.assigned, seats.block) : null;
  const base: AiDashboard = {
    hasData: false,
    window: window ? { ...window, label: windowLabel(window) } : null,
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
  };
  if (!window) return base;

  const rows = await loadAiAggregates(actor.orgId, window.from, window.to, false);
  const snapshot = snapshotInForce(snapshots, window.to);
  if (!snapshot) return base;
  const index = await loadIdentityIndex(snapshot.id);
  const tree = index.tree;
  const nodes = aiUnitNodes(tree, spec);
  const rollup = buildAiRollup(index, rows, manual);
  const totals = unitAiTotals(rollup, nodes);
  const now = computeAiMetrics(totals, rollup.coverage);
  const floor = aiFloor(ctx, rollup);
  const unitHidden = isAiUnitHidden(floor, tree, spec);

  // Monthly trend of the unit, each month in its own snapshot in force.
  const trendMonths = months.slice(-MAX_TREND_MONTHS);
  const first = trendMonths[0];
  const last = trendMonths[trendMonths.length - 1];
  const monthly =
    first && last ? await loadAiAggregates(actor.orgId, `${first}-01`, monthEnd(last), true) : [];
  const byMonth = new Map<string, AiAggregate[]>();
  for (const r of monthly) {
    const list = byMonth.get(r.month);
    if (list) list.push(r);
    else byMonth.set(r.month, [r]);
  }
  const trend: AiDashboard['trend'] = [];
  const trendByMonth = new Map<string, AiMetrics>();
  for (const m of trendMonths) {
    const p = await unitPeriod(ctx, byMonth.get(m) ?? [], monthEnd(m), spec, snapshots, manual);
    if (!p.metrics) continue;
    trendByMonth.set(m, p.metrics);
    const point = {
      month: m,
      snapshotAsOf: p.snapshot?.asOf ?? null,
      unmatchedShare: orgWideOnly(ctx, p.unmatchedShare),
      ...p.metrics,
    };
    const guarded = p.hidden ? hiddenMarker(ctx) : guardGroup(ctx, p.metrics.engineers, point);
    trend.push('suppressed' in guarded ? { ...guarded, month: m } : guarded);
  }

  const previousMonth = window.month ? trendMonths.filter((m) => m < (window.month ?? '')).pop() : undefined;
  const previous = previousMonth ? trendByMonth.get(previousMonth) : undefined;
  const kpis: AiKpi[] = AI_KPI_DEFS.map((d) => ({
    ...d,
    value: now[d.key],
    previous: previous ? previous[d.key] : null,
    unmatchedShare: orgWideOnly(ctx, rollup.unmatchedShare),
  }));

  const { managers, scatter, unlabelled } = aiManagerTable(ctx, rollup, nodes, floor);
  const notes = aiNotes(ctx, { unlabelled, nodes, rows, now, snapshotAsOf: snapshot.asOf });

  return {
    ...base,
    hasData: true,
    snapshotAsOf: snapshot.asOf,
    unmatchedShare: orgWideOnly(ctx, rollup.unmatchedShare),
    kpis: unitHidden ? hiddenMarker(ctx) : guardGroup(ctx, now.engineers, kpis),
    trend,
    managers,
    scatter,
    notes,
  };
}
