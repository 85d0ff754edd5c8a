/**
 * The viewer rule of lib/dal/unit-labels.ts on a hand-built tree (min group size 5):
 *   R (10 people) ─┬ A (5: A + 4 ICs)   <- labelled
 *                 ├ B (3: B + 2 ICs)   <- too small
 *                 └ V vacant post with one IC below (a vacancy is nobody's label)
 */
import { describe, expect, it } from 'vitest';
import { buildOrgTree } from '@/lib/metrics/tree';
import {
  mayLabelUnit,
  personAttribute,
  unitHeadcount,
  unitLabel,
  unlabelledTeams,
} from '@/lib/dal/unit-labels';
import { person, vacancy } from '../metrics/make-records';

const tree = buildOrgTree([
  person('R', null, { name: 'Rita Root', title: 'CEO' }),
  person('A', 'R', { name: 'Ana Big' }),
  ...['a1', 'a2', 'a3', 'a4'].map((id) => person(id, 'A', { name: `IC ${id}` })),
  person('B', 'R', { name: 'Bo Small' }),
  ...['b1', 'b2'].map((id) => person(id, 'B', { name: `IC ${id}` })),
  vacancy('V', 'R'),
  person('v1', 'V', { name: 'IC v1' }),
]);
const at = (id: string) => tree.indexById.get(id) ?? -1;
const viewer = { canSeePeople: false, settings: { minGroupSize: 5 } };
const leader = { canSeePeople: true, settings: { minGroupSize: 5 } };

describe('unit labels: one rule for what a viewer sees of single persons', () => {
  it('counts a unit as the manager and everyone below them', () => {
    expect(unitHeadcount(tree, at('R'))).toBe(10);
    expect(unitHeadcount(tree, at('A'))).toBe(5);
    expect(unitHeadcount(tree, at('B'))).toBe(3);
  });

  it('names a manager for a viewer only as the label of a unit of at least the minimum size', () => {
    expect(unitLabel(viewer, tree, at('R'))).toBe('Rita Root');
    expect(unitLabel(viewer, tree, at('A'))).toBe('Ana Big');
    expect(unitLabel(viewer, tree, at('B'))).toBeNull();
    expect(unitLabel(viewer, tree, at('a1'))).toBeNull();
    expect(mayLabelUnit(viewer, tree, at('V'))).toBe(false);
    expect(unitLabel(viewer, tree, -1)).toBeNull();
    // the same minimum decides: at 3 Bo's team is named
    expect(unitLabel({ ...viewer, settings: { minGroupSize: 3 } }, tree, at('B'))).toBe('Bo Small');
  });

  it('leaves leaders (inside their scope), hr and admin every name and attribute', () => {
    expect(unitLabel(leader, tree, at('B'))).toBe('Bo Small');
    expect(unitLabel(leader, tree, at('a1'))).toBe('IC a1');
    expect(personAttribute(leader, 'CEO')).toBe('CEO');
  });

  it('never gives a viewer a single person attribute, and words the unnamed units', () => {
    expect(personAttribute(viewer, 'CEO')).toBeNull();
    expect(unlabelledTeams(1, 5)).toBe('A team of fewer than 5 people');
    expect(unlabelledTeams(3, 5)).toBe('3 teams of fewer than 5 people');
  });
});
