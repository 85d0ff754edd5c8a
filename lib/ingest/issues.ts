/**
 * Collects issues with a cap per code, so a 1M-row file with one bad date column yields a readable
 * report (the first rows listed, then one "and N more" line) instead of a million entries.
 */
import type { Issue } from './types';
import { boundIssue } from './limits';

/** Issues listed per code before the rest are summarised. */
export const ISSUES_PER_CODE = 100;

/** An append-only issue list that keeps the first ISSUES_PER_CODE per code and counts the rest. */
export class IssueList {
  private readonly items: Issue[] = [];
  private readonly perCode = new Map<string, { listed: number; more: number; severity: Issue['severity'] }>();

  /** Record one issue (dropped into the "more" count once its code is over the cap). */
  add(issue: Issue): void {
    const seen = this.perCode.get(issue.code) ?? { listed: 0, more: 0, severity: issue.severity };
    if (issue.severity === 'error') seen.severity = 'error';
    if (seen.listed < ISSUES_PER_CODE) {
      this.items.push(boundIssue(issue));
      seen.listed += 1;
    } else {
      seen.more += 1;
    }
    this.perCode.set(issue.code, seen);
  }

  /** Number of issues of a code, listed or not. */
  count(code: string): number {
    const seen = this.perCode.get(code);
    return seen ? seen.listed + seen.more : 0;
  }

  /** True when at least one error was added. */
  hasErrors(): boolean {
    for (const seen of this.perCode.values()) if (seen.severity === 'error') return true;
    return false;
  }

  /** The listed issues plus one summary line per code that went over the cap. */
  toArray(): Issue[] {
    const out = [...this.items];
    for (const [code, seen] of this.perCode) {
      if (seen.more > 0) {
        out.push({
          severity: seen.severity,
          code,
          message: `…and ${seen.more.toLocaleString('en-US')} more rows with the same problem (${code}).`,
        });
      }
    }
    return out;
  }
}
