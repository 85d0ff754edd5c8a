'use client';

import { ReferenceArea, ReferenceLine } from 'recharts';

/** Colours of target marks: Okabe-Ito bluish green band, vermillion dashed limit (colour-blind safe). */
export const TARGET_BAND = '#009e73';
export const TARGET_LIMIT = '#d55e00';

/** A target drawn on a chart: a band between two values, or a limit line at one value. */
export type TargetMark =
  | { kind: 'band'; from: number | string; to: number | string; label: string; onCategory?: boolean }
  | { kind: 'limit'; at: number | string; label: string; onCategory?: boolean };

/**
 * The recharts reference elements for a target mark. `valueAxis` says which of x/y carries numbers
 * (y for ordinary charts, x for horizontal bars); marks on the category axis use the other one.
 * Numeric marks extend the axis so a target outside the data is still drawn.
 */
export function renderTargetMark(mark: TargetMark | null | undefined, valueAxis: 'x' | 'y', key?: string) {
  if (!mark) return null;
  const axis = mark.onCategory ? (valueAxis === 'x' ? 'y' : 'x') : valueAxis;
  const overflow = mark.onCategory ? 'visible' : 'extendDomain';
  const label = {
    value: mark.label,
    position: 'top' as const,
    fill: '#1c2430',
    fontSize: 11,
  };
  if (mark.kind === 'band') {
    const range = axis === 'y' ? { y1: mark.from, y2: mark.to } : { x1: mark.from, x2: mark.to };
    return (
      <ReferenceArea
        key={key}
        {...range}
        fill={TARGET_BAND}
        fillOpacity={0.14}
        stroke={TARGET_BAND}
        strokeOpacity={0.6}
        strokeDasharray="2 3"
        ifOverflow={overflow}
        label={label}
      />
    );
  }
  const at = axis === 'y' ? { y: mark.at } : { x: mark.at };
  return (
    <ReferenceLine
      key={key}
      {...at}
      stroke={TARGET_LIMIT}
      strokeWidth={2}
      strokeDasharray="6 4"
      ifOverflow={overflow}
      label={label}
    />
  );
}
