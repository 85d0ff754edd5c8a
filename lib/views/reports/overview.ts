/** The report's Overview section laid out from the Overview dashboard (SPEC "Reports"). */
import { flatteningCharts } from './flattening';
import type { KpiItem, ReportBlock, ReportSection } from '@/lib/export/report-model';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { isSuppressed, type Suppressed } from '../context';
import { kpiChange, type Kpi, type Overview } from '../overview';
import { scopeNoticeBlocks, suppressedText } from './text';

/** The KPI cards of the Overview dashboard, plus the change vs the chosen comparison snapshot. */
function kpiBlock(input: OverviewSectionInput, o: Overview, kpis: Kpi[]): ReportBlock {
  const { comparison } = input;
  const trend = isSuppressed(o.trend) ? [] : o.trend;
  const previousAsOf = trend.filter((p) => p.asOf < o.asOf).at(-1)?.asOf ?? null;
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
    comparisonAsOf: comparison && input.compareAsOf !== null ? input.compareAsOf : null,
  };
}

/** What the overview section is laid out from (lib/dal/reports/sections/overview.ts loads it). */
export interface OverviewSectionInput {
  /** the unit's KPI values at the comparison snapshot (kpiValues), or null */
  comparison: Map<string, number | null> | null;
  /** the comparison snapshot chosen, or null */
  compareAsOf: string | null;
  /** why a chosen comparison is missing */
  compareProblem: string | null;
  /** the unit at the comparison snapshot is hidden for this reader: the marker says why */
  compareHidden?: Suppressed | null;
  minGroupSize: number;
}

/** Overview: the dashboard's KPIs with changes, what stands out, and the flattening trend. */
export function overviewSection(o: Overview, input: OverviewSectionInput): ReportSection {
  const blocks: ReportBlock[] = [];
  if (isSuppressed(o.kpis)) {
    blocks.push({ kind: 'suppressed', text: suppressedText(o.kpis) });
    return { id: 'overview', title: 'Overview', blocks };
  }
  const kpiBlockDone = kpiBlock(input, o, o.kpis);
  blocks.push(kpiBlockDone);
  if (input.compareProblem) blocks.push({ kind: 'notice', text: input.compareProblem });
  else if (input.compareAsOf !== null && kpiBlockDone.kind === 'kpis' && kpiBlockDone.comparisonAsOf === null)
    blocks.push({
      kind: 'notice',
      text: input.compareHidden
        ? `No comparison with ${input.compareAsOf}: at that date this group was ${hiddenText(input.compareHidden)}.`
        : `No comparison with ${input.compareAsOf}: this group is not in that snapshot.`,
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
    blocks.push(
      flatteningCharts(
        o.trend.map((p) => p.asOf),
        {
          middleManagers: o.trend.map((p) => p.middleManagers),
          managers: o.trend.map((p) => p.managers),
          headcount: o.trend.map((p) => p.headcount),
        },
      ),
    );
  }
  blocks.push(...scopeNoticeBlocks(isSuppressed(o.scopeNotes) ? null : o.scopeNotes));
  return {
    id: 'overview',
    title: 'Overview',
    intro: `Headline figures as of ${o.asOf}, with the change since the previous snapshot and since the peak of earlier snapshots.`,
    blocks,
  };
}
