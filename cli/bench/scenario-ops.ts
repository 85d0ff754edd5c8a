/**
 * Random scenario operations on a prepared snapshot (seeded): the scenario benchmark's workload,
 * and the property tests' (tests/unit/scenarios/prepare.test.ts). Pure.
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import type { ScenarioOp } from '@/lib/scenarios';
import { isBelow } from '@/lib/views/unit';

/** A small seeded generator (mulberry32), so a run can be repeated (the same managers, the same operations). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random operation on the snapshot's people (or those of `within`, a subtree's record indices,
 * its root never changed): move, remove, merge, add or set-level. It may not apply after earlier ones.
 */
export function randomOp(
  snap: PreparedSnapshot,
  rnd: () => number,
  n: number,
  within: Int32Array | null = null,
): ScenarioOp {
  const t = snap.tree;
  const root = within?.[0] ?? -1;
  const pick = (ok: (i: number) => boolean): number => {
    for (;;) {
      const i = within ? (within[Math.floor(rnd() * within.length)] ?? 0) : Math.floor(rnd() * t.size);
      if (t.aggregated[i] !== 1 && ok(i)) return i;
    }
  };
  const idOf = (i: number) => t.records[i]?.employeeId ?? '';
  const isManager = (i: number) => (t.descendantCount[i] ?? 0) > 0;
  const notRoot = (i: number) => (t.parent[i] ?? -1) >= 0 && i !== root;
  const kind = Math.floor(rnd() * 5);
  if (kind === 0) {
    const to = pick(isManager);
    const who = pick((i) => notRoot(i) && i !== to && !isBelow(t, to, i));
    return { op: 'move', id: idOf(who), to: idOf(to) };
  }
  if (kind === 1) return { op: 'remove', id: idOf(pick((i) => notRoot(i) && isManager(i))) };
  if (kind === 2) {
    const from = pick((i) => notRoot(i) && isManager(i));
    const into = pick((i) => i !== from && isManager(i) && !isBelow(t, i, from));
    return { op: 'merge', from: idOf(from), into: idOf(into) };
  }
  if (kind === 3) return { op: 'add', id: `BENCH-${n}`, manager: idOf(pick(isManager)), level: 'IC2' };
  const who = pick((i) => notRoot(i) && !isManager(i) && t.records[i]?.level !== null);
  const other = t.records[pick((i) => !isManager(i) && t.records[i]?.level !== null)]?.level ?? 'IC2';
  return { op: 'set-level', id: idOf(who), level: other };
}
