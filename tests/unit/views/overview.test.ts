/**
 * lib/views/overview.ts on the fixture organisation (tests/fixtures/views/org.ts): KPI cards,
 * spans histogram and pyramid for the whole organisation, a department and a subtree, every
 * figure worked out by hand from the rows (execLayers 1, minimum group size 5).
 */
import { describe, expect, it } from 'vitest';
import { assembleOverview, kpiValues, type Kpi } from '@/lib/views/overview';
import { overviewSection } from '@/lib/views/reports/overview';
import { isSuppressed } from '@/lib/views/context';
import { nowSnap, pointOf, thenSnap, viewContext } from '../../fixtures/views/org';

const noNotes = { notes: { flagged: [], notComparable: [] }, marked: new Set<string>() };

function overviewOf(want: { subtree?: string; department?: string }, reader: 'hr' | 'viewer' = 'hr') {
  const ctx = viewContext(nowSnap, want, reader);
  const now = pointOf(nowSnap, want);
  return assembleOverview(ctx, {
    structure: now.structure,
    series: [pointOf(thenSnap, want), now],
    scope: noNotes,
  });
}

const kpis = (o: ReturnType<typeof overviewOf>): Record<string, Kpi> => {
  if (isSuppressed(o.kpis)) throw new Error('kpis suppressed');
  return Object.fromEntries(o.kpis.map((k) => [k.key, k]));
};

describe('Overview of the whole organisation', () => {
  const o = overviewOf({});

  it('KPIs with change vs the previous snapshot and vs the peak', () => {
    const k = kpis(o);
    // Headcount: 15 now (C P E e1-e4 Q q1 q2 p1 S s1-s3); 13 then (no Q team, x1 in Sales): +2.
    expect(k.headcount).toMatchObject({
      value: 15,
      previous: 13,
      changeVsPrevious: 2,
      peak: 13,
      changeVsPeak: 2,
    });
    // Managers: C, P, E, Q, S = 5 now; C, P, E, S = 4 then.
    expect(k.managers).toMatchObject({ value: 5, previous: 4, changeVsPrevious: 1 });
    // ICs per manager: (15 - 5) / 5 = 2 now; (13 - 4) / 4 = 2.25 then: -0.25.
    expect(k.icsPerManager).toMatchObject({ value: 2, previous: 2.25, changeVsPrevious: -0.25 });
    // Median span: spans 2 (C), 3 (P), 4 (E), 2 (Q), 3 (S) -> 2 2 3 3 4 -> 3; then 2 2 4 4 -> 3.
    expect(k.medianSpan).toMatchObject({ value: 3, previous: 3, changeVsPrevious: 0 });
    // Depth: e1-e4 and q1-q2 sit on layer 4 (C 1, P 2, E 3); then e1-e4 on layer 4 too.
    expect(k.depth).toMatchObject({ value: 4, previous: 4 });
    // Middle managers: P (manager of managers, layer 2, below the one executive layer): 1 and 1.
    expect(k.middleManagers).toMatchObject({ value: 1, previous: 1, changeVsPrevious: 0 });
    // Senior IC share: IC4+ among the 10 ICs = e3, p1 -> 2 / 10 = 0.2; then 2 of 9 = 0.2222.
    expect(k.seniorIcShare).toMatchObject({ value: 0.2, previous: 0.2222, changeVsPrevious: -0.0222 });
    // At the IC ceiling: Eng's ceiling IC5 (p1), Sales' ceiling IC2 (s2, s3): 3. Then p1 was in
    // Sales, so Eng's ceiling was IC4 (e3) and Sales' IC5 (p1): 2, which is also the peak: +1.
    expect(k.atIcCeiling).toMatchObject({
      value: 3,
      previous: 2,
      changeVsPrevious: 1,
      peak: 2,
      changeVsPeak: 1,
    });
  });

  it('a series point without a stored ceiling count leaves that comparison n/a (null), not 0', () => {
    const ctx = viewContext(nowSnap, {});
    const now = pointOf(nowSnap, {});
    const o = assembleOverview(ctx, {
      structure: now.structure,
      series: [{ ...pointOf(thenSnap, {}), icsAtCeiling: null }, now],
      scope: noNotes,
    });
    expect(kpis(o).atIcCeiling).toMatchObject({ value: 3, previous: null, peak: null });
  });

  it('spans histogram: whole spans 1..widest (4), managers per span', () => {
    // spans 2, 3, 4, 2, 3 -> span 1: 0, 2: 2 (C, Q), 3: 2 (P, S), 4: 1 (E)
    expect(o.spans).toEqual([
      { span: '1', min: 1, max: 1, managers: 0 },
      { span: '2', min: 2, max: 2, managers: 2 },
      { span: '3', min: 3, max: 3, managers: 2 },
      { span: '4', min: 4, max: 4, managers: 1 },
    ]);
  });

  it('pyramid per org layer', () => {
    // 1: C executive. 2: P manager of managers (E, Q report to P), S manager of ICs.
    // 3: E, Q managers of ICs; ICs p1, s1, s2, s3. 4: ICs e1-e4, q1, q2.
    expect(o.pyramid).toEqual([
      { layer: 1, executive: 1, managerOfManagers: 0, managerOfIcs: 0, ics: 0 },
      { layer: 2, executive: 0, managerOfManagers: 1, managerOfIcs: 1, ics: 0 },
      { layer: 3, executive: 0, managerOfManagers: 0, managerOfIcs: 2, ics: 4 },
      { layer: 4, executive: 0, managerOfManagers: 0, managerOfIcs: 0, ics: 6 },
    ]);
    expect(o.fte).toBeNull(); // no aggregated rows
    expect(o.trend).toEqual([
      { asOf: '2024-06-30', headcount: 13, managers: 4, middleManagers: 1, depth: 4 },
      { asOf: '2025-01-01', headcount: 15, managers: 5, middleManagers: 1, depth: 4 },
    ]);
  });
});

