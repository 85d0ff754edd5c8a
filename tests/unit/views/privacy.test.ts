/**
 * The privacy helpers of lib/views/context.ts (SPEC "Privacy", minimum group size 5): which rows
 * of a breakdown may show beside the unit's total, so that no hidden group can be had by
 * subtraction. Expected rows worked out by hand from the floor rule (lib/privacy/floor.ts): a
 * group under 5 is hidden; a shown unit whose shown parts leave 1-4 people unexplained hides its
 * smallest shown part too.
 */
import { describe, expect, it } from 'vitest';
import { familyShown, guardGroup, isGroupHidden, partitionShown } from '@/lib/views/context';
import { readerFloor } from '@/lib/views/floor';
import { nowSnap } from '../../fixtures/views/org';

const reader = { suppress: true, hidden: false, floor: null, settings: { minGroupSize: 5 } };
const hr = { ...reader, suppress: false };
const marker = { suppressed: true, minGroupSize: 5, reason: 'small' };

describe('guardGroup and isGroupHidden', () => {
  it('hides a group under the minimum from a suppressed reader only', () => {
    expect(guardGroup(reader, 4, 'x')).toEqual(marker);
    expect(guardGroup(reader, 5, 'x')).toBe('x');
    expect(guardGroup(hr, 1, 'x')).toBe('x');
    // a unit hidden by the floor hides every group of it, whatever its size
    expect(isGroupHidden({ ...reader, hidden: true }, 50)).toBe(true);
    // ... and says so: a group of 50 is not "fewer than 5", it is hidden as a complement
    expect(guardGroup({ ...reader, hidden: true }, 50, 'x')).toEqual({ ...marker, reason: 'complement' });
  });
});

describe('partitionShown: a flat breakdown beside its total', () => {
  it('hides the small group and the smallest shown one with it', () => {
    // sizes 10, 3, 6, total 19: 3 < 5 is hidden; 19 - 10 - 6 = 3 would give it back, so the
    // smaller shown row (6) is hidden too: 19 - 10 = 9 hidden people, not a small group.
    expect(partitionShown(reader, [10, 3, 6], 19)).toEqual([true, false, false]);
  });

  it('shows every row when none is small and the total is fully explained', () => {
    // 10 + 6 + 5 = 21: residual 0.
    expect(partitionShown(reader, [10, 6, 5], 21)).toEqual([true, true, true]);
    // hr is never suppressed; a hidden unit shows no row.
    expect(partitionShown(hr, [10, 3, 6], 19)).toEqual([true, true, true]);
    expect(partitionShown({ ...reader, hidden: true }, [10, 6, 5], 21)).toEqual([false, false, false]);
  });

  it('department rows follow the reader floor of the organisation', () => {
    // Whole organisation, 15 people: Eng 10, Exec 1, Sales 4. Exec and Sales are under 5, and
    // together (5) they are what the total minus Eng gives: Eng may show, the two small ones not.
    const floor = readerFloor(nowSnap.tree, null, 5);
    const shown = partitionShown({ ...reader, floor }, [10, 1, 4], 15, ['Eng', 'Exec', 'Sales']);
    expect(shown).toEqual([true, false, false]);
  });
});

describe('familyShown: nested rows (a department and its cells)', () => {
  it('hides a shown child when its parent would give away a small sibling', () => {
    // rows: 0 = department of 8 (top), 1 = its cell of 5, 2 = its cell of 3, 3 = department of 7;
    // total 15. Cell 2 (3) is hidden; row 0 minus cell 1 = 3 would give it back, so cell 1 is
    // hidden too. The total 15 = 8 + 7 is fully explained by the shown departments.
    expect(familyShown(reader, [-1, 0, 0, -1], [8, 5, 3, 7], 15)).toEqual([true, false, false, true]);
  });
});
