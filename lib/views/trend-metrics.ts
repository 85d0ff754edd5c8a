import type { UnitPoint } from './points';

export type TrendFormat = 'int' | 'decimal' | 'percent';

/** One metric the trends page can draw; `target` says which target (if any) applies to it. */
export interface TrendMetricDef {
  key: string;
  label: string;
  group: 'Structure' | 'Spans' | 'Ladder';
  format: TrendFormat;
  definition: string;
  target?: 'span' | 'layers';
}

type Extract = (p: UnitPoint) => number | null;

const narrowShare: Extract = (p) => {
  const s = p.structure;
  if (s.managers === 0) return null;
  return Math.round(((s.span.bands['1'] + s.span.bands['2-3']) / s.managers) * 10000) / 10000;
};

/** Every structure and ladder metric of SPEC "Structure" and "Ladder" that has one value per snapshot. */
export const TREND_METRICS: ReadonlyArray<TrendMetricDef & { value: Extract }> = [
  {
    key: 'headcount',
    label: 'Headcount',
    group: 'Structure',
    format: 'int',
    definition: 'Filled people; vacant positions excluded.',
    value: (p) => p.structure.headcount,
  },
  {
    key: 'managers',
    label: 'Managers',
    group: 'Structure',
    format: 'int',
    definition: 'People with at least one direct report.',
    value: (p) => p.structure.managers,
  },
  {
    key: 'ics',
    label: 'ICs',
    group: 'Structure',
    format: 'int',
    definition: 'People with no direct reports (structural individual contributors).',
    value: (p) => p.structure.ics,
  },
  {
    key: 'middleManagers',
    label: 'Middle managers',
    group: 'Structure',
    format: 'int',
    definition: 'Managers of managers that are not executives (below the executive layers).',
    value: (p) => p.structure.middleManagers,
  },
  {
    key: 'executives',
    label: 'Executives',
    group: 'Structure',
    format: 'int',
    definition: 'Managers in the executive layers (top layers, set by the admin; default 2).',
    value: (p) => p.structure.managerialLevels.executive,
  },
  {
    key: 'depth',
    label: 'Layers (depth)',
    group: 'Structure',
    format: 'int',
    definition: 'Largest layer: root = 1, each report one layer below their manager.',
    target: 'layers',
    value: (p) => p.structure.depth,
  },
  {
    key: 'managementLayers',
    label: 'Management layers',
    group: 'Structure',
    format: 'int',
    definition: 'Layers that contain at least one manager.',
    value: (p) => p.structure.managementLayers,
  },
  {
    key: 'managerRatio',
    label: 'Manager ratio',
    group: 'Structure',
    format: 'percent',
    definition: 'Managers / headcount.',
    value: (p) => p.structure.managerRatio,
  },
  {
    key: 'icsPerManager',
    label: 'ICs per manager',
    group: 'Structure',
    format: 'decimal',
    definition: 'ICs / managers.',
    value: (p) => p.structure.icsPerManager,
  },
  {
    key: 'openPositions',
    label: 'Open positions',
    group: 'Structure',
    format: 'int',
    definition: 'Vacant posts in the file (not headcount).',
    value: (p) => p.structure.openPositions,
  },
  {
    key: 'spanMean',
    label: 'Span: mean',
    group: 'Spans',
    format: 'decimal',
    definition: 'Mean number of direct reports, over managers only.',
    target: 'span',
    value: (p) => p.structure.span.mean,
  },
  {
    key: 'spanMedian',
    label: 'Span: median',
    group: 'Spans',
    format: 'decimal',
    definition: 'Median direct reports over managers (linear interpolation between closest ranks).',
    target: 'span',
    value: (p) => p.structure.span.median,
  },
  {
    key: 'spanP10',
    label: 'Span: p10',
    group: 'Spans',
    format: 'decimal',
    definition: '10th percentile of direct reports over managers (linear interpolation).',
    target: 'span',
    value: (p) => p.structure.span.p10,
  },
  {
    key: 'spanP90',
    label: 'Span: p90',
    group: 'Spans',
    format: 'decimal',
    definition: '90th percentile of direct reports over managers (linear interpolation).',
    target: 'span',
    value: (p) => p.structure.span.p90,
  },
  {
    key: 'narrowSpanShare',
    label: 'Narrow spans (1-3)',
    group: 'Spans',
    format: 'percent',
    definition: 'Share of managers in the span bands 1 and 2-3.',
    value: narrowShare,
  },
  {
    key: 'seniorIcShare',
    label: 'Senior IC share',
    group: 'Ladder',
    format: 'percent',
    definition: 'Declared ICs at Staff-equivalent level or above / all declared ICs.',
    value: (p) => p.ladder?.seniorIcShare ?? null,
  },
  {
    key: 'icLadderDepth',
    label: 'IC ladder depth',
    group: 'Ladder',
    format: 'int',
    definition: 'Number of distinct IC-track levels held by declared ICs.',
    value: (p) => p.ladder?.icLadderDepth ?? null,
  },
  {
    key: 'parityGap',
    label: 'Parity gap',
    group: 'Ladder',
    format: 'int',
    definition: "IC-equivalent rank of the unit's highest manager level minus its IC ceiling (rungs).",
    value: (p) => p.ladder?.parityGap ?? null,
  },
];
