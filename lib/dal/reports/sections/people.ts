import 'server-only';
import { isManager } from '@/lib/metrics/snapshot';
import type { ReportCell, ReportSection } from '@/lib/export/report-model';
import { ForbiddenError } from '../../errors';
import type { ReportContext } from '../context';

/**
 * Person-level pages: named ICs at high IC-ceiling risk and managers with very narrow (1-3) or
 * very wide (17+) spans, inside the reader's scope. Never for viewers; only when asked for.
 */
export async function buildPeopleSection(ctx: ReportContext): Promise<ReportSection> {
  const { dash } = ctx;
  if (!ctx.includePeople || !dash.canSeePeople)
    throw new ForbiddenError('Person-level pages are not available to you.');
  const { tree } = dash.snap;
  const inUnit = dash.unit.nodes ?? Int32Array.from({ length: tree.size }, (_, i) => i);
  // The Ceiling-risk dashboard's own list (same scores and plain-words reasons), high risk only.
  const cr = await ctx.ceilingRisk();
  const risk: ReportCell[][] = (cr.people ?? [])
    .filter((p) => p.score >= cr.highRiskScore)
    .map((p) => [
      p.name,
      p.employeeId,
      p.title,
      p.department,
      p.level,
      p.monthsInLevel,
      p.score,
      p.reasonText.join(' '),
    ]);
  const outliers: ReportCell[][] = [];
  for (const i of inUnit) {
    if (!isManager(tree, i)) continue;
    const span = tree.span[i] ?? 0;
    if (span > 3 && span < 17) continue;
    const r = tree.records[i];
    const layerShift = dash.unit.rootIndex >= 0 ? (tree.layer[dash.unit.rootIndex] ?? 1) - 1 : 0;
    outliers.push([
      r?.name ?? null,
      r?.employeeId ?? null,
      r?.title ?? null,
      r?.department ?? null,
      (tree.layer[i] ?? 0) - layerShift,
      span,
      tree.subtreeSize[i] ?? 0,
    ]);
  }
  outliers.sort(
    (a, b) => Number(a[5]) - Number(b[5]) || String(a[0] ?? '').localeCompare(String(b[0] ?? '')),
  );
  return {
    id: 'people',
    title: 'Person-level pages (confidential)',
    personLevel: true,
    intro:
      'Named people inside your scope. Handle as confidential; do not circulate beyond the people who need it.',
    blocks: [
      {
        kind: 'table',
        table: {
          id: 'people-ceiling-risk',
          title: 'ICs at high IC-ceiling risk',
          note: `Declared ICs scoring ${cr.highRiskScore} or more, highest first, as on the Ceiling-risk dashboard.`,
          columns: [
            { key: 'name', label: 'Name', format: 'text' },
            { key: 'id', label: 'Employee ID', format: 'text' },
            { key: 'title', label: 'Title', format: 'text' },
            { key: 'department', label: 'Department', format: 'text' },
            { key: 'level', label: 'Level', format: 'text' },
            { key: 'months', label: 'Months in level', format: 'months' },
            { key: 'score', label: 'Score', format: 'int' },
            { key: 'reasons', label: 'Reasons', format: 'text' },
          ],
          rows: risk,
        },
      },
      {
        kind: 'table',
        table: {
          id: 'people-span-outliers',
          title: 'Managers with narrow or wide spans',
          note: 'Managers with 1-3 or 17+ direct reports; layer counted within this scope.',
          columns: [
            { key: 'name', label: 'Name', format: 'text' },
            { key: 'id', label: 'Employee ID', format: 'text' },
            { key: 'title', label: 'Title', format: 'text' },
            { key: 'department', label: 'Department', format: 'text' },
            { key: 'layer', label: 'Layer', format: 'int' },
            { key: 'span', label: 'Direct reports', format: 'int' },
            { key: 'below', label: 'People below', format: 'int' },
          ],
          rows: outliers,
        },
      },
    ],
  };
}
