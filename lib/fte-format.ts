/**
 * How FTE reads on screen: one decimal at most, everywhere ("10,267.2", "12.9", "5"), as the
 * Overview's "Junior staff (FTE)" card writes it (files use lib/export/format.ts 'fte'). Pure.
 */
export function formatFte(n: number): string {
  return n.toLocaleString('en', { maximumFractionDigits: 1 });
}
