import 'server-only';
import type { Actor } from '../actor';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { getMetricsContract, type MetricsContract } from '../metrics-contract';
import { suppressedFor } from '@/lib/query/suppressed';
import {
  isGroupHidden,
  loadDashboardContext,
  type DashboardContext,
  type Suppressed,
} from '../dashboards/context';
import { buildCeilingRisk, type CeilingRiskDashboard } from '../dashboards/ceiling-risk';
import { buildLadder, type LadderDashboard } from '../dashboards/ladder';
import { buildOverview, type Overview } from '../dashboards/overview';
import { loadUnitSeries, type UnitPoint } from '../dashboards/unit-series';
import { scopeQuery, type ReportParams } from './params';

/** Everything the section builders share: the scoped dashboard context and memoised DAL answers. */
export interface ReportContext {
  params: ReportParams;
  dash: DashboardContext;
  /** the same scope at the comparison snapshot, or null (none chosen, or the unit did not exist then) */
  compare: DashboardContext | null;
  /** why a chosen comparison is missing */
  compareProblem: string | null;
  /** person-level pages asked for and allowed */
  includePeople: boolean;
  /** true when the unit is under the minimum group size for this reader */
  unitSuppressed: boolean;
  /** why the unit is hidden when unitSuppressed: under the minimum, or hidden by complement */
  unitMarker: Suppressed;
  overview(): Promise<Overview>;
  /** the SPEC metrics contract, or a suppression marker for leaders/viewers on small units */
  contract(): Promise<MetricsContract | Suppressed>;
  series(): Promise<UnitPoint[]>;
  /** the Ladder dashboard for this scope */
  ladder(): Promise<LadderDashboard>;
  /** the Ceiling-risk dashboard for this scope (named people only for roles that may see them) */
  ceilingRisk(): Promise<CeilingRiskDashboard>;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= fn());
}

/**
 * Resolves snapshot, scope and unit exactly as the dashboards do (a scoped leader is confined to
 * their subtree; outside it is 404), checks the person-level request against the role, and
 * prepares the comparison snapshot.
 */
export async function loadReportContext(actor: Actor, params: ReportParams): Promise<ReportContext> {
  const query = { asOf: params.asOf, ...scopeQuery(params) };
  const dash = await loadDashboardContext(actor, query);
  if (params.includePeople && !dash.canSeePeople)
    throw new ForbiddenError(
      'Your role does not include person-level data, so person-level pages cannot be added.',
    );
  let compare: DashboardContext | null = null;
  let compareProblem: string | null = null;
  if (params.compareTo) {
    if (params.compareTo >= dash.ref.asOf)
      throw new ValidationError('The comparison snapshot must be earlier than the report snapshot.');
    try {
      compare = await loadDashboardContext(actor, { ...query, asOf: params.compareTo });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      compareProblem = `No comparison: ${err.message}`;
    }
  }
  const unitSize = await unitHeadcount(dash);
  const contractRequest = { asOf: dash.ref.asOf, ...scopeQuery(params) };
  return {
    params,
    dash,
    compare,
    compareProblem,
    includePeople: params.includePeople && dash.canSeePeople,
    unitSuppressed: isGroupHidden(dash, unitSize),
    unitMarker: suppressedFor(unitSize, dash.settings.minGroupSize),
    overview: once(() => buildOverview(dash)),
    contract: once(async () => {
      try {
        return await getMetricsContract(actor, contractRequest);
      } catch (err) {
        if (err instanceof ForbiddenError) return suppressedFor(unitSize, dash.settings.minGroupSize);
        throw err;
      }
    }),
    ladder: once(() => buildLadder(dash)),
    ceilingRisk: once(() => buildCeilingRisk(dash)),
    series: once(() => loadUnitSeries(actor, dash.ref, query, dash.unit, dash.settings.execLayers)),
  };
}

async function unitHeadcount(ctx: DashboardContext): Promise<number> {
  const t = ctx.snap.tree;
  let n = 0;
  const visit = (i: number) => {
    if ((t.kind[i] ?? 0) !== 0) n += t.weight[i] ?? 0;
  };
  if (ctx.unit.nodes === null) for (let i = 0; i < t.size; i++) visit(i);
  else for (const i of ctx.unit.nodes) visit(i);
  return n;
}

export { suppressedText } from '@/lib/views/reports/text';
