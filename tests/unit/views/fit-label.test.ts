import { describe, expect, it } from 'vitest';
import { categoryAxisWidth, fitLabel, fitLabelAmong } from '@/app/_components/charts/fit-label';

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

describe('fitLabelAmong (labels cut alike keep their distinguishing end)', () => {
  const chars = (t: string) => [...t].length;
  const depts = ['Immigration Enforcement North', 'Immigration Enforcement South', 'Border Force'];

  it('keeps the start only when no other label is cut to the same start', () => {
    expect(fitLabelAmong('Policy & International Relations', depts, 18, chars)).toBe('Policy & Internat…');
    expect(fitLabelAmong('Border Force', depts, 18, chars)).toBe('Border Force');
  });

  it('keeps the end that tells two alike labels apart, within the width', () => {
    // before: both read "Immigration Enfor…"
    const north = fitLabelAmong('Immigration Enforcement North', depts, 18, chars);
    const south = fitLabelAmong('Immigration Enforcement South', depts, 18, chars);
    expect(north).toBe('Immigration…North');
    expect(south).toBe('Immigration…South');
    expect(north).not.toBe(south);
    expect(chars(north)).toBeLessThanOrEqual(18);
  });

  it('keeps a short distinguishing end when the whole last word does not fit', () => {
    const labels = ['Operations Directorate Alpha-1', 'Operations Directorate Alpha-2'];
    const a = fitLabelAmong(labels[0] ?? '', labels, 10, chars);
    const b = fitLabelAmong(labels[1] ?? '', labels, 10, chars);
    expect(a).not.toBe(b);
    expect(chars(a)).toBeLessThanOrEqual(10);
    expect(a.endsWith('1')).toBe(true);
  });

  it('keeps the word where names alike at both ends differ', () => {
    // Home Office 2012: both read "Strategic Cent…" when their start was kept, and their ends match
    const labels = ['Strategic Centre for Organised Crime', 'Strategic Centre on Organised Crime'];
    const a = fitLabelAmong(labels[0] ?? '', labels, 18, chars);
    const b = fitLabelAmong(labels[1] ?? '', labels, 18, chars);
    expect(a).toBe('Strategic…for Org…');
    expect(b).toBe('Strategic…on Orga…');
    expect(chars(a)).toBeLessThanOrEqual(18);
  });
});

describe('categoryAxisWidth (room for the category names of a bar chart)', () => {
  it('fits "Non-users" whole: 9 characters x 7 px + 16 = 79 px (a fixed 70 px read "on-users")', () => {
    expect(categoryAxisWidth(['AI users', 'Non-users'])).toBe(79);
  });
  it('keeps short names at the minimum and long ones at the maximum', () => {
    expect(categoryAxisWidth(['L1', 'L2'])).toBe(56);
    expect(categoryAxisWidth(['Strategic Centre for Organised Crime and Immigration'])).toBe(200);
    expect(categoryAxisWidth([])).toBe(56);
  });
});
