/**
 * The report's ladder section says why rows and cells are empty through lib/privacy/hidden-text.ts
 * (issue #16): a group hidden by complementary suppression is never called "fewer than N".
 */
import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '@/lib/export/report-model';
import type { CeilingRiskDashboard } from '@/lib/views/ceiling-risk';
import type { LadderDashboard } from '@/lib/views/ladder';
import { ladderSection } from '@/lib/views/reports/ladder';

const small = { suppressed: true, minGroupSize: 5, reason: 'small' } as const;
const complement = { suppressed: true, minGroupSize: 5, reason: 'complement' } as const;
const group = {
  people: 12,
  ics: 9,
  managers: 3,
  topManagerLevel: 'M2',
  metrics: {
    icLadderDepth: 3,
    icCeiling: 'IC4',
    shortLadder: false,
    parityGap: 1,
    seniorIcShare: 0.2,
  },
};
const risk = { ics: 9, meanScore: 20, atCeiling: 2, shareAtCeiling: 0.22, highRisk: 1 };
const bucket = { ics: 6, leavers: 1, leaverRate: 1 / 6 };

function blocksOf(hidden: typeof small | typeof complement): ReportBlock[] {
  const ladder = {
    ladderName: 'Default',
    historyFrom: '2024-01-31',
    summary: group,
    departments: [
      { department: 'Eng', group },
      { department: 'Ops', group: hidden },
    ],
    velocity: [
      { track: 'ic', level: 'IC2', values: { promotions: 6, medianMonths: 14, p75Months: 20 } },
      { track: 'ic', level: 'IC3', values: hidden },
    ],
    moves: [
      { from: '2024-01-31', asOf: '2024-06-30', values: { icToManager: 1, managerToIc: 0 } },
      { from: '2024-06-30', asOf: '2024-12-31', values: hidden },
    ],
  } as unknown as LadderDashboard;
  const dash = {
    highRiskScore: 60,
    historyFrom: '2024-01-31',
    summary: risk,
    heatmap: {
      departments: ['Eng', 'Ops'],
      columns: [
        { key: '*', label: 'All levels' },
        { key: 'IC2', label: 'IC2' },
      ],
      cells: [
        { department: 'Eng', column: '*', value: risk },
        { department: 'Ops', column: '*', value: hidden },
        { department: 'Eng', column: 'IC2', value: risk },
        { department: 'Ops', column: 'IC2', value: hidden },
      ],
    },
    leavers: [{ from: '2024-01-31', asOf: '2024-06-30', atCeiling: hidden, notAtCeiling: bucket }],
    leaversTotal: null,
  } as unknown as CeilingRiskDashboard;
  return ladderSection({ ladder, risk: dash, minGroupSize: 5, unitSuppressed: false, department: null })
    .blocks as ReportBlock[];
}

function section(hidden: typeof small | typeof complement) {
  const notes: Record<string, string> = {};
  for (const b of blocksOf(hidden)) if (b.kind === 'table') notes[b.table.id] = b.table.note ?? '';
  return notes;
}

function rowsOf(hidden: typeof small | typeof complement) {
  const rows: Record<string, unknown[][]> = {};
  for (const b of blocksOf(hidden)) if (b.kind === 'table') rows[b.table.id] = b.table.rows;
  return rows;
}

describe('report ladder section: why rows and cells are empty', () => {
  it('calls a small group small, with the noun of what it counts', () => {
    const n = section(small);
    expect(n['ladder-departments']).toMatch(/Departments left out: fewer than 5 people\.$/);
    expect(n['ladder-ceiling-risk']).toMatch(/Departments left out: fewer than 5 ICs\.$/);
    // Ops, every cell of which is hidden, is left out of the heatmap table, and the note says so
    expect(n['ladder-risk-heatmap']).toBe(
      'Empty: no ICs at that level, or fewer than 5 ICs. 1 department whose every figure is hidden for privacy is left out.',
    );
    expect(rowsOf(small)['ladder-risk-heatmap']).toEqual([['Eng', 20]]);
    expect(n['ladder-ceiling-leavers']).toMatch(/Empty cells: fewer than 5 ICs\.$/);
    expect(n['ladder-promotion-velocity']).toMatch(/Levels left out: fewer than 5 promotions\.$/);
    expect(n['ladder-track-moves']).toMatch(/Empty cells: fewer than 5 people\.$/);
  });

  it('never calls a complement-hidden group "fewer than 5"', () => {
    const n = section(complement);
    for (const [id, note] of Object.entries(n)) expect(note, id).not.toMatch(/fewer than/);
    expect(n['ladder-departments']).toMatch(
      /Departments left out: hidden so a smaller group cannot be worked out\.$/,
    );
    expect(n['ladder-risk-heatmap']).toBe(
      'Empty: no ICs at that level, or hidden so a smaller group cannot be worked out. 1 department whose every figure is hidden for privacy is left out.',
    );
    expect(n['ladder-track-moves']).toMatch(/Empty cells: hidden so a smaller group cannot be worked out\.$/);
  });
});
