/**
 * Who uses which AI tool in the demo company, month by month and day by day. Every trait is a
 * hash of (seed, employee number, ...), so the files of different tools agree with each other
 * (a Copilot seat's last activity is the last active day of the users report) without keeping
 * any state between months.
 *
 * The story: adoption follows the company curve (15% -> 80% of engineers) shifted per department
 * (DEPARTMENTS aiOffset) and team; Cursor is piloted for the last CURSOR_MONTHS (Data & ML most),
 * some of its users leaving their Copilot seat idle; Claude Code arrives for the last
 * CLAUDE_MONTHS (Platform and Infrastructure first). AI users merge more pull requests per week in
 * Platform, Product and Data & ML, and no more elsewhere; cycle times do not change.
 */
import { adoptionCurve } from '@/cli/demo/ai-usage';
import { DEPARTMENTS } from '@/cli/demo/departments';
import { hashUnit } from '@/cli/demo/prng';
import type { Sim } from '@/cli/demo/sim';

/** Months (counted back from the last) with per-user daily reports; earlier months get monthly totals. */
export const DAILY_MONTHS = 6;
/** Months of the Cursor pilot and of Claude Code use (counted back from the last). */
export const CURSOR_MONTHS = 9;
export const CLAUDE_MONTHS = 6;
/** Months of pull-request history written. */
export const PR_MONTHS = 6;

export interface AiProfile {
  /** share of the department's AI users who also (or instead) use Cursor / Claude Code */
  cursor: number;
  claude: number;
  /** extra PRs merged per week by an AI-active engineer, as a share of their base rate */
  uplift: number;
  /** median hours from opening to merging a PR */
  cycleHours: number;
  /** Copilot Enterprise (39 USD) rather than Business (19 USD) */
  enterprise: boolean;
  repos: readonly string[];
}

const DEFAULT_PROFILE: AiProfile = {
  cursor: 0.05,
  claude: 0.05,
  uplift: 0,
  cycleHours: 24,
  enterprise: false,
  repos: ['monorepo'],
};

const PROFILES: Record<string, AiProfile> = {
  'Platform Engineering': {
    cursor: 0.15,
    claude: 0.24,
    uplift: 0.22,
    cycleHours: 20,
    enterprise: true,
    repos: ['platform-api', 'platform-gateway'],
  },
  'Product Engineering': {
    cursor: 0.22,
    claude: 0.12,
    uplift: 0.18,
    cycleHours: 26,
    enterprise: false,
    repos: ['web-app', 'checkout', 'storefront'],
  },
  'Data & ML': {
    cursor: 0.38,
    claude: 0.18,
    uplift: 0.15,
    cycleHours: 30,
    enterprise: true,
    repos: ['data-pipelines', 'ml-models'],
  },
  Infrastructure: {
    cursor: 0.05,
    claude: 0.2,
    uplift: 0,
    cycleHours: 16,
    enterprise: false,
    repos: ['infra-terraform', 'k8s-config'],
  },
  Security: {
    cursor: 0.03,
    claude: 0.05,
    uplift: 0,
    cycleHours: 34,
    enterprise: false,
    repos: ['security-tools'],
  },
  Mobile: {
    cursor: 0.1,
    claude: 0.06,
    uplift: 0.06,
    cycleHours: 28,
    enterprise: false,
    repos: ['ios-app', 'android-app'],
  },
  QA: {
    cursor: 0.04,
    claude: 0.04,
    uplift: 0,
    cycleHours: 22,
    enterprise: false,
    repos: ['test-automation'],
  },
};

export const PROFILE_OF_DEPT: readonly AiProfile[] = DEPARTMENTS.map(
  (d) => PROFILES[d.name] ?? DEFAULT_PROFILE,
);
const ENGINEERING = Uint8Array.from(DEPARTMENTS, (d) => (d.engineering ? 1 : 0));
const AI_OFFSET = Float64Array.from(DEPARTMENTS, (d) => d.aiOffset);

/** Tool bits of a person in a month. */
export const COPILOT = 1;
export const CURSOR = 2;
export const CLAUDE = 4;

