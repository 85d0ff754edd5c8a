import 'server-only';
import type { DashboardFamily, DashboardResponses } from '@/lib/query/families';
import { buildAiDashboard } from './ai';
import { buildCeilingRisk } from './ceiling-risk';
import { buildCompare } from './compare';
import type { DashboardRequest } from './context';
import { buildLadder } from './ladder';
import { buildOffTarget } from './off-target';
import { buildOverview } from './overview';
import { buildStructure } from './structure';
import { buildTrends } from './trends';

/**
 * A family's builder: the scoped request (stored rows first; `withTree()` for the families that
 * still need the snapshot's tree) and the request's URL parameters (its own ones included).
 */
export type DashboardBuilder<F extends DashboardFamily> = (
  ctx: DashboardRequest,
  params: URLSearchParams,
) => Promise<DashboardResponses[F]>;

/**
 * The dashboard families, server side: family -> builder. Their paths, own URL parameters and
 * response types are in lib/query/families.ts (client-safe); each builder validates its own
 * parameters (compare's from/to, the AI period). The API route (app/api/metrics/[family]) and the
 * page prefetch (./prefetch.ts) both run the builder from here.
 */
export const DASHBOARD_BUILDERS: { [F in DashboardFamily]: DashboardBuilder<F> } = {
  overview: buildOverview,
  structure: buildStructure,
  ladder: buildLadder,
  'ceiling-risk': buildCeilingRisk,
  trends: buildTrends,
  compare: buildCompare,
  'off-target': buildOffTarget,
  ai: buildAiDashboard,
};

/** Runs a family's builder (looked up at call time). */
export function buildFamily<F extends DashboardFamily>(
  family: F,
  ctx: DashboardRequest,
  params: URLSearchParams,
): Promise<DashboardResponses[F]> {
  const build = DASHBOARD_BUILDERS[family] as DashboardBuilder<F>;
  return build(ctx, params);
}
