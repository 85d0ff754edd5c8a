'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { fitLabelAmong, textMeasure } from './fit-label';

/** Longest group label drawn beside a bar; the full name is in the tick's tooltip and the table. */
const LABEL_CHARS = 18;

/** Room kept between the chart's left edge and a label's start. */
const LABEL_PAD = 4;

const chars = (t: string) => t.length;
const NONE: readonly string[] = [];

/**
 * A y-axis tick cut to LABEL_CHARS characters, then to the width left of the axis as drawn (a wide
 * name would start outside the chart), with the full name as its SVG title (tooltip). `labels` are
 * the chart's other names: one cut to the same start as another keeps its distinguishing end.
 */
export function GroupTick({
  x,
  y,
  payload,
  labels = NONE,
  maxChars = LABEL_CHARS,
}: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  labels?: readonly string[];
  /** longest label in characters, before the width left of the axis cuts it further */
  maxChars?: number;
}) {
  const full = String(payload?.value ?? '');
  const short = fitLabelAmong(full, labels, maxChars, chars);
  const [shown, setShown] = useState(short);
  const ref = useRef<SVGTextElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || x === undefined) return;
    const fitted = fitLabelAmong(full, labels, x - LABEL_PAD, textMeasure(el));
    setShown(fitted.length < short.length ? fitted : short);
  }, [full, short, x, labels]);
  return (
    <text ref={ref} x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1c2430" data-full={full}>
      <title>{full}</title>
      {shown}
    </text>
  );
}
