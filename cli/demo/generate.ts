/**
 * Deterministic demo company: a growing, engineering-heavy org whose middle management flattens
 * over the last months. Snapshots are produced month by month and streamed to a sink, so even a
 * million-person company never holds more than the current month in memory.
 */
import { AiSources } from '@/cli/demo/ai-sources';
import { writeAiUsage } from '@/cli/demo/ai-usage';
import { buildInitialOrg } from '@/cli/demo/build';
import { DEPARTMENTS } from '@/cli/demo/departments';
import { runCareers, reshuffleTeams } from '@/cli/demo/careers';
import { runLeavers } from '@/cli/demo/churn';
import { isoOfDay, monthEndDay, monthStartDay, parseIsoDay, yearMonthOf } from '@/cli/demo/dates';
import { runDelayering } from '@/cli/demo/flatten';
import { runHiring } from '@/cli/demo/hiring';
import { OrgRows, writeOrgSnapshot } from '@/cli/demo/org-csv';
import { createRng } from '@/cli/demo/prng';
import { resolveLinks } from '@/cli/demo/resolve';
import { createSim, emptyEvents, type MonthEvents, type Sim } from '@/cli/demo/sim';
import { computeStructure, type Structure } from '@/cli/demo/structure';

export interface DemoOptions {
  /** PRNG seed (default 42). */
  seed?: number;
  /** Headcount in the last month (default 3,000; 50 to 1,000,000). */
  size?: number;
  /** Number of monthly snapshots (default 24; 2 to 120). */
  months?: number;
  /** Last snapshot date, YYYY-MM-DD; snapped to its month end (default 2026-10-31). */
  endDate?: string;
  /**
   * AI data: 'tools' (default) writes the tools' own exports (Copilot reports, seats and billing,
   * Cursor, Claude Code, GitHub pull requests: cli/demo/ai-sources.ts); 'generic' writes the generic
   * team CSV (ai-usage-YYYY-MM.csv, cheap at any size: the benchmarks); 'none' writes no AI data.
   */
  ai?: 'tools' | 'generic' | 'none';
}

/** Receives the generated files one at a time. */
export interface DemoSink {
  open(name: string): void;
  /** UTF-8 bytes; the array is reused after the call returns, so copy it if you keep it. */
  write(chunk: Uint8Array): void;
  close(): void;
}

export interface DemoSnapshotSummary extends MonthEvents {
  asOf: string;
  orgFile: string;
  /** the month's AI files (the generic CSV, or the tools' exports) */
  aiFiles: string[];
  headcount: number;
  managers: number;
  depth: number;
  middleManagers: number;
  /** AI-active engineers / engineers (people rows) or active users / engineers of the team rows */
  aiAdoption: number;
}

export interface DemoSummary {
  seed: number;
  size: number;
  months: number;
  endDate: string;
  files: string[];
  snapshots: DemoSnapshotSummary[];
}

export interface DemoProgress {
  month: number;
  months: number;
  asOf: string;
  headcount: number;
}

export const DEMO_DEFAULTS = {
  seed: 42,
  size: 3000,
  months: 24,
  endDate: '2026-10-31',
  ai: 'tools',
} as const;
const GROWTH = 1.02;
const FLAT_GROWTH = 1.002;

function checkedInt(name: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  return v;
}

/** Resolve defaults and validate; throws RangeError on bad values. */
export function resolveDemoOptions(o: DemoOptions): Required<DemoOptions> {
  const seed = checkedInt('seed', o.seed ?? DEMO_DEFAULTS.seed, 0, 2 ** 32 - 1);
  const size = checkedInt('size', o.size ?? DEMO_DEFAULTS.size, 50, 1_000_000);
  const months = checkedInt('months', o.months ?? DEMO_DEFAULTS.months, 2, 120);
  const ym = yearMonthOf(parseIsoDay(o.endDate ?? DEMO_DEFAULTS.endDate));
  const ai = o.ai ?? DEMO_DEFAULTS.ai;
  if (ai !== 'tools' && ai !== 'generic' && ai !== 'none')
    throw new RangeError('ai must be tools, generic or none');
  return { seed, size, months, endDate: isoOfDay(monthEndDay(ym.year, ym.month0)), ai };
}

interface Plan {
  flatStart: number;
  targets: number[];
  reorgMonths: Map<number, number>;
  reshuffles: Map<number, number>;
  drop: number;
}

