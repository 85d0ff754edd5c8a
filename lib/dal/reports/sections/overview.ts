import type { KpiItem, ReportBlock, ReportSection } from '@/lib/export/report-model';
import { isSuppressed } from '../../dashboards/context';
import { buildOverview, type Kpi } from '../../dashboards/overview';
import { suppressedText, type ReportContext } from '../context';

function change(now: number | null, then: number | null | undefined): number | null {
  if (now === null || then === null || then === undefined) return null;
  return Math.round((now - then) * 10000) / 10000;
}

/** The KPI cards of the Overview dashboard, plus the change vs the chosen comparison snapshot. */
async function kpiBlock(ctx: ReportContext, kpis: Kpi[]): Promise<ReportBlock> {
  let comparison: Map<string, number | null> | null = null;
  if (ctx.compare) {
    const then = await buildOverview(ctx.compare);
    if (!isSuppressed(then.kpis)) comparison = new Map(then.kpis.map((k) => [k.key, k.value]));
  }
  const series = await ctx.series();
  const previousAsOf = series.filter((p) => p.asOf < ctx.dash.ref.asOf).at(-1)?.asOf ?? null;
  const items: KpiItem[] = kpis.map((k) => ({
    key: k.key,
    label: k.label,
    format: k.format,
    value: k.value,
    previous: k.previous,
    changeVsPrevious: k.changeVsPrevious,
    peak: k.peak,
    changeVsPeak: k.changeVsPeak,
    definition: k.definition,
    ...(comparison
      ? {
          comparison: comparison.get(k.key) ?? null,
          changeVsComparison: change(k.value, comparison.get(k.key)),
        }
      : {}),
  }));
  return {
    kind: 'kpis',
    items,
    previousAsOf,
    comparisonAsOf: comparison && ctx.compare ? ctx.compare.ref.asOf : null,
  };
}

/** Overview: the dashboard's KPIs with changes, what stands out, and the flattening trend. */
export async function buildOverviewSection(ctx: ReportContext): Promise<ReportSection> {
  const o = await ctx.overview();
  const blocks: ReportBlock[] = [];
  if (isSuppressed(o.kpis)) {
    blocks.push({ kind: 'suppressed', text: suppressedText(o.kpis.minGroupSize) });
    return { id: 'overview', title: 'Overview', blocks };
  }
  blocks.push(await kpiBlock(ctx, o.kpis));
  if (ctx.compareProblem) blocks.push({ kind: 'notice', text: ctx.compareProblem });
  if (o.findings.length)
    blocks.push({ kind: 'bullets', title: 'What stands out', items: o.findings.map((f) => f.text) });
  if (!isSuppressed(o.trend) && o.trend.length > 1) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'line',
        title: 'Flattening trend',
        categoryLabel: 'Snapshot (as of)',
        valueLabel: 'Managers',
        rightValueLabel: 'Headcount',
        categories: o.trend.map((p) => p.asOf),
        series: [
          { label: 'Middle managers', values: o.trend.map((p) => p.middleManagers) },
          { label: 'Managers', values: o.trend.map((p) => p.managers) },
          { label: 'Headcount', values: o.trend.map((p) => p.headcount), axis: 'right' },
        ],
      },
    });
  }
  return {
    id: 'overview',
    title: 'Overview',
    intro: `Headline figures as of ${o.asOf}, with the change since the previous snapshot and since the peak of earlier snapshots.`,
    blocks,
  };
}
