import 'server-only';
import { SPAN_BANDS } from '@/lib/metrics/spans';
import type { ReportBlock, ReportCell, ReportSection, ValueFormat } from '@/lib/export/report-model';
import { hiddenReasonsText } from '@/lib/privacy/hidden-text';
import { guardRow, isSuppressed, type Suppressed } from '../../dashboards/context';
import { listDepartments } from '@/lib/views/org-lookup';
import { unitStructureAt } from '../../dashboards/unit-series';
import { resolveUnit } from '../../scope';
import { suppressedText, type ReportContext } from '../context';

const PYRAMID_SERIES = [
  ['executive', 'Executives'],
  ['managerOfManagers', 'Managers of managers'],
  ['managerOfIcs', 'Managers of ICs'],
  ['ics', 'ICs'],
] as const;

/** Per-department structure inside the unit (stored rows for whole departments, else computed). */
async function departmentRows(ctx: ReportContext): Promise<{ rows: ReportCell[][]; hidden: Suppressed[] }> {
  const { dash } = ctx;
  const rows: ReportCell[][] = [];
  const hidden: Suppressed[] = [];
  for (const d of listDepartments(dash)) {
    const unit = resolveUnit(dash.actor, dash.snap, { department: d.name, subtree: dash.unit.subtree });
    const s = await unitStructureAt(dash.ref, unit, dash.settings.execLayers);
    // The reader's department plan (departments x subtrees) decides as on the dashboard.
    const planned = dash.floor === null || dash.floor.departments.has(d.name ?? '');
    const guarded = guardRow(dash, s.headcount, planned, s);
    if (isSuppressed(guarded)) {
      hidden.push(guarded);
      continue;
    }
    rows.push([
      d.name,
      s.headcount,
      s.managers,
      s.ics,
      s.middleManagers,
      s.span.median,
      s.icsPerManager,
      s.managerRatio,
      s.openPositions,
    ]);
  }
  return { rows, hidden };
}

