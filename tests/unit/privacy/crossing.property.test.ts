import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDepartments } from '@/lib/privacy/crossing';
import { planFloor } from '@/lib/privacy/floor';

/** A random forest of units, each person sitting directly in one unit and in one of 4 departments. */
const world = fc.record({
  links: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  people: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 70 }),
  min: fc.integer({ min: 2, max: 6 }),
});

describe('departments crossed with subtrees', () => {
  it('no sum or difference of unit, department and unit x department figures isolates a small group', () => {
    fc.assert(
      fc.property(world, ({ links, people, min }) => {
        const n = links.length;
        const parent = links.map((l, i) => (i === 0 ? -1 : l % i));
        const home = people.map(([u]) => u % n);
        const dept = people.map(([, d]) => d);
        const inside = (u: number, h: number) => {
          for (let v = h; v >= 0; v = parent[v] ?? -1) if (v === u) return true;
          return false;
        };
        const size = parent.map((_, u) => home.filter((h) => inside(u, h)).length);
        const plan = planFloor({ parent, size, total: null, min });
        const visible = parent.map((_, u) => plan.visible[u] === 1);
        // region: the nearest visible unit at or above the person's unit, else none (-1)
        const region = home.map((h) => {
          for (let v = h; v >= 0; v = parent[v] ?? -1) if (visible[v]) return v;
          return -1;
        });
        const shownDept = planDepartments({
          region,
          department: dept,
          weight: people.map(() => 1),
          departments: 4,
          min,
        });
        // Figures shown: every visible unit, and every shown department inside every visible unit.
        const sets: boolean[][] = [];
        visible.forEach((v, u) => {
          if (!v) return;
          sets.push(home.map((h) => inside(u, h)));
          for (let d = 0; d < 4; d++)
            if (shownDept[d] === 1) sets.push(home.map((h, k) => inside(u, h) && dept[k] === d));
        });
        const atoms = new Map<string, number>();
        home.forEach((_, k) => {
          const key = sets.map((s) => (s[k] ? 1 : 0)).join('');
          if (key.includes('1')) atoms.set(key, (atoms.get(key) ?? 0) + 1);
        });
        for (const count of atoms.values()) expect(count).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 400 },
    );
  });
});
