import { describe, expect, it } from 'vitest';
import { countSpanArchetypes, findSpanArchetype } from '@/lib/metrics/span-archetypes';
import { computeSpanHistogram, isManagerNode, unitManagerSpans } from '@/lib/metrics/span-histogram';
import { buildOrgTree } from '@/lib/metrics/tree';
import { person } from './make-records';

describe('McKinsey span archetypes (reference bands)', () => {
  it('puts each span in exactly one band, by upper bounds', () => {
    expect([1, 2, 3, 5, 5.5, 6, 7, 8, 10, 11, 15, 15.5, 16, 40].map((s) => findSpanArchetype(s).key)).toEqual(
      [
        'below',
        'below',
        'player-coach',
        'player-coach',
        'coach', // 5.5 is above 5, so a coach (as SPEC bands: 3.5 falls in 4-7)
        'coach',
        'coach',
        'supervisor',
        'supervisor',
        'facilitator',
        'facilitator', // the published ranges meet at 15: 15 stays a facilitator
        'coordinator',
        'coordinator',
        'coordinator',
      ],
    );
  });

  it('counts managers per archetype in published order', () => {
    const c = countSpanArchetypes([1, 4, 4, 6, 9, 12, 20]);
    expect(c.map((a) => [a.key, a.published, a.managers])).toEqual([
      ['below', '1-2', 1],
      ['player-coach', '3-5', 2],
      ['coach', '6-7', 1],
      ['supervisor', '8-10', 1],
      ['facilitator', '11-15', 1],
      ['coordinator', '15+', 1],
    ]);
  });
});

describe('spans histogram', () => {
  it('buckets fractional spans by their upper bound, pads to 16 and opens the last bucket at 40', () => {
    const h = computeSpanHistogram([1, 2.5, 3, 3.5, 250, 41]);
    expect(h).toHaveLength(40);
    expect(h.slice(0, 4).map((r) => [r.span, r.managers])).toEqual([
      ['1', 1],
      ['2', 0],
      ['3', 2], // 2.5 and 3
      ['4', 1], // 3.5
    ]);
    expect(h[39]).toEqual({ span: '40+', min: 40, max: null, managers: 2 });
    expect(computeSpanHistogram([2])).toHaveLength(16);
    expect(computeSpanHistogram([])).toHaveLength(16);
  });
});

describe('one span walk and one bucketing for the Overview and Structure histograms', () => {
  // A (root) manages 45 ICs and B; B manages C and D; C manages E. Spans by hand: A 46, B 2, C 1.
  const records = [
    person('A', null),
    person('B', 'A'),
    person('C', 'B'),
    person('D', 'B'),
    person('E', 'C'),
    ...Array.from({ length: 45 }, (_, k) => person(`I${k}`, 'A')),
  ];
  const tree = buildOrgTree(records);
  const idx = (id: string) => records.findIndex((r) => r.employeeId === id);

  it('walks the managers of the whole tree or of a unit, ICs never', () => {
    expect(unitManagerSpans(tree, null).spans).toEqual([46, 2, 1]);
    expect(unitManagerSpans(tree, Int32Array.from([idx('B'), idx('C'), idx('D'), idx('E')])).spans).toEqual([
      2, 1,
    ]);
    expect(isManagerNode(tree, idx('E'))).toBe(false);
  });

  it('puts a span of 46 in the open "40+" bucket whatever the axis length', () => {
    const { spans } = unitManagerSpans(tree, null);
    const short = computeSpanHistogram(spans, { minTop: 1 });
    const long = computeSpanHistogram(spans);
    expect(short.at(-1)).toEqual({ span: '40+', min: 40, max: null, managers: 1 });
    expect(long.at(-1)).toEqual(short.at(-1));
    expect(short.filter((r) => r.managers > 0).map((r) => [r.span, r.managers])).toEqual([
      ['1', 1],
      ['2', 1],
      ['40+', 1],
    ]);
  });
});
