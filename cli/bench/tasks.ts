import type { AiLoadTask } from './ai-load';

/** The work the benchmark runs in child processes, so each measurement owns its process memory. */
export type BenchTask =
  | AiLoadTask
  | { kind: 'generate'; dir: string; size: number; months: number; seed: number }
  | { kind: 'import'; file: string; url: string | null; dataDir: string | null }
  | { kind: 'metrics'; file: string }
  | { kind: 'upload'; base: string; cookie: string; file: 'csv' | 'bomb'; seconds: number };

/** What one kind of hostile upload got. */
export interface HostileFigures {
  requests: number;
  statuses: Record<string, number>;
  medianSeconds: number;
  /** the largest response body, in bytes (the old code echoed 52 MB). */
  maxResponseBytes: number;
  firstError: string;
}

/** What an import child reports. */
export interface ImportOutcome {
  /** From the first byte read to the snapshot committed with its metrics stored. */
  seconds: number;
  /** Opening and migrating the database (before the clock starts). */
  openSeconds: number;
  peakRssMb: number;
  people: number;
  metricRows: number;
  /** Progress messages with the seconds at which they came, for --verbose. */
  phases: Array<[number, string]>;
}

/** What a metrics child reports. */
export interface MetricsOutcome {
  /** computeSnapshotResults, first (cold) call, as the import pays it. */
  seconds: number;
  /** Median of two further calls in the same process. */
  warmSeconds: number;
  records: number;
  rows: number;
  peakRssMb: number;
}

/** What a generate child reports. */
export interface GenerateOutcome {
  files: string[];
}
