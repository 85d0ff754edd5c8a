/** Display helpers shared by the ladder and ceiling-risk views (numbers come from the API as is). */

export const NO_DEPARTMENT = 'No department';

/** A department name, or the label for people without one. */
export const departmentLabel = (d: string | null) => d ?? NO_DEPARTMENT;

/** A 0-1 share as a percentage with one decimal, or an em dash. */
export function formatShare(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** A count (FTE-weighted counts may be fractional). */
export function formatCount(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('en', { maximumFractionDigits: 2 });
}

/** Months with one decimal. */
export function formatMonths(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('en', { maximumFractionDigits: 1 });
}

/** The scope line under a dashboard title. */
export function scopeText(scope: {
  department: string | null;
  subtree: string | null;
  subtreeName: string | null;
}): string {
  const subtree = scope.subtree
    ? `subtree of ${scope.subtreeName ? `${scope.subtreeName} (${scope.subtree})` : scope.subtree}`
    : null;
  const parts = [scope.department, subtree].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'whole organisation';
}
