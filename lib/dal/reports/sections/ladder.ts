import { computeLadderMetrics } from '@/lib/metrics/ladder';
import type { ReportBlock, ReportCell, ReportSection } from '@/lib/export/report-model';
import { guardGroup, isSuppressed } from '../../dashboards/context';
import { computeUnitLadderTable } from '../../unit-metrics';
import { suppressedText, type ReportContext } from '../context';
import { computeUnitCeilingLeavers, computeUnitRisk, readPromotionVelocity } from './ladder-data';

const yesNo = (v: boolean | null): ReportCell => (v === null ? null : v ? 'yes' : 'no');

/** Ladder and ceiling risk: IC ladder by department, IC-ceiling risk in aggregate, leavers at the ceiling. */
export async function buildLadderSection(ctx: ReportContext): Promise<ReportSection> {
  const base = { id: 'ladder', title: 'Ladder and ceiling risk' } as const;
  const { dash } = ctx;
  const min = dash.settings.minGroupSize;
  if (ctx.unitSuppressed) return { ...base, blocks: [{ kind: 'suppressed', text: suppressedText(min) }] };
  const blocks: ReportBlock[] = [];
  const m = computeLadderMetrics(dash.snap.tree, dash.snap.levels, dash.unit.nodes);
  blocks.push({
    kind: 'table',
    table: {
      id: 'ladder-summary',
      title: 'Ladder summary',
      columns: [
        { key: 'metric', label: 'Metric', format: 'text' },
        { key: 'value', label: 'Value', format: 'decimal' },
      ],
      rows: [
        ['IC ladder depth (distinct IC levels held)', m.icLadderDepth],
        ['IC ceiling (highest IC level held)', m.icCeiling],
        ['Short ladder (ceiling at or below the 3rd IC level)', yesNo(m.shortLadder)],
        ['Parity gap (manager top rank minus IC ceiling rank)', m.parityGap],
        ['Senior IC share (Staff-equivalent or above)', m.seniorIcShare],
      ],
      rowFormats: ['int', 'text', 'text', 'int', 'percent'],
    },
  });

  const table = computeUnitLadderTable(dash.snap, dash.unit).departments;
  const shown = table.filter((d) => !isSuppressed(guardGroup(dash, d.people, d)));
  if (dash.unit.department === null) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-departments',
        title: 'IC ladder by department',
        note:
          shown.length < table.length
            ? `Departments with fewer than ${min} people in this scope are left out.`
            : 'A short ladder tops out at or below the 3rd IC level: two to three career steps.',
        columns: [
          { key: 'department', label: 'Department', format: 'text' },
          { key: 'people', label: 'People', format: 'int' },
          { key: 'icLadderDepth', label: 'IC ladder depth', format: 'int' },
          { key: 'icCeiling', label: 'IC ceiling', format: 'text' },
          { key: 'shortLadder', label: 'Short ladder', format: 'text' },
          { key: 'parityGap', label: 'Parity gap', format: 'int' },
          { key: 'seniorIcShare', label: 'Senior IC share', format: 'percent' },
        ],
        rows: shown.map((d) => [
          d.department,
          d.people,
          d.icLadderDepth,
          d.icCeiling,
          yesNo(d.shortLadder),
          d.parityGap,
          d.seniorIcShare,
        ]),
      },
    });
  }

  const allRisk = await computeUnitRisk(ctx);
  const risk = allRisk.filter((u) => !isSuppressed(guardGroup(dash, u.ics, u)));
  const riskRows = risk.map((u) => ({ ...u, name: u.department ?? '(no department)' }));
  const hasMean = dash.unit.subtree === null;
  if (riskRows.length) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'hbar',
        title: 'IC-ceiling risk by department',
        categoryLabel: 'Department',
        valueLabel: 'Declared ICs',
        categories: riskRows.map((u) => u.name),
        series: [
          { label: 'At the IC ceiling', values: riskRows.map((u) => u.atCeiling) },
          { label: 'High risk (score 60+)', values: riskRows.map((u) => u.highRisk) },
        ],
      },
    });
  }
  blocks.push({
    kind: 'table',
    table: {
      id: 'ladder-ceiling-risk',
      title: 'IC-ceiling risk by department',
      note: [
        'Aggregated: no names.',
        hasMean
          ? ''
          : 'Counts over the ICs in this subtree; the mean score is reported for whole departments only.',
        risk.length < allRisk.length ? `Groups of fewer than ${min} ICs are left out.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      columns: [
        { key: 'department', label: 'Department', format: 'text' },
        { key: 'ics', label: 'Declared ICs', format: 'int' },
        { key: 'atCeiling', label: 'At the IC ceiling', format: 'int' },
        { key: 'highRisk', label: 'High risk (60+)', format: 'int' },
        { key: 'highRiskShare', label: 'High-risk share', format: 'percent' },
        ...(hasMean ? [{ key: 'meanScore', label: 'Mean score', format: 'decimal' as const }] : []),
      ],
      rows: riskRows.map((u) => [
        u.name,
        u.ics,
        u.atCeiling,
        u.highRisk,
        u.ics > 0 ? Math.round((u.highRisk / u.ics) * 10000) / 10000 : null,
        ...(hasMean ? [u.meanScore] : []),
      ]),
    },
  });

  const leavers = await computeUnitCeilingLeavers(ctx);
  if (leavers) {
    const hidden = (g: { ics: number }) => isSuppressed(guardGroup(dash, g.ics, g));
    const anyHidden = hidden(leavers.atCeiling) || hidden(leavers.notAtCeiling);
    const row = (
      label: string,
      g: { ics: number; leavers: number; leaverRate: number | null },
    ): ReportCell[] => {
      const cells: ReportCell[] = hidden(g)
        ? [label, null, null, null]
        : [label, g.ics, g.leavers, g.leaverRate];
      if (anyHidden) cells.push(hidden(g) ? `fewer than ${min} people` : '');
      return cells;
    };
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-ceiling-leavers',
        title: 'Leavers at the ceiling',
        note: "The previous snapshot's declared ICs, split by whether they sat at their department's IC ceiling.",
        columns: [
          { key: 'group', label: 'ICs in the previous snapshot', format: 'text' },
          { key: 'ics', label: 'ICs', format: 'int' },
          { key: 'leavers', label: 'Left by this snapshot', format: 'int' },
          { key: 'rate', label: 'Leaver rate', format: 'percent' },
          ...(anyHidden ? [{ key: 'note', label: 'Note', format: 'text' as const }] : []),
        ],
        rows: [row('At the IC ceiling', leavers.atCeiling), row('Below the ceiling', leavers.notAtCeiling)],
      },
    });
  }

  const velocity = await readPromotionVelocity(ctx);
  if (velocity && velocity.length) {
    const rows = velocity.filter((v) => !isSuppressed(guardGroup(dash, v.promotions, v)));
    blocks.push({
      kind: 'table',
      table: {
        id: 'ladder-promotion-velocity',
        title: 'Promotion velocity',
        note: `Months in level before promotion, from the last pair of snapshots${rows.length < velocity.length ? `; levels with fewer than ${min} promotions are left out` : ''}.`,
        columns: [
          { key: 'track', label: 'Track', format: 'text' },
          { key: 'level', label: 'Promoted from', format: 'text' },
          { key: 'promotions', label: 'Promotions', format: 'int' },
          { key: 'median', label: 'Median months', format: 'months' },
          { key: 'p75', label: 'p75 months', format: 'months' },
        ],
        rows: rows.map((v) => [
          v.track === 'ic' ? 'IC' : 'Manager',
          v.level,
          v.promotions,
          v.medianMonths,
          v.p75Months,
        ]),
      },
    });
  }
  return {
    ...base,
    intro:
      'Where the IC ladder tops out, whether ICs reach the same rungs as managers, and how many ICs sit at a ceiling with nowhere to go.',
    blocks,
  };
}
