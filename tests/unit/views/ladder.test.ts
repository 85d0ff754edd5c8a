/**
 * lib/views/ladder-distribution.ts and lib/views/ceiling-risk.ts on the fixture organisation
 * (tests/fixtures/views/org.ts, default ladder: IC4 Staff is the senior threshold, M1 = rank 3,
 * M3 = rank 5), figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { computeCeilingRisk } from '@/lib/metrics/ceiling-risk';
import { buildSnapshotFrame } from '@/lib/metrics/series-frames';
import { addSnapshotLevels, createLevelHistory } from '@/lib/metrics/time-in-level';
import { assembleCeilingRisk } from '@/lib/views/ceiling-risk';
import {
  groupUnitByDepartment,
  listLevelSeries,
  summarizeLadderGroup,
} from '@/lib/views/ladder-distribution';
import { RISK_OPTIONS, type LadderHistory } from '@/lib/views/ladder-history';
import { nowSnap, viewContext } from '../../fixtures/views/org';

const eng = viewContext(nowSnap, { department: 'Eng' }).unit.nodes;

describe('ladder distribution', () => {
  it('counts people per level and track, with the ladder metrics of the group (Eng)', () => {
    const g = summarizeLadderGroup(nowSnap, eng);
    // Eng: P M3, E M1, Q M1 (3 managers); e1 IC2, e2 IC3, e3 IC4, e4 IC2, q1 IC2, q2 IC3, p1 IC5 (7 ICs).
    expect(g.people).toBe(10);
    expect(g.ics).toBe(7);
    expect(g.managers).toBe(3);
    expect(g.counts).toEqual({
      'manager:M3': 1,
      'manager:M1': 2,
      'ic:IC2': 3, // e1, e4, q1
      'ic:IC3': 2, // e2, q2
      'ic:IC4': 1, // e3
      'ic:IC5': 1, // p1
    });
    expect(g.topManagerLevel).toBe('M3');
    // rungs IC2..IC5 = 4; ceiling IC5 (rank 5); manager top M3 (rank 5): parity gap 5 - 5 = 0;
    // senior (IC4+) 2 of 7 = 0.2857.
    expect(g.metrics).toMatchObject({
      icLadderDepth: 4,
      icCeiling: 'IC5',
      parityGap: 0,
      seniorIcShare: 0.2857,
    });
  });

  it('lists the level segments IC track first, each by rank', () => {
    expect(listLevelSeries(nowSnap, eng).map((s) => s.label)).toEqual([
      'IC2',
      'IC3',
      'IC4',
      'IC5',
      'M1',
      'M3',
    ]);
  });

  it('groups the organisation by department, sorted', () => {
    expect(groupUnitByDepartment(nowSnap, null).map((g) => [g.department, g.nodes.length])).toEqual([
      ['Eng', 10],
      ['Exec', 1],
      ['Sales', 4],
    ]);
  });
});

/** The level history of a one-snapshot series, as lib/dal/dashboards/level-history.ts builds it. */
function oneSnapshotHistory(): LadderHistory {
  const history = createLevelHistory();
  addSnapshotLevels(history, null, nowSnap, null);
  return {
    series: [{ id: 1, asOf: nowSnap.asOf }],
    history,
    risk: computeCeilingRisk(nowSnap, history, RISK_OPTIONS),
    frames: [buildSnapshotFrame(nowSnap)],
    steps: [],
    stored: new Map(),
  };
}

