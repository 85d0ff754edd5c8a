/**
 * Cursor AI code tracking, commits (GET /analytics/ai-code/commits, JSON or .csv): one person row
 * per author email per commit day (UTC), counting commits on the primary branch only, so a change
 * is counted once when it lands and not again from its feature branch:
 *   linesCommitted   = sum of totalLinesAdded
 *   aiLinesCommitted = sum of tabLinesAdded + composerLinesAdded (lines the AI wrote)
 *   active           = true when aiLinesCommitted > 0, else unknown
 * Stored as linesTotal = linesCommitted and linesAccepted = aiLinesCommitted, feature
 * 'ai-code-commits' (so the row does not replace the daily-usage row of the same person and day,
 * and AI lines that landed are not added to the editor's accepted lines).
 * The suggestion/acceptance fields stay null: commits say what landed, not what was offered.
 */
import type { AiUsageRecord } from './types';
import { addUsage, blankUsage, fileIssue, person, rowIssue, type FileContext } from './context';
import { dayOf, numberAt, type JsonRecord } from './json-values';

/** One commit in canonical names (from a JSON item or a CSV row). */
export interface CommitRow {
  row: number;
  email: string | null;
  when: unknown;
  primary: boolean | null;
  total: number | null;
  tab: number | null;
  composer: number | null;
}

/** Aggregates commits per (email, day). */
export function createCommitAggregator(ctx: FileContext) {
  const perKey = new Map<string, AiUsageRecord>();
  let offPrimary = 0;
  let bad = false;

  const add = (c: CommitRow): void => {
    const day = dayOf(c.when);
    const problems: string[] = [];
    if (c.email === null) problems.push('user email is missing');
    if (day === null) problems.push(`commit time ${JSON.stringify(c.when ?? null)} is not a date`);
    for (const [name, v] of [
      ['total lines added', c.total],
      ['tab lines added', c.tab],
      ['composer lines added', c.composer],
    ] as const) {
      if (v !== null && (Number.isNaN(v) || v < 0)) problems.push(`${name} is not a count ≥ 0`);
    }
    if (problems.length > 0 || c.email === null || day === null) {
      bad = true;
      rowIssue(ctx, 'error', 'bad-commit-row', c.row, `${problems.join('; ')}.`);
      return;
    }
    if (c.primary === false) {
      offPrimary += 1;
      return;
    }
    const key = `${c.email.toLowerCase()}|${day}`;
    const rec = perKey.get(key) ?? blankUsage(ctx, c.row, 'cursor', day, day, person({ email: c.email }));
    rec.linesCommitted = (rec.linesCommitted ?? 0) + (c.total ?? 0);
    rec.aiLinesCommitted = (rec.aiLinesCommitted ?? 0) + (c.tab ?? 0) + (c.composer ?? 0);
    // Stored as lines_total / lines_accepted (AI share of code = AI lines / all lines), as a row of
    // its own (feature 'ai-code-commits') beside the daily-usage row of the same person and day.
    rec.feature = 'ai-code-commits';
    rec.linesTotal = rec.linesCommitted;
    rec.linesAccepted = rec.aiLinesCommitted;
    rec.active = (rec.aiLinesCommitted ?? 0) > 0 ? true : null;
    perKey.set(key, rec);
  };

  const finish = (): void => {
    if (bad) return;
    for (const rec of perKey.values()) addUsage(ctx, rec);
    if (offPrimary > 0) {
      fileIssue(
        ctx,
        'warning',
        'non-primary-commits',
        `${offPrimary} commit(s) on branches other than the primary branch were not counted (a change counts once, when it reaches the primary branch).`,
      );
    }
  };
  return { add, finish };
}

/** A JSON commit item in canonical names. */
export function commitFromJson(item: JsonRecord, row: number): CommitRow {
  const email =
    typeof item.userEmail === 'string' && item.userEmail.trim() !== '' ? item.userEmail.trim() : null;
  return {
    row,
    email,
    when: item.commitTs ?? item.createdAt,
    primary: typeof item.isPrimaryBranch === 'boolean' ? item.isPrimaryBranch : null,
    total: numberAt(item, 'totalLinesAdded'),
    tab: numberAt(item, 'tabLinesAdded'),
    composer: numberAt(item, 'composerLinesAdded'),
  };
}

/** A CSV commit row (snake_case headers) in canonical names. */
export function commitFromCsv(headers: string[], cells: string[], row: number): CommitRow {
  const obj: JsonRecord = {};
  headers.forEach((h, i) => {
    obj[h.trim().toLowerCase()] = (cells[i] ?? '').trim();
  });
  const text = (k: string): string | null =>
    typeof obj[k] === 'string' && obj[k] !== '' ? String(obj[k]) : null;
  const flag = text('is_primary_branch')?.toLowerCase();
  return {
    row,
    email: text('user_email'),
    when: text('commit_ts') ?? text('created_at'),
    primary: flag === 'true' ? true : flag === 'false' ? false : null,
    total: text('total_lines_added') === null ? null : numberAt(obj, 'total_lines_added'),
    tab: text('tab_lines_added') === null ? null : numberAt(obj, 'tab_lines_added'),
    composer: text('composer_lines_added') === null ? null : numberAt(obj, 'composer_lines_added'),
  };
}
