/**
 * lib/views/compare-lists.ts and lib/views/compare.ts between the fixture's two snapshots
 * (tests/fixtures/views/org.ts): from 2024-06-30 to 2025-01-01, Q, q1 and q2 joined, x1 left, e2
 * was promoted IC2 -> IC3 and p1 moved from Sales to Eng.
 */
import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '@/lib/metrics/history';
import { assembleCompare } from '@/lib/views/compare';
import { buildPeopleLists, unitMembers } from '@/lib/views/compare-lists';
import { unitOf } from '@/lib/views/unit';
import { nowSnap, pointOf, thenSnap, viewContext } from '../../fixtures/views/org';

function lists(want: { subtree?: string; department?: string }) {
  const unit = (s: typeof nowSnap) => unitOf(s.tree, want.subtree ?? null, want.department ?? null);
  return buildPeopleLists(
    compareSnapshots(thenSnap, nowSnap),
    { snap: thenSnap, has: unitMembers(thenSnap, unit(thenSnap)) },
    { snap: nowSnap, has: unitMembers(nowSnap, unit(nowSnap)) },
  );
}

const names = (rows: Array<{ name: string | null; detail: string | null }>) =>
  rows.map((r) => [r.name, r.detail]);

describe('compare lists', () => {
  it('lists who joined, left, was promoted and changed department in the organisation', () => {
    const l = lists({});
    // joiners sorted by name: Ada Q (q1), Ben Q (q2), Quinn Lead (Q)
    expect(names(l.joiners)).toEqual([
      ['Ada Q', null],
      ['Ben Q', null],
      ['Quinn Lead', null],
    ]);
    expect(names(l.leavers)).toEqual([['Xena Gone', null]]);
    expect(names(l.promotions)).toEqual([['Emma Two', 'IC2 → IC3 (IC track)']]);
    expect(names(l.departmentMoves)).toEqual([['Pia Principal', 'Sales → Eng']]);
    expect(l.movers).toEqual([]);
    expect(l.icToManager).toEqual([]);
    expect(l.managerToIc).toEqual([]);
  });

  it('keeps to the unit: Sales lost x1 and p1, joined nobody', () => {
    const l = lists({ department: 'Sales' });
    expect(l.joiners).toEqual([]);
    expect(names(l.leavers)).toEqual([['Xena Gone', null]]);
    // p1 was in Sales then: a department move touching the unit on either side is listed.
    expect(names(l.departmentMoves)).toEqual([['Pia Principal', 'Sales → Eng']]);
    expect(l.promotions).toEqual([]);
  });
});

describe('compare', () => {
  it('counts the lists, departments and pyramid change for hr', () => {
    const ctx = viewContext(nowSnap, {}, 'hr');
    const c = assembleCompare(ctx, {
      to: { asOf: nowSnap.asOf, snap: nowSnap, unit: ctx.unit },
      from: {
        asOf: thenSnap.asOf,
        snap: thenSnap,
        unit: unitOf(thenSnap.tree, null, null),
        point: pointOf(thenSnap, {}),
      },
      toPoint: pointOf(nowSnap, {}),
      targets: null,
    });
    if ('suppressed' in c.lists) throw new Error('lists suppressed');
    expect(c.lists.joiners.total).toBe(3);
    expect(c.lists.leavers.total).toBe(1);
    // Departments then: Eng P, E, e1-e4 = 6; Exec 1; Sales S, s1-s3, x1, p1 = 6.
    // Now: Eng 10, Exec 1, Sales 4.
    expect(c.departments).toEqual([
      { department: 'Eng', from: 6, to: 10, change: 4 },
      { department: 'Exec', from: 1, to: 1, change: 0 },
      { department: 'Sales', from: 6, to: 4, change: -2 },
    ]);
    // Pyramid headcount per layer: then 1, 2 (P, S), 6 (E, p1, s1-s3, x1), 4 (e1-e4);
    // now 1, 2, 6 (E, Q, p1, s1-s3), 6 (e1-e4, q1, q2).
    expect(c.pyramid).toEqual([
      { layer: 1, from: 1, to: 1 },
      { layer: 2, from: 2, to: 2 },
      { layer: 3, from: 6, to: 6 },
      { layer: 4, from: 4, to: 6 },
    ]);
    expect(c.layersRemoved).toBe(0);
  });
});
