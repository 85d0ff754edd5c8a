import type { LadderUnitMetrics } from '@/lib/metrics/ladder';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { StructureMetrics } from '@/lib/metrics/structure';

/** One point of a unit's series: its structure (stored or computed) and ladder metrics at one date. */
export type UnitPoint = { asOf: string; snapshotId?: number } & {
  structure: StructureMetrics | StoredStructure;
  ladder: LadderUnitMetrics | null;
};
