import 'server-only';
import { flatteningCharts } from '@/lib/views/reports/flattening';
import type { ReportBlock, ReportCell, ReportSection, ValueFormat } from '@/lib/export/report-model';
import { isSuppressed } from '../../dashboards/context';
import { readStored } from '../../snapshot-data';
import { loadScopeNotes, smallPoints } from '../../scope-marks';
import { scopeNoticeBlocks } from '@/lib/views/reports/text';
import { suppressedText, type ReportContext } from '../context';

export { scopeNoticeBlocks } from '@/lib/views/reports/text';

/** Trends: the unit across the snapshot series, and the changes since the previous snapshot. */
export async function buildTrendsSection(ctx: ReportContext): Promise<ReportSection> {
  const base = { id: 'trends', title: 'Trends' } as const;
  const c = await ctx.contract();
  if (isSuppressed(c) || ctx.unitSuppressed)
    return {
      ...base,
      blocks: [{ kind: 'suppressed', text: suppressedText(isSuppressed(c) ? c : ctx.unitMarker) }],
    };
  const series = await ctx.series();
  const blocks: ReportBlock[] = scopeNoticeBlocks(
    (await loadScopeNotes(series, smallPoints(ctx.dash, series))).notes,
  );
  const cats = series.map((p) => p.asOf);
  if (series.length > 1) {
    blocks.push(
      flatteningCharts(
        cats,
        {
          middleManagers: series.map((p) => p.structure.middleManagers),
          managers: series.map((p) => p.structure.managers),
          headcount: series.map((p) => p.structure.headcount),
        },
        'Flattening',
      ),
    );
    // layers and spans are different units: two charts, each on its own axis
    blocks.push({
      kind: 'chart-pair',
      charts: [
        {
          kind: 'line',
          title: 'Layers',
          categoryLabel: 'Snapshot (as of)',
          valueLabel: 'Layers',
          categories: cats,
          series: [
            { label: 'Layers (depth)', values: series.map((p) => p.structure.depth) },
            { label: 'Management layers', values: series.map((p) => p.structure.managementLayers) },
          ],
        },
        {
          kind: 'line',
          title: 'Spans',
          categoryLabel: 'Snapshot (as of)',
          valueLabel: 'Direct reports / ICs',
          format: 'decimal',
          categories: cats,
          series: [
            { label: 'Median span', values: series.map((p) => p.structure.span.median) },
            { label: 'ICs per manager', values: series.map((p) => p.structure.icsPerManager) },
          ],
        },
      ],
    });
  } else {
    blocks.push({
      kind: 'notice',
      text: 'Only one snapshot is available for this scope: trends need at least two.',
    });
  }
  blocks.push({
    kind: 'table',
    table: {
      id: 'trends-series',
      title: 'Snapshot series',
      columns: [
        { key: 'asOf', label: 'As of', format: 'text' },
        { key: 'headcount', label: 'Headcount', format: 'int' },
        { key: 'managers', label: 'Managers', format: 'int' },
        { key: 'middleManagers', label: 'Middle managers', format: 'int' },
        { key: 'depth', label: 'Layers', format: 'int' },
        { key: 'managementLayers', label: 'Mgmt layers', format: 'int' },
        { key: 'medianSpan', label: 'Median span', format: 'decimal' },
        { key: 'icsPerManager', label: 'ICs per manager', format: 'decimal' },
        { key: 'seniorIcShare', label: 'Senior IC share', format: 'percent' },
      ],
      rows: series.map((p) => [
        p.asOf,
        p.structure.headcount,
        p.structure.managers,
        p.structure.middleManagers,
        p.structure.depth,
        p.structure.managementLayers,
        p.structure.span.median,
        p.structure.icsPerManager,
        p.ladder?.seniorIcShare ?? null,
      ]),
    },
  });
  const t = c.trend;
  const rows: Array<[string, ReportCell, ValueFormat]> = [
    ['Middle managers: peak over earlier snapshots', t.middleManagersPeak, 'int'],
    ['Middle managers: change since peak (%)', t.middleManagersChangeSincePeakPct, 'decimal'],
    ['Layers: change since peak', t.layersChangeSincePeak, 'int'],
    ['Joiners', t.joiners, 'int'],
    ['Leavers', t.leavers, 'int'],
    ['Promotions', t.promotions, 'int'],
    ['IC -> manager track moves', t.icToManager, 'int'],
    ['Manager -> IC track moves', t.managerToIc, 'int'],
  ];
  if (ctx.dash.unit.stored?.scopeType === 'org') {
    const stored = await readStored<{
      counts?: { movers?: number; delayeringEvents?: number };
      layersRemoved?: number;
    }>(ctx.dash.ref.id, 'changes', 'org');
    if (stored?.counts) {
      rows.push(['Movers (manager changed)', stored.counts.movers ?? null, 'int']);
      rows.push(['Delayering events', stored.counts.delayeringEvents ?? null, 'int']);
      rows.push(['Layers removed', stored.layersRemoved ?? null, 'int']);
    }
  }
  const previous = series.filter((p) => p.asOf < ctx.dash.ref.asOf).at(-1)?.asOf;
  blocks.push({
    kind: 'table',
    table: {
      id: 'trends-changes',
      title: 'Changes since the previous snapshot',
      note: previous
        ? `Between ${previous} and ${ctx.dash.ref.asOf}, for people in this scope.`
        : 'No previous snapshot: changes need two snapshots.',
      columns: [
        { key: 'metric', label: 'Change', format: 'text' },
        { key: 'value', label: 'Value', format: 'decimal' },
      ],
      rows: rows.map(([k, v]) => [k, v]),
      rowFormats: rows.map(([, , f]) => f),
    },
  });
  return {
    ...base,
    intro: 'Is the organisation flattening? Every snapshot up to this one, for the same scope.',
    blocks,
  };
}
