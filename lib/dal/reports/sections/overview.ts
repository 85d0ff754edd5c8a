import 'server-only';
import type { KpiItem, ReportBlock, ReportSection } from '@/lib/export/report-model';
import { kpiChange, kpiValues } from '@/lib/views/overview';
import { guardGroup, isSuppressed } from '../../dashboards/context';
import type { Kpi, Overview } from '../../dashboards/overview';
import { suppressedText, type ReportContext } from '../context';
import { scopeNoticeBlocks } from './trends';

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

/** The KPI cards of the Overview dashboard, plus the change vs the chosen comparison snapshot. */
async function kpiBlock(ctx: ReportContext, o: Overview, kpis: Kpi[]): Promise<ReportBlock> {
  const comparison = await comparisonValues(ctx);
  const trend = isSuppressed(o.trend) ? [] : o.trend;
  const previousAsOf = trend.filter((p) => p.asOf < ctx.dash.ref.asOf).at(-1)?.asOf ?? null;
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
          changeVsComparison: kpiChange(k.value, comparison.get(k.key)),
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
  const kpiBlockDone = await kpiBlock(ctx, o, o.kpis);
  blocks.push(kpiBlockDone);
  if (ctx.compareProblem) blocks.push({ kind: 'notice', text: ctx.compareProblem });
  else if (ctx.compare && kpiBlockDone.kind === 'kpis' && kpiBlockDone.comparisonAsOf === null)
    blocks.push({
      kind: 'notice',
      text: `No comparison with ${ctx.compare.ref.asOf}: this group had fewer than ${ctx.dash.settings.minGroupSize} people then.`,
    });
  if (o.fte && !isSuppressed(o.fte))
    blocks.push({
      kind: 'table',
      table: {
        id: 'overview-fte',
        title: 'Posts, people and FTE',
        note: 'Junior staff are given as FTE per reporting senior post: they are not people, direct reports or layers.',
        columns: [
          { key: 'figure', label: 'Figure', format: 'text' },
          { key: 'value', label: 'Value', format: 'decimal' },
        ],
        rows: [
          ['Senior posts (headcount)', o.fte.seniorPosts],
          ['Junior staff (FTE)', o.fte.juniorFte],
          ['Total FTE', o.fte.totalFte],
        ],
        rowFormats: ['int', 'fte', 'fte'],
      },
    });
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
  blocks.push(...scopeNoticeBlocks(isSuppressed(o.scopeNotes) ? null : o.scopeNotes));
  return {
    id: 'overview',
    title: 'Overview',
    intro: `Headline figures as of ${o.asOf}, with the change since the previous snapshot and since the peak of earlier snapshots.`,
    blocks,
  };
}
