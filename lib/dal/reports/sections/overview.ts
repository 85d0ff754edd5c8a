import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import { kpiValues } from '@/lib/views/overview';
import { overviewSection } from '@/lib/views/reports/overview';
import { guardGroup, isSuppressed } from '../../dashboards/context';
import type { ReportContext } from '../context';

/**
 * KPI values of the unit at the comparison snapshot, read from the same per-snapshot series the
 * dashboards' trend uses (same stored rows or tree computation), mapped exactly as the Overview
 * maps its KPIs; null when the unit did not exist then or is under the minimum group size.
 */
async function comparisonValues(ctx: ReportContext): Promise<Map<string, number | null> | null> {
  const compare = ctx.compare;
  if (!compare) return null;
  const point = (await ctx.series()).find((p) => p.asOf === compare.ref.asOf);
  if (!point || isSuppressed(guardGroup(compare, point.structure.headcount, point))) return null;
  return kpiValues(compare, point);
}

/** Overview: loads the dashboard and the comparison's KPI values; lib/views/reports/overview.ts lays it out. */
export async function buildOverviewSection(ctx: ReportContext): Promise<ReportSection> {
  const o = await ctx.overview();
  const comparison = isSuppressed(o.kpis) ? null : await comparisonValues(ctx);
  return overviewSection(o, {
    comparison,
    compareAsOf: ctx.compare ? ctx.compare.ref.asOf : null,
    compareProblem: ctx.compareProblem,
    minGroupSize: ctx.dash.settings.minGroupSize,
  });
}
