/**
 * foldHiddenDepartments (lib/views/heatmap-fold.ts), on hand-written heatmaps: a department whose
 * every cell is hidden is left out when others show, or when more than 5 are hidden and none shows.
 */
import { describe, expect, it } from 'vitest';
import { foldHiddenDepartments } from '@/lib/views/heatmap-fold';

const hide = { suppressed: true, minGroupSize: 5, reason: 'small' } as const;
const show = { ics: 7 };
const cell = (department: string | null, value: unknown) => ({ department, column: '*', value });

describe('heatmap fold', () => {
  it('leaves out wholly hidden departments (null included) when others show', () => {
    const heatmap = {
      departments: ['Eng', null, 'Ops', 'Law'],
      cells: [cell('Eng', show), cell('Eng', hide), cell(null, hide), cell('Ops', hide), cell('Law', show)],
    };
    const f = foldHiddenDepartments(heatmap);
    expect(f.departments).toEqual(['Eng', 'Law']);
    expect(f.cells.map((c) => c.department)).toEqual(['Eng', 'Eng', 'Law']);
    expect([f.hidden, f.total]).toEqual([2, 4]);
    // on request every department is back, with the same counts
    const all = foldHiddenDepartments(heatmap, true);
    expect([all.departments, all.hidden, all.total]).toEqual([['Eng', null, 'Ops', 'Law'], 2, 4]);
  });

  it('all hidden: folded when more than 5, kept when 5 or fewer', () => {
    const names = (n: number) => Array.from({ length: n }, (_, k) => `D${k}`);
    const six = { departments: names(6), cells: names(6).map((d) => cell(d, hide)) };
    expect(foldHiddenDepartments(six).departments).toEqual([]);
    const five = { departments: names(5), cells: names(5).map((d) => cell(d, hide)) };
    expect(foldHiddenDepartments(five).departments).toEqual(names(5));
  });
});
