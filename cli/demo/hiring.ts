/**
 * Joiners. New ICs fill teams below their target span; when a department's sampled teams are full
 * a new team is opened (led by a promoted senior IC or an outside manager). While the company is
 * growing, a group that has too many teams is split under a newly hired manager of managers;
 * once flattening has started, groups just get wider instead.
 */
import { M1 } from '@/cli/demo/catalog';
import { DEPARTMENTS } from '@/cli/demo/departments';
import { firstLineByDept } from '@/cli/demo/careers';
import {
  createPerson,
  dayInMonth,
  drawIcLevel,
  drawLocation,
  drawManagerSpan,
  drawTeamSpan,
  setLevel,
  type Sim,
} from '@/cli/demo/sim';
import { pickWeighted } from '@/cli/demo/prng';
import { effectiveManager } from '@/cli/demo/resolve';
import { childrenOf, type Structure } from '@/cli/demo/structure';

interface HiringState {
  span: Int32Array;
  managerKids: Int32Array;
  teams: number[][];
  hired: number;
}

function count(arr: Int32Array, s: number): number {
  return s < arr.length ? (arr[s] ?? 0) : 0;
}

function bump(h: HiringState, s: number, by: number): void {
  if (s >= h.span.length) {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(Math.max(s + 1, Math.ceil(a.length * 1.5)));
      b.set(a);
      return b;
    };
    h.span = grow(h.span);
    h.managerKids = grow(h.managerKids);
  }
  h.span[s] = (h.span[s] ?? 0) + by;
}

function splitGroup(sim: Sim, st: Structure, h: HiringState, p: number): void {
  const { pop, rng, events } = sim;
  const grand = pop.mgr[p] ?? -1;
  if (grand < 0) return;
  const day = dayInMonth(sim);
  const q = createPerson(sim, {
    dept: pop.dept[p] ?? 0,
    level: pop.level[p] ?? M1,
    mgr: grand,
    hireDay: day,
    levelDay: day,
  });
  pop.teamCap[q] = drawManagerSpan(rng);
  pop.teamCap[p] = Math.max(pop.teamCap[p] ?? 0, drawManagerSpan(rng));
  events.joiners++;
  h.hired++;
  bump(h, grand, 1);
  let moved = 0;
  const kids = childrenOf(st, p);
  for (let k = kids.length - 1; k >= 0 && moved < Math.floor(kids.length / 2); k--) {
    const c = kids[k] ?? -1;
    if (c < 0 || pop.alive[c] !== 1 || pop.mgr[c] !== p || count(h.span, c) === 0) continue;
    if (pop.redirMonth[c] === sim.month) continue;
    pop.mgr[c] = q;
    moved++;
  }
  bump(h, p, -moved);
  bump(h, q, moved);
  h.managerKids[p] = count(h.managerKids, p) - moved;
  h.managerKids[q] = moved;
  events.movers += moved;
}

function openTeam(sim: Sim, st: Structure, h: HiringState, dept: number): number {
  const { pop, rng, events } = sim;
  const list = h.teams[dept] ?? [];
  const base = list.length > 0 ? (list[rng.int(list.length)] ?? -1) : -1;
  let parent = effectiveManager(sim, base >= 0 ? (pop.mgr[base] ?? -1) : (sim.deptHead[dept] ?? -1));
  if (parent < 0) parent = effectiveManager(sim, sim.deptHead[dept] ?? -1);
  if (parent < 0) return -1;
  const kids = count(h.managerKids, parent);
  if (!sim.flattening && kids >= (pop.teamCap[parent] ?? 4) && (st.layer[parent] ?? 0) > 3) {
    splitGroup(sim, st, h, parent);
  } else if (kids >= (pop.teamCap[parent] ?? 4)) {
    pop.teamCap[parent] = Math.min(250, kids + 1);
  }
  let lead = -1;
  if (base >= 0 && rng.chance(0.5)) {
    const minLevel = Math.min(2, DEPARTMENTS[dept]?.icCeiling ?? 2);
    for (const c of childrenOf(st, base)) {
      if (pop.alive[c] !== 1 || pop.mgr[c] !== base || count(h.span, c) > 0) continue;
      const lvl = pop.level[c] ?? 0;
      if (lvl >= M1 || lvl < minLevel || pop.redirMonth[c] === sim.month) continue;
      if (lead < 0 || lvl > (pop.level[lead] ?? 0)) lead = c;
    }
  }
  if (lead >= 0) {
    setLevel(sim, lead, M1);
    pop.mgr[lead] = parent;
    bump(h, base, -1);
    events.icToManager++;
  } else {
    const day = dayInMonth(sim);
    lead = createPerson(sim, { dept, level: M1, mgr: parent, hireDay: day, levelDay: day });
    events.joiners++;
    h.hired++;
  }
  pop.teamCap[lead] = Math.max(4, drawTeamSpan(rng));
  bump(h, parent, 1);
  h.managerKids[parent] = count(h.managerKids, parent) + 1;
  bump(h, lead, 0);
  list.push(lead);
  h.teams[dept] = list;
  return lead;
}

function pickTeam(sim: Sim, st: Structure, h: HiringState, dept: number): number {
  const { pop, rng } = sim;
  const list = h.teams[dept] ?? [];
  for (let tries = 0; tries < 8 && list.length > 0; tries++) {
    const t = list[rng.int(list.length)] ?? -1;
    if (t < 0 || pop.alive[t] !== 1 || pop.redirMonth[t] === sim.month) continue;
    if (count(h.span, t) < (pop.teamCap[t] ?? 0)) return t;
  }
  return openTeam(sim, st, h, dept);
}

/** Hire `need` people (new teams' outside managers included). */
export function runHiring(sim: Sim, st: Structure, need: number): void {
  const { pop, rng, events } = sim;
  const h: HiringState = {
    span: st.span.slice(),
    managerKids: st.managerKids.slice(),
    teams: firstLineByDept(sim, st),
    hired: 0,
  };
  const weights = DEPARTMENTS.map((d) => d.weight);
  while (h.hired < need) {
    const dept = pickWeighted(rng, weights);
    const team = pickTeam(sim, st, h, dept);
    if (team < 0) break;
    if (h.hired >= need) break;
    const day = dayInMonth(sim);
    const loc = rng.chance(0.75) ? (pop.loc[team] ?? 0) : drawLocation(rng, dept);
    createPerson(sim, { dept, level: drawIcLevel(rng, dept), mgr: team, hireDay: day, levelDay: day, loc });
    bump(h, team, 1);
    events.joiners++;
    h.hired++;
  }
}
