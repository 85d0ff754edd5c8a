/**
 * The AI dashboard's figures from loaded data (SPEC "AI productivity"): the per-manager table and
 * scatter of one period's rollup, the notes beside them, under the reader's AI floor and labels.
 */
import { computeAiMetrics, type AiMetrics } from '@/lib/metrics/ai';
import { subtreeAiTotals, type AiAggregate, type AiRollup } from '@/lib/metrics/ai-rollup';
import { NodeKind } from '@/lib/metrics/roles';
import { withSharedFigures, type SharedAiFigures } from './ai-figures';
import { managersIn } from './ai-window';
import { guardGroup, type ScopedViewContext, type Suppressed, type ViewContext } from './context';
import { isUnitShown, type ReaderFloor } from './floor';
import { mayLabelUnit, shownBelow, unlabelledTeams } from './unit-labels';

export interface AiTrendPoint extends AiMetrics {
  month: string;
  snapshotAsOf: string | null;
  unmatchedShare: number | null;
}

export interface AiManagerRow {
  id: string;
  name: string | null;
  department: string | null;
  span: number;
  layer: number;
  /** first-line manager (all direct reports are ICs) */
  firstLine: boolean;
  /** everyone below the manager (structure, not AI data); null for a viewer where the floor hides the unit */
  subtreeSize: number | null;
  figures:
    | {
        engineers: number;
        activeUsers: number;
        adoption: number | null;
        throughputPerEngineerWeek: number | null;
        costPerMergedPr: number | null;
        acceptanceRateByCount: number | null;
        aiAssistedPrShare: number | null;
        spendPerEngineerMonth: number | null;
      }
    | Suppressed;
}

export interface AiScatterPoint {
  id: string;
  name: string | null;
  layer: number;
  firstLine: boolean;
  engineers: number;
  adoption: number;
  throughputPerEngineerWeek: number;
}

export const MAX_MANAGERS = 2000;

/**
 * One row per manager of the unit with AI data below them (most engineers first, at most
 * MAX_MANAGERS), the scatter of those whose figures show, and how many were left unnamed.
 */
export function aiManagerTable(
  ctx: ViewContext,
  rollup: AiRollup,
  nodes: Int32Array | null,
  floor: ReaderFloor | null,
  /** the shared figures of each subtree (./ai-figures.ts subtreeFigures); null = usage rows only */
  figuresOf: ((i: number) => SharedAiFigures) | null,
): { managers: AiManagerRow[]; scatter: AiScatterPoint[]; unlabelled: number } {
  const tree = rollup.tree;
  const cum = subtreeAiTotals(rollup);
  const managers: AiManagerRow[] = [];
  let unlabelled = 0;
  for (const i of managersIn(tree, nodes)) {
    const t = cum(i);
    if (t.engineers === 0 && t.countRows + t.prRows + t.spendRows === 0) continue;
    // A viewer gets rows only for units they may name (./unit-labels.ts); the others are counted.
    if (!mayLabelUnit(ctx, tree, i)) {
      unlabelled++;
      continue;
    }
    const rolled = computeAiMetrics(t, rollup.coverage);
    // adoption, throughput, spend and cost per PR with the tiles' definitions (./ai-figures.ts)
    const m = figuresOf ? withSharedFigures(rolled, figuresOf(i)) : rolled;
    const r = tree.records[i];
    managers.push({
      id: r?.employeeId ?? '',
      name: r?.name ?? null,
      department: r?.department ?? null,
      span: tree.span[i] ?? 0,
      layer: tree.layer[i] ?? 0,
      firstLine: tree.kind[i] === NodeKind.managerOfIcs,
      subtreeSize: shownBelow(ctx, tree, i),
      // Not guardRow: a subtree with no engineers still has people, and "0 engineers" would say
      // something about them; a unit the floor hides counts as hidden (reason by its engineers).
      figures: guardGroup(
        { ...ctx, hidden: ctx.hidden || (floor !== null && !isUnitShown(floor, i)) },
        m.engineers,
        {
          engineers: m.engineers,
          activeUsers: m.activeUsers,
          adoption: m.adoption,
          throughputPerEngineerWeek: m.throughputPerEngineerWeek,
          costPerMergedPr: m.costPerMergedPr,
          acceptanceRateByCount: m.acceptanceRateByCount,
          aiAssistedPrShare: m.aiAssistedPrShare,
          spendPerEngineerMonth: m.spendPerEngineerMonth,
        },
      ),
    });
  }
  const engineersOf = (row: AiManagerRow) => ('suppressed' in row.figures ? -1 : row.figures.engineers);
  managers.sort((a, b) => engineersOf(b) - engineersOf(a) || (b.subtreeSize ?? -1) - (a.subtreeSize ?? -1));
  managers.splice(MAX_MANAGERS);
  const scatter: AiScatterPoint[] = [];
  for (const row of managers) {
    const f = row.figures;
    if ('suppressed' in f || f.adoption === null || f.throughputPerEngineerWeek === null) continue;
    scatter.push({
      id: row.id,
      name: row.name,
      layer: row.layer,
      firstLine: row.firstLine,
      engineers: f.engineers,
      adoption: f.adoption,
      throughputPerEngineerWeek: f.throughputPerEngineerWeek,
    });
  }

  return { managers, scatter, unlabelled };
}

