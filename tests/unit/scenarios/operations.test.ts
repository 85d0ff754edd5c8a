/**
 * Scenario operations on the hand-drawn tree of small-tree.ts; every after figure worked out by hand
 * (spans listed per manager; mean = sum / managers, median of the sorted spans).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOperations, type ScenarioOp } from '@/lib/scenarios';
import type { OrgRecord } from '@/lib/metrics/types';
import { documentOf, figures, readSmallTree } from './small-tree';

let tree: OrgRecord[];
beforeAll(async () => {
  tree = await readSmallTree();
});

function after(ops: ScenarioOp[]): OrgRecord[] {
  const r = applyOperations(tree, ops);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.records;
}

describe('before: the small tree', () => {
  it('has the figures drawn in small-tree.ts', () => {
    // spans A 3, B 3, C 2, G 2, K 1: mean 11 / 5 = 2.2, median 2; manager layers 1, 2, 3.
    expect(figures(documentOf(tree))).toEqual({
      headcount: 12,
      managers: 5,
      ics: 7,
      depth: 4,
      managementLayers: 3,
      spanMean: 2.2,
      spanMedian: 2,
      openPositions: 0,
    });
  });
});

describe('each operation, figures after', () => {
  it('move {L, to B}: K loses its only report and becomes an IC', () => {
    // spans A 3, B 4, C 2, G 2: mean 11 / 4 = 2.75, median (2 + 3) / 2 = 2.5.
    expect(figures(documentOf(after([{ op: 'move', id: 'L', to: 'B' }])))).toEqual({
      headcount: 12,
      managers: 4,
      ics: 8,
      depth: 4,
      managementLayers: 3,
      spanMean: 2.75,
      spanMedian: 2.5,
      openPositions: 0,
    });
  });

  it('remove {C}: G and J report to A; G, H, I go up one layer', () => {
    // 11 people; spans A 4 (B, K, G, J), B 3, G 2, K 1: mean 10 / 4 = 2.5, median 2.5; layers 1-3.
    expect(figures(documentOf(after([{ op: 'remove', id: 'C' }])))).toEqual({
      headcount: 11,
      managers: 4,
      ics: 7,
      depth: 3,
      managementLayers: 2,
      spanMean: 2.5,
      spanMedian: 2.5,
      openPositions: 0,
    });
  });

  it('remove {C, reportsTo B}: G and J report to B', () => {
    // spans A 2 (B, K), B 5, G 2, K 1: mean 10 / 4 = 2.5, median 2; H, I at layer 4.
    expect(figures(documentOf(after([{ op: 'remove', id: 'C', reportsTo: 'B' }])))).toEqual({
      headcount: 11,
      managers: 4,
      ics: 7,
      depth: 4,
      managementLayers: 3,
      spanMean: 2.5,
      spanMedian: 2,
      openPositions: 0,
    });
  });

  it('merge {G into B}: H and I join B; G stays under C as an IC', () => {
    // spans A 3, B 5, C 2 (G, J), K 1: mean 11 / 4 = 2.75, median 2.5; no manager at layer 3.
    expect(figures(documentOf(after([{ op: 'merge', from: 'G', into: 'B' }])))).toEqual({
      headcount: 12,
      managers: 4,
      ics: 8,
      depth: 3,
      managementLayers: 2,
      spanMean: 2.75,
      spanMedian: 2.5,
      openPositions: 0,
    });
  });

  it('add {V1 under K}: an open position, not headcount; a vacant leaf adds no span', () => {
    const records = after([{ op: 'add', id: 'V1', manager: 'K', title: 'Engineer', level: 'IC2' }]);
    expect(figures(documentOf(records))).toEqual({
      headcount: 12,
      managers: 5,
      ics: 7,
      depth: 4,
      managementLayers: 3,
      spanMean: 2.2,
      spanMedian: 2,
      openPositions: 1,
    });
    // The planned position sits in its manager's department, vacant.
    expect(records.find((r) => r.employeeId === 'V1')).toMatchObject({
      managerId: 'K',
      status: 'vacant',
      department: 'Sales',
      level: 'IC2',
      title: 'Engineer',
    });
  });

  it('set-level {J, IC4}: structure unchanged; Eng ladder one rung deeper', () => {
    const before = documentOf(tree);
    const m = documentOf(after([{ op: 'set-level', id: 'J', level: 'IC4' }]));
    expect(figures(m)).toEqual(figures(before));
    const eng = (d: typeof m) => d.ladder.departments.find((r) => r.department === 'Eng');
    // Eng ICs before: IC2 IC2 IC3 IC1 IC2 IC2 -> depth 3, ceiling IC3, no one at IC4+.
    expect(eng(before)).toMatchObject({
      icLadderDepth: 3,
      icCeiling: 'IC3',
      shortLadder: true,
      seniorIcShare: 0,
    });
    // after: IC1..IC4 -> depth 4, ceiling IC4 (no longer short); 1 of 6 at IC4+ = 0.1667;
    // parity gap = M3's IC equivalent (IC5) - IC4 = 1 (it was 5 - 3 = 2).
    expect(eng(before)?.parityGap).toBe(2);
    expect(eng(m)).toMatchObject({
      icLadderDepth: 4,
      icCeiling: 'IC4',
      shortLadder: false,
      parityGap: 1,
      seniorIcShare: 0.1667,
    });
  });

  it('set-level {F, M1, track manager}: F leaves the IC ladder (Eng ICs now IC1 and IC2)', () => {
    const m = documentOf(after([{ op: 'set-level', id: 'F', level: 'M1', track: 'manager' }]));
    expect(figures(m)).toEqual(figures(documentOf(tree)));
    expect(m.ladder.departments.find((r) => r.department === 'Eng')).toMatchObject({
      icLadderDepth: 2,
      icCeiling: 'IC2',
    });
  });

  it('a subtree unit: C before and after remove {G}', () => {
    // C's unit: C, G, J, H, I; spans C 2, G 2; layers counted from C.
    expect(figures(documentOf(tree, 'C'))).toEqual({
      headcount: 5,
      managers: 2,
      ics: 3,
      depth: 3,
      managementLayers: 2,
      spanMean: 2,
      spanMedian: 2,
      openPositions: 0,
    });
    // H, I report to C: spans C 3 (J, H, I) -> 4 people, 1 manager, depth 2.
    expect(figures(documentOf(after([{ op: 'remove', id: 'G' }]), 'C'))).toEqual({
      headcount: 4,
      managers: 1,
      ics: 3,
      depth: 2,
      managementLayers: 1,
      spanMean: 3,
      spanMedian: 3,
      openPositions: 0,
    });
  });
});

describe('the change list, undo and purity', () => {
  it('lists net changes with the operation behind each', () => {
    const r = applyOperations(tree, [
      { op: 'remove', id: 'C' },
      { op: 'move', id: 'J', to: 'B' },
      { op: 'add', id: 'V1', manager: 'G' },
      { op: 'set-level', id: 'H', level: 'IC2' },
    ]);
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.changes.removed).toEqual([{ id: 'C', manager: 'A', op: 0 }]);
    // J moved twice (to A by the removal, then to B): shown once, from C to B, by operation 1.
    expect(r.changes.moved).toEqual([
      { id: 'G', from: 'C', to: 'A', op: 0 },
      { id: 'J', from: 'C', to: 'B', op: 1 },
    ]);
    expect(r.changes.added).toEqual([{ id: 'V1', manager: 'G', level: null, track: null, op: 2 }]);
    expect(r.changes.levels).toEqual([
      { id: 'H', fromLevel: 'IC1', toLevel: 'IC2', fromTrack: null, toTrack: null, op: 3 },
    ]);
  });

  it('undo is applying the list without its last operation; the snapshot is never changed', () => {
    const copy = structuredClone(tree);
    const ops: ScenarioOp[] = [
      { op: 'move', id: 'L', to: 'B' },
      { op: 'merge', from: 'G', into: 'B' },
    ];
    const undone = applyOperations(tree, ops.slice(0, -1));
    const direct = applyOperations(tree, [{ op: 'move', id: 'L', to: 'B' }]);
    expect(undone).toEqual(direct);
    expect(tree).toEqual(copy);
    expect(applyOperations(tree, [])).toMatchObject({ ok: true, records: tree });
  });

  it('a promotion starts the time in level at the effective date', () => {
    const r = applyOperations(tree, [{ op: 'set-level', id: 'J', level: 'IC3' }], {
      effectiveDate: '2024-09-01',
    });
    expect(r.ok && r.records.find((x) => x.employeeId === 'J')?.levelStartDate).toBe('2024-09-01');
  });
});

describe('refusals name the operation', () => {
  const cases: Array<[string, ScenarioOp[], number, string]> = [
    ['unknown id', [{ op: 'move', id: 'X', to: 'B' }], 0, 'unknown-id'],
    ['unknown target', [{ op: 'move', id: 'D', to: 'NOBODY' }], 0, 'unknown-id'],
    ['a move under one’s own subtree', [{ op: 'move', id: 'C', to: 'H' }], 0, 'into-own-subtree'],
    ['a move under oneself', [{ op: 'move', id: 'C', to: 'C' }], 0, 'same-person'],
    ['adding an id that exists', [{ op: 'add', id: 'B', manager: 'A' }], 0, 'id-exists'],
    ['removing the root with no reportsTo', [{ op: 'remove', id: 'A' }], 0, 'root-without-reports-to'],
    [
      'reports sent into the removed subtree',
      [{ op: 'remove', id: 'C', reportsTo: 'G' }],
      0,
      'into-own-subtree',
    ],
    ['a merge into one’s own report', [{ op: 'merge', from: 'C', into: 'G' }], 0, 'into-own-subtree'],
    [
      'set-level of a removed person',
      [
        { op: 'remove', id: 'J' },
        { op: 'set-level', id: 'J', level: 'IC3' },
      ],
      1,
      'unknown-id',
    ],
  ];
  it.each(cases)('%s', (_label, ops, index, reason) => {
    const r = applyOperations(tree, ops);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ index, reason });
    const op = ops[index];
    expect(r.refusal.message).toContain(`operation #${index + 1} ${op?.op}`);
  });
});
