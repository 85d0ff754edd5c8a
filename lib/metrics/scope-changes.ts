/**
 * Honest trends (SPEC "Posts, people and FTE"; issue #12 item 6): a snapshot whose headcount or
 * manager count moves by more than 25% against the previous one is flagged as a possible change
 * of scope (a department joined or left the file, a junior-staff file missing), not read as growth
 * or delayering. The previous snapshot is the latest earlier one that is comparable: snapshots a
 * user marked "not comparable" are neither flagged nor compared with, and a point whose values are
 * hidden (null, privacy floor) is skipped the same way, so a hidden figure cannot be recovered.
 */
import { roundTo } from '@/lib/metrics/numbers';

/** More than this relative move (either way) flags a possible change of scope. */
export const SCOPE_CHANGE_THRESHOLD = 0.25;

export interface ScopePoint {
  asOf: string;
  headcount: number | null;
  managers: number | null;
  /** marked "not comparable" by a user */
  notComparable?: boolean;
}

export type ScopeMetric = 'headcount' | 'managers';

export interface ScopeMove {
  metric: ScopeMetric;
  before: number;
  after: number;
  /** (after - before) / before in %, 2 decimals; null when before is 0 */
  changePct: number | null;
}

export interface ScopeFlag {
  asOf: string;
  /** the comparable snapshot it was compared with */
  from: string;
  moves: ScopeMove[];
}

function move(metric: ScopeMetric, before: number, after: number): ScopeMove | null {
  if (before === 0) return after === 0 ? null : { metric, before, after, changePct: null };
  const rel = (after - before) / before;
  // Compared on the rounded percentage so 25.00% is exactly the threshold, not a float above it.
  const pct = roundTo(rel * 100, 2);
  return Math.abs(pct) > SCOPE_CHANGE_THRESHOLD * 100 ? { metric, before, after, changePct: pct } : null;
}

/** Every snapshot that moved more than 25% in headcount or managers against the previous comparable one. */
export function findScopeChanges(points: readonly ScopePoint[]): ScopeFlag[] {
  const flags: ScopeFlag[] = [];
  let prev: ScopePoint | null = null;
  for (const p of points) {
    if (p.notComparable || p.headcount === null || p.managers === null) continue;
    if (prev !== null && prev.headcount !== null && prev.managers !== null) {
      const moves = [
        move('headcount', prev.headcount, p.headcount),
        move('managers', prev.managers, p.managers),
      ];
      const found = moves.filter((m): m is ScopeMove => m !== null);
      if (found.length > 0) flags.push({ asOf: p.asOf, from: prev.asOf, moves: found });
    }
    prev = p;
  }
  return flags;
}

const num = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

/** One flag in plain words: "2013-03-31: headcount 120 -> 200 (+66.67%) against 2012-09-30 ...". */
export function describeScopeFlag(flag: ScopeFlag): string {
  const parts = flag.moves.map((m) => {
    const pct = m.changePct === null ? 'from none' : `${m.changePct > 0 ? '+' : ''}${m.changePct}%`;
    return `${m.metric === 'headcount' ? 'headcount' : 'managers'} ${num(m.before)} \u2192 ${num(m.after)} (${pct})`;
  });
  return `${flag.asOf}: ${parts.join(', ')} against ${flag.from} \u2014 possibly a change of scope, not a real change; mark it "not comparable" on the Data page if so.`;
}
