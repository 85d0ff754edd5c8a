import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planFloor } from '@/lib/privacy/floor';

interface Family {
  parent: number[];
  own: number[];
  candidate: boolean[];
  withTotal: boolean;
  min: number;
}

/** Random forests of units: each links to an earlier unit or is a top unit; own people 0-7. */
const family = (maxUnits: number): fc.Arbitrary<Family> =>
  fc
    .record({
      links: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.boolean()), {
        minLength: 1,
        maxLength: maxUnits,
      }),
      withTotal: fc.boolean(),
      min: fc.integer({ min: 2, max: 8 }),
    })
    .map(({ links, withTotal, min }) => ({
      parent: links.map(([l], i) => (i === 0 ? -1 : (l % (i + 1)) - 1)),
      own: links.map(([, o]) => o),
      candidate: links.map(([, , c], i) => c || i % 3 !== 0),
      withTotal,
      min,
    }));

/** Each person, as the unit they sit in directly. */
function people(f: Family): number[] {
  return f.own.flatMap((o, i) => Array.from({ length: o }, () => i));
}

/** Membership vectors (over people) of the figures shown: visible units, and the total if shown. */
function shownSets(f: Family, visible: Uint8Array, totalVisible: boolean): number[][] {
  const who = people(f);
  const inside = (unit: number, home: number) => {
    for (let v = home, g = 0; v >= 0 && g <= f.parent.length; v = f.parent[v] ?? -1, g++)
      if (v === unit) return true;
    return false;
  };
  const sets = Array.from(visible)
    .map((v, u) => (v === 1 ? who.map((h): number => (inside(u, h) ? 1 : 0)) : null))
    .filter((s): s is number[] => s !== null);
  if (totalVisible) sets.push(who.map(() => 1));
  return sets;
}

function subtreeSizes(f: Family): number[] {
  const s = [...f.own];
  for (let i = f.parent.length - 1; i >= 0; i--) {
    const p = f.parent[i] ?? -1;
    if (p >= 0) s[p] = (s[p] ?? 0) + (s[i] ?? 0);
  }
  return s;
}

function plan(f: Family) {
  const size = subtreeSizes(f);
  const total = f.withTotal ? size.reduce((s, x, i) => s + ((f.parent[i] ?? -1) < 0 ? x : 0), 0) : null;
  return planFloor({ parent: f.parent, size, candidate: f.candidate, total, min: f.min });
}

describe('planFloor properties over random trees', () => {
  it('every part of the common refinement of the shown figures is empty or at least the minimum', () => {
    // Atoms: people grouped by which shown figures include them. Any sum or difference of shown
    // figures covers whole atoms, so atoms >= min means no group under min can be derived.
    fc.assert(
      fc.property(family(40), (f) => {
        const p = plan(f);
        const sets = shownSets(f, p.visible, p.totalVisible);
        const who = people(f);
        const atoms = new Map<string, number>();
        who.forEach((_, k) => {
          const key = sets.map((s) => s[k]).join('');
          if (key.includes('1')) atoms.set(key, (atoms.get(key) ?? 0) + 1);
        });
        for (const n of atoms.values()) expect(n).toBeGreaterThanOrEqual(f.min);
        const size = subtreeSizes(f);
        p.visible.forEach((v, u) => {
          if (v === 1) expect(size[u]).toBeGreaterThanOrEqual(f.min);
          if (v === 1) expect(f.candidate[u]).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('brute force: no combination of shown figures with coefficients -2..2 is a group of 1 to min-1 people', () => {
    fc.assert(
      fc.property(family(9), (f) => {
        const p = plan(f);
        const sets = shownSets(f, p.visible, p.totalVisible).slice(0, 6);
        const n = people(f).length;
        const coeffs = new Array<number>(sets.length).fill(-2);
        for (;;) {
          const v = new Array<number>(n).fill(0);
          sets.forEach((s, j) => s.forEach((x, k) => (v[k] = (v[k] ?? 0) + x * (coeffs[j] ?? 0))));
          const isGroup = v.every((x) => x === 0 || x === 1);
          const members = v.filter((x) => x === 1).length;
          if (isGroup) expect(members === 0 || members >= f.min).toBe(true);
          let j = 0;
          while (j < coeffs.length && coeffs[j] === 2) coeffs[j++] = -2;
          if (j === coeffs.length) break;
          coeffs[j] = (coeffs[j] ?? 0) + 1;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hides nothing that could be shown safely: with no small remainder, only units under min are hidden', () => {
    fc.assert(
      fc.property(family(40), (f) => {
        const p = plan(f);
        if (p.complementary === 0) {
          const size = subtreeSizes(f);
          p.visible.forEach((v, u) =>
            expect(v === 1).toBe(Boolean(f.candidate[u]) && (size[u] ?? 0) >= f.min),
          );
        }
      }),
    );
  });
});
