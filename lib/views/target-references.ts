/**
 * Published reference values a Targets editor can apply in one click, each with its source:
 * McKinsey's span-of-control archetypes, the 6-8 engineers per manager common in engineering, and
 * the organisation's own peak layer count. References to compare against, not values Strata
 * endorses; applying one still goes through the audited targets update.
 */
import { ARCHETYPE_SOURCE, SPAN_ARCHETYPES } from '@/lib/metrics/span-archetypes';
import type { SpanLayerTarget } from '@/lib/metrics/targets';

export interface TargetReference {
  key: string;
  label: string;
  /** the values it sets (the others stay as they are) */
  apply: Partial<SpanLayerTarget>;
  /** the values in words, e.g. "span 6-7" */
  detail: string;
  source: string;
}

/** The largest span a target may hold (lib/dal/targets.ts): "no upper limit" for coordinators. */
export const MAX_TARGET_SPAN = 200;

export const ENGINEERING_RATIO_SOURCE =
  'Will Larson, “An Elegant Puzzle: Systems of Engineering Management” (2019): a manager supports six to eight engineers';

/** Every reference, the peak layer count only when the organisation's snapshots give one. */
export function buildTargetReferences(peak: { depth: number; asOf: string } | null): TargetReference[] {
  const archetypes: TargetReference[] = SPAN_ARCHETYPES.filter((a) => a.key !== 'below').map((a) => ({
    key: `archetype-${a.key}`,
    label: `${a.label} (McKinsey archetype)`,
    apply: { spanMin: a.min === 16 ? 15 : a.min, spanMax: a.max ?? MAX_TARGET_SPAN },
    detail: a.max === null ? `span ${a.published} (no upper limit)` : `span ${a.published}`,
    source: ARCHETYPE_SOURCE,
  }));
  const out: TargetReference[] = [
    ...archetypes,
    {
      key: 'engineering-ratio',
      label: 'Engineering manager-to-engineer ratio 1:6-8',
      apply: { spanMin: 6, spanMax: 8 },
      detail: 'span 6-8',
      source: ENGINEERING_RATIO_SOURCE,
    },
  ];
  if (peak !== null)
    out.push({
      key: 'own-peak-layers',
      label: "This organisation's peak layer count",
      apply: { maxLayers: peak.depth },
      detail: `at most ${peak.depth} layers`,
      source: `This organisation's snapshots: the deepest was ${peak.depth} layers, on ${peak.asOf}`,
    });
  return out;
}

/** The peak depth over a series of snapshot summaries (earliest date wins a tie), or null. */
export function findPeakDepth(points: ReadonlyArray<{ asOf: string; depth: number }>) {
  let best: { depth: number; asOf: string } | null = null;
  for (const p of [...points].sort((a, b) => a.asOf.localeCompare(b.asOf)))
    if (best === null || p.depth > best.depth) best = { depth: p.depth, asOf: p.asOf };
  return best;
}
