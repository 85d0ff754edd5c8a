import 'server-only';
import { can } from '@/lib/auth/permissions';
import { computeAiMetrics, type AiMetrics } from '@/lib/metrics/ai';
import { NodeKind } from '@/lib/metrics/roles';
import { buildAiRollup, subtreeAiTotals, unitAiTotals, type AiAggregate } from '@/lib/metrics/ai-rollup';
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
  managersIn,
  monthEnd,
  resolveAiWindow,
  windowLabel,
  type AiWindow,
  type UnitSpec,
} from './ai-window';
import { AI_KPI_DEFS, type AiKpi } from './ai-kpis';
import { aiFloor, isAiUnitHidden } from './ai-floor';
import { guardGroup, hiddenMarker, type DashboardContext, type Suppressed } from './context';
import { isUnitShown } from './floor';
import { mayLabelUnit, shownBelow, unitLabel, unlabelledTeams } from '../unit-labels';

export type { AiKpi };

export interface AiTrendPoint extends AiMetrics {
  month: string;
  snapshotAsOf: string | null;
  unmatchedShare: number | null;
}

export interface AiManagerRow {
  id: string;
  name: string | null;
  department: string | null;
  span: number;
  layer: number;
  /** first-line manager (all direct reports are ICs) */
  firstLine: boolean;
  /** everyone below the manager (structure, not AI data); null for a viewer where the floor hides the unit */
  subtreeSize: number | null;
  figures:
    | {
        engineers: number;
        activeUsers: number;
        adoption: number | null;
        throughputPerEngineerWeek: number | null;
        costPerMergedPr: number | null;
        acceptanceRateByCount: number | null;
        aiAssistedPrShare: number | null;
        spendPerEngineerMonth: number | null;
      }
    | Suppressed;
}

export interface AiScatterPoint {
  id: string;
  name: string | null;
  layer: number;
  firstLine: boolean;
  engineers: number;
  adoption: number;
  throughputPerEngineerWeek: number;
}

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

const MAX_MANAGERS = 2000;
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

  const cum = subtreeAiTotals(rollup);
  const managers: AiManagerRow[] = [];
  let unlabelled = 0;
  for (const i of managersIn(tree, nodes)) {
    const t = cum(i);
    if (t.engineers === 0 && t.countRows + t.prRows + t.spendRows === 0) continue;
    // A viewer gets rows only for units they may name (../unit-labels.ts); the others are counted.
    if (!mayLabelUnit(ctx, tree, i)) {
      unlabelled++;
      continue;
    }
    const m = computeAiMetrics(t, rollup.coverage);
    const r = tree.records[i];
    managers.push({
      id: r?.employeeId ?? '',
      name: r?.name ?? null,
      department: r?.department ?? null,
      span: tree.span[i] ?? 0,
      layer: tree.layer[i] ?? 0,
      firstLine: tree.kind[i] === NodeKind.managerOfIcs,
      subtreeSize: shownBelow(ctx, tree, i),
      figures: guardGroup(ctx, floor !== null && !isUnitShown(floor, i) ? 0 : m.engineers, {
        engineers: m.engineers,
        activeUsers: m.activeUsers,
        adoption: m.adoption,
        throughputPerEngineerWeek: m.throughputPerEngineerWeek,
        costPerMergedPr: m.costPerMergedPr,
        acceptanceRateByCount: m.acceptanceRateByCount,
        aiAssistedPrShare: m.aiAssistedPrShare,
        spendPerEngineerMonth: m.spendPerEngineerMonth,
      }),
    });
  }
  const engineersOf = (row: AiManagerRow) => ('suppressed' in row.figures ? -1 : row.figures.engineers);
  managers.sort((a, b) => engineersOf(b) - engineersOf(a) || (b.subtreeSize ?? -1) - (a.subtreeSize ?? -1));
  managers.splice(MAX_MANAGERS);
  const scatter: AiScatterPoint[] = [];
  for (const row of managers) {
    const f = row.figures;
    if ('suppressed' in f || f.adoption === null || f.throughputPerEngineerWeek === null) continue;
    scatter.push({
      id: row.id,
      name: row.name,
      layer: row.layer,
      firstLine: row.firstLine,
      engineers: f.engineers,
      adoption: f.adoption,
      throughputPerEngineerWeek: f.throughputPerEngineerWeek,
    });
  }

  const notes: string[] = [];
  if (unlabelled > 0)
    notes.push(
      `${unlabelledTeams(unlabelled, ctx.settings.minGroupSize)} ${unlabelled === 1 ? 'is' : 'are'} not listed per manager: a manager is named only as the label of a unit of at least ${ctx.settings.minGroupSize} people.`,
    );
  if (nodes !== null && rows.some((r) => r.subjectKind === 'org'))
    notes.push(
      'Organisation-level reports (whole GitHub organisation or Cursor team totals) cannot be placed in a department or subtree; they count for the whole organisation only.',
    );
  if ((now.acceptanceRateByLines ?? 0) > 1)
    notes.push(
      'Lines accepted exceed lines suggested: GitHub Copilot counts lines added by agent and chat edits that were never offered as suggestions, so the rate by lines can pass 100%. The rate by count is not affected.',
    );
  if (nodes !== null && nodes.length === 0)
    notes.push(`This unit has nobody in the ${snapshot.asOf} snapshot that is in force for the period.`);

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

/**
 * The unmatched share is organisation-wide (an unmatched identity cannot be placed in any
 * subtree), so a user scoped to a subtree does not receive it: no number from outside their scope.
 */
function orgWideOnly(ctx: DashboardContext, share: number | null): number | null {
  return ctx.actor.scopeEmployeeId ? null : share;
}
