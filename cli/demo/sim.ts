/**
 * Shared simulation state and the small draws every phase uses (spans, levels, locations, people).
 */
import { M1, isIcLevel, LOCATIONS } from '@/cli/demo/catalog';
import { DEPARTMENTS, EXECUTIVE_DEPT } from '@/cli/demo/departments';
import { FIRST_NAMES, LAST_NAMES } from '@/cli/demo/names';
import { Population } from '@/cli/demo/population';
import { pickWeighted, type Rng } from '@/cli/demo/prng';
import { foldName } from '@/cli/demo/text';

/** Index of each name's ASCII-folded form, so "Chloé" and "Chloe" share email numbering. */
function foldedKeys(names: readonly string[]): Int32Array {
  const seen = new Map<string, number>();
  return Int32Array.from(names, (n) => {
    const k = foldName(n);
    const at = seen.get(k) ?? seen.size;
    seen.set(k, at);
    return at;
  });
}
const FIRST_KEY = foldedKeys(FIRST_NAMES);
const LAST_KEY = foldedKeys(LAST_NAMES);

/** Counts of what happened between the previous snapshot and this one. */
export interface MonthEvents {
  joiners: number;
  leavers: number;
  promotions: number;
  icToManager: number;
  managerToIc: number;
  movers: number;
  /** Middle managers removed by reorganisations or left without a backfill (their reports moved up). */
  delayered: number;
  reorgs: string[];
}

export function emptyEvents(): MonthEvents {
  return {
    joiners: 0,
    leavers: 0,
    promotions: 0,
    icToManager: 0,
    managerToIc: 0,
    movers: 0,
    delayered: 0,
    reorgs: [],
  };
}

export interface Sim {
  pop: Population;
  rng: Rng;
  seed: number;
  /** Month index being built (0 = first snapshot). */
  month: number;
  /** First and last day (day numbers) of the month being built. */
  monthStart: number;
  monthEnd: number;
  /** True once middle-management flattening has started. */
  flattening: boolean;
  /** Department head slot per department index (-1 for none). */
  deptHead: Int32Array;
  /** Email local-part use counts per (first, last) pair. */
  emailCounts: Uint16Array;
  nextEmpNo: number;
  events: MonthEvents;
}

/** Create an empty simulation. */
export function createSim(rng: Rng, seed: number, capacity: number): Sim {
  return {
    pop: new Population(capacity),
    rng,
    seed,
    month: 0,
    monthStart: 0,
    monthEnd: 0,
    flattening: false,
    deptHead: new Int32Array(DEPARTMENTS.length).fill(-1),
    emailCounts: new Uint16Array(FIRST_NAMES.length * LAST_NAMES.length),
    nextEmpNo: 1,
    events: emptyEvents(),
  };
}

/** Span a first-line manager aims for: mostly 4-9, a tail to ~20, a few tiny teams. */
export function drawTeamSpan(rng: Rng): number {
  if (rng.chance(0.06)) return 1 + rng.int(3);
  const v = Math.round(Math.exp(Math.log(6.3) + 0.42 * rng.normal()));
  return Math.min(20, Math.max(3, v));
}

/** Number of managers a manager of managers aims for. */
export function drawManagerSpan(rng: Rng): number {
  return [2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8][rng.int(13)] ?? 4;
}

const HIRE_LEVELS = [24, 34, 24, 11, 4, 2, 0.7, 0.3];
const STAFF_LEVELS = [10, 22, 30, 20, 10, 5, 2, 1];

/** IC level for a new or initial IC, clamped to the department's ceiling (so ceilings fill up). */
export function drawIcLevel(rng: Rng, dept: number, senior = false): number {
  const ceiling = DEPARTMENTS[dept]?.icCeiling ?? 3;
  const lvl = pickWeighted(rng, senior ? STAFF_LEVELS : HIRE_LEVELS);
  return Math.min(lvl, ceiling);
}

/** Location index drawn by the department's weights. */
export function drawLocation(rng: Rng, dept: number): number {
  const w = DEPARTMENTS[dept]?.locationWeights ?? [];
  return Math.min(pickWeighted(rng, w), LOCATIONS.length - 1);
}

/** A uniformly random day in the month being built. */
export function dayInMonth(sim: Sim): number {
  return sim.monthStart + sim.rng.int(sim.monthEnd - sim.monthStart + 1);
}

export interface NewPerson {
  dept: number;
  level: number;
  mgr: number;
  hireDay: number;
  levelDay: number;
  /** Location index; drawn from the department when omitted. */
  loc?: number;
}

/** Add a person with a fresh employee number, name, email and (for engineers) GitHub login. */
export function createPerson(sim: Sim, p: NewPerson): number {
  const { pop, rng } = sim;
  const s = pop.add();
  pop.empNo[s] = sim.nextEmpNo++;
  pop.mgr[s] = p.mgr;
  pop.dept[s] = p.dept;
  pop.level[s] = p.level;
  pop.hireDay[s] = p.hireDay;
  pop.levelDay[s] = p.levelDay;
  pop.loc[s] = p.loc ?? drawLocation(rng, p.dept);
  const f = rng.int(FIRST_NAMES.length);
  const l = rng.int(LAST_NAMES.length);
  pop.first[s] = f;
  pop.last[s] = l;
  const key = (FIRST_KEY[f] ?? 0) * LAST_NAMES.length + (LAST_KEY[l] ?? 0);
  const used = sim.emailCounts[key] ?? 0;
  pop.emailN[s] = used;
  sim.emailCounts[key] = Math.min(65535, used + 1);
  const def = DEPARTMENTS[p.dept];
  const engineering = def?.engineering === true;
  pop.gh[s] = engineering && rng.chance(0.9) ? 1 : 0;
  let etype = 0;
  if (isIcLevel(p.level) && p.dept !== EXECUTIVE_DEPT) {
    const r = rng.next();
    const contractorRate = engineering || def?.name === 'Customer Support' ? 0.06 : 0.02;
    if (r < contractorRate) etype = 2;
    else if (r < contractorRate + 0.02) etype = 1;
  }
  pop.etype[s] = etype;
  pop.teamCap[s] = p.level >= M1 ? drawTeamSpan(rng) : 0;
  return s;
}

/** Months the person has held their level at the end of the month being built. */
export function monthsInLevel(sim: Sim, s: number): number {
  return (sim.monthEnd - (sim.pop.levelDay[s] ?? sim.monthEnd)) / 30.44;
}

/** Hand the reports of slot `from` to `to` when the month's links are resolved. */
export function redirectReports(sim: Sim, from: number, to: number): void {
  sim.pop.redirMonth[from] = sim.month;
  sim.pop.redirTo[from] = to;
}

/** Set a new level starting on a day in this month. */
export function setLevel(sim: Sim, s: number, level: number): void {
  sim.pop.level[s] = level;
  sim.pop.levelDay[s] = Math.max(dayInMonth(sim), sim.pop.hireDay[s] ?? 0);
}
