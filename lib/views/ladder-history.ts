/**
 * The level history of a snapshot series as the ladder views read it (built and cached by
 * lib/dal/dashboards/level-history.ts), and the ceiling-risk options every score and reason uses.
 */
import type {
  CeilingLeavers,
  CeilingRiskOptions,
  IcCeilingRisk,
  UnitCeilingRisk,
} from '@/lib/metrics/ceiling-risk';
import type { FrameStep, SnapshotFrame } from '@/lib/metrics/series-frames';
import type { StoredLadderStep } from '@/lib/metrics/ladder-steps';
import type { LevelHistory } from '@/lib/metrics/time-in-level';
import type { UnitLadderSeries } from './unit-ladder-series';

/**
 * Ceiling-risk options used everywhere a reason is scored or explained, so the words shown beside
 * a score always match the rule that produced it (these are computeCeilingRisk's defaults).
 */
export const RISK_OPTIONS = {
  minSamples: 5,
  fallbackMonths: 24,
  windowMonths: 24,
  highRiskScore: 60,
} as const satisfies CeilingRiskOptions;

/** The stored 'changes' row (org), as far as the ladder dashboards read it. */
export interface StoredChanges {
  from: string;
  to: string;
  icToManager: string[];
  managerToIc: string[];
  counts: { icToManager: number; managerToIc: number };
  ceilingLeavers: CeilingLeavers;
}

/** The level history of the series up to a snapshot, and every IC's ceiling risk scored with it. */
export interface LadderHistory {
  /** The snapshots folded in, oldest first (the last one is the snapshot itself). */
  series: Array<{ id: number; asOf: string }>;
  history: LevelHistory;
  risk: { people: IcCeilingRisk[]; units: UnitCeilingRisk[] };
  /** one compact frame per snapshot of the series, for unit trends */
  frames: SnapshotFrame[];
  /** steps[k] = changes from frames[k] to frames[k + 1] */
  steps: FrameStep[];
  /** the stored 'changes' rows per snapshot id (org fast path) */
  stored: Map<number, StoredChanges>;
  /** the stored ladder steps of the series when they chain (then frames and steps are empty) */
  ladderSteps?: StoredLadderStep[];
  /** the unit's ladder series from stored steps and unit points, when the loader could answer it */
  unitSeries?: UnitLadderSeries;
}