describe('Overview of a department (Eng)', () => {
  const o = overviewOf({ department: 'Eng' });

  it('KPIs over the department only', () => {
    const k = kpis(o);
    // Eng now: P, E, e1-e4, Q, q1, q2, p1 = 10; then P, E, e1-e4 = 6 (p1 was in Sales).
    expect(k.headcount).toMatchObject({ value: 10, previous: 6, changeVsPrevious: 4 });
    // Managers P, E, Q = 3; ICs 7: 7 / 3 = 2.3333.
    expect(k.managers?.value).toBe(3);
    expect(k.icsPerManager?.value).toBe(2.3333);
    // Spans 3 (P), 4 (E), 2 (Q): median 3.
    expect(k.medianSpan?.value).toBe(3);
    // Senior ICs e3 (IC4), p1 (IC5) of 7 ICs: 0.2857. Ceiling IC5: p1 alone.
    expect(k.seniorIcShare?.value).toBe(0.2857);
    // Eng now: p1 at IC5; then Eng's ceiling was IC4 (e3): 1 and 1.
    expect(k.atIcCeiling).toMatchObject({ value: 1, previous: 1, changeVsPrevious: 0 });
  });

  it('histogram and pyramid keep org-wide layers', () => {
    expect(o.spans).toEqual([
      { span: '1', min: 1, max: 1, managers: 0 },
      { span: '2', min: 2, max: 2, managers: 1 },
      { span: '3', min: 3, max: 3, managers: 1 },
      { span: '4', min: 4, max: 4, managers: 1 },
    ]);
    // Layer 1 (C, Exec) holds nobody of Eng; P is on layer 2; E, Q, p1 on 3; e1-e4, q1, q2 on 4.
    expect(o.pyramid).toEqual([
      { layer: 1, executive: 0, managerOfManagers: 0, managerOfIcs: 0, ics: 0 },
      { layer: 2, executive: 0, managerOfManagers: 1, managerOfIcs: 0, ics: 0 },
      { layer: 3, executive: 0, managerOfManagers: 0, managerOfIcs: 2, ics: 1 },
      { layer: 4, executive: 0, managerOfManagers: 0, managerOfIcs: 0, ics: 6 },
    ]);
  });
});

