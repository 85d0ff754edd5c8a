import 'server-only';
import { assembleStructure, type StructureDashboard } from '@/lib/views/structure';
import type { DashboardRequest } from './context';
import { unitStructureAt } from './unit-series';

export {
  NARROW_LIST_LIMIT,
  NARROW_SPAN_MAX,
  type ManagerialLevel,
  type NarrowSpanManager,
  type StructureDashboard,
  type StructureSummary,
} from '@/lib/views/structure';

/** The Structure dashboard: loads the unit's structure (stored or computed); lib/views/structure.ts computes. */
export async function buildStructure(req: DashboardRequest): Promise<StructureDashboard> {
  const ctx = await req.withTree();
  return assembleStructure(ctx, await unitStructureAt(ctx.ref, ctx.unit, ctx.settings.execLayers));
}
