import 'server-only';
import { z } from 'zod';
import { findTableSection, SECTION_IDS } from '@/lib/export/report-sections';
import { ValidationError } from '../errors';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.');

/** What a report is about and how it is delivered (the body of POST /api/reports, and the CLI). */
export const reportParamsSchema = z
  .object({
    format: z.enum(['pdf', 'xlsx', 'csv']),
    asOf: date.optional(),
    /** an earlier snapshot to compare the key figures with */
    compareTo: date.optional(),
    scope: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('org') }),
        z.object({ kind: z.literal('department'), department: z.string().min(1).max(300) }),
        z.object({ kind: z.literal('subtree'), subtree: z.string().min(1).max(300) }),
      ])
      .default({ kind: 'org' }),
    sections: z
      .array(
        z.enum(
          SECTION_IDS.filter((s) => s !== 'people') as ['overview', 'structure', 'ladder', 'trends', 'ai'],
        ),
      )
      .min(1, 'Choose at least one section.')
      .default(['overview', 'structure', 'ladder', 'trends', 'ai']),
    includePeople: z.boolean().default(false),
    /** scenarios to add, each as its own section (PDF and XLSX; ones the requester may see) */
    scenarios: z
      .array(z.number().int().positive())
      .max(10, 'At most 10 scenarios in one report.')
      .default([])
      .transform((ids) => [...new Set(ids)]),
    /** csv: the table to export */
    table: z.string().max(100).optional(),
  })
  .strict();
export type ReportParams = z.infer<typeof reportParamsSchema>;

/** Validates report parameters (422 with the first problem). */
export function parseReportParams(input: unknown): ReportParams {
  const r = reportParamsSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ValidationError(
      issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'Invalid report request.',
    );
  }
  const p = r.data;
  if (p.format === 'csv') {
    if (!p.table) throw new ValidationError('Choose the table to export as CSV.');
    const section = findTableSection(p.table);
    if (!section) throw new ValidationError(`Unknown table "${p.table}".`);
    if (section.id === 'people' && !p.includePeople)
      throw new ValidationError('Person-level tables need "include person-level pages".');
    if (p.scenarios.length > 0)
      throw new ValidationError('Scenarios go into the PDF pack or the XLSX workbook, not a CSV table.');
  }
  if (p.compareTo && p.asOf && p.compareTo >= p.asOf)
    throw new ValidationError('The comparison snapshot must be earlier than the report snapshot.');
  return p;
}

/** The dashboard query (department / subtree) of a report scope. */
export function scopeQuery(p: ReportParams): { department?: string; subtree?: string } {
  if (p.scope.kind === 'department') return { department: p.scope.department };
  if (p.scope.kind === 'subtree') return { subtree: p.scope.subtree };
  return {};
}
