import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import type { PersonOrderRow } from '@/lib/metrics/people-order';
import { ceilingRiskFrom } from '@/lib/views/ceiling-risk';
import {
  PEOPLE_ORDER_FORMAT,
  rankMapOf,
  readPeopleOrderFacts,
  scoredPeopleOf,
  type PeopleOrderFacts,
} from '@/lib/views/people-rows';

/** A stored row; only what a test cares about needs to be given. */
function row(pre: number, ord: number, id: string, extra: Partial<PersonOrderRow> = {}): PersonOrderRow {
  return {
    pre,
    size: 1,
    ord,
    employeeId: id,
    name: `Name ${id}`,
    title: null,
    department: 'A',
    level: null,
    rank: Number.NaN,
    layer: 3,
    kind: 1,
    span: 0,
    fte: null,
    annualCost: null,
    risk: null,
    ...extra,
  };
}

// A subtree's range in preorder: its manager, then three scored ICs whose tree order (ord) differs.
const rows: PersonOrderRow[] = [
  row(10, 4, 'm', { size: 4, layer: 2, kind: 2, span: 3 }),
  row(11, 5, 'p1', {
    level: 'IC3',
    rank: 3,
    risk: { reasons: ['atUnitCeiling', 'longInLevel'], score: 80.5, pressure: 0.5, monthsInLevel: 30 },
  }),
  row(12, 2, 'p2', {
    level: 'IC2',
    rank: 2,
    risk: { reasons: [], score: 0, pressure: 0.2, monthsInLevel: 5 },
  }),
  row(13, 7, 'p3', {
    department: 'B',
    level: 'IC3',
    rank: 3,
    risk: { reasons: ['atUnitCeiling', 'atLadderTop'], score: 70.3, pressure: 0.4, monthsInLevel: 12 },
  }),
];

const facts: PeopleOrderFacts = {
  format: PEOPLE_ORDER_FORMAT,
  ladderKey: 'k1',
  scored: true,
  rankOf: [
    ['IC3', 3],
    ['IC2', 2],
    ['X', null],
  ],
  ceilings: [
    ['A', 3],
    ['B', 3],
    [null, null],
  ],
};

describe('people rows (stored in preorder)', () => {
  it('lists the scored ICs in tree order, with who each one is', () => {
    const { people, personOf } = scoredPeopleOf(rows);
    expect(people.map((p) => p.employeeId)).toEqual(['p2', 'p1', 'p3']);
    expect(people[1]).toEqual({
      employeeId: 'p1',
      department: 'A',
      level: 'IC3',
      monthsInLevel: 30,
      score: 80.5,
      pressure: 0.5,
      reasons: ['atUnitCeiling', 'longInLevel'],
    });
    const p3 = people[2];
    if (p3 === undefined) throw new Error('three scored ICs expected');
    expect(personOf(p3)).toEqual({ name: 'Name p3', title: null, rank: 3 });
  });

  it('reads facts of its own format and ladder only, NaN ranks restored', () => {
    expect(readPeopleOrderFacts(facts, 'k1')).toEqual(facts);
    expect(readPeopleOrderFacts(facts, 'k2')).toBeNull();
    expect(readPeopleOrderFacts({ ...facts, format: PEOPLE_ORDER_FORMAT + 1 }, 'k1')).toBeNull();
    expect(readPeopleOrderFacts(null, 'k1')).toBeNull();
    const ranks = rankMapOf(facts);
    expect(ranks.get('IC2')).toBe(2);
    expect(Number.isNaN(ranks.get('X'))).toBe(true);
  });

  it('gives the Ceiling-risk dashboard of the range, hand-computed', () => {
    const d = ceilingRiskFrom(
      {
        ref: { asOf: '2025-01-01' },
        settings: { minGroupSize: 5, execLayers: 2 },
        suppress: false,
        hidden: false,
        icHidden: false,
        canSeePeople: true,
        floor: null,
      },
      {
        ...scoredPeopleOf(rows),
        rankOf: rankMapOf(facts),
        ceilings: new Map(facts.ceilings),
        ladder: DEFAULT_LADDER,
        samples: [],
        historyFrom: '2024-01-01',
        unitSeries: { moves: [], leavers: [], samples: [] },
        scope: { department: null, subtree: 'm', subtreeName: 'Name m' },
      },
    );
    // 3 ICs, mean (0 + 80.5 + 70.3) / 3 = 50.27 -> 50.3; two at their unit's ceiling, two >= 60.
    expect(d.summary).toEqual({ ics: 3, meanScore: 50.3, atCeiling: 2, shareAtCeiling: 0.6667, highRisk: 2 });
    // Columns by rank (IC2 before IC3), then all levels; departments A, B.
    expect(d.heatmap.columns.map((c) => c.key)).toEqual(['IC2', 'IC3', '*']);
    expect(d.heatmap.departments).toEqual(['A', 'B']);
    const cell = d.heatmap.cells.find((c) => c.department === 'A' && c.column === '*');
    expect(cell?.value).toEqual({ ics: 2, meanScore: 40.3, atCeiling: 1, shareAtCeiling: 0.5, highRisk: 1 });
    // The named list: scores above 0, highest first.
    expect(d.people?.map((p) => [p.employeeId, p.name, p.score])).toEqual([
      ['p1', 'Name p1', 80.5],
      ['p3', 'Name p3', 70.3],
    ]);
    expect(d.peopleTotal).toBe(2);
    expect(d.historyFrom).toBe('2024-01-01');
    expect(d.scope).toEqual({ department: null, subtree: 'm', subtreeName: 'Name m' });
  });
});
