import { describe, expect, it } from 'vitest';
import { counted } from '@/lib/plural';

describe('counted', () => {
  it('puts the noun in the number the count asks for', () => {
    // the ceiling-risk heatmap read "1 ICs", the org chart "1 people"
    expect(counted(1, 'IC')).toBe('1 IC');
    expect(counted(2, 'IC')).toBe('2 ICs');
    expect(counted(0, 'IC')).toBe('0 ICs');
    expect(counted(1, 'person', 'people')).toBe('1 person');
    expect(counted(1204, 'person', 'people')).toBe('1,204 people');
  });
});
