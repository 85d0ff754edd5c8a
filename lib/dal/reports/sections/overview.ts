import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import { kpiValues } from '@/lib/views/overview';
import { overviewSection } from '@/lib/views/reports/overview';
import { guardGroup, isSuppressed, type Suppressed } from '../../dashboards/context';
import type { ReportContext } from '../context';

/**
 * KPI values of the unit at the comparison snapshot, read from the same per-snapshot series the
 * dashboards' trend uses (same stored rows or tree computation), mapped exactly as the Overview
 * maps its KPIs; `values` null when the unit is not in that snapshot or is hidden there for this
 * reader (`hidden` says why).
 */
async function comparisonValues(
  ctx: ReportContext,
): Promise<{ values: Map<string, number | null> | null; hidden: Suppressed | null }> {
  const compare = ctx.compare;
  if (!compare) return { values: null, hidden: null };
  const point = (await ctx.series()).find((p) => p.asOf === compare.ref.asOf);
  if (!point) return { values: null, hidden: null };
  const guarded = guardGroup(compare, point.structure.headcount, point);
  if (isSuppressed(guarded)) return { values: null, hidden: guarded };
  return { values: kpiValues(compare, point), hidden: null };
}

/** Overview: loads the dashboard and the comparison's KPI values; lib/views/reports/overview.ts lays it out. */
export async function buildOverviewSection(ctx: ReportContext): Promise<ReportSection> {
  const o = await ctx.overview();
  const comparison = isSuppressed(o.kpis) ? { values: null, hidden: null } : await comparisonValues(ctx);
  return overviewSection(o, {
    comparison: comparison.values,
    compareHidden: comparison.hidden,
    compareAsOf: ctx.compare ? ctx.compare.ref.asOf : null,
    compareProblem: ctx.compareProblem,
    minGroupSize: ctx.dash.settings.minGroupSize,
  });
}
