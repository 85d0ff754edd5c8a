/**
 * Metric definitions in plain words, written from SPEC.md "Metric definitions", in one place so
 * the report appendix, workbook notes and chart tooltips say the same thing as the code computes.
 * Pure: no db, framework or DAL imports.
 */
export type DefinitionGroup = 'structure' | 'ladder' | 'trends' | 'ai' | 'privacy';

export interface MetricDefinition {
  /** stable key (matches KPI keys where one exists) */
  key: string;
  term: string;
  group: DefinitionGroup;
  definition: string;
}

export const DEFINITION_GROUP_TITLES: Record<DefinitionGroup, string> = {
  structure: 'Structure',
  ladder: 'Ladder and IC-ceiling risk',
  trends: 'Trends',
  ai: 'AI productivity',
  privacy: 'Privacy and scope',
};

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    key: 'layer',
    term: 'Layer and depth',
    group: 'structure',
    definition:
      "The root is layer 1; a person's layer is their manager's layer + 1. Depth is the largest layer. In a subtree, its root is layer 1.",
  },
  {
    key: 'headcount',
    term: 'Headcount',
    group: 'structure',
    definition: 'Filled people; vacant positions are excluded and counted as open positions.',
  },
  {
    key: 'managers',
    term: 'Manager and IC',
    group: 'structure',
    definition:
      'A manager has at least one direct report; an individual contributor (IC) has none. This structural role drives spans, layers and managerial levels.',
  },
  {
    key: 'declaredTrack',
    term: 'Declared track',
    group: 'structure',
    definition:
      "The track column, else the track of the person's level in the ladder, else the structural role. Used by ladder metrics, promotions and track moves.",
  },
  {
    key: 'span',
    term: 'Span of control',
    group: 'structure',
    definition:
      'Number of direct reports of a manager. Mean, median, p10 and p90 are over managers only; percentiles use linear interpolation between closest ranks (as Excel PERCENTILE.INC).',
  },
  {
    key: 'spanBands',
    term: 'Span bands',
    group: 'structure',
    definition: 'Managers grouped by span: 1 | 2-3 | 4-7 | 8-12 | 13-16 | 17+.',
  },
  {
    key: 'managerialLevel',
    term: 'Managerial level',
    group: 'structure',
    definition:
      'Executive (a manager in the executive layers, default the top 2) | manager of managers | manager of ICs (all direct reports are ICs) | IC.',
  },
  {
    key: 'middleManagers',
    term: 'Middle managers',
    group: 'structure',
    definition: 'Managers of managers that are not executives.',
  },
  {
    key: 'managerRatio',
    term: 'Manager ratio; ICs per manager',
    group: 'structure',
    definition: 'Managers / headcount; ICs / managers.',
  },
  {
    key: 'managementLayers',
    term: 'Management layers',
    group: 'structure',
    definition: 'Layers that contain at least one manager.',
  },
  {
    key: 'pyramid',
    term: 'Layer pyramid',
    group: 'structure',
    definition: 'Headcount per layer, split by managerial level.',
  },
  {
    key: 'icLadderDepth',
    term: 'IC ladder depth',
    group: 'ladder',
    definition: "Number of distinct IC-track levels held by a unit's declared ICs.",
  },
  {
    key: 'icCeiling',
    term: 'IC ceiling; short ladder',
    group: 'ladder',
    definition:
      'The highest IC level held in the unit. A short ladder tops out at or below the 3rd IC level (two to three career steps).',
  },
  {
    key: 'parityGap',
    term: 'Parity gap',
    group: 'ladder',
    definition:
      "IC-equivalent rank of the unit's highest manager level minus its IC ceiling (positive: managers climb higher than ICs can).",
  },
  {
    key: 'seniorIcShare',
    term: 'Senior IC share',
    group: 'ladder',
    definition:
      'Declared ICs at Staff-equivalent level or above (IC4 in the default ladder) / all declared ICs.',
  },
  {
    key: 'atIcCeiling',
    term: 'ICs at the IC ceiling',
    group: 'ladder',
    definition: "Declared ICs holding their department's highest IC level.",
  },
  {
    key: 'timeInLevel',
    term: 'Time in level',
    group: 'ladder',
    definition: 'As-of date minus level start date, else inferred from the snapshot history.',
  },
  {
    key: 'ceilingRisk',
    term: 'IC-ceiling risk',
    group: 'ladder',
    definition:
      'Per IC, 0-100, from four reasons: at the ceiling of their department (30), at the top of the company ladder (20), time in level above the p75 before promotion for that level or over 24 months (30), no promotion in the last 24 months (20). High risk = 60 or more. Reported per unit in aggregate; named only inside the reader\u2019s scope, never for viewers.',
  },
  {
    key: 'ceilingLeavers',
    term: 'Leavers at the ceiling',
    group: 'ladder',
    definition:
      "The previous snapshot's declared ICs split by whether they sat at their department's IC ceiling, and how many of each group left by this snapshot.",
  },
  {
    key: 'changeVsPrevious',
    term: 'Change vs previous',
    group: 'trends',
    definition: 'Value now minus the value in the previous snapshot (percentages: difference in points).',
  },
  {
    key: 'changeVsPeak',
    term: 'Change vs peak',
    group: 'trends',
    definition:
      'Value now minus its maximum over earlier snapshots (e.g. middle managers now vs their peak).',
  },
  {
    key: 'joiners',
    term: 'Joiners, leavers, movers',
    group: 'trends',
    definition:
      'Joiners are in this snapshot and not the previous one, leavers the reverse; movers changed manager. All between consecutive snapshots.',
  },
  {
    key: 'promotions',
    term: 'Promotions and track moves',
    group: 'trends',
    definition:
      'A promotion keeps the declared track and reaches a higher rank; a track move goes from the IC track to the manager track or back.',
  },
  {
    key: 'delayering',
    term: 'Delayering events',
    group: 'trends',
    definition:
      'Managers who disappear or lose all reports while their former reports now sit higher; layers removed = drop in depth.',
  },
  {
    key: 'adoption',
    term: 'AI adoption',
    group: 'ai',
    definition: 'AI-active users / engineers over the period (distinct users, not summed daily counts).',
  },
  {
    key: 'acceptanceRate',
    term: 'Acceptance rate',
    group: 'ai',
    definition:
      'Sum of acceptances / sum of suggestions (by count) and lines accepted / lines suggested (by lines), always from sums.',
  },
  {
    key: 'aiAssistedShare',
    term: 'AI-assisted PR share; throughput; cost',
    group: 'ai',
    definition:
      'AI-assisted PRs / PRs merged; PRs merged per engineer per week; AI spend per engineer per month; AI spend / PRs merged.',
  },
  {
    key: 'minGroupSize',
    term: 'Minimum group size',
    group: 'privacy',
    definition:
      'For leaders and viewers, any figure about fewer than the minimum group size (default 5) is suppressed and shown as "fewer than N people", and so is any figure that would let a smaller group be worked out by adding or subtracting the figures shown (for example a team minus its sub-teams): then the next-smallest unit or row is hidden too, shown as "hidden so a smaller group cannot be worked out" (it is not a small group itself). A row about nobody (0 people) is shown as 0. HR and admins see every figure.',
  },
  {
    key: 'scope',
    term: 'Scope',
    group: 'privacy',
    definition:
      "A leader or viewer limited to a subtree sees only that subtree's people and figures; viewers never see person-level data.",
  },
];

/** The definitions of the given groups, in appendix order. */
export function listDefinitions(groups: readonly DefinitionGroup[]): MetricDefinition[] {
  const order = Object.keys(DEFINITION_GROUP_TITLES) as DefinitionGroup[];
  return order
    .filter((g) => groups.includes(g))
    .flatMap((g) => METRIC_DEFINITIONS.filter((d) => d.group === g));
}

/** Which definition of IC and manager a count uses (SPEC "Structure": structural vs declared track). */
export type CountBasis = 'structural' | 'declared';

/** The short tag shown next to a count, and the explanation in its definition. */
export const COUNT_BASIS: Record<CountBasis, { tag: string; explanation: string }> = {
  structural: {
    tag: 'by reports (structural)',
    explanation:
      'Counted by reports (structural): a manager has at least one direct report, an IC has none. Spans, layers and managerial levels use this; the Ladder counts by declared track, so its IC and manager counts can differ.',
  },
  declared: {
    tag: 'by declared track',
    explanation:
      'Counted by declared track: the track column, else the track of the level in the ladder, else whether the person has reports. Ladder metrics, promotions and track moves use this; Structure and Overview count by reports, so the counts differ where a declared IC has reports or a declared manager has none.',
  },
};
