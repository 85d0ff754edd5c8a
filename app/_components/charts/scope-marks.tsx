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

/** Pixels between a mark's label and the plot's top and its line; the extra drop of every other label. */
const LABEL_TOP = 5;
const LABEL_STEP = 13;

/**
 * How far each mark's label drops below the top row: marks in date order alternate between two
 * rows, so the labels of two snapshots close in time (a small chart, or marks a month apart) sit one
 * above the other instead of printing over each other.
 */
export function scopeLabelOffsets(marks: readonly ScopeMark[]): Map<string, number> {
  const sorted = [...marks].sort((a, b) => timeOf(a.asOf) - timeOf(b.asOf));
  return new Map(sorted.map((m, i) => [`${m.kind}-${m.asOf}`, (i % 2) * LABEL_STEP]));
}

/**
 * Vertical dashed lines at the marked snapshots (on a time axis: renderTimeAxis), labelled "scope?" (a > 25% move) or "not
 * comparable" (marked by a user), on alternating rows (scopeLabelOffsets). Dark amber and grey, readable without colour
 * by their labels.
 */
export function renderScopeMarks(marks: readonly ScopeMark[] | undefined, yAxisId?: string) {
  const offsets = scopeLabelOffsets(marks ?? []);
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
        offset: LABEL_TOP,
        // Down only: the label stays beside its own line.
        dy: offsets.get(`${m.kind}-${m.asOf}`) ?? 0,
        fill: m.kind === 'scope' ? '#8a5a00' : '#4f5b6b',
        fontSize: 11,
      }}
    />
  ));
}
