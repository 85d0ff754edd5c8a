import 'server-only';
import { assembleOffTarget, type OffTarget } from '@/lib/views/off-target';
import { readTargets } from '../targets';
import type { DashboardRequest } from './context';

export {
  OFF_TARGET_CAP,
  type DepartmentTargetRow,
  type OffTarget,
  type OffTargetManagerRow,
} from '@/lib/views/off-target';

/** The off-target view: reads the organisation's targets; lib/views/off-target.ts measures the unit. */
export async function buildOffTarget(req: DashboardRequest): Promise<OffTarget> {
  const ctx = await req.withTree();
  const { targets } = await readTargets(ctx.ref.orgId);
  return assembleOffTarget(ctx, targets);
}
