import type { ReportBlock, ReportCell, ReportSection, ReportTable } from '@/lib/export/report-model';
import type { CeilingRiskDashboard, LeaverBucket, RiskGroup } from '../ceiling-risk';
import { isSuppressed, type Suppressed } from '../context';
import type { LadderDashboard } from '../ladder';
import { hiddenReasonsText, type HiddenNoun } from '@/lib/privacy/hidden-text';
import { foldHiddenDepartments } from '../heatmap-fold';
import { counted } from '@/lib/plural';
import { suppressedText } from './text';

const yesNo = (v: boolean | null): ReportCell => (v === null ? null : v ? 'yes' : 'no');
const dept = (d: string | null) => d ?? '(no department)';

/** " Levels left out: fewer than 5 people, or hidden so ..." for the hidden rows, honest about why. */
function leftOut(values: ReadonlyArray<unknown>, what: string, noun: HiddenNoun = 'people'): string {
  const hidden = values.filter(isSuppressed);
  return hidden.length ? ` ${what} left out: ${hiddenReasonsText(hidden, noun)}.` : '';
}

/** ", or fewer than 5 ICs, or hidden so ..." for the hidden cells among `values`, or ''. */
function orHidden(values: ReadonlyArray<unknown>, noun: HiddenNoun): string {
  const hidden = values.filter(isSuppressed);
  return hidden.length ? `, or ${hiddenReasonsText(hidden, noun)}` : '';
}

/** " Empty cells: fewer than 5 ICs, or hidden so ..." for the hidden cells of a table, or ''. */
function emptyCells(values: ReadonlyArray<unknown>, noun: HiddenNoun): string {
  const hidden = values.filter(isSuppressed);
  return hidden.length ? ` Empty cells: ${hiddenReasonsText(hidden, noun)}.` : '';
}

/** What the ladder section is laid out from (lib/dal/reports/sections/ladder.ts loads it). */
export interface LadderSectionInput {
  ladder: LadderDashboard;
  risk: CeilingRiskDashboard;
  minGroupSize: number;
  /** the unit is under the minimum group size for this reader */
  unitSuppressed: boolean;
  /** why the unit is hidden when it is (see ReportContext.unitMarker) */
  unitMarker?: Suppressed;
  /** the department filter of the unit, or null */
  department: string | null;
}

/**
 * Ladder and ceiling risk: the Ladder and Ceiling-risk dashboards' own builders (same scope,
 * suppression and history), laid out as report tables and charts, aggregated: no names here.
 */
