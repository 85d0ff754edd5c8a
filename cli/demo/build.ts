/**
 * The first snapshot: a company of n0 people built top-down. Each department gets a share of
 * headcount; a manager with a budget either runs one team of ICs or splits the budget between a
 * few sub-managers. Levels follow structure (subtree size), dates follow tenure, and employee
 * numbers follow hire order.
 */
import { M1, M6 } from '@/cli/demo/catalog';
import { DEPARTMENTS, EXECUTIVE_DEPT, headLevel } from '@/cli/demo/departments';
import { computeStructure } from '@/cli/demo/structure';
import {
  createPerson,
  drawIcLevel,
  drawLocation,
  drawManagerSpan,
  drawTeamSpan,
  type Sim,
} from '@/cli/demo/sim';

const DAYS_PER_MONTH = 30.44;

function addTeam(sim: Sim, m: number, count: number): void {
  const { pop, rng } = sim;
  const dept = pop.dept[m] ?? 0;
  pop.teamCap[m] = Math.min(250, count + (sim.rng.chance(0.3) ? 1 : 0));
  for (let i = 0; i < count; i++) {
    const loc = rng.chance(0.75) ? (pop.loc[m] ?? 0) : drawLocation(rng, dept);
    createPerson(sim, { dept, level: 0, mgr: m, hireDay: 0, levelDay: 0, loc });
  }
}

/** Largest budget that one manager runs directly as a group of first-line teams. */
const GROUP_MAX = 64;

function addTeamsGroup(sim: Sim, m: number, budget: number): void {
  const { pop, rng } = sim;
  const dept = pop.dept[m] ?? 0;
  let remaining = budget;
  let teams = 0;
  if (budget > 24 && rng.chance(0.25)) {
    createPerson(sim, {
      dept,
      level: drawIcLevel(rng, dept, true),
      mgr: m,
      hireDay: 0,
      levelDay: 0,
      loc: pop.loc[m],
    });
    remaining--;
  }
  while (remaining > 0) {
    let size = drawTeamSpan(rng);
    if (remaining - (size + 1) < 3) size = Math.max(1, remaining - 1);
    const lead = createPerson(sim, { dept, level: M1, mgr: m, hireDay: 0, levelDay: 0 });
    remaining -= size + 1;
    teams++;
    addTeam(sim, lead, size);
  }
  pop.teamCap[m] = teams + rng.int(2);
}

function buildUnder(sim: Sim, m: number, budget: number): void {
  const { pop, rng } = sim;
  if (budget <= 0) return;
  const size = drawTeamSpan(rng);
  if (budget <= size * 1.25 + 1) {
    addTeam(sim, m, budget);
    return;
  }
  if (budget <= GROUP_MAX) {
    addTeamsGroup(sim, m, budget);
    return;
  }
  const dept = pop.dept[m] ?? 0;
  const k = Math.max(2, Math.min(drawManagerSpan(rng) + 1, Math.floor(budget / 12)));
  pop.teamCap[m] = k + rng.int(2);
  const direct = rng.chance(0.3) ? 1 + rng.int(2) : 0;
  for (let i = 0; i < direct; i++) {
    createPerson(sim, {
      dept,
      level: drawIcLevel(rng, dept, true),
      mgr: m,
      hireDay: 0,
      levelDay: 0,
      loc: pop.loc[m],
    });
  }
  const rest = budget - direct - k;
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const w = 0.5 + rng.next();
    weights.push(w);
    sum += w;
  }
  let given = 0;
  for (let i = 0; i < k; i++) {
    const share = i === k - 1 ? rest - given : Math.floor((rest * (weights[i] ?? 1)) / sum);
    given += share;
    const sub = createPerson(sim, { dept, level: M1, mgr: m, hireDay: 0, levelDay: 0 });
    buildUnder(sim, sub, share);
  }
}

function exp(sim: Sim, mean: number): number {
  return -Math.log(1 - sim.rng.next()) * mean;
}

