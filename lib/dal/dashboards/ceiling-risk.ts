import 'server-only';
import { assembleCeilingRisk, type CeilingRiskDashboard } from '@/lib/views/ceiling-risk';
import type { DashboardRequest } from './context';
import { loadUnitLadderHistory } from './level-history';

export {
  PEOPLE_LIMIT,
  type CeilingLeaversRow,
  type CeilingRiskDashboard,
  type HeatmapCell,
  type HeatmapColumn,
  type LeaverBucket,
  type RiskGroup,
  type RiskPerson,
} from '@/lib/views/ceiling-risk';

/**
 * The Ceiling-risk dashboard (SPEC "IC-ceiling risk"): loads the level history and the ICs' scores
 * of the series; lib/views/ceiling-risk.ts computes the heatmap, named list and leavers of the unit.
 */
export async function buildCeilingRisk(req: DashboardRequest): Promise<CeilingRiskDashboard> {
  const ctx = await req.withTree();
  return assembleCeilingRisk(ctx, await loadUnitLadderHistory(ctx));
}
