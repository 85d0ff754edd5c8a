/**
 * The report's sections and the tables each one produces: shared by the Reports page (choices),
 * the API (validation) and the DAL registry that fills them. Pure data.
 */
import type { DefinitionGroup } from '@/lib/metrics/definitions';

export const SECTION_IDS = ['overview', 'structure', 'ladder', 'trends', 'ai', 'people'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionInfo {
  id: SectionId;
  title: string;
  description: string;
  definitionGroups: DefinitionGroup[];
  /** tables the section can produce (some depend on scope or data) */
  tables: Array<{ id: string; title: string }>;
  /** person-level: only for roles that may see people, and only when asked for */
  personLevel?: boolean;
}

export const SECTION_CATALOG: readonly SectionInfo[] = [
  {
    id: 'overview',
    title: 'Overview',
    description: 'Key figures with change vs previous snapshot and vs peak; what stands out.',
    definitionGroups: ['structure', 'ladder', 'trends'],
    tables: [{ id: 'overview-kpis', title: 'Key figures' }],
  },
  {
    id: 'structure',
    title: 'Structure',
    description: 'Spans of control, span bands, the layer pyramid and departments.',
    definitionGroups: ['structure'],
    tables: [
      { id: 'structure-summary', title: 'Structure summary' },
      { id: 'structure-span-bands', title: 'Span bands' },
      { id: 'structure-spans', title: 'Spans of control' },
      { id: 'structure-pyramid', title: 'Layer pyramid' },
      { id: 'structure-departments', title: 'Departments' },
    ],
  },
  {
    id: 'ladder',
    title: 'Ladder and ceiling risk',
    description: 'IC ladder depth, ceilings and parity by department; IC-ceiling risk in aggregate.',
    definitionGroups: ['ladder'],
    tables: [
      { id: 'ladder-summary', title: 'Ladder summary' },
      { id: 'ladder-departments', title: 'IC ladder by department' },
      { id: 'ladder-ceiling-risk', title: 'IC-ceiling risk by department' },
      { id: 'ladder-risk-heatmap', title: 'Mean risk score by department and level' },
      { id: 'ladder-ceiling-leavers', title: 'Leavers at the ceiling' },
      { id: 'ladder-promotion-velocity', title: 'Promotion velocity' },
      { id: 'ladder-track-moves', title: 'Track moves between snapshots' },
    ],
  },
  {
    id: 'trends',
    title: 'Trends',
    description:
      'Flattening over the snapshot series: headcount, managers, middle managers, layers, changes.',
    definitionGroups: ['trends', 'structure'],
    tables: [
      { id: 'trends-series', title: 'Snapshot series' },
      { id: 'trends-changes', title: 'Changes since the previous snapshot' },
    ],
  },
  {
    id: 'ai',
    title: 'AI productivity',
    description:
      'AI adoption, acceptance, AI-assisted PR share, throughput and cost, when AI usage data exists.',
    definitionGroups: ['ai'],
    tables: [{ id: 'ai-summary', title: 'AI usage summary' }],
  },
  {
    id: 'people',
    title: 'Person-level pages',
    description: 'Named ICs at high ceiling risk and managers with very narrow or wide spans (confidential).',
    definitionGroups: ['ladder'],
    tables: [
      { id: 'people-ceiling-risk', title: 'ICs at high IC-ceiling risk' },
      { id: 'people-span-outliers', title: 'Managers with narrow or wide spans' },
    ],
    personLevel: true,
  },
];

/** The catalog entry of a section. */
export function findSection(id: string): SectionInfo | undefined {
  return SECTION_CATALOG.find((s) => s.id === id);
}

/** The section that produces a table id. */
export function findTableSection(tableId: string): SectionInfo | undefined {
  return SECTION_CATALOG.find((s) => s.tables.some((t) => t.id === tableId));
}
