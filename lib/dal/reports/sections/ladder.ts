import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import { ladderSection } from '@/lib/views/reports/ladder';
import type { ReportContext } from '../context';

/**
 * Ladder and ceiling risk: loads the Ladder and Ceiling-risk dashboards of the report's scope;
 * lib/views/reports/ladder.ts lays them out as report tables and charts.
 */
export async function buildLadderSection(ctx: ReportContext): Promise<ReportSection> {
  const ladder = await ctx.ladder();
  const risk = await ctx.ceilingRisk();
  return ladderSection({
    ladder,
    risk,
    minGroupSize: ctx.dash.settings.minGroupSize,
    unitSuppressed: ctx.unitSuppressed,
    unitMarker: ctx.unitMarker,
    department: ctx.dash.unit.department,
  });
}
