import 'server-only';
import type { ReportSection } from '@/lib/export/report-model';
import { SECTION_CATALOG, type SectionId, type SectionInfo } from '@/lib/export/report-sections';
import type { ReportContext } from './context';
import { buildAiSection } from './sections/ai';
import { buildLadderSection } from './sections/ladder';
import { buildOverviewSection } from './sections/overview';
import { buildPeopleSection } from './sections/people';
import { buildStructureSection } from './sections/structure';
import { buildTrendsSection } from './sections/trends';

export type SectionBuilder = (ctx: ReportContext) => Promise<ReportSection>;

/**
 * Section id -> builder. Each builder reads through the same DAL functions as the dashboards
 * (scope and min-group-size rules included) and returns report blocks; a new section is one
 * catalog entry (lib/export/report-sections.ts) plus one builder here.
 */
const BUILDERS: Record<SectionId, SectionBuilder> = {
  overview: buildOverviewSection,
  structure: buildStructureSection,
  ladder: buildLadderSection,
  trends: buildTrendsSection,
  ai: buildAiSection,
  people: buildPeopleSection,
};

/** Replaces a section's builder (e.g. when a dashboard family grows a richer one). */
export function registerSectionBuilder(id: SectionId, build: SectionBuilder): void {
  BUILDERS[id] = build;
}

/** The sections to build, in catalog order, with their builders. */
export function planSections(ids: readonly SectionId[]): Array<SectionInfo & { build: SectionBuilder }> {
  return SECTION_CATALOG.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, build: BUILDERS[s.id] }));
}
