'use client';

import { ReferenceLine } from 'recharts';
import type { ScopeNotes } from '@/lib/dal/scope-marks';
import { timeOf } from './time-axis';

/** A snapshot a trend chart marks: a possible change of scope, or one marked not comparable. */
export interface ScopeMark {
  asOf: string;
  kind: 'scope' | 'not-comparable';
}

/** The marks of a series' scope notes (a marked snapshot is never flagged as well). */
export function scopeMarks(notes: ScopeNotes | null | undefined): ScopeMark[] {
  if (!notes) return [];
  return [
    ...notes.flagged.map((f) => ({ asOf: f.asOf, kind: 'scope' as const })),
    ...notes.notComparable.map((asOf) => ({ asOf, kind: 'not-comparable' as const })),
  ];
}

/**
 * Vertical dashed lines at the marked snapshots (on a time axis: renderTimeAxis), labelled "scope?" (a > 25% move) or "not
 * comparable" (marked by a user). Dark amber and grey, readable without colour by their labels.
 */
export function renderScopeMarks(marks: readonly ScopeMark[] | undefined, yAxisId?: string) {
  return (marks ?? []).map((m) => (
    <ReferenceLine
      key={`${m.kind}-${m.asOf}`}
      x={timeOf(m.asOf)}
      {...(yAxisId ? { yAxisId } : {})}
      stroke={m.kind === 'scope' ? '#8a5a00' : '#4f5b6b'}
      strokeDasharray="4 3"
      label={{
        value: m.kind === 'scope' ? 'scope?' : 'not comparable',
        position: 'insideTopRight',
        fill: m.kind === 'scope' ? '#8a5a00' : '#4f5b6b',
        fontSize: 11,
      }}
    />
  ));
}
