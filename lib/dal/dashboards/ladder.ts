import 'server-only';
import { assembleLadder, type LadderDashboard } from '@/lib/views/ladder';
import type { DashboardRequest } from './context';
import { loadUnitLadderHistory } from './level-history';

export {
  describeScope,
  type DashboardScope,
  type LadderDashboard,
  type LadderDepartmentRow,
  type MovesRow,
  type VelocityRow,
} from '@/lib/views/ladder';

/**
 * The Ladder dashboard (SPEC "Ladder"): loads the level history of the series; lib/views/ladder.ts
 * computes the distribution, velocity and moves of the unit.
 */
export async function buildLadder(req: DashboardRequest): Promise<LadderDashboard> {
  const ctx = await req.withTree();
  return assembleLadder(ctx, await loadUnitLadderHistory(ctx));
}
