/**
 * Reference bands for spans of control: McKinsey's five manager archetypes, from McKinsey &
 * Company, "How to identify the right 'spans of control' for your organization" (2017).
 * player-coach 3-5 | coach 6-7 | supervisor 8-10 | facilitator 11-15 | coordinator 15+.
 * The published ranges touch at 15; here a span of 15 is a facilitator and coordinator starts
 * above 15, so every manager falls in exactly one band. Spans below 3 fit no archetype and are
 * counted as "below the archetypes". Like SPEC span bands, bands are decided by upper bounds (a
 * span of 5.5, were one fractional, would count as a coach).
 * These are reference ranges to compare against, not targets Strata computes or endorses.
 */

export const ARCHETYPE_SOURCE =
  'McKinsey & Company, “How to identify the right ‘spans of control’ for your organization”, 2017';

export interface SpanArchetype {
  key: 'below' | 'player-coach' | 'coach' | 'supervisor' | 'facilitator' | 'coordinator';
  label: string;
  /** smallest whole span in the band */
  min: number;
  /** largest whole span in the band, null = no upper limit */
  max: number | null;
  /** the range as McKinsey published it */
  published: string;
}

export const SPAN_ARCHETYPES: readonly SpanArchetype[] = [
  { key: 'below', label: 'Below the archetypes', min: 1, max: 2, published: '1-2' },
  { key: 'player-coach', label: 'Player-coach', min: 3, max: 5, published: '3-5' },
  { key: 'coach', label: 'Coach', min: 6, max: 7, published: '6-7' },
  { key: 'supervisor', label: 'Supervisor', min: 8, max: 10, published: '8-10' },
  { key: 'facilitator', label: 'Facilitator', min: 11, max: 15, published: '11-15' },
  { key: 'coordinator', label: 'Coordinator', min: 16, max: null, published: '15+' },
];

/** The archetype a span falls in (decided by upper bounds, as SPEC span bands are). */
export function findSpanArchetype(span: number): SpanArchetype {
  for (const a of SPAN_ARCHETYPES) if (a.max !== null && span <= a.max) return a;
  return SPAN_ARCHETYPES[SPAN_ARCHETYPES.length - 1] as SpanArchetype;
}

/** Managers per archetype for a list of spans (one per manager), in archetype order. */
export function countSpanArchetypes(spans: ArrayLike<number>): Array<SpanArchetype & { managers: number }> {
  const counts = new Map<string, number>();
  for (let k = 0; k < spans.length; k++) {
    const a = findSpanArchetype(spans[k] ?? 0);
    counts.set(a.key, (counts.get(a.key) ?? 0) + 1);
  }
  return SPAN_ARCHETYPES.map((a) => ({ ...a, managers: counts.get(a.key) ?? 0 }));
}