/** Salts of the per-day activity hash, per tool. */
const DAY_SALT = { [COPILOT]: 31, [CURSOR]: 32, [CLAUDE]: 33 } as const;

export interface AiMonthContext {
  sim: Sim;
  /** position of the month in the demo, 0 (first) .. 1 (last) */
  progress: number;
  /** months after this one in the demo (0 = the last month) */
  monthsLeft: number;
}

/** True for a living person of an engineering department (IC or manager). */
export function isEngineer(sim: Sim, s: number): boolean {
  return sim.pop.alive[s] === 1 && ENGINEERING[sim.pop.dept[s] ?? 0] === 1;
}

/** Share of the department's (and team's) engineers who have adopted AI at this progress. */
function adoptionShare(sim: Sim, s: number, progress: number): number {
  const { pop, seed } = sim;
  const m = pop.mgr[s] ?? -1;
  const teamNo = m >= 0 ? (pop.empNo[m] ?? 0) : 0;
  const jitter = (hashUnit(seed, teamNo, 1) - 0.5) * 0.3 * (1 - 0.5 * progress);
  return Math.min(
    0.97,
    Math.max(0.02, adoptionCurve(progress) + (AI_OFFSET[pop.dept[s] ?? 0] ?? 0) + jitter),
  );
}

/** Has the person adopted AI by this point (their personal threshold under the share)? */
export function hasAdopted(sim: Sim, s: number, progress: number): boolean {
  return hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, 2) < adoptionShare(sim, s, progress);
}

/** Tools (COPILOT | CURSOR | CLAUDE bits) the engineer uses in the month; 0 = none. */
export function toolsOf(c: AiMonthContext, s: number): number {
  const { sim } = c;
  const no = sim.pop.empNo[s] ?? 0;
  // Engineers without a GitHub login (a tenth) open no pull requests here and use no AI tool: they
  // stay out of the AI figures altogether rather than count as users who merge nothing.
  if (sim.pop.gh[s] !== 1 || !hasAdopted(sim, s, c.progress)) return 0;
  // A few adopters skip a month (leave, on-call, a month of meetings).
  if (hashUnit(sim.seed, no, 3, sim.month) < 0.06) return 0;
  const p = PROFILE_OF_DEPT[sim.pop.dept[s] ?? 0] ?? DEFAULT_PROFILE;
  let tools = 0;
  if (c.monthsLeft < CURSOR_MONTHS) {
    // The pilot grows: a third of its eventual users in its first month, all of them by its end.
    const ramp = 1 - (c.monthsLeft / CURSOR_MONTHS) * 0.67;
    if (hashUnit(sim.seed, no, 10) < p.cursor * ramp) tools |= CURSOR;
  }
  if (c.monthsLeft < CLAUDE_MONTHS && hashUnit(sim.seed, no, 11) < p.claude) tools |= CLAUDE;
  // Half of the Cursor users stop opening Copilot (their seat goes idle); everyone else keeps it.
  if ((tools & CURSOR) === 0 || hashUnit(sim.seed, no, 12) < 0.5) tools |= COPILOT;
  return tools;
}

/** How heavily the person uses AI on a working day (0.3 .. 0.85 chance of a day with activity). */
export function intensity(sim: Sim, s: number): number {
  return 0.3 + 0.55 * hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, 30);
}

/** Day of the week, 0 = Sunday, of a day number (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Did the person use the tool on the day (given they use it this month)? */
export function activeOn(
  sim: Sim,
  s: number,
  tool: typeof COPILOT | typeof CURSOR | typeof CLAUDE,
  day: number,
): boolean {
  const wd = weekday(day);
  const p = wd === 0 || wd === 6 ? 0.04 : intensity(sim, s);
  return hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, day, DAY_SALT[tool]) < p;
}

/** A per-(person, day, tool, field) uniform draw for the counters. */
export function draw(sim: Sim, s: number, day: number, field: number): number {
  return hashUnit(sim.seed ^ 0x5eed, sim.pop.empNo[s] ?? 0, day, field);
}
