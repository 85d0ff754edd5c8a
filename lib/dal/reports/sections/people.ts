import type { CeilingRiskReason } from '@/lib/metrics/ceiling-risk';
import { isManager } from '@/lib/metrics/snapshot';
import type { ReportCell, ReportSection } from '@/lib/export/report-model';
import { ForbiddenError } from '../../errors';
import type { ReportContext } from '../context';
import { readRiskLists, unitIndices } from './ladder-data';

const REASONS: Record<CeilingRiskReason, string> = {
  atUnitCeiling: 'dept ceiling',
  atLadderTop: 'ladder top',
  longInLevel: 'long in level',
  noPromotionInWindow: 'no promotion',
};

/**
 * Person-level pages: named ICs at high IC-ceiling risk and managers with very narrow (1-3) or
 * very wide (17+) spans, inside the reader's scope. Never for viewers; only when asked for.
 */
export async function buildPeopleSection(ctx: ReportContext): Promise<ReportSection> {
  const { dash } = ctx;
  if (!ctx.includePeople || !dash.canSeePeople)
    throw new ForbiddenError('Person-level pages are not available to you.');
  const { tree } = dash.snap;
  const inUnit = new Set<number>(unitIndices(dash.snap, dash.unit));
  const risk: ReportCell[][] = [];
  for (const people of (await readRiskLists(ctx)).values()) {
    for (const p of people) {
      const i = tree.indexById.get(p.employeeId);
      if (i === undefined || !inUnit.has(i)) continue;
      const r = tree.records[i];
      risk.push([
        r?.name ?? null,
        p.employeeId,
        r?.title ?? null,
        p.department,
        p.level,
        p.monthsInLevel,
        p.score,
        p.reasons.map((x) => REASONS[x]).join(', '),
      ]);
    }
  }
  risk.sort((a, b) => Number(b[6]) - Number(a[6]) || String(a[0] ?? '').localeCompare(String(b[0] ?? '')));
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
          note: 'Declared ICs scoring 60 or more, highest first. Reasons: dept ceiling = holds the highest IC level in their department; ladder top = top IC rung of the ladder; long in level = above the p75 time before promotion (or 24 months); no promotion = none in the last 24 months.',
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
