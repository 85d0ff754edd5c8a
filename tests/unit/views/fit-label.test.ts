import { describe, expect, it } from 'vitest';
import { fitLabel } from '@/app/_components/charts/fit-label';

// A font where m and W are three times as wide as i or l: a character count cannot say what fits.
const measure = (t: string) =>
  [...t].reduce((w, c) => w + (/[mMW]/.test(c) ? 15 : /[il. ]/.test(c) ? 3 : 7), 0);

describe('fitLabel (axis labels cut by drawn width)', () => {
  it('keeps a name that fits whole', () => {
    expect(fitLabel('TMG', 40, measure)).toBe('TMG');
  });

  it('cuts a wide name shorter than a narrow one of the same length, and the result fits', () => {
    // DFID's "Economic Development" ran 5 px past the chart's left edge when cut at 18 characters.
    const wide = fitLabel('Economic Development', 100, measure);
    const narrow = fitLabel('Policy & International', 100, measure);
    expect(wide.endsWith('…')).toBe(true);
    expect(measure(wide)).toBeLessThanOrEqual(100);
    expect(measure(narrow)).toBeLessThanOrEqual(100);
    expect(wide.length).toBeLessThan(narrow.length);
    // The longest prefix that fits: one more character would not.
    const next = `${'Economic Development'.slice(0, wide.length)}…`;
    expect(measure(next)).toBeGreaterThan(100);
  });

  it('never drops below one character and the ellipsis', () => {
    expect(fitLabel('Mmmm', 1, measure)).toBe('M…');
  });
});
