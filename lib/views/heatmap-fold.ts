import { isFoldable } from '@/lib/privacy/hidden-text';
import { isSuppressed } from '@/lib/query/suppressed';

/**
 * A department x level heatmap with the departments whose every cell the privacy floor hides left
 * out (listed only on request), for the Ceiling-risk page and its PDF table alike: about 100
 * organogram departments read as rows of "<5" for a viewer. `listAll` keeps every department; so
 * does a heatmap isFoldable would not fold. `hidden` counts the wholly hidden departments. Pure.
 */
export function foldHiddenDepartments<C extends { department: string | null; value: unknown }>(
  heatmap: { departments: Array<string | null>; cells: C[] },
  listAll = false,
): { departments: Array<string | null>; cells: C[]; hidden: number; total: number } {
  const open = new Set(heatmap.cells.filter((c) => !isSuppressed(c.value)).map((c) => c.department));
  const hidden = heatmap.departments.filter((d) => !open.has(d)).length;
  const total = heatmap.departments.length;
  if (listAll || !isFoldable(hidden, total))
    return { departments: heatmap.departments, cells: heatmap.cells, hidden, total };
  return {
    departments: heatmap.departments.filter((d) => open.has(d)),
    cells: heatmap.cells.filter((c) => open.has(c.department)),
    hidden,
    total,
  };
}
