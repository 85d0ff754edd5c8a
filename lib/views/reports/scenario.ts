/**
 * A scenario's pages in the planning pack and its sheet in the workbook (issue #14 part 5): who,
 * what and when; before / after / difference of the structure, ladder and ceiling figures; span
 * bands and layers before vs after side by side; the list of changes with managers' names; and the
 * result's extra parts (cost, ...) from one list of renderers, SCENARIO_EXTRAS. Pure: the DAL
 * (lib/dal/reports/sections/scenario.ts) loads and checks everything first.
 */
import type {
  ChartSpec,
  ReportBlock,
  ReportCell,
  ReportSection,
  ReportTable,
  ValueFormat,
} from '@/lib/export/report-model';
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { isOnIcLadder } from '@/lib/metrics/ladder';
import { isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { SPAN_BANDS } from '@/lib/metrics/spans';
import { TrackCode } from '@/lib/metrics/tracks';
import { getTopIcRank } from '@/lib/ladders/ladder-facts';
import type { ScenarioChanges } from '@/lib/scenarios';
import type { LadderContractRow, MetricsDocument } from '../metrics-document';
import type { ScenarioCostView } from '@/lib/scenarios';
import { diff, scenarioCostBlocks } from './scenario-cost';

/** The structural part of IC-ceiling risk a scenario can change, for the scenario's unit. */
export interface ScenarioCeilingFigures {
  /** declared ICs (people on the IC track) */
  ics: number;
  /** of those, at the highest IC level held in their department */
  atCeiling: number;
  /** of those, at the top IC rung of the whole ladder */
  atLadderTop: number;
}

/**
 * The ceiling figures of a unit (record indices, null = whole snapshot): declared ICs, those at
 * their department's IC ceiling and at the ladder's top rung, as the Ceiling-risk dashboard's
 * two ceiling reasons count them (lib/metrics/ceiling-risk.ts).
 */
export function unitCeilingFigures(snap: PreparedSnapshot, nodes: Int32Array | null): ScenarioCeilingFigures {
  const { tree, levels } = snap;
  const at = findUnitCeilings(snap);
  const top = getTopIcRank(levels.ladder);
  const out: ScenarioCeilingFigures = { ics: 0, atCeiling: 0, atLadderTop: 0 };
  const visit = (i: number) => {
    if (!isPerson(tree, i) || levels.declared[i] !== TrackCode.ic) return;
    out.ics++;
    if (at[i] === 1) out.atCeiling++;
    if (top !== null && isOnIcLadder(levels, i) && (levels.rank[i] ?? 0) >= top) out.atLadderTop++;
  };
  if (nodes === null) for (let i = 0; i < tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  return out;
}

/** evaluateScenario's answer; parts beyond before / after / changes (cost, ...) go to SCENARIO_EXTRAS. */
export interface ScenarioResultLike {
  before: MetricsDocument;
  after: MetricsDocument;
  changes: ScenarioChanges;
  cost?: ScenarioCostView;
}

export interface ScenarioSectionInput {
  scenario: {
    id: number;
    name: string;
    status: string;
    effectiveDate: string;
    ownerEmail: string;
    fromAsOf: string;
    /** e.g. "Subtree of Cy Head (C)" or "Whole organisation" */
    unitLabel: string;
    operations: number;
  };
  result: ScenarioResultLike;
  ceiling: { before: ScenarioCeilingFigures; after: ScenarioCeilingFigures } | null;
  /** "Ben Lead (B)"; the id alone when the name is unknown */
  nameOf: (id: string | null) => string;
  /** most change rows drawn in the PDF (all are in the workbook) */
  pdfChangeRows?: number;
  /** the organisation's minimum group size (what hidden figures say) */
  minGroupSize: number;
}

type Row = [label: string, before: number | null, after: number | null, format: ValueFormat];

const COMPARE_COLUMNS = [
  { key: 'metric', label: 'Metric', format: 'text' },
  { key: 'before', label: 'Before', format: 'decimal' },
  { key: 'after', label: 'After', format: 'decimal' },
  { key: 'difference', label: 'Difference', format: 'decimal' },
] as const satisfies ReportTable['columns'];

/** A before / after / difference table of labelled figures. */
export function compareTable(id: string, title: string, rows: readonly Row[], note?: string): ReportTable {
  return {
    id,
    title,
    ...(note ? { note } : {}),
    columns: [...COMPARE_COLUMNS],
    rows: rows.map(([label, b, a]) => [label, b, a, diff(b, a)]),
    rowFormats: rows.map(([, , , f]) => f),
  };
}

function structureRows(b: MetricsDocument, a: MetricsDocument): Row[] {
  const row = (label: string, f: (m: MetricsDocument) => number | null, format: ValueFormat): Row => [
    label,
    f(b),
    f(a),
    format,
  ];
  return [
    row('Headcount', (m) => m.headcount, 'int'),
    row('Managers', (m) => m.managers, 'int'),
    row('ICs', (m) => m.ics, 'int'),
    row('Layers (depth)', (m) => m.depth, 'int'),
    row('Management layers', (m) => m.managementLayers, 'int'),
    row('Manager ratio (managers / headcount)', (m) => m.managerRatio, 'percent'),
    row('ICs per manager', (m) => m.icsPerManager, 'decimal'),
    row('Span: mean', (m) => m.span.mean, 'decimal'),
    row('Span: median', (m) => m.span.median, 'decimal'),
    row('Span: p10', (m) => m.span.p10, 'decimal'),
    row('Span: p90', (m) => m.span.p90, 'decimal'),
    row('Executives', (m) => m.managerialLevels.executive, 'int'),
    row('Middle managers (managers of managers)', (m) => m.middleManagers, 'int'),
    row('Managers of ICs', (m) => m.managerialLevels.managerOfIcs, 'int'),
    row('Open positions (vacant)', (m) => m.openPositions, 'int'),
  ];
}

function ceilingRows(c: NonNullable<ScenarioSectionInput['ceiling']>): Row[] {
  const share = (f: ScenarioCeilingFigures) =>
    f.ics > 0 ? Math.round((f.atCeiling / f.ics) * 10000) / 10000 : null;
  return [
    ['ICs on the IC track', c.before.ics, c.after.ics, 'int'],
    ["ICs at their department's IC ceiling", c.before.atCeiling, c.after.atCeiling, 'int'],
    ['Share of ICs at the ceiling', share(c.before), share(c.after), 'percent'],
    ['ICs at the top rung of the ladder', c.before.atLadderTop, c.after.atLadderTop, 'int'],
  ];
}

const dept = (d: string | null) => d ?? '(no department)';

function ladderTable(id: string, b: MetricsDocument, a: MetricsDocument): ReportTable {
  const before = new Map(b.ladder.departments.map((r) => [r.department, r]));
  const after = new Map(a.ladder.departments.map((r) => [r.department, r]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) =>
    dept(x).localeCompare(dept(y)),
  );
  const pick = <K extends keyof LadderContractRow>(
    m: Map<string | null, LadderContractRow>,
    d: string | null,
    k: K,
  ) => m.get(d)?.[k] ?? null;
  const yes = (v: boolean | null): ReportCell => (v === null ? null : v ? 'yes' : 'no');
  return {
    id,
    title: 'IC ladder by department, before and after',
    note: 'Departments whose figures this reader may not see are left out on both sides.',
    columns: [
      { key: 'department', label: 'Department', format: 'text' },
      { key: 'depthBefore', label: 'IC ladder depth before', format: 'int' },
      { key: 'depthAfter', label: 'after', format: 'int' },
      { key: 'ceilingBefore', label: 'IC ceiling before', format: 'text' },
      { key: 'ceilingAfter', label: 'after', format: 'text' },
      { key: 'shortBefore', label: 'Short ladder before', format: 'text' },
      { key: 'shortAfter', label: 'after', format: 'text' },
      { key: 'seniorBefore', label: 'Senior IC share before', format: 'percent' },
      { key: 'seniorAfter', label: 'after', format: 'percent' },
    ],
    rows: names.map((d) => [
      dept(d),
      pick(before, d, 'icLadderDepth'),
      pick(after, d, 'icLadderDepth'),
      pick(before, d, 'icCeiling'),
      pick(after, d, 'icCeiling'),
      yes(pick(before, d, 'shortLadder')),
      yes(pick(after, d, 'shortLadder')),
      pick(before, d, 'seniorIcShare'),
      pick(after, d, 'seniorIcShare'),
    ]),
  };
}

function beforeAfterChart(
  title: string,
  categoryLabel: string,
  valueLabel: string,
  categories: string[],
  before: number[],
  after: number[],
): ChartSpec {
  return {
    kind: 'bar',
    title,
    categoryLabel,
    valueLabel,
    categories,
    series: [
      { label: 'Before', values: before },
      { label: 'After', values: after },
    ],
  };
}

function layerRows(b: MetricsDocument, a: MetricsDocument) {
  const layers = [...new Set([...b.pyramid, ...a.pyramid].map((r) => r.layer))].sort((x, y) => x - y);
  const at = (m: MetricsDocument, layer: number) => m.pyramid.find((r) => r.layer === layer);
  return layers.map((layer) => ({ layer, before: at(b, layer), after: at(a, layer) }));
}

const level = (l: string | null, t: string | null) => `${l ?? 'no level'}${t ? ` (${t})` : ''}`;

/** Every change as a row, in the order of the operations behind them. */
function changeRows(c: ScenarioChanges, nameOf: ScenarioSectionInput['nameOf']): ReportCell[][] {
  const rows: Array<[number, ReportCell[]]> = [
    ...c.moved.map((m): [number, ReportCell[]] => [
      m.op,
      ['Moved', nameOf(m.id), nameOf(m.from), nameOf(m.to)],
    ]),
    ...c.removed.map((r): [number, ReportCell[]] => [
      r.op,
      ['Removed', nameOf(r.id), `reported to ${nameOf(r.manager)}`, 'position removed'],
    ]),
    ...c.added.map((a): [number, ReportCell[]] => [
      a.op,
      ['Added (vacant)', nameOf(a.id), '', `${level(a.level, a.track)} under ${nameOf(a.manager)}`],
    ]),
    ...c.levels.map((l): [number, ReportCell[]] => [
      l.op,
      ['Level change', nameOf(l.id), level(l.fromLevel, l.fromTrack), level(l.toLevel, l.toTrack)],
    ]),
  ];
  return rows.sort((x, y) => x[0] - y[0]).map(([op, cells]) => [...cells, op >= 0 ? op + 1 : null]);
}

/**
 * Renderers of the parts a scenario result may carry besides before / after / changes. A new part
 * (cost, health flags, ...) is one entry here: it gets the scenario id and the result.
 */
export const SCENARIO_EXTRAS: Array<(input: ScenarioSectionInput) => ReportBlock[]> = [
  // ---- cost (issue #14 "Cost"): drawn only when evaluateScenario's result has a `cost` ----
  (input) => scenarioCostBlocks(input.scenario.id, input.result.cost, input.nameOf, input.minGroupSize),
  // ---- end of cost ----
];

/** The scenario's pages: a section titled "Scenario: <name>", its tables on one sheet "Scenario <name>". */
export function scenarioSection(input: ScenarioSectionInput): ReportSection {
  const { scenario: s, result, ceiling, nameOf } = input;
  const { before: b, after: a, changes: c } = result;
  const key = `scenario-${s.id}`;
  const blocks: ReportBlock[] = [];
  blocks.push({
    kind: 'table',
    table: {
      id: `${key}-about`,
      title: 'Scenario',
      columns: [
        { key: 'item', label: 'Item', format: 'text' },
        { key: 'value', label: 'Value', format: 'text' },
      ],
      rows: [
        ['Name', s.name],
        ['Status', s.status],
        ['Effective date', s.effectiveDate],
        ['Owner', s.ownerEmail],
        ['Unit', s.unitLabel],
        ['Starts from the snapshot of', s.fromAsOf],
        ['Operations', String(s.operations)],
      ],
    },
  });
  blocks.push({
    kind: 'paragraph',
    text:
      `${c.moved.length} moved, ${c.removed.length} position${c.removed.length === 1 ? '' : 's'} removed, ` +
      `${c.added.length} added (vacant), ${c.levels.length} level or track change${c.levels.length === 1 ? '' : 's'}. ` +
      'After = the figures the dashboards would show for this unit if the scenario were imported, with the same definitions.',
  });
  const rows = structureRows(b, a);
  blocks.push({
    kind: 'table',
    table: compareTable(
      `${key}-figures`,
      'Structure and ceiling figures, before and after',
      ceiling ? [...rows, ...ceilingRows(ceiling)] : rows,
      'Difference = after minus before; for shares, in percentage points.',
    ),
  });
  const layers = layerRows(b, a);
  blocks.push({
    kind: 'chart-pair',
    charts: [
      beforeAfterChart(
        'Span bands',
        'Direct reports (span band)',
        'Managers',
        [...SPAN_BANDS],
        SPAN_BANDS.map((x) => b.span.bands[x]),
        SPAN_BANDS.map((x) => a.span.bands[x]),
      ),
      beforeAfterChart(
        'Headcount by layer',
        'Layer (1 = top)',
        'People',
        layers.map((l) => String(l.layer)),
        layers.map((l) => l.before?.headcount ?? 0),
        layers.map((l) => l.after?.headcount ?? 0),
      ),
    ],
  });
  blocks.push({
    kind: 'table',
    table: {
      id: `${key}-span-bands`,
      title: 'Span bands, before and after',
      columns: [
        { key: 'band', label: 'Span band (direct reports)', format: 'text' },
        { key: 'before', label: 'Managers before', format: 'int' },
        { key: 'after', label: 'Managers after', format: 'int' },
        { key: 'difference', label: 'Difference', format: 'int' },
      ],
      rows: SPAN_BANDS.map((x) => [x, b.span.bands[x], a.span.bands[x], a.span.bands[x] - b.span.bands[x]]),
      inPdf: false,
    },
  });
  blocks.push({
    kind: 'table',
    table: {
      id: `${key}-layers`,
      title: 'Layers, before and after',
      columns: [
        { key: 'layer', label: 'Layer', format: 'int' },
        { key: 'headBefore', label: 'People before', format: 'int' },
        { key: 'headAfter', label: 'after', format: 'int' },
        { key: 'mgrBefore', label: 'Managers before', format: 'int' },
        { key: 'mgrAfter', label: 'after', format: 'int' },
        { key: 'icBefore', label: 'ICs before', format: 'int' },
        { key: 'icAfter', label: 'after', format: 'int' },
      ],
      rows: layers.map((l) => [
        l.layer,
        l.before?.headcount ?? 0,
        l.after?.headcount ?? 0,
        l.before?.managers ?? 0,
        l.after?.managers ?? 0,
        l.before?.ics ?? 0,
        l.after?.ics ?? 0,
      ]),
    },
  });
  blocks.push({ kind: 'table', table: ladderTable(`${key}-ladder`, b, a) });
  const all = changeRows(c, nameOf);
  const limit = input.pdfChangeRows ?? 200;
  blocks.push({
    kind: 'table',
    table: {
      id: `${key}-changes`,
      title: 'Changes',
      note:
        all.length > limit
          ? `The first ${limit} of ${all.length} changes; the XLSX workbook lists them all.`
          : 'Net changes: a person moved twice shows once, from first to last manager.',
      columns: [
        { key: 'change', label: 'Change', format: 'text' },
        { key: 'person', label: 'Person or position', format: 'text' },
        { key: 'from', label: 'Before', format: 'text' },
        { key: 'to', label: 'After', format: 'text' },
        { key: 'op', label: 'Operation', format: 'int' },
      ],
      rows: all,
      pdfRowLimit: limit,
    },
  });
  for (const extra of SCENARIO_EXTRAS) blocks.push(...extra(input));
  return {
    id: key,
    title: `Scenario: ${s.name}`,
    intro: `A planned structure for ${s.unitLabel}, from the ${s.fromAsOf} snapshot, effective ${s.effectiveDate}; not imported data.`,
    blocks,
    personLevel: true,
    sheet: `Scenario ${s.name}`,
  };
}