export function ladderSection(input: LadderSectionInput): ReportSection {
  const base = { id: 'ladder', title: 'Ladder and ceiling risk' } as const;
  const { ladder, risk, minGroupSize: min } = input;
  if (isSuppressed(ladder.summary) || input.unitSuppressed)
    return {
      ...base,
      blocks: [
        {
          kind: 'suppressed',
          text: suppressedText(
            isSuppressed(ladder.summary) ? ladder.summary : (input.unitMarker ?? { minGroupSize: min }),
          ),
        },
      ],
    };
  const blocks: ReportBlock[] = [];
  const s = ladder.summary;
  blocks.push({
    kind: 'table',
    table: {
      id: 'ladder-summary',
      title: 'Ladder summary',
      note: `Ladder: ${ladder.ladderName}.`,
      columns: [
        { key: 'metric', label: 'Metric', format: 'text' },
        { key: 'value', label: 'Value', format: 'decimal' },
      ],
      rows: [
        ['Declared ICs', s.ics],
        ['Declared managers', s.managers],
        ['IC ladder depth (distinct IC levels held)', s.metrics.icLadderDepth],
        ['IC ceiling (highest IC level held)', s.metrics.icCeiling],
        ['Highest manager level held', s.topManagerLevel],
        ['Short ladder (ceiling at or below the 3rd IC level)', yesNo(s.metrics.shortLadder)],
        ['Parity gap (manager top rank minus IC ceiling rank)', s.metrics.parityGap],
        ['Senior IC share (Staff-equivalent or above)', s.metrics.seniorIcShare],
      ],
      rowFormats: ['int', 'int', 'int', 'text', 'text', 'text', 'int', 'percent'],
    },
  });

  const departments = ladder.departments.flatMap((d) =>
    isSuppressed(d.group) ? [] : [{ ...d, group: d.group }],
  );
  if (input.department === null) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-departments',
        title: 'IC ladder by department',
        note:
          'A short ladder tops out at or below the 3rd IC level: two to three career steps.' +
          leftOut(
            ladder.departments.map((d) => d.group),
            'Departments',
          ),
        columns: [
          { key: 'department', label: 'Department', format: 'text' },
          { key: 'people', label: 'People', format: 'int' },
          { key: 'ics', label: 'ICs', format: 'int' },
          { key: 'depth', label: 'IC ladder depth', format: 'int' },
          { key: 'ceiling', label: 'IC ceiling', format: 'text' },
          { key: 'top', label: 'Top manager level', format: 'text' },
          { key: 'short', label: 'Short ladder', format: 'text' },
          { key: 'parity', label: 'Parity gap', format: 'int' },
          { key: 'senior', label: 'Senior IC share', format: 'percent' },
        ],
        rows: departments.map(({ department, group: g }) => [
          dept(department),
          g.people,
          g.ics,
          g.metrics.icLadderDepth,
          g.metrics.icCeiling,
          g.topManagerLevel,
          yesNo(g.metrics.shortLadder),
          g.metrics.parityGap,
          g.metrics.seniorIcShare,
        ]),
      },
    });
  }

  // Ceiling risk per department: the heatmap's "all levels" column.
  const allLevels = risk.heatmap.cells.filter((c) => c.column === '*');
  const riskRows = allLevels.flatMap((c) =>
    isSuppressed(c.value) ? [] : [{ department: c.department, g: c.value }],
  );
  if (riskRows.length) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'hbar',
        title: 'IC-ceiling risk by department',
        categoryLabel: 'Department',
        valueLabel: 'Declared ICs',
        categories: riskRows.map((r) => dept(r.department)),
        series: [
          { label: 'At the IC ceiling', values: riskRows.map((r) => r.g.atCeiling) },
          { label: `High risk (score ${risk.highRiskScore}+)`, values: riskRows.map((r) => r.g.highRisk) },
        ],
      },
    });
  }
  const summary = risk.summary;
  const riskTable: ReportTable = {
    id: 'ladder-ceiling-risk',
    title: 'IC-ceiling risk by department',
    note:
      `Aggregated: no names. Scores use the history from ${risk.historyFrom ?? 'this snapshot'}.` +
      leftOut(
        allLevels.map((c) => c.value),
        'Departments',
        'ICs',
      ),
    columns: [
      { key: 'department', label: 'Department', format: 'text' },
      { key: 'ics', label: 'Declared ICs', format: 'int' },
      { key: 'mean', label: 'Mean score', format: 'decimal' },
      { key: 'atCeiling', label: 'At the IC ceiling', format: 'int' },
      { key: 'share', label: 'Share at the ceiling', format: 'percent' },
      { key: 'high', label: `High risk (${risk.highRiskScore}+)`, format: 'int' },
    ],
    rows: [
      ...riskRows.map(({ department, g }) => riskRow(dept(department), g)),
      ...(isSuppressed(summary) ? [] : [riskRow('All departments', summary)]),
    ],
  };
  blocks.push({ kind: 'table', table: riskTable });

  const levelColumns = risk.heatmap.columns.filter((c) => c.key !== '*');
  if (levelColumns.length > 0 && levelColumns.length <= 12) {
    const cell = (d: string | null, col: string) =>
      risk.heatmap.cells.find((c) => c.department === d && c.column === col)?.value;
    // departments whose every cell is hidden are left out, as on the page: a Home Office viewer's
    // pack gave them two and a half pages of dashes
    const listed = foldHiddenDepartments(risk.heatmap);
    const left = listed.total - listed.departments.length;
    const leftOut =
      left > 0
        ? ` ${counted(left, 'department')} whose every figure is hidden for privacy ${left === 1 ? 'is' : 'are'} left out.`
        : '';
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-risk-heatmap',
        title: 'Mean IC-ceiling risk score by department and level',
        note: `Empty: no ICs at that level${orHidden(
          risk.heatmap.cells.filter((c) => c.column !== '*').map((c) => c.value),
          'ICs',
        )}.${leftOut}`,
        columns: [
          { key: 'department', label: 'Department', format: 'text' },
          ...levelColumns.map((c) => ({
            key: c.key || 'unlevelled',
            label: c.label,
            format: 'decimal' as const,
          })),
        ],
        rows: listed.departments.map((d) => [
          dept(d),
          ...levelColumns.map((c) => {
            const v = cell(d, c.key);
            return v && !isSuppressed(v) ? v.meanScore : null;
          }),
        ]),
      },
    });
  }

  if (!isSuppressed(risk.leavers) && risk.leavers.length) {
    const b = (v: LeaverBucket | Suppressed): ReportCell[] =>
      isSuppressed(v) ? [null, null, null] : [v.ics, v.leavers, v.leaverRate];
    const rows: ReportCell[][] = risk.leavers.map((l) => [
      `${l.from} -> ${l.asOf}`,
      ...b(l.atCeiling),
      ...b(l.notAtCeiling),
    ]);
    if (risk.leaversTotal)
      rows.push(['All pairs', ...b(risk.leaversTotal.atCeiling), ...b(risk.leaversTotal.notAtCeiling)]);
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-ceiling-leavers',
        title: 'Leavers at the ceiling',
        note:
          "Per pair of snapshots: the earlier snapshot's declared ICs at their department's IC ceiling and below it, and how many left by the later one." +
          emptyCells(
            [...risk.leavers, ...(risk.leaversTotal ? [risk.leaversTotal] : [])].flatMap((l) => [
              l.atCeiling,
              l.notAtCeiling,
            ]),
            'ICs',
          ),
        columns: [
          { key: 'pair', label: 'Snapshots', format: 'text' },
          { key: 'atIcs', label: 'At ceiling: ICs', format: 'int' },
          { key: 'atLeavers', label: 'At ceiling: left', format: 'int' },
          { key: 'atRate', label: 'At ceiling: rate', format: 'percent' },
          { key: 'belowIcs', label: 'Below: ICs', format: 'int' },
          { key: 'belowLeavers', label: 'Below: left', format: 'int' },
          { key: 'belowRate', label: 'Below: rate', format: 'percent' },
        ],
        rows,
      },
    });
  }

  const velocity = ladder.velocity.flatMap((v) =>
    isSuppressed(v.values) ? [] : [{ ...v, values: v.values }],
  );
  if (velocity.length) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-promotion-velocity',
        title: 'Promotion velocity',
        note:
          `Months in level before promotion over the history from ${ladder.historyFrom ?? 'this snapshot'}.` +
          leftOut(
            ladder.velocity.map((v) => v.values),
            'Levels',
            'promotions',
          ),
        columns: [
          { key: 'track', label: 'Track', format: 'text' },
          { key: 'level', label: 'Promoted from', format: 'text' },
          { key: 'promotions', label: 'Promotions', format: 'int' },
          { key: 'median', label: 'Median months', format: 'months' },
          { key: 'p75', label: 'p75 months', format: 'months' },
        ],
        rows: velocity.map((v) => [
          v.track === 'ic' ? 'IC' : 'Manager',
          v.level,
          v.values.promotions,
          v.values.medianMonths,
          v.values.p75Months,
        ]),
      },
    });
  }
  if (!isSuppressed(ladder.moves) && ladder.moves.length) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-track-moves',
        title: 'Track moves between snapshots',
        note:
          'IC -> manager and manager -> IC moves in this scope.' +
          emptyCells(
            ladder.moves.map((m) => m.values),
            'people',
          ),
        columns: [
          { key: 'pair', label: 'Snapshots', format: 'text' },
          { key: 'icToManager', label: 'IC -> manager', format: 'int' },
          { key: 'managerToIc', label: 'Manager -> IC', format: 'int' },
        ],
        rows: ladder.moves.map((m) => [
          `${m.from} -> ${m.asOf}`,
          ...(isSuppressed(m.values) ? [null, null] : [m.values.icToManager, m.values.managerToIc]),
        ]),
        inPdf: ladder.moves.length <= 40,
      },
    });
  }
  return {
    ...base,
    intro:
      'Where the IC ladder tops out, whether ICs reach the same rungs as managers, and how many ICs sit at a ceiling with nowhere to go. The same figures as the Ladder and Ceiling-risk dashboards.',
    blocks,
  };
}

function riskRow(label: string, g: RiskGroup): ReportCell[] {
  return [label, g.ics, g.meanScore, g.atCeiling, g.shareAtCeiling, g.highRisk];
}
