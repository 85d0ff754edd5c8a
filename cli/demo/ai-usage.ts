/**
 * Monthly AI-usage rows per engineering team (a first-line manager's IC reports), in the SPEC.md
 * team layout. Adoption follows a company curve (15% -> 80%) shifted per department and team;
 * a person who adopts stays an adopter, so the active share rises month by month.
 */
import { DEPARTMENTS } from '@/cli/demo/departments';
import { isoOfDay } from '@/cli/demo/dates';
import { createRng, hashInts, hashUnit } from '@/cli/demo/prng';
import type { Sim } from '@/cli/demo/sim';
import type { Structure } from '@/cli/demo/structure';
import { ByteWriter } from '@/cli/demo/text';

export const AI_USAGE_HEADER =
  'period_start,period_end,team_manager_id,engineers,ai_active_users,suggestions,acceptances,lines_suggested,lines_accepted,prs_merged,ai_assisted_prs,ai_spend_usd\n';

/** Company-wide adoption target for progress x in [0, 1]. */
export function adoptionCurve(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return 0.15 + 0.65 * t * t * (3 - 2 * t);
}

export interface AiUsageTotals {
  teams: number;
  engineers: number;
  activeUsers: number;
}

/** Write the month's team rows; returns org totals for the summary. */
export function writeAiUsage(
  sim: Sim,
  st: Structure,
  progress: number,
  periodStart: number,
  periodEnd: number,
  idOf: (s: number) => string,
  emit: (chunk: Uint8Array) => void,
): AiUsageTotals {
  const { pop, seed } = sim;
  const isEngineering = Uint8Array.from(DEPARTMENTS, (d) => (d.engineering ? 1 : 0));
  const rng = createRng(hashInts(seed, sim.month, 0xa1));
  const out = new ByteWriter(emit);
  out.text(AI_USAGE_HEADER);
  const teams: number[] = [];
  for (let k = 0; k < st.aliveCount; k++) {
    const s = st.order[k] ?? 0;
    if ((st.span[s] ?? 0) > 0 && isEngineering[pop.dept[s] ?? 0] === 1) teams.push(s);
  }
  teams.sort((a, b) => (pop.empNo[a] ?? 0) - (pop.empNo[b] ?? 0));
  const start = isoOfDay(periodStart);
  const end = isoOfDay(periodEnd);
  const weeks = (periodEnd - periodStart + 1) / 7;
  const base = adoptionCurve(progress);
  const totals: AiUsageTotals = { teams: 0, engineers: 0, activeUsers: 0 };
  for (const m of teams) {
    const teamNo = pop.empNo[m] ?? 0;
    const dept = DEPARTMENTS[pop.dept[m] ?? 0];
    const adopt = Math.min(
      0.97,
      Math.max(
        0.02,
        base + (dept?.aiOffset ?? 0) + (hashUnit(seed, teamNo, 1) - 0.5) * 0.3 * (1 - 0.5 * progress),
      ),
    );
    let engineers = 0;
    let active = 0;
    const end2 = st.childStart[m + 1] ?? 0;
    for (let k = st.childStart[m] ?? 0; k < end2; k++) {
      const c = st.childList[k] ?? 0;
      if ((st.span[c] ?? 0) > 0 || isEngineering[pop.dept[c] ?? 0] !== 1) continue;
      engineers++;
      const no = pop.empNo[c] ?? 0;
      if (hashUnit(seed, no, 2) < adopt && hashUnit(seed, no, 3, sim.month) >= 0.05) active++;
    }
    if (engineers === 0) continue;
    const share = active / engineers;
    const perUser =
      (500 + 700 * hashUnit(seed, teamNo, 4)) * (0.8 + 0.5 * progress) * (0.9 + 0.2 * rng.next());
    const suggestions = Math.round(active * perUser);
    const rate = Math.min(
      0.36,
      Math.max(
        0.24,
        0.26 + 0.07 * progress + (hashUnit(seed, teamNo, 5) - 0.5) * 0.04 + (rng.next() - 0.5) * 0.02,
      ),
    );
    const acceptances = Math.round(suggestions * rate);
    const linesSuggested = Math.round(suggestions * (2.2 + 1.6 * hashUnit(seed, teamNo, 6)));
    const linesAccepted = Math.min(
      linesSuggested,
      Math.round(linesSuggested * rate * (0.85 + 0.2 * rng.next())),
    );
    const throughput =
      (1.5 + 0.4 * hashUnit(seed, teamNo, 7)) * (1 + 0.35 * share) * (0.95 + 0.1 * rng.next());
    const prs = Math.round(engineers * weeks * throughput);
    const aiPrs = Math.round(prs * Math.min(0.9, share * (0.45 + 0.35 * progress)));
    const seat = hashUnit(seed, teamNo, 8) < 0.55 ? 19 : 39;
    const perActive = seat === 19 ? 19 + 6 * progress * hashUnit(seed, teamNo, 9) : 39;
    const spend = (active * perActive).toFixed(2);
    out.text(
      `${start},${end},${idOf(m)},${engineers},${active},${suggestions},${acceptances},${linesSuggested},${linesAccepted},${prs},${aiPrs},${spend}\n`,
    );
    totals.teams++;
    totals.engineers += engineers;
    totals.activeUsers += active;
  }
  out.flush();
  return totals;
}
