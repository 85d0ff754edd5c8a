import type { LadderUnitMetrics } from '@/lib/metrics/ladder';
import type { StoredStructure } from '@/lib/metrics/snapshot-results';
import type { StructureMetrics } from '@/lib/metrics/structure';
import type { SeriesStructure } from '@/lib/metrics/unit-points';

/**
 * One point of a unit's series: its structure at one date (a stored unit point, a stored row or
 * computed; the series views read only SeriesStructure) and ladder metrics.
 */
export type UnitPoint<S extends SeriesStructure = SeriesStructure> = { asOf: string; snapshotId?: number } & {
  structure: S;
  ladder: LadderUnitMetrics | null;
  /**
   * Declared ICs holding their department's highest IC level in the unit at that date (the
   * Overview's "ICs at the IC ceiling"); absent or null when it was not stored for that snapshot.
   */
  icsAtCeiling?: number | null;
};

/** A point with the unit's whole structure (pyramid, roots, track mismatches): compare's two sides. */
export type FullPoint = UnitPoint<StructureMetrics | StoredStructure>;
