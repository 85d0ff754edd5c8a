/**
 * The viewer rule of lib/views/unit-labels.ts on a hand-built tree (min group size 5):
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
  shownFte,
  unitLabel,
  unlabelledTeams,
} from '@/lib/views/unit-labels';
import { readerFloor } from '@/lib/views/floor';
import { group, person, vacancy } from '../metrics/make-records';

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

describe('junior-staff FTE follows the same floor as headcount (shownFte)', () => {
  // R with r1-r5, A + a1-a4 (5 people) with 12 FTE under A; B + b1, b2 (3 people) with 7.5 FTE
  // under B: B's unit is under the minimum, so a viewer gets neither its headcount nor its FTE
  // (R's remainder, R + r1-r5 + B's 3 = 9, keeps A shown).
  const t = buildOrgTree([
    person('R', null),
    ...['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => person(id, 'R')),
    person('A', 'R'),
    ...['a1', 'a2', 'a3', 'a4'].map((id) => person(id, 'A')),
    group('JA', 'A', 12),
    person('B', 'R'),
    ...['b1', 'b2'].map((id) => person(id, 'B')),
    group('JB', 'B', 7.5),
  ]);
  const i = (id: string) => t.indexById.get(id) ?? -1;
  const floorViewer = { ...viewer, floor: readerFloor(t, null, 5) };
  const hr = { canSeePeople: true, settings: { minGroupSize: 5 }, floor: null };

  it('a viewer sees the FTE of shown units only; hr sees every unit', () => {
    expect(shownFte(floorViewer, t, i('A'))).toBe(12);
    expect(shownFte(floorViewer, t, i('B'))).toBeNull();
    expect(shownFte(hr, t, i('B'))).toBe(7.5);
    expect(shownFte(hr, t, i('R'))).toBe(19.5);
  });

  it('a source without aggregated rows has no FTE figure at all', () => {
    expect(shownFte({ ...viewer, floor: readerFloor(tree, null, 5) }, tree, at('A'))).toBeNull();
    expect(shownFte({ ...hr }, tree, at('R'))).toBeNull();
  });
});