describe('ceiling risk', () => {
  const lh = oneSnapshotHistory();

  it('flags the ICs at their department ceiling and sums them per cell (hr)', () => {
    const d = assembleCeilingRisk(viewContext(nowSnap, {}, 'hr'), lh);
    // At the ceiling: p1 (Eng, IC5), s2 and s3 (Sales, IC2); nobody is at the ladder top (IC8) and
    // a one-snapshot history has no long spell: each scores 30 (atUnitCeiling), the others 0.
    // The tie-breaker: no level start dates, so stay = 0; at the ceiling, closeness = 1: pressure
    // 0.5, + 0.9 x 0.5 = 0.45 -> 30.45, one decimal 30.5.
    // 10 ICs, 3 at the ceiling (0.3), mean 91.5 / 10 = 9.15 -> 9.2, none at 60 or more.
    expect(d.summary).toEqual({ ics: 10, meanScore: 9.2, atCeiling: 3, shareAtCeiling: 0.3, highRisk: 0 });
    expect(d.people?.map((p) => [p.employeeId, p.score, p.reasons])).toEqual([
      ['p1', 30.5, ['atUnitCeiling']],
      ['s2', 30.5, ['atUnitCeiling']],
      ['s3', 30.5, ['atUnitCeiling']],
    ]);
    // Next steps: p1 holds Eng's IC5 (the ladder goes to IC8); s2 and s3 hold Sales' IC2 while Eng
    // reaches IC5, so a move is suggested too.
    expect(d.people?.map((p) => p.nextStep)).toEqual([
      'Consider opening the next rung (IC6) in Eng.',
      'Consider opening the next rung (IC3) in Sales, or a move to Eng (IC levels up to IC5).',
      'Consider opening the next rung (IC3) in Sales, or a move to Eng (IC levels up to IC5).',
    ]);
    expect(d.unitSteps).toEqual([
      {
        department: 'Sales',
        atCeiling: 2,
        text: '2 ICs at IC2: consider opening the next rung (IC3) in Sales, or moves to Eng (IC levels up to IC5).',
      },
      { department: 'Eng', atCeiling: 1, text: '1 IC at IC5: consider opening the next rung (IC6) in Eng.' },
    ]);
    expect(d.heatmap.departments).toEqual(['Eng', 'Sales']);
    expect(d.heatmap.columns.map((c) => c.key)).toEqual(['IC1', 'IC2', 'IC3', 'IC4', 'IC5', '*']);
    const cell = (department: string, column: string) =>
      d.heatmap.cells.find((c) => c.department === department && c.column === column)?.value;
    // Eng, all levels: 7 ICs, 1 at the ceiling (1/7 = 0.1429), mean 30.5 / 7 = 4.36 -> 4.4.
    expect(cell('Eng', '*')).toEqual({
      ics: 7,
      meanScore: 4.4,
      atCeiling: 1,
      shareAtCeiling: 0.1429,
      highRisk: 0,
    });
    expect(cell('Eng', 'IC5')).toEqual({
      ics: 1,
      meanScore: 30.5,
      atCeiling: 1,
      shareAtCeiling: 1,
      highRisk: 0,
    });
    // Sales, all levels: s1, s2, s3; 2 at the ceiling (0.6667), mean 61 / 3 = 20.33 -> 20.3.
    expect(cell('Sales', '*')).toEqual({
      ics: 3,
      meanScore: 20.3,
      atCeiling: 2,
      shareAtCeiling: 0.6667,
      highRisk: 0,
    });
    expect(cell('Sales', 'IC1')).toEqual({
      ics: 1,
      meanScore: 0,
      atCeiling: 0,
      shareAtCeiling: 0,
      highRisk: 0,
    });
    expect(d.leavers).toEqual([]);
    expect(d.leaversTotal).toBeNull();
  });

  it("suggests no move to a department whose IC figures the reader's floor hides", () => {
    // A floor (minimum 3) that shows Sales' ICs but not Eng's: Sales' step named Eng and its IC
    // ceiling (IC5), a figure about a hidden group; now it names only the rung to open.
    const base = viewContext(nowSnap, {}, 'viewer');
    if (base.floor === null) throw new Error('a viewer has a floor');
    const ctx = {
      ...base,
      settings: { ...base.settings, minGroupSize: 3 },
      hidden: false,
      icHidden: false,
      floor: { ...base.floor, icDepartments: new Set(['Sales']) },
    };
    const d = assembleCeilingRisk(ctx, lh);
    const steps = d.unitSteps.map((s) => s.text);
    expect(steps.some((t) => t.includes('Eng'))).toBe(false);
    expect(steps).toContain('2 ICs at IC2: consider opening the next rung (IC3) in Sales.');
  });

  it('hides every heatmap cell from a viewer when no cell can stand with the total', () => {
    const d = assembleCeilingRisk(viewContext(nowSnap, {}, 'viewer'), lh);
    // The unit's 10 ICs may show; Sales' 3 ICs may not; then Eng's 7 would give Sales' 3 as
    // 10 - 7, so Eng's row is hidden too; every level cell is under 5.
    expect(d.summary).toMatchObject({ ics: 10 });
    // cells only where ICs are: Eng IC2, IC3, IC4, IC5 and all levels; Sales IC1, IC2 and all = 8.
    expect(d.heatmap.cells.length).toBe(8);
    expect(d.heatmap.cells.every((c) => 'suppressed' in c.value)).toBe(true);
    expect(d.people).toBeNull();
  });
});
