/** Names and FTE on screen (issue #16, seen on the Home Office organograms). */
import { describe, expect, it } from 'vitest';
import { formatFte } from '@/lib/fte-format';
import { personName } from '@/lib/person-name';

describe('personName', () => {
  it('never shows a bare id where a name belongs', () => {
    // organograms publish "N/D" for most posts: the explorer read "1CPG12" as if it were a name
    expect(personName({ name: null, id: '1CPG12' })).toBe('Name not published (1CPG12)');
    expect(personName({ name: null, id: '1CPG12' }, false)).toBe('Name not published');
    expect(personName({ name: 'Helen Kilpatrick', id: '4PO01' })).toBe('Helen Kilpatrick');
  });
});

describe('formatFte', () => {
  it('writes FTE with one decimal at most, as the Overview card does', () => {
    // the explorer read "10,103.84 junior FTE" and the cost card "10,048.22 of 10,267.22"
    expect(formatFte(10103.84)).toBe('10,103.8');
    expect(formatFte(10267.22)).toBe('10,267.2');
    expect(formatFte(5)).toBe('5');
  });
});
