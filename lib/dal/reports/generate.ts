import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import { DEFINITION_GROUP_TITLES, listDefinitions, type DefinitionGroup } from '@/lib/metrics/definitions';
import { renderReportPdf } from '@/lib/export/pdf';
import { renderTableCsv } from '@/lib/export/report-csv';
import {
  listReportTables,
  WHOLE_ORGANISATION,
  type ReportDocument,
  type ReportSection,
} from '@/lib/export/report-model';
import { findTableSection, type SectionId } from '@/lib/export/report-sections';
import { renderReportXlsx } from '@/lib/export/xlsx';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { auditScenarioExport } from '../scenarios';
import { ValidationError } from '../errors';
import { reportAccessOf, type ReportAccess } from './access';
import { mayLabelUnit, unlabelledTeams } from '@/lib/views/unit-labels';
import { loadReportContext, type ReportContext } from './context';
import type { ReportParams } from './params';
import { planSections } from './registry';
import { buildScenarioSection } from './sections/scenario';

export interface GeneratedReport {
  bytes: Buffer;
  filename: string;
  contentType: string;
  document: ReportDocument;
  /** the rights it was made with, re-checked when it is downloaded later */
  access: ReportAccess;
}

export type ProgressFn = (percent: number, stage: string) => void | Promise<void>;

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The organisation's name: its orgName setting, else its name, else STRATA_ORG_NAME, else a plain label. */
async function readOrgName(orgId: number): Promise<string> {
  const { db } = await getDatabase();
  const [row] = await db
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.orgId, orgId), eq(schema.settings.key, 'orgName')));
  if (typeof row?.value === 'string' && row.value.trim()) return row.value.trim();
  const [org] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, orgId));
  if (org) return org.name;
  return process.env.STRATA_ORG_NAME?.trim() || 'Organisation';
}

/**
 * "Whole organisation", "Department Platform", "Subtree of Ana Ruiz (E17)", as printed on the pack;
 * a unit a viewer may not name (../unit-labels.ts) is "Subtree of a team of fewer than 5 people".
 */
export function describeScope(ctx: ReportContext): string {
  const { unit, snap, actor } = ctx.dash;
  const root = unit.rootIndex >= 0 ? snap.tree.records[unit.rootIndex] : undefined;
  const named = mayLabelUnit(ctx.dash, snap.tree, unit.rootIndex);
  const label = root?.name ? `${root.name} (${root.employeeId})` : (root?.employeeId ?? '');
  const subtree = root
    ? `subtree of ${named ? label : unlabelledTeams(1, ctx.dash.settings.minGroupSize).toLowerCase()}`
    : null;
  const own = actor.scopeEmployeeId !== null && unit.subtree === actor.scopeEmployeeId ? ', your scope' : '';
  if (unit.department !== null)
    return `Department ${unit.department}${subtree ? ` within the ${subtree}${own}` : ''}`;
  if (subtree) return `${subtree.charAt(0).toUpperCase()}${subtree.slice(1)}${own}`;
  return WHOLE_ORGANISATION;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'report'
  );
}

function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Builds a report for the actor: resolves scope and snapshot exactly as the dashboards do, fills
 * the chosen sections, renders PDF / XLSX / CSV and writes the export to the audit log. The web
 * job runner and the command line both call this.
 */
export async function generateReport(
  actor: Actor,
  params: ReportParams,
  opts: { now?: Date; onProgress?: ProgressFn } = {},
): Promise<GeneratedReport> {
  const progress = opts.onProgress ?? (() => undefined);
  await progress(2, 'Resolving scope and snapshot');
  const ctx = await loadReportContext(actor, params);
  const ids: SectionId[] =
    params.format === 'csv'
      ? [findTableSection(params.table ?? '')?.id ?? 'overview']
      : [...params.sections, ...(ctx.includePeople ? (['people'] as const) : [])];
  const plan = planSections(ids);
  const scenarioIds = params.format === 'csv' ? [] : params.scenarios;
  const steps = plan.length + scenarioIds.length;
  const sections: ReportSection[] = [];
  for (const [i, s] of plan.entries()) {
    await progress(5 + Math.round((i / steps) * 65), `Building ${s.title}`);
    if (s.id === 'people') await addScenarios();
    sections.push(await s.build(ctx));
  }
  await addScenarios();
  // Scenarios come after the aggregate sections, before the person-level pages.
  async function addScenarios() {
    for (const id of scenarioIds) {
      if (sections.some((x) => x.id === `scenario-${id}`)) continue;
      await progress(5 + Math.round((sections.length / steps) * 65), `Building scenario ${id}`);
      sections.push(await buildScenarioSection(actor, id));
    }
  }
  const groups = new Set<DefinitionGroup>(plan.flatMap((s) => s.definitionGroups));
  groups.add('privacy');
  const now = opts.now ?? new Date();
  const scopeLabel = describeScope(ctx);
  const document: ReportDocument = {
    meta: {
      title: 'Planning review',
      organisation: await readOrgName(ctx.dash.ref.orgId),
      scopeLabel,
      asOf: ctx.dash.ref.asOf,
      comparisonAsOf: ctx.compare?.ref.asOf ?? null,
      generatedAt: stamp(now),
      generatedAtIso: now.toISOString(),
      generatedBy: actor.name || actor.email,
      role: actor.role,
      minGroupSize: ctx.dash.settings.minGroupSize,
      suppressionApplied: ctx.dash.suppress,
      // a scenario's list of changes names people
      includesPeople: ctx.includePeople || scenarioIds.length > 0,
      sectionTitles: sections.map((s) => s.title),
    },
    sections,
    definitions: listDefinitions([...groups]).map((d) => ({
      group: DEFINITION_GROUP_TITLES[d.group],
      term: d.term,
      definition: d.definition,
    })),
  };
  await progress(72, 'Rendering');
  const base = `strata-${slug(scopeLabel)}-${document.meta.asOf}`;
  let bytes: Buffer;
  let filename: string;
  if (params.format === 'pdf') {
    bytes = await renderReportPdf(document, (f) => void progress(72 + Math.round(f * 25), 'Drawing pages'));
    filename = `${base}.pdf`;
  } else if (params.format === 'xlsx') {
    bytes = await renderReportXlsx(document);
    filename = `${base}.xlsx`;
  } else {
    const table = listReportTables(document).find((t) => t.id === params.table);
    if (!table) throw new ValidationError('That table is not available for this scope and snapshot.');
    bytes = Buffer.from(renderTableCsv(table), 'utf8');
    filename = `${base}-${table.id}.csv`;
  }
  const { db } = await getDatabase();
  await writeAudit(db, actor, `export.${params.format}`, filename, {
    asOf: document.meta.asOf,
    compareTo: document.meta.comparisonAsOf,
    scope: params.scope,
    scopeLabel,
    sections: sections.map((s) => s.id),
    includePeople: ctx.includePeople,
    table: params.table ?? null,
    bytes: bytes.length,
    scenarios: scenarioIds,
  });
  for (const id of scenarioIds) await auditScenarioExport(actor, id, params.format);
  await progress(100, 'Done');
  return {
    bytes,
    filename,
    contentType: CONTENT_TYPES[params.format],
    document,
    access: {
      ...reportAccessOf(ctx),
      ...(scenarioIds.length ? { includesPeople: true, scenarios: scenarioIds } : {}),
    },
  };
}
