'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { fitLabel, textMeasure } from './fit-label';

/** Longest group label drawn beside a bar; the full name is in the tick's tooltip and the table. */
const LABEL_CHARS = 18;

/** Room kept between the chart's left edge and a label's start. */
const LABEL_PAD = 4;

/**
 * A y-axis tick cut to LABEL_CHARS characters, then to the width left of the axis as drawn (a wide
 * name would start outside the chart), with the full name as its SVG title (tooltip).
 */
export function GroupTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const full = String(payload?.value ?? '');
  const short = full.length > LABEL_CHARS ? `${full.slice(0, LABEL_CHARS - 1)}…` : full;
  const [shown, setShown] = useState(short);
  const ref = useRef<SVGTextElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || x === undefined) return;
    const fitted = fitLabel(full, x - LABEL_PAD, textMeasure(el));
    setShown(fitted.length < short.length ? fitted : short);
  }, [full, short, x]);
  return (
    <text ref={ref} x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1c2430" data-full={full}>
      <title>{full}</title>
      {shown}
    </text>
  );
}
