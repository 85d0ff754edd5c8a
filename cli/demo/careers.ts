/**
 * Careers within the month: promotions (time in level, capped by the department's IC ceiling or
 * by the size of a manager's org), managers stepping back to IC, and ICs changing teams.
 */
import { M1, M6 } from '@/cli/demo/catalog';
import { DEPARTMENTS } from '@/cli/demo/departments';
import { drawTeamSpan, monthsInLevel, redirectReports, setLevel, type Sim } from '@/cli/demo/sim';
import { childrenOf, type Structure } from '@/cli/demo/structure';

const IC_MIN_MONTHS = [9, 14, 18, 24, 30, 36, 48];
const IC_RATE = [0.08, 0.06, 0.04, 0.028, 0.02, 0.015, 0.01];
/** Smallest org (people below) a manager needs for each manager level M1..M6. */
const MANAGER_MIN_SUBTREE = [0, 9, 35, 120, 500, Number.MAX_SAFE_INTEGER];

/** The IC level a manager returns to when stepping back. */
export function icLevelForManager(managerLevel: number, dept: number): number {
  const ceiling = DEPARTMENTS[dept]?.icCeiling ?? 3;
  return Math.min(ceiling, Math.min(5, 3 + (managerLevel - M1)));
}

/** First-line managers (teams of ICs) per department, from a structure. */
export function firstLineByDept(sim: Sim, st: Structure): number[][] {
  const lists: number[][] = DEPARTMENTS.map(() => []);
  for (let k = 0; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    if ((st.span[s] ?? 0) > 0 && (st.managerKids[s] ?? 0) === 0 && (st.layer[s] ?? 0) > 2) {
      lists[sim.pop.dept[s] ?? 0]?.push(s);
    }
  }
  return lists;
}

function tryPromote(sim: Sim, st: Structure, s: number): void {
  const { pop, rng, events } = sim;
  const lvl = pop.level[s] ?? 0;
  const til = monthsInLevel(sim, s);
  if (lvl < M1) {
    const ceiling = DEPARTMENTS[pop.dept[s] ?? 0]?.icCeiling ?? 0;
    if (lvl >= ceiling || til < (IC_MIN_MONTHS[lvl] ?? 99)) return;
    if (!rng.chance(IC_RATE[lvl] ?? 0)) return;
    setLevel(sim, s, lvl + 1);
    events.promotions++;
    return;
  }
  if ((st.span[s] ?? 0) === 0 || lvl >= M6 - 1 || til < 20) return;
  const parent = pop.mgr[s] ?? -1;
  const parentLevel = parent >= 0 ? (pop.level[parent] ?? M6) : M6;
  const next = lvl + 1;
  if (next > parentLevel - ((st.layer[parent] ?? 0) <= 2 ? 1 : 0)) return;
  if ((st.subtree[s] ?? 0) < (MANAGER_MIN_SUBTREE[next - M1] ?? Number.MAX_SAFE_INTEGER)) return;
  if (next >= M1 + 2 && (st.managerKids[s] ?? 0) === 0) return;
  if (!rng.chance(0.03)) return;
  setLevel(sim, s, next);
  events.promotions++;
}

function stepBack(sim: Sim, st: Structure, s: number): void {
  const { pop, rng, events } = sim;
  const parent = pop.mgr[s] ?? -1;
  if (parent < 0) return;
  let sibling = -1;
  const kids = childrenOf(st, parent);
  for (let tries = 0; tries < 4 && kids.length > 1; tries++) {
    const c = kids[rng.int(kids.length)] ?? -1;
    if (c === s || c < 0 || pop.alive[c] !== 1 || pop.mgr[c] !== parent || pop.redirMonth[c] === sim.month)
      continue;
    if ((st.span[c] ?? 0) > 0 && (st.managerKids[c] ?? 0) === 0) {
      sibling = c;
      break;
    }
  }
  let newManager = sibling;
  if (sibling < 0) {
    // No team to merge into: the most senior IC in the team takes it over.
    const ceiling = DEPARTMENTS[pop.dept[s] ?? 0]?.icCeiling ?? 2;
    for (const c of childrenOf(st, s)) {
      if (pop.alive[c] !== 1 || pop.mgr[c] !== s || (pop.level[c] ?? 0) >= M1) continue;
      if ((pop.level[c] ?? 0) < Math.min(2, ceiling) || pop.redirMonth[c] === sim.month) continue;
      if (newManager < 0 || (pop.level[c] ?? 0) > (pop.level[newManager] ?? 0)) newManager = c;
    }
    if (newManager < 0) return;
    setLevel(sim, newManager, M1);
    pop.teamCap[newManager] = drawTeamSpan(rng);
    pop.mgr[newManager] = parent;
    events.icToManager++;
  }
  redirectReports(sim, s, newManager);
  setLevel(sim, s, icLevelForManager(pop.level[s] ?? M1, pop.dept[s] ?? 0));
  pop.mgr[s] = newManager;
  events.managerToIc++;
}

/** Promotions, step-backs to IC and IC team moves for everyone who was here last month. */
export function runCareers(sim: Sim, st: Structure): void {
  const { pop, rng, events } = sim;
  const teams = firstLineByDept(sim, st);
  for (let k = 1; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    if (pop.alive[s] !== 1 || (st.layer[s] ?? 0) <= 2 || pop.redirMonth[s] === sim.month) continue;
    tryPromote(sim, st, s);
    const lvl = pop.level[s] ?? 0;
    const span = st.span[s] ?? 0;
    if (lvl >= M1 && lvl <= M1 + 1 && span > 0 && (st.managerKids[s] ?? 0) === 0 && (st.layer[s] ?? 0) > 3) {
      if (rng.chance(0.004)) stepBack(sim, st, s);
      continue;
    }
    if (lvl < M1 && span === 0 && rng.chance(0.008)) {
      const list = teams[pop.dept[s] ?? 0] ?? [];
      const t = list[rng.int(list.length)] ?? -1;
      if (t >= 0 && t !== pop.mgr[s] && pop.alive[t] === 1 && pop.redirMonth[t] !== sim.month) {
        pop.mgr[s] = t;
        events.movers++;
      }
    }
  }
}

/** A reorganisation inside one department: some teams move to another group at the same layer. */
export function reshuffleTeams(sim: Sim, st: Structure, dept: number, share: number): void {
  const { pop, rng, events } = sim;
  const groups = new Map<number, number[]>();
  const teams: number[] = [];
  for (let k = 0; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    if (pop.dept[s] !== dept || pop.alive[s] !== 1 || (st.layer[s] ?? 0) <= 3) continue;
    if ((st.managerKids[s] ?? 0) > 0) {
      const layer = st.layer[s] ?? 0;
      const g = groups.get(layer) ?? [];
      g.push(s);
      groups.set(layer, g);
    } else if ((st.span[s] ?? 0) > 0) teams.push(s);
  }
  let moved = 0;
  for (const t of teams) {
    if (!rng.chance(share)) continue;
    const parent = pop.mgr[t] ?? -1;
    const options = groups.get(st.layer[parent] ?? 0) ?? [];
    const target = options[rng.int(options.length)] ?? -1;
    if (target < 0 || target === parent || pop.alive[target] !== 1 || pop.redirMonth[target] === sim.month)
      continue;
    if (pop.redirMonth[t] === sim.month) continue;
    pop.mgr[t] = target;
    moved++;
  }
  events.movers += moved;
  if (moved > 0) events.reorgs.push(`${DEPARTMENTS[dept]?.name ?? dept}: ${moved} teams regrouped`);
}
