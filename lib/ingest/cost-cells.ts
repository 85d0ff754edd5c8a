/**
 * The optional annual cost of a row (issue #14 "Cost"): an annual cost column (salary, annual
 * cost, total compensation...) as written, else the midpoint of a pay floor and ceiling (UK
 * organograms: 'Actual Pay Floor (£)' / 'Actual Pay Ceiling (£)' on senior posts, 'Payscale
 * Minimum (£)' / 'Payscale Maximum (£)' per FTE on junior-staff rows). Blank cells and
 * placeholders (N/D, N/A) give no cost; a pay pair of 0 and 0 is how organograms write "not
 * disclosed", so it gives no cost either (an annual cost column of 0 is kept: someone unpaid).
 * A cell that is not an amount (free text such as 'contractor', a negative number) is a warning
 * naming the line and the column, and the row is kept without a cost: coverage shows the gap.
 */
import { parseNumber } from './cell-values';
import { clip } from './limits';
import type { Issue, LogicalField } from './types';

type Columns = Partial<Record<LogicalField, number>>;

/** The header text shown in messages for a cost field. */
const LABEL: Record<'annual_cost' | 'pay_floor' | 'pay_ceiling', string> = {
  annual_cost: 'annual cost',
  pay_floor: 'pay floor',
  pay_ceiling: 'pay ceiling',
};

/** True when the columns carry a cost of any kind. */
export function hasCostColumns(c: Columns): boolean {
  return c.annual_cost !== undefined || c.pay_floor !== undefined || c.pay_ceiling !== undefined;
}

/**
 * The row's annual cost (null when none), reporting an unreadable cell through `warn`.
 * Amounts keep their currency's units: '£59,265' -> 59265.
 */
export function readCost(
  cells: readonly string[],
  c: Columns,
  row: number,
  warn: (issue: Omit<Issue, 'file'>) => void,
): number | null {
  const read = (field: 'annual_cost' | 'pay_floor' | 'pay_ceiling'): number | null | false => {
    const i = c[field];
    if (i === undefined) return null;
    const raw = cells[i];
    const cell = parseNumber(raw);
    if (cell.ok && (cell.value === null || cell.value >= 0)) return cell.value;
    warn({
      severity: 'warning',
      code: 'bad-cost',
      message: `Line ${row}: the ${LABEL[field]} "${clip((raw ?? '').trim())}" is not an amount; write a plain non-negative number such as 85000 (currency signs and thousands commas are fine) or leave it blank. The row is kept without a cost.`,
      row,
      column: field,
    });
    return false;
  };
  if (c.annual_cost !== undefined) {
    const v = read('annual_cost');
    return v === false ? null : v;
  }
  if (c.pay_floor === undefined && c.pay_ceiling === undefined) return null;
  const floor = read('pay_floor');
  const ceiling = read('pay_ceiling');
  if (floor === false || ceiling === false) return null;
  const known = [floor, ceiling].filter((v): v is number => v !== null);
  if (known.length === 0 || known.every((v) => v === 0)) return null;
  return known.reduce((s, v) => s + v, 0) / known.length;
}
