/**
 * The order a validation report is read in: errors before warnings, then by file and line, so the
 * problems that block an upload come first (issue #12). Stable: equal issues keep their order.
 */
import type { Issue } from './types';

/** Issues sorted errors first, then by file, then by line (issues without a line last). */
export function errorsFirst<T extends Pick<Issue, 'severity' | 'row' | 'file'>>(issues: readonly T[]): T[] {
  const rank = (i: T): number => (i.severity === 'error' ? 0 : 1);
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort(
      (a, b) =>
        rank(a.issue) - rank(b.issue) ||
        (a.issue.file ?? '').localeCompare(b.issue.file ?? '') ||
        (a.issue.row ?? Number.MAX_SAFE_INTEGER) - (b.issue.row ?? Number.MAX_SAFE_INTEGER) ||
        a.k - b.k,
    )
    .map((x) => x.issue);
}