/** Build the month-0 org of about n0 people with its as-of date at sim.monthEnd. */
export function buildInitialOrg(sim: Sim, n0: number): void {
  const { pop, rng } = sim;
  const asOf = sim.monthEnd;
  const founding = asOf - Math.round(12 * 365.25);
  const ceo = createPerson(sim, {
    dept: EXECUTIVE_DEPT,
    level: M6,
    mgr: -1,
    hireDay: founding,
    levelDay: founding,
  });
  pop.titleOverride.set(ceo, 'Chief Executive Officer');
  const cto = createPerson(sim, {
    dept: EXECUTIVE_DEPT,
    level: M6,
    mgr: ceo,
    hireDay: founding,
    levelDay: founding,
  });
  pop.titleOverride.set(cto, 'Chief Technology Officer');
  createPerson(sim, { dept: EXECUTIVE_DEPT, level: 3, mgr: ceo, hireDay: 0, levelDay: 0 });
  createPerson(sim, { dept: EXECUTIVE_DEPT, level: 1, mgr: ceo, hireDay: 0, levelDay: 0 });
  createPerson(sim, { dept: EXECUTIVE_DEPT, level: 1, mgr: cto, hireDay: 0, levelDay: 0 });
  const fixed = new Set<number>([ceo, cto]);

  const remaining = Math.max(DEPARTMENTS.length * 3, n0 - pop.count);
  const totalWeight = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  for (let d = 1; d < DEPARTMENTS.length; d++) {
    const def = DEPARTMENTS[d];
    if (def === undefined) continue;
    const budget = Math.max(2, Math.round((remaining * def.weight) / totalWeight));
    const head = createPerson(sim, {
      dept: d,
      level: headLevel(d),
      mgr: def.engineering ? cto : ceo,
      hireDay: 0,
      levelDay: 0,
    });
    sim.deptHead[d] = head;
    fixed.add(head);
    buildUnder(sim, head, budget - 1);
  }

  // Levels follow structure, top-down so a manager never outranks their own manager.
  const st = computeStructure(pop);
  for (let k = 0; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    const parent = pop.mgr[s] ?? -1;
    const dept = pop.dept[s] ?? 0;
    if (!fixed.has(s) && (st.span[s] ?? 0) > 0) {
      const sub = st.subtree[s] ?? 0;
      let lvl = M1;
      if ((st.managerKids[s] ?? 0) > 0)
        lvl = sub < 40 ? M1 + 1 : sub < 150 ? M1 + 2 : sub < 600 ? M1 + 3 : M1 + 4;
      else if ((st.span[s] ?? 0) >= 6 && rng.chance(0.25)) lvl = M1 + 1;
      const parentLevel = parent >= 0 ? (pop.level[parent] ?? M6) : M6;
      const parentIsTop = parent >= 0 && fixed.has(parent);
      pop.level[s] = Math.max(M1, Math.min(lvl, parentIsTop ? parentLevel - 1 : parentLevel));
      if (pop.level[s] === M1 && (pop.teamCap[s] ?? 0) === 0) pop.teamCap[s] = drawTeamSpan(rng);
    } else if (!fixed.has(s) && dept !== EXECUTIVE_DEPT) {
      const senior = parent >= 0 && (st.managerKids[parent] ?? 0) > 0;
      pop.level[s] = drawIcLevel(rng, dept, senior);
    }
  }

  // Dates: tenure grows with level; people at their ceiling have sat there longer.
  const maxTenure = (asOf - founding) / DAYS_PER_MONTH - 1;
  for (let s = 0; s < pop.count; s++) {
    if (s === ceo || s === cto) continue;
    const lvl = pop.level[s] ?? 0;
    const dept = pop.dept[s] ?? 0;
    const isManager = lvl >= M1;
    let tenure = isManager ? 12 + (lvl - M1) * 12 + exp(sim, 36) : lvl * 5 + exp(sim, 24);
    if (tenure > maxTenure) tenure = maxTenure * (0.5 + 0.5 * rng.next());
    const hire = Math.max(founding + 30, asOf - Math.round(tenure * DAYS_PER_MONTH) - rng.int(28));
    const atCeiling = !isManager && lvl >= (DEPARTMENTS[dept]?.icCeiling ?? 0);
    const inLevel = exp(sim, isManager ? 20 : atCeiling ? 26 : 12);
    pop.hireDay[s] = hire;
    pop.levelDay[s] = Math.max(hire, asOf - Math.round(inLevel * DAYS_PER_MONTH));
  }

  // Employee numbers in hire order (founders first); slots are reordered to match, so files
  // written in id order walk the arrays sequentially.
  const byHire = Array.from({ length: pop.count }, (_, i) => i);
  byHire.sort((a, b) => (pop.hireDay[a] ?? 0) - (pop.hireDay[b] ?? 0) || a - b);
  const inv = pop.permute(Int32Array.from(byHire));
  for (let s = 0; s < pop.count; s++) pop.empNo[s] = s + 1;
  for (let d = 0; d < sim.deptHead.length; d++) {
    const head = sim.deptHead[d] ?? -1;
    if (head >= 0) sim.deptHead[d] = inv[head] ?? head;
  }
  sim.nextEmpNo = pop.count + 1;
}
