import { describe, expect, it } from 'vitest';
import { mostChanged } from '@/lib/views/most-changed';

const d = (department: string, from: number, to: number) => ({ department, from, to });

describe('the Compare chart draws the departments that changed most', () => {
  it('keeps every department when there are few', () => {
    const rows = [d('B', 1, 2), d('A', 5, 5)];
    expect(mostChanged(rows, 3)).toEqual(rows);
  });
  it('picks the largest changes either way, then the larger department, then by name, in the rows order', () => {
    const rows = [
      d('Alpha', 10, 10), // 0
      d('Beta', 10, 4), // -6
      d('Gamma', 3, 9), // +6, smaller than Beta
      d('Delta', 40, 41), // +1
      d('Epsilon', 2, 3), // +1, smaller than Delta
      d('Zeta', 8, 8), // 0
    ];
    expect(mostChanged(rows, 3).map((r) => r.department)).toEqual(['Beta', 'Gamma', 'Delta']);
    expect(mostChanged(rows, 1).map((r) => r.department)).toEqual(['Beta']);
  });
});
