/**
 * Leavers and their backfills. Attrition is higher for ICs stuck at their department's ceiling.
 * A leaving manager is replaced by a report (IC -> manager, or a promoted sub-manager) or an
 * outside hire; once flattening has started, a leaving middle manager is not replaced and their
 * reports move up a layer.
 */
import { M1 } from '@/cli/demo/catalog';
import { DEPARTMENTS } from '@/cli/demo/departments';
import {
  createPerson,
  dayInMonth,
  drawTeamSpan,
  monthsInLevel,
  redirectReports,
  setLevel,
  type Sim,
} from '@/cli/demo/sim';
import { childrenOf, type Structure } from '@/cli/demo/structure';

function leaveProbability(sim: Sim, s: number, isManager: boolean): number {
  const { pop } = sim;
  const lvl = pop.level[s] ?? 0;
  const tenureMonths = (sim.monthEnd - (pop.hireDay[s] ?? 0)) / 30.44;
  let p = isManager ? 0.006 : 0.0085;
  if ((pop.etype[s] ?? 0) === 2) p = 0.025;
  if (!isManager && lvl < M1) {
    const ceiling = DEPARTMENTS[pop.dept[s] ?? 0]?.icCeiling ?? 7;
    if (lvl >= ceiling && monthsInLevel(sim, s) > 18) p *= 3;
  }
  if (tenureMonths < 6) p *= 0.5;
  return p;
}

function pickInternalReplacement(sim: Sim, st: Structure, d: number, taken: Set<number>): number {
  const { pop } = sim;
  const firstLine = (st.managerKids[d] ?? 0) === 0;
  const minIc = Math.min(2, DEPARTMENTS[pop.dept[d] ?? 0]?.icCeiling ?? 2);
  let best = -1;
  for (const c of childrenOf(st, d)) {
    if (pop.alive[c] !== 1 || pop.mgr[c] !== d || taken.has(c) || pop.redirMonth[c] === sim.month) continue;
    const lvl = pop.level[c] ?? 0;
    const ok = firstLine ? lvl < M1 && lvl >= minIc : lvl >= M1 && (st.span[c] ?? 0) > 0;
    if (!ok) continue;
    if (
      best < 0 ||
      lvl > (pop.level[best] ?? 0) ||
      (lvl === pop.level[best] && (pop.hireDay[c] ?? 0) < (pop.hireDay[best] ?? 0))
    ) {
      best = c;
    }
  }
  return best;
}

function backfill(sim: Sim, st: Structure, d: number, taken: Set<number>): void {
  const { pop, rng, events } = sim;
  const dept = pop.dept[d] ?? 0;
  const isHead = sim.deptHead[dept] === d;
  const isMiddle = (st.managerKids[d] ?? 0) > 0 && (st.layer[d] ?? 0) > 2 && !isHead;
  if (sim.flattening && isMiddle && rng.chance(0.5)) {
    events.delayered++;
    return; // reports resolve up to d's manager
  }
  const grand = pop.mgr[d] ?? -1;
  const internal = rng.chance(0.55) ? pickInternalReplacement(sim, st, d, taken) : -1;
  if (internal >= 0) {
    taken.add(internal);
    const lvl = pop.level[internal] ?? 0;
    if (lvl < M1) {
      setLevel(sim, internal, M1);
      pop.teamCap[internal] = drawTeamSpan(rng);
      events.icToManager++;
    } else if (lvl < (pop.level[d] ?? 0)) {
      setLevel(sim, internal, isHead ? (pop.level[d] ?? lvl + 1) : lvl + 1);
      events.promotions++;
    }
    if (isHead) sim.deptHead[dept] = internal;
    pop.mgr[internal] = grand;
    redirectReports(sim, d, internal);
    return;
  }
  const day = dayInMonth(sim);
  const hire = createPerson(sim, {
    dept,
    level: pop.level[d] ?? M1,
    mgr: grand,
    hireDay: day,
    levelDay: day,
    loc: pop.loc[d],
  });
  pop.teamCap[hire] = pop.teamCap[d] ?? 6;
  taken.add(hire);
  if (isHead) sim.deptHead[dept] = hire;
  events.joiners++;
  redirectReports(sim, d, hire);
}

/** Decide this month's leavers (never the top two layers) and backfill the managers among them. */
export function runLeavers(sim: Sim, st: Structure): void {
  const { pop, rng, events } = sim;
  const n = pop.count;
  const leavingManagers: number[] = [];
  for (let s = 0; s < n; s++) {
    if (pop.alive[s] !== 1 || (st.layer[s] ?? 0) <= 2) continue;
    const isManager = (st.span[s] ?? 0) > 0;
    if (!rng.chance(leaveProbability(sim, s, isManager))) continue;
    pop.alive[s] = 0;
    events.leavers++;
    if (isManager) leavingManagers.push(s);
  }
  const taken = new Set<number>();
  for (const d of leavingManagers) backfill(sim, st, d, taken);
}
