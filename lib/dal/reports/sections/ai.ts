import 'server-only';
import type { ReportBlock, ReportSection, ValueFormat } from '@/lib/export/report-model';
import { windowLabel } from '@/lib/views/ai-window';
import { buildAiDashboard, type AiDashboard } from '../../dashboards/ai';
import { isSuppressed } from '../../dashboards/context';
import { suppressedText, type ReportContext } from '../context';

/**
 * A provider of the AI-productivity section. The AI-usage import is built separately; when its
 * DAL lands it registers a provider here (registerAiSectionProvider) and the report fills the
 * section with its scoped, suppressed figures. Until then the section says plainly what it knows.
 */
export type AiSectionProvider = (ctx: ReportContext) => Promise<ReportSection | null>;

/**
 * The AI dashboard's own figures for the report's scope: the same builder, scope and suppression
 * as /ai, so the PDF, XLSX and CSV show exactly what the dashboard shows.
 */
async function dashboardAiSection(ctx: ReportContext): Promise<ReportSection | null> {
  const d: AiDashboard = await buildAiDashboard(ctx.dash, new URLSearchParams());
  if (!d.hasData) return null;
  const fmt = (f: string): ValueFormat =>
    f === 'usd' ? 'decimal' : f === 'int' ? 'int' : f === 'percent' ? 'percent' : 'decimal';
  const blocks: ReportBlock[] = [];
  if (d.window)
    blocks.push({
      kind: 'paragraph',
      text: `Period: ${windowLabel(d.window)}. People are placed in the org snapshot of ${d.snapshotAsOf ?? 'the period'}.`,
    });
  if (isSuppressed(d.kpis)) {
    blocks.push({ kind: 'suppressed', text: suppressedText(d.kpis) });
  } else {
    // The page's tiles and answer read one set of figures (lib/views/ai-figures.ts); so does this.
    const f = d.payoff && !isSuppressed(d.payoff) ? d.payoff.figures : null;
    if (d.payoff && !isSuppressed(d.payoff)) blocks.push({ kind: 'paragraph', text: d.payoff.headline });
    const extra: Array<[string, number | null, ValueFormat]> = f
      ? [
          ['PRs merged', f.prsMerged, 'int'],
          ['Median PR cycle time (hours)', f.medianCycleTimeHours, 'decimal'],
          ['AI spend (USD)', f.spendUsd, 'decimal'],
        ]
      : [];
    blocks.push({
      kind: 'table',
      table: {
        id: 'ai-figures',
        title: 'AI productivity figures',
        columns: [
          { key: 'metric', label: 'Metric', format: 'text' },
          { key: 'value', label: 'Value', format: 'decimal' },
          { key: 'previous', label: 'Previous month', format: 'decimal' },
        ],
        rows: [
          ...d.kpis.map((k) => [k.label, k.value, k.previous]),
          ...extra.map(([label, value]) => [label, value, null]),
        ],
        rowFormats: [...d.kpis.map((k) => fmt(k.format)), ...extra.map((e) => e[2])],
        ...(d.unmatchedShare !== null && d.unmatchedShare > 0
          ? {
              note: `${(d.unmatchedShare * 100).toFixed(1)}% of AI-active users are joined to no employee and are in no figure.`,
            }
          : {}),
      },
    });
  }
  const trend = d.trend.filter(
    (t): t is Exclude<(typeof d.trend)[number], { suppressed: true }> => !isSuppressed(t),
  );
  if (trend.length > 1) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'line',
        title: 'AI adoption and acceptance by month',
        categoryLabel: 'Month',
        valueLabel: 'Share',
        format: 'percent',
        categories: trend.map((t) => t.month),
        series: [
          { label: 'Adoption', values: trend.map((t) => t.adoption) },
          { label: 'Acceptance rate (count)', values: trend.map((t) => t.acceptanceRateByCount) },
          { label: 'AI-assisted PR share', values: trend.map((t) => t.aiAssistedPrShare) },
        ],
      },
    });
  }
  const managers = d.managers.filter((m) => !isSuppressed(m.figures)).slice(0, 40);
  if (managers.length) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ai-managers',
        title: 'AI figures per manager subtree',
        columns: [
          { key: 'manager', label: 'Manager', format: 'text' },
          { key: 'department', label: 'Department', format: 'text' },
          { key: 'span', label: 'Span', format: 'int' },
          { key: 'layer', label: 'Layer', format: 'int' },
          { key: 'engineers', label: 'Engineers', format: 'int' },
          { key: 'adoption', label: 'Adoption', format: 'percent' },
          { key: 'throughput', label: 'PRs / engineer / week', format: 'decimal' },
          { key: 'costPerPr', label: 'Cost per merged PR (USD)', format: 'decimal' },
        ],
        rows: managers.map((m) => {
          const f = m.figures as Exclude<typeof m.figures, { suppressed: true }>;
          return [
            m.name ?? m.id,
            m.department,
            m.span,
            m.layer,
            f.engineers,
            f.adoption,
            f.throughputPerEngineerWeek,
            f.costPerMergedPr,
          ];
        }),
        note: 'The largest manager subtrees of the scope; groups under the minimum size are left out for leaders and viewers.',
      },
    });
  }
  return { id: 'ai', title: 'AI productivity', blocks };
}

let provider: AiSectionProvider | null = dashboardAiSection;

/** Plugs in the builder of the AI section (called by the AI-usage DAL module). */
export function registerAiSectionProvider(p: AiSectionProvider | null): void {
  provider = p;
}

/** AI productivity: the registered provider's figures, or an honest note that there are none. */
export async function buildAiSection(ctx: ReportContext): Promise<ReportSection> {
  const base = { id: 'ai', title: 'AI productivity' } as const;
  if (ctx.unitSuppressed)
    return {
      ...base,
      blocks: [{ kind: 'suppressed', text: suppressedText(ctx.unitMarker) }],
    };
  if (provider) {
    const section = await provider(ctx);
    if (section) return section;
  }
  return {
    ...base,
    blocks: [
      {
        kind: 'notice',
        text: 'No AI usage data has been imported, so this section has no figures. Once AI usage (team CSV, GitHub Copilot or Cursor exports) is imported, it shows adoption, acceptance rates, AI-assisted PR share, throughput and cost for this scope.',
      },
    ],
  };
}
