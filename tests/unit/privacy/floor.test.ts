import { describe, expect, it } from 'vitest';
import { planFloor, planPartition } from '@/lib/privacy/floor';

/** Subtree sizes from each unit's own people and parent links (parents before children here). */
function sizes(parent: number[], own: number[]): number[] {
  const s = [...own];
  for (let i = parent.length - 1; i >= 0; i--) {
    const p = parent[i] ?? -1;
    if (p >= 0) s[p] = (s[p] ?? 0) + (s[i] ?? 0);
  }
  return s;
}

describe('planFloor on the reproduction of issue #11', () => {
  // A manager with 43 engineers: four sub-managers with 15, 13, 9 and 5, and one engineer of their own.
  const parent = [-1, 0, 0, 0, 0];
  const size = [43, 15, 13, 9, 5];

  it('hides the smallest sub-manager so the remainder is 6 engineers, not 1', () => {
    const plan = planFloor({ parent, size, total: null, min: 5 });
    expect(Array.from(plan.visible)).toEqual([1, 1, 1, 1, 0]);
    expect(plan.complementary).toBe(1);
    const shown = [1, 2, 3, 4].filter((i) => plan.visible[i] === 1).reduce((s, i) => s + (size[i] ?? 0), 0);
    expect(43 - shown).toBe(6);
  });

  it('leaves a family alone when every remainder is 0 or at least the minimum', () => {
    const plan = planFloor({ parent, size: [47, 15, 13, 9, 5], total: null, min: 5 });
    expect(Array.from(plan.visible)).toEqual([1, 1, 1, 1, 1]);
    expect(plan.complementary).toBe(0);
  });

  it('hides a unit under the minimum, and then its parent remainder is checked with it merged', () => {
    // 12 = 4 (hidden, too small) + 6 + 2 own: remainder 6, fine.
    const plan = planFloor({ parent: [-1, 0, 0], size: [12, 4, 6], total: null, min: 5 });
    expect(Array.from(plan.visible)).toEqual([1, 0, 1]);
  });

  it('merges deeper frontiers: a hidden child brings its own visible children into the frontier', () => {
    // 0 -> 1 (size 4, hidden) -> 2 (size 3, hidden); 0 -> 3 (size 6). Remainder of 0 = 14-6 = 8.
    const own = [1, 1, 3, 6, 0];
    const par = [-1, 0, 1, 0, -1];
    const plan = planFloor({ parent: par, size: sizes(par, own), total: null, min: 5 });
    expect(Array.from(plan.visible).slice(0, 4)).toEqual([1, 0, 0, 1]);
  });

  it('prefers hiding a frontier unit whose own remainder is not 0', () => {
    // 0 (21) -> 1 (10, fully covered by 3 and 4 of 5 each) and 2 (8, residual 8): remainder of 0 is 3.
    const par = [-1, 0, 0, 1, 1];
    const size = [21, 10, 8, 5, 5];
    const plan = planFloor({ parent: par, size, total: null, min: 5 });
    expect(Array.from(plan.visible)).toEqual([1, 1, 0, 1, 1]);
  });

  it('hides everything when the total itself is under the minimum', () => {
    const plan = planFloor({ parent: [-1, -1], size: [2, 2], total: 4, min: 5 });
    expect(plan.totalVisible).toBe(false);
    expect(Array.from(plan.visible)).toEqual([0, 0]);
  });

  it('honours candidates: a unit that is never shown is not part of the family', () => {
    const plan = planFloor({ parent, size, candidate: [1, 1, 1, 1, 0], total: null, min: 5 });
    expect(Array.from(plan.visible)).toEqual([1, 1, 1, 1, 0]);
    expect(plan.complementary).toBe(0);
  });
});

describe('planPartition (a flat breakdown shown with its total)', () => {
  it('hides the next-smallest cell when only one small cell is hidden', () => {
    const plan = planPartition([20, 9, 6, 3], 38, 5);
    expect(Array.from(plan.visible)).toEqual([1, 1, 0, 0]);
  });

  it('needs no complement when the hidden cells already add up to the minimum', () => {
    const plan = planPartition([20, 9, 3, 2], 34, 5);
    expect(Array.from(plan.visible)).toEqual([1, 1, 0, 0]);
    expect(plan.complementary).toBe(0);
  });

  it('without a total, each cell stands alone', () => {
    const plan = planPartition([20, 3], null, 5);
    expect(Array.from(plan.visible)).toEqual([1, 0]);
  });
});
