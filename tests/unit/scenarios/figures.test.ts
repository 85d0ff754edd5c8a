/**
 * The editor's tables (lib/views/scenario-figures.ts) on the small tree (small-tree.ts): merge G
 * into C moves H and I to C; G keeps no reports. Before: managers A B C G K = 5, ICs 7, depth 4,
 * mean span (3+3+2+2+1)/5 = 2.2. After: managers A B C K = 4, ICs 8, depth 3, spans 3 3 4 1 ->
 * mean 2.75; layer 4 (H, I) empties: 2 -> 0.
 */
import { describe, expect, it } from 'vitest';
import { applyOperations } from '@/lib/scenarios';
import {
  affectedPeople,
  beforeAfterRows,
  groupFigureRows,
  splitUnchangedLadders,
  type FigureRow,
  type FigureValue,
} from '@/lib/views/scenario-figures';
import { formatMetric } from '@/app/_components/charts/metric-format';
import { documentOf, readSmallTree } from './small-tree';

describe('scenario before/after rows and people affected', () => {
  it('every figure with its difference; people in plain words', async () => {
    const records = await readSmallTree();
    const applied = applyOperations(records, [
      { op: 'merge', from: 'G', into: 'C' },
      { op: 'set-level', id: 'J', level: 'IC3' },
    ]);
    if (!applied.ok) throw new Error(applied.refusal.message);
    const rows = beforeAfterRows(documentOf(records), documentOf(applied.records), {
      before: { ics: 7, meanScore: 10, atCeiling: 2, shareAtCeiling: 0.2857, highRisk: 0 },
      after: { suppressed: true, minGroupSize: 5, reason: 'small' },
    });
    const find = (group: string, figure: string) =>
      rows.find((r) => r.group === group && r.figure === figure);
    expect(find('Structure', 'Managers')).toEqual({
      group: 'Structure',
      figure: 'Managers',
      before: 5,
      after: 4,
      difference: -1,
      format: 'int',
    });
    expect(find('Structure', 'Depth (layers)')?.difference).toBe(-1);
    // shares read in % as on the dashboards (the editor showed "0.2857"), spans as decimals
    expect(find('IC-ceiling risk', 'Share at the unit ceiling')?.format).toBe('percent');
    expect(find('Ladder: Eng', 'Senior IC share')?.format).toBe('percent');
    expect(find('Structure', 'Manager ratio')?.format).toBe('percent');
    expect(find('Span of control', 'Mean span')?.format).toBe('decimal');
    expect(find('Span of control', 'Mean span')).toMatchObject({
      before: 2.2,
      after: 2.75,
      difference: 0.55,
    });
    expect(find('Layer 4', 'Headcount')).toMatchObject({ before: 2, after: 0, difference: -2 });
    expect(find('IC-ceiling risk', 'Declared ICs scored')).toMatchObject({
      before: 7,
      after: 'hidden',
      difference: null,
    });
    // Eng's IC ceiling IC3 stays (F; J joins it); Sales' IC2.
    expect(find('Ladder: Eng', 'IC ceiling')).toMatchObject({
      before: 'IC3',
      after: 'IC3',
      difference: null,
    });

    const names: Record<string, string> = {
      G: 'Gus Lead',
      C: 'Cy Head',
      H: 'Hal Dev',
      I: 'Ivy Dev',
      J: 'Jo Dev',
    };
    const people = affectedPeople(applied.changes, (id) => names[id] ?? null, new Set(['J']));
    expect(people).toEqual([
      { id: 'H', name: 'Hal Dev', kind: 'moved', from: 'Gus Lead (G)', to: 'Cy Head (C)', op: 1 },
      { id: 'I', name: 'Ivy Dev', kind: 'moved', from: 'Gus Lead (G)', to: 'Cy Head (C)', op: 1 },
      { id: 'J', name: 'Jo Dev', kind: 'promoted', from: 'IC2', to: 'IC3', op: 2 },
    ]);
  });
});

describe('FTE rows read with one decimal, as on the Structure page', () => {
  it('303.46 junior FTE reads 303.5, not 303.46', async () => {
    const records = await readSmallTree();
    const doc = { ...documentOf(records), fte: 325.46, juniorFte: 303.46 };
    const rows = beforeAfterRows(doc, doc);
    const fte = rows.find((r) => r.figure === 'Junior staff FTE');
    expect(fte && formatMetric(fte.before as number, fte.format)).toBe('303.5');
    const all = rows.find((r) => r.figure === 'FTE (people and junior staff)');
    expect(all && formatMetric(all.after as number, all.format)).toBe('325.5');
  });
});

describe('the before/after table: departments whose ladder does not change step aside', () => {
  const fig = (group: string, figure: string, before: FigureValue, after: FigureValue): FigureRow => ({
    group,
    figure,
    before,
    after,
    difference: typeof before === 'number' && typeof after === 'number' ? after - before : null,
    format: 'int',
  });
  it('keeps structure and changed ladders first, moves unchanged ladders aside, in order', () => {
    const groups = groupFigureRows([
      fig('Structure', 'Headcount', 10, 10),
      fig('Ladder: Alpha', 'IC ladder depth', 3, 3),
      fig('Ladder: Alpha', 'Short ladder', false, false),
      fig('Ladder: Beta', 'IC ladder depth', 3, 3),
      fig('Ladder: Beta', 'IC ceiling', 'IC3', 'IC4'),
      fig('Ladder: Gamma', 'IC ceiling', null, null),
      fig('IC-ceiling risk', 'High-risk ICs', 2, 2),
    ]);
    expect(groups.map((g) => [g.group, g.rows.length])).toEqual([
      ['Structure', 1],
      ['Ladder: Alpha', 2],
      ['Ladder: Beta', 2],
      ['Ladder: Gamma', 1],
      ['IC-ceiling risk', 1],
    ]);
    const { shown, unchanged } = splitUnchangedLadders(groups);
    // an unchanged Structure or risk group stays (they are the unit's own figures); Beta changes its ceiling
    expect(shown.map((g) => g.group)).toEqual(['Structure', 'Ladder: Beta', 'IC-ceiling risk']);
    expect(unchanged.map((g) => g.group)).toEqual(['Ladder: Alpha', 'Ladder: Gamma']);
  });
});