describe("Overview of a subtree (P's)", () => {
  const o = overviewOf({ subtree: 'P' });

  it('layers count from the subtree root, which is its executive layer', () => {
    const k = kpis(o);
    // P's subtree: P, E, e1-e4, Q, q1, q2, p1 = 10 people, 3 layers (P 1, E/Q/p1 2, e*/q* 3).
    expect(k.headcount?.value).toBe(10);
    expect(k.depth?.value).toBe(3);
    // P is on the subtree's executive layer (execLayers 1), so no middle managers here.
    expect(k.middleManagers?.value).toBe(0);
    expect(o.pyramid).toEqual([
      { layer: 1, executive: 1, managerOfManagers: 0, managerOfIcs: 0, ics: 0 },
      { layer: 2, executive: 0, managerOfManagers: 0, managerOfIcs: 2, ics: 1 },
      { layer: 3, executive: 0, managerOfManagers: 0, managerOfIcs: 0, ics: 6 },
    ]);
    expect(o.scope).toEqual({ department: null, subtree: 'P', subtreeName: 'Pat Director' });
  });

  it('a viewer gets nothing about a subtree under the minimum (S: 4 people)', () => {
    const s = overviewOf({ subtree: 'S' }, 'viewer');
    const marker = { suppressed: true, minGroupSize: 5, reason: 'small' };
    expect(s.kpis).toEqual(marker);
    expect(s.spans).toEqual(marker);
    expect(s.pyramid).toEqual(marker);
    expect(s.findings).toEqual([]);
    // S leads 4 people (S + s1-s3): below 5, so the viewer gets no name either.
    expect(s.scope.subtreeName).toBeNull();
  });
});

describe('the report Overview section', () => {
  it('prints the KPIs with the change against a chosen comparison snapshot', () => {
    const o = overviewOf({});
    const comparison = kpiValues(viewContext(thenSnap, {}), pointOf(thenSnap, {}));
    const section = overviewSection(o, {
      comparison,
      compareAsOf: thenSnap.asOf,
      compareProblem: null,
      minGroupSize: 5,
    });
    const block = section.blocks[0];
    if (block?.kind !== 'kpis') throw new Error('no KPI block');
    const item = (key: string) => block.items.find((k) => k.key === key);
    // Headcount 15 now against 13 on 2024-06-30: +2. At the IC ceiling then: p1 was in Sales, so
    // Eng's ceiling was IC4 (e3) and Sales' IC5 (p1): 2; now 3 (p1, s2, s3): +1.
    expect(item('headcount')).toMatchObject({ comparison: 13, changeVsComparison: 2 });
    expect(item('atIcCeiling')).toMatchObject({ comparison: 2, changeVsComparison: 1 });
    expect(block.comparisonAsOf).toBe('2024-06-30');
    expect(block.previousAsOf).toBe('2024-06-30');
  });

  it('says honestly why a comparison is missing: small, complement-hidden or absent (issue #16)', () => {
    const o = overviewOf({});
    const notice = (
      compareHidden: { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' } | null,
    ) =>
      overviewSection(o, {
        comparison: null,
        compareAsOf: '2024-06-30',
        compareProblem: null,
        compareHidden,
        minGroupSize: 5,
      }).blocks.find((b) => b.kind === 'notice');
    expect(notice({ suppressed: true, minGroupSize: 5, reason: 'small' })).toEqual({
      kind: 'notice',
      text: 'No comparison with 2024-06-30: at that date this group was fewer than 5 people.',
    });
    // hidden by complementary suppression: never called small
    const complement = notice({ suppressed: true, minGroupSize: 5, reason: 'complement' });
    expect(complement).toEqual({
      kind: 'notice',
      text: 'No comparison with 2024-06-30: at that date this group was hidden so a smaller group cannot be worked out.',
    });
    expect(notice(null)).toEqual({
      kind: 'notice',
      text: 'No comparison with 2024-06-30: this group is not in that snapshot.',
    });
  });
});