/** Structure: summary, span bands, spans histogram, the layer pyramid and departments. */
export async function buildStructureSection(ctx: ReportContext): Promise<ReportSection> {
  const base = { id: 'structure', title: 'Structure' } as const;
  const c = await ctx.contract();
  if (isSuppressed(c)) return { ...base, blocks: [{ kind: 'suppressed', text: suppressedText(c) }] };
  const o = await ctx.overview();
  const blocks: ReportBlock[] = [];
  const summary: Array<[string, number | null, ValueFormat]> = [
    ['Headcount', c.headcount, 'int'],
    ['Managers', c.managers, 'int'],
    ['ICs', c.ics, 'int'],
    ['Layers (depth)', c.depth, 'int'],
    ['Management layers', c.managementLayers, 'int'],
    ['Manager ratio (managers / headcount)', c.managerRatio, 'percent'],
    ['ICs per manager', c.icsPerManager, 'decimal'],
    ['Span: mean', c.span.mean, 'decimal'],
    ['Span: median', c.span.median, 'decimal'],
    ['Span: p10', c.span.p10, 'decimal'],
    ['Span: p90', c.span.p90, 'decimal'],
    ['Executives', c.managerialLevels.executive, 'int'],
    ['Middle managers (managers of managers)', c.middleManagers, 'int'],
    ['Managers of ICs', c.managerialLevels.managerOfIcs, 'int'],
    ['Roots', c.roots, 'int'],
    ['Orphans (manager not found)', c.orphans, 'int'],
    ['Open positions (vacant)', c.openPositions, 'int'],
  ];
  blocks.push({
    kind: 'table',
    table: {
      id: 'structure-summary',
      title: 'Structure summary',
      columns: [
        { key: 'metric', label: 'Metric', format: 'text' },
        { key: 'value', label: 'Value', format: 'decimal' },
      ],
      rows: summary.map(([k, v]) => [k, v]),
      rowFormats: summary.map(([, , f]) => f),
    },
  });
  const bands = SPAN_BANDS.map((b) => [b, c.span.bands[b]] as const);
  blocks.push({
    kind: 'chart',
    chart: {
      kind: 'bar',
      title: 'Span bands',
      categoryLabel: 'Direct reports (span band)',
      valueLabel: 'Managers',
      categories: bands.map(([b]) => b),
      series: [{ label: 'Managers', values: bands.map(([, n]) => n) }],
    },
  });
  blocks.push({
    kind: 'table',
    table: {
      id: 'structure-span-bands',
      title: 'Span bands',
      columns: [
        { key: 'band', label: 'Span band (direct reports)', format: 'text' },
        { key: 'managers', label: 'Managers', format: 'int' },
        { key: 'share', label: 'Share of managers', format: 'percent' },
      ],
      rows: bands.map(([b, n]) => [
        b,
        n,
        c.managers > 0 ? Math.round((n / c.managers) * 10000) / 10000 : null,
      ]),
      inPdf: false,
    },
  });
  if (!isSuppressed(o.spans) && o.spans.length) {
    const spans = o.spans;
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'bar',
        title: 'Spans of control',
        categoryLabel: 'Direct reports',
        valueLabel: 'Managers',
        categories: spans.map((s) => String(s.span)),
        series: [{ label: 'Managers', values: spans.map((s) => s.managers) }],
      },
    });
    blocks.push({
      kind: 'table',
      table: {
        id: 'structure-spans',
        title: 'Spans of control',
        columns: [
          { key: 'span', label: 'Direct reports', format: 'int' },
          { key: 'managers', label: 'Managers', format: 'int' },
        ],
        rows: spans.map((s) => [s.span, s.managers]),
        inPdf: false,
      },
    });
  }
  blocks.push({
    kind: 'chart',
    chart: {
      kind: 'hbar',
      title: 'Layer pyramid',
      categoryLabel: 'Layer (1 = top)',
      valueLabel: 'People',
      stacked: true,
      categories: c.pyramid.map((r) => `Layer ${r.layer}`),
      series: PYRAMID_SERIES.map(([key, label]) => ({ label, values: c.pyramid.map((r) => r[key]) })),
    },
  });
  blocks.push({
    kind: 'table',
    table: {
      id: 'structure-pyramid',
      title: 'Layer pyramid',
      columns: [
        { key: 'layer', label: 'Layer', format: 'int' },
        { key: 'headcount', label: 'Headcount', format: 'int' },
        ...PYRAMID_SERIES.map(([key, label]) => ({ key, label, format: 'int' as const })),
      ],
      rows: c.pyramid.map((r) => [r.layer, r.headcount, ...PYRAMID_SERIES.map(([key]) => r[key])]),
    },
  });
  if (ctx.dash.unit.department === null) {
    const { rows, hidden } = await departmentRows(ctx);
    blocks.push({
      kind: 'table',
      table: {
        id: 'structure-departments',
        title: 'Departments',
        note:
          hidden.length > 0
            ? `Departments left out: ${hiddenReasonsText(hidden)}.`
            : 'Each department at its organisation-wide layers and spans.',
        columns: [
          { key: 'department', label: 'Department', format: 'text' },
          { key: 'headcount', label: 'Headcount', format: 'int' },
          { key: 'managers', label: 'Managers', format: 'int' },
          { key: 'ics', label: 'ICs', format: 'int' },
          { key: 'middleManagers', label: 'Middle managers', format: 'int' },
          { key: 'medianSpan', label: 'Median span', format: 'decimal' },
          { key: 'icsPerManager', label: 'ICs per manager', format: 'decimal' },
          { key: 'managerRatio', label: 'Manager ratio', format: 'percent' },
          { key: 'openPositions', label: 'Open positions', format: 'int' },
        ],
        rows,
      },
    });
  }
  return {
    ...base,
    intro:
      'How the organisation is built: spans of control, layers and managerial levels, and how departments compare.',
    blocks,
  };
}
