/**
 * Delayering: a reorganisation removes middle managers (managers of managers below the top two
 * layers) in one or two departments, narrowest spans first. Their reports move up to the removed
 * manager's own manager; the removed manager leaves or steps back to a senior IC role.
 */
import { DEPARTMENTS } from '@/cli/demo/departments';
import { icLevelForManager } from '@/cli/demo/careers';
import { pickWeighted, hashInts } from '@/cli/demo/prng';
import { redirectReports, setLevel, type Sim } from '@/cli/demo/sim';
import type { Structure } from '@/cli/demo/structure';

function isRemovable(sim: Sim, st: Structure, s: number): boolean {
  const { pop } = sim;
  return (
    pop.alive[s] === 1 &&
    pop.redirMonth[s] !== sim.month &&
    (st.managerKids[s] ?? 0) > 0 &&
    (st.layer[s] ?? 0) > 2 &&
    !sim.deptHead.includes(s)
  );
}

/** Remove up to `needed` middle managers; returns how many of them left the company. */
export function runDelayering(sim: Sim, st: Structure, needed: number): number {
  const { pop, rng, events } = sim;
  if (needed <= 0) return 0;
  const byDept: number[][] = DEPARTMENTS.map(() => []);
  for (let k = 0; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    if (isRemovable(sim, st, s)) byDept[pop.dept[s] ?? 0]?.push(s);
  }
  const weights = byDept.map((l, d) => l.length * (DEPARTMENTS[d]?.engineering ? 1.5 : 1));
  const chosen: number[] = [];
  const first = pickWeighted(rng, weights);
  chosen.push(first);
  weights[first] = 0;
  if (rng.chance(0.6) && weights.some((w) => w > 0)) chosen.push(pickWeighted(rng, weights));
  for (let d = 0; d < byDept.length; d++) if (!chosen.includes(d)) chosen.push(d);

  let removed = 0;
  let left = 0;
  const reorgDepts: string[] = [];
  for (const d of chosen) {
    if (removed >= needed) break;
    const list = (byDept[d] ?? []).slice();
    const tie = (s: number): number => hashInts(sim.seed, sim.month, pop.empNo[s] ?? 0);
    list.sort((a, b) => (st.span[a] ?? 0) - (st.span[b] ?? 0) || tie(a) - tie(b));
    let here = 0;
    for (const x of list) {
      if (removed >= needed) break;
      const parent = pop.mgr[x] ?? -1;
      if (parent < 0) continue;
      redirectReports(sim, x, parent);
      if (rng.chance(0.5)) {
        pop.alive[x] = 0;
        events.leavers++;
        left++;
      } else {
        setLevel(sim, x, icLevelForManager(pop.level[x] ?? 0, pop.dept[x] ?? 0));
        events.managerToIc++;
      }
      removed++;
      here++;
    }
    if (here > 0) reorgDepts.push(`${DEPARTMENTS[d]?.name ?? d}: ${here} middle managers removed`);
  }
  events.delayered += removed;
  events.reorgs.push(...reorgDepts);
  return left;
}