function plan(sim: Sim, size: number, months: number): Plan {
  const flatMonths = months >= 4 ? Math.min(8, Math.floor(months / 3)) : 0;
  const flatStart = months - flatMonths;
  const targets: number[] = new Array<number>(months).fill(size);
  for (let m = months - 2; m >= 0; m--) {
    targets[m] = (targets[m + 1] ?? size) / (m + 1 >= flatStart ? FLAT_GROWTH : GROWTH);
  }
  const reorgMonths = new Map<number, number>();
  if (flatMonths > 0) {
    reorgMonths.set(flatStart, 0.45);
    reorgMonths.set(Math.min(months - 1, flatStart + Math.round(flatMonths * 0.4)), 0.75);
    reorgMonths.set(Math.min(months - 1, flatStart + Math.round(flatMonths * 0.75)), 1);
  }
  const reshuffles = new Map<number, number>();
  const productEng = DEPARTMENTS.findIndex((d) => d.name === 'Product Engineering');
  const sales = DEPARTMENTS.findIndex((d) => d.name === 'Sales');
  if (flatStart > 3) {
    reshuffles.set(Math.max(1, Math.round(flatStart * 0.3)), sales);
    reshuffles.set(Math.max(2, Math.round(flatStart * 0.6)), productEng);
  }
  return {
    flatStart,
    targets: targets.map(Math.round),
    reorgMonths,
    reshuffles,
    drop: 0.055 + 0.01 * sim.rng.next(),
  };
}

/** Generate the company, streaming org-YYYY-MM-DD.csv and the month's AI files (see DemoOptions.ai) to `sink`. */
export function generateDemoCompany(
  options: DemoOptions,
  sink: DemoSink,
  onProgress?: (p: DemoProgress) => void,
): DemoSummary {
  const opts = resolveDemoOptions(options);
  const { seed, size, months } = opts;
  const end = yearMonthOf(parseIsoDay(opts.endDate));
  const sim = createSim(createRng(seed), seed, Math.ceil(size * (1 + 0.04 * months)) + 1000);
  const p = plan(sim, size, months);
  const idWidth = Math.max(6, String(Math.ceil(size * (2 + 0.05 * months) + 1000)).length);
  const summary: DemoSummary = { ...opts, files: [], snapshots: [] };
  let peakMiddle = 0;
  let cache: OrgRows | null = null;
  let st: Structure | null = null;
  let tools: AiSources | null = null;

  for (let m = 0; m < months; m++) {
    const y = end.year;
    const mo = end.month0 - (months - 1 - m);
    sim.month = m;
    sim.monthStart = monthStartDay(y, mo);
    sim.monthEnd = monthEndDay(y, mo);
    sim.flattening = m >= p.flatStart;
    sim.events = emptyEvents();
    const target = p.targets[m] ?? size;
    if (st === null) {
      buildInitialOrg(sim, target);
      cache = new OrgRows(sim, idWidth);
    } else {
      runLeavers(sim, st);
      runCareers(sim, st);
      resolveLinks(sim, st.root);
      let mid = computeStructure(sim.pop);
      const reshuffleDept = p.reshuffles.get(m);
      if (reshuffleDept !== undefined && reshuffleDept >= 0) {
        reshuffleTeams(sim, mid, reshuffleDept, 0.2);
        resolveLinks(sim, mid.root);
        mid = computeStructure(sim.pop);
      }
      let left = 0;
      const share = p.reorgMonths.get(m);
      if (share !== undefined) {
        const goal = Math.floor(peakMiddle * (1 - p.drop * share));
        left = runDelayering(sim, mid, mid.middleManagers - goal);
      }
      runHiring(sim, mid, target - (mid.aliveCount - left));
      resolveLinks(sim, mid.root);
    }
    st = computeStructure(sim.pop);
    peakMiddle = Math.max(peakMiddle, st.middleManagers);

    const asOf = isoOfDay(sim.monthEnd);
    const orgFile = `org-${asOf}.csv`;
    const rows = cache;
    if (rows === null) throw new Error('unreachable: row cache not initialised');
    sink.open(orgFile);
    writeOrgSnapshot(sim, rows, asOf, (c) => sink.write(c));
    sink.close();
    const progress = months > 1 ? m / (months - 1) : 1;
    let aiFiles: string[] = [];
    let aiAdoption = 0;
    if (opts.ai === 'generic') {
      const aiFile = `ai-usage-${asOf.slice(0, 7)}.csv`;
      sink.open(aiFile);
      const ai = writeAiUsage(
        sim,
        st,
        progress,
        sim.monthStart,
        sim.monthEnd,
        (s) => rows.id(s),
        (c) => sink.write(c),
      );
      sink.close();
      aiFiles = [aiFile];
      aiAdoption = ai.engineers > 0 ? ai.activeUsers / ai.engineers : 0;
    } else if (opts.ai === 'tools') {
      tools ??= new AiSources(sink, rows, parseIsoDay(opts.endDate));
      const ai = tools.writeMonth({ sim, progress, monthsLeft: months - 1 - m }, st);
      aiFiles = ai.files;
      aiAdoption = ai.engineers > 0 ? ai.activeUsers / ai.engineers : 0;
    }
    summary.files.push(orgFile, ...aiFiles);
    summary.snapshots.push({
      asOf,
      orgFile,
      aiFiles,
      headcount: st.aliveCount,
      managers: st.managers,
      depth: st.depth,
      middleManagers: st.middleManagers,
      aiAdoption: Math.round(aiAdoption * 1000) / 1000,
      ...sim.events,
    });
    onProgress?.({ month: m + 1, months, asOf, headcount: st.aliveCount });
  }
  return summary;
}
