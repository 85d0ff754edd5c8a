/**
 * lib/views/compare-lists.ts from people stored in preorder (rowListSide, peopleListsOf) on a
 * hand-made subtree M in two snapshots, every list worked out by hand:
 *
 * then (range of M): M Mia Root (M2, manages L and a), L Leo Lead (M1, manages l1 and l2, layer 3),
 *   l1 Lia One (IC2, layer 4), l2 Lou Two (IC3, layer 4), a Ann (IC2, dept A), v (a vacant post);
 *   outside the range: x Xav (IC2, dept C, under R).
 * now (range of M): L left and l1, l2 report to M (layer 3); l2 is an M1 on the manager track;
 *   a is IC3 in dept B; j Jo New joined; x moved in under M, into dept A.
 */
import { describe, expect, it } from 'vitest';
import type { PersonOrderRow } from '@/lib/metrics/people-order';
import { peopleListsOf, rowListSide } from '@/lib/views/compare-lists';
import { departmentHeadcounts } from '@/lib/views/compare';

const IC = 1;
const MANAGER = 2;
const rank: Record<string, number> = { IC1: 1, IC2: 2, IC3: 3, M1: 4, M2: 5 };

function p(
  pre: number,
  size: number,
  id: string,
  name: string | null,
  managerId: string | null,
  layer: number,
  kind: number,
  level: string | null,
  department = 'A',
): PersonOrderRow {
  return {
    pre,
    size,
    ord: pre,
    employeeId: id,
    name,
    title: null,
    department,
    level,
    rank: level === null ? Number.NaN : (rank[level] ?? Number.NaN),
    layer,
    kind,
    span: 0,
    fte: null,
    annualCost: null,
    risk: null,
    managerId,
    track: level === null ? 0 : level.startsWith('M') ? MANAGER : IC,
    person: kind !== 0,
  };
}

const THEN = [
  p(10, 6, 'M', 'Mia Root', 'R', 2, 3, 'M2'),
  p(11, 3, 'L', 'Leo Lead', 'M', 3, 2, 'M1'),
  p(12, 1, 'l1', 'Lia One', 'L', 4, 1, 'IC2'),
  p(13, 1, 'l2', 'Lou Two', 'L', 4, 1, 'IC3'),
  p(14, 1, 'a', 'Ann', 'M', 3, 1, 'IC2'),
  p(15, 1, 'v', null, 'M', 3, 0, null),
];
const X_THEN = p(40, 1, 'x', 'Xav', 'R', 3, 1, 'IC2', 'C');
const NOW = [
  p(20, 6, 'M', 'Mia Root', 'R', 2, 2, 'M2'),
  p(21, 1, 'l1', 'Lia One', 'M', 3, 1, 'IC2'),
  p(22, 1, 'l2', 'Lou Two', 'M', 3, 1, 'M1'),
  p(23, 1, 'a', 'Ann', 'M', 3, 1, 'IC3', 'B'),
  p(24, 1, 'j', 'Jo New', 'M', 3, 1, 'IC1'),
  p(25, 1, 'x', 'Xav', 'M', 3, 1, 'IC2'),
];

const rows = (list: Array<{ name: string | null; detail: string | null }>) =>
  list.map((r) => [r.name, r.detail]);

describe('people lists from rows in preorder', () => {
  it('lists every change inside the subtree, matched by id across the two ranges and the rows looked up', () => {
    // The 'to' range's people outside the 'from' range (j, x) looked up in the 'from' snapshot: x only.
    const from = rowListSide(THEN, [X_THEN]);
    const to = rowListSide(NOW, []);
    const l = peopleListsOf(from, to);
    expect(rows(l.joiners)).toStrictEqual([['Jo New', null]]);
    expect(rows(l.leavers)).toStrictEqual([['Leo Lead', null]]);
    expect(rows(l.movers)).toStrictEqual([
      ['Lia One', 'Leo Lead → Mia Root'],
      ['Lou Two', 'Leo Lead → Mia Root'],
      ['Xav', 'outside this view → Mia Root'],
    ]);
    expect(rows(l.promotions)).toStrictEqual([['Ann', 'IC2 → IC3 (IC track)']]);
    expect(rows(l.icToManager)).toStrictEqual([['Lou Two', 'IC3 → M1']]);
    expect(l.managerToIc).toStrictEqual([]);
    expect(rows(l.departmentMoves)).toStrictEqual([
      ['Ann', 'A → B'],
      ['Xav', 'C → A'],
    ]);
    expect(rows(l.delayered)).toStrictEqual([['Leo Lead', 'left; 2 of 2 reports moved up']]);
    expect(l.joiners[0]).toStrictEqual({
      id: 'j',
      name: 'Jo New',
      title: null,
      department: 'A',
      detail: null,
    });
  });

  it('keeps the vacant post out of the unit and counts filled people per department', () => {
    const from = rowListSide(THEN, []);
    expect(from.members.map((m) => m.employeeId)).toStrictEqual(['M', 'L', 'l1', 'l2', 'a']);
    expect(from.has('v')).toBe(false);
    const reportsOf = (id: string) => {
      const m = from.find(id);
      return m === undefined ? null : from.reports(m).map((r) => r.employeeId);
    };
    expect(reportsOf('L')).toStrictEqual(['l1', 'l2']);
    expect(reportsOf('M')).toStrictEqual(['L', 'a']);
    const weights = (list: PersonOrderRow[]) =>
      list.map((r) => ({ department: r.department, weight: r.person === true ? 1 : 0 }));
    expect(departmentHeadcounts(weights(THEN))).toStrictEqual(new Map([['A', 5]]));
    expect(departmentHeadcounts(weights(NOW))).toStrictEqual(
      new Map([
        ['A', 5],
        ['B', 1],
      ]),
    );
  });
});
