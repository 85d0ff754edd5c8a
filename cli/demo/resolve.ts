/**
 * End-of-phase link repair: everyone whose manager left, or handed their reports on this month,
 * now reports to the person their reports were handed to (else the leaver's own manager).
 */
import type { Sim } from '@/cli/demo/sim';

/** The manager a report of `q` ends up with this month, skipping leavers and hand-overs. */
export function effectiveManager(sim: Sim, q: number, self = -1): number {
  const { pop } = sim;
  let cur = q;
  for (let guard = 0; cur >= 0 && guard < 10_000; guard++) {
    const handed = pop.redirMonth[cur] === sim.month;
    if (pop.alive[cur] === 1 && !handed) return cur;
    let next = handed ? (pop.redirTo[cur] ?? -1) : (pop.mgr[cur] ?? -1);
    if (next === self || next === cur) next = pop.mgr[cur] ?? -1;
    if (next === cur) return -1;
    cur = next;
  }
  return -1;
}

/** Point every living person at a living manager. */
export function resolveLinks(sim: Sim, root: number): void {
  const { pop } = sim;
  for (let s = 0; s < pop.count; s++) {
    if (pop.alive[s] !== 1 || s === root) continue;
    const m = pop.mgr[s] ?? -1;
    if (m >= 0 && pop.alive[m] === 1 && pop.redirMonth[m] !== sim.month) continue;
    const target = effectiveManager(sim, m, s);
    pop.mgr[s] = target >= 0 && target !== s ? target : root;
  }
}