/** The notes beside the AI figures: unnamed teams, org-level reports, lines over 100%, an empty unit. */
export function aiNotes(
  ctx: Pick<ViewContext, 'settings'>,
  input: {
    unlabelled: number;
    nodes: Int32Array | null;
    rows: readonly Pick<AiAggregate, 'subjectKind'>[];
    now: Pick<AiMetrics, 'acceptanceRateByLines'>;
    snapshotAsOf: string;
  },
): string[] {
  const { unlabelled, nodes, rows, now } = input;
  const notes: string[] = [];
  if (unlabelled > 0)
    notes.push(
      `${unlabelledTeams(unlabelled, ctx.settings.minGroupSize)} ${unlabelled === 1 ? 'is' : 'are'} not listed per manager: a manager is named only as the label of a unit of at least ${ctx.settings.minGroupSize} people.`,
    );
  if (nodes !== null && rows.some((r) => r.subjectKind === 'org'))
    notes.push(
      'Organisation-level reports (whole GitHub organisation or Cursor team totals) cannot be placed in a department or subtree; they count for the whole organisation only.',
    );
  if ((now.acceptanceRateByLines ?? 0) > 1)
    notes.push(
      'Lines accepted exceed lines suggested: GitHub Copilot counts lines added by agent and chat edits that were never offered as suggestions, so the rate by lines can pass 100%. The rate by count is not affected.',
    );
  if (nodes !== null && nodes.length === 0)
    notes.push(`This unit has nobody in the ${input.snapshotAsOf} snapshot that is in force for the period.`);

  return notes;
}

/**
 * The note beside the monthly trends when the imported pull requests begin part-way through a
 * month (prCoverage): that month's PR figures are left out rather than drawn from a few days.
 */
export function partialPrNote(firstMerge: string): string {
  return `The imported pull requests begin on ${firstMerge}, part-way through that month, so the monthly trends do not count them for it: a few days of pull requests against a whole month of usage and spend would read as a slump in throughput and a spike in cost per merged PR. That month's PR figures come from the tools' own reports where they give them (whole organisation only), else are left out.`;
}

/**
 * The unmatched share is organisation-wide (an unmatched identity cannot be placed in any
 * subtree), so a user scoped to a subtree does not receive it: no number from outside their scope.
 */
export function orgWideOnly(ctx: Pick<ScopedViewContext, 'actor'>, share: number | null): number | null {
  return ctx.actor.scopeEmployeeId ? null : share;
}
