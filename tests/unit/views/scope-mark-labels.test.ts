import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { renderScopeMarks, type ScopeMark } from '@/app/_components/charts/scope-marks';

type LabelProps = { label: { value: string; offset?: number; dy?: number } };

// DFID organograms: flagged at 2014-03-31 and 2014-09-30, six months apart on a 3.5-year axis; on
// the Overview's small multiples the two "scope?" labels printed over each other ("scopeege?").
describe('scope-mark labels', () => {
  it('puts the labels of consecutive marks on different rows, whatever the order they come in', () => {
    const marks: ScopeMark[] = [
      { asOf: '2014-09-30', kind: 'scope' },
      { asOf: '2014-03-31', kind: 'scope' },
      { asOf: '2011-09-30', kind: 'not-comparable' },
    ];
    const lines = renderScopeMarks(marks) as ReactElement<LabelProps>[];
    const offset = (asOf: string) => {
      const line = lines.find((l) => String(l.key).endsWith(asOf));
      return line?.props.label.dy;
    };
    // Date order: 2011-09-30 (row 1), 2014-03-31 (row 2), 2014-09-30 (row 1).
    expect(offset('2011-09-30')).toBe(0);
    expect(offset('2014-03-31')).toBe(13);
    expect(offset('2014-09-30')).toBe(0);
    // Only down: every label keeps the same distance from its own line.
    expect(new Set(lines.map((l) => l.props.label.offset))).toEqual(new Set([5]));
    expect(lines.map((l) => l.props.label.value)).toEqual(['scope?', 'scope?', 'not comparable']);
  });

  it('keeps a lone mark on the top row', () => {
    const [line] = renderScopeMarks([{ asOf: '2024-01-31', kind: 'scope' }]) as ReactElement<LabelProps>[];
    expect(line?.props.label.dy).toBe(0);
  });
});
