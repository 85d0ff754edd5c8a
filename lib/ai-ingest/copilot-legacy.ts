/**
 * The legacy GitHub Copilot APIs, still found in archives (SPEC.md "AI usage"):
 *  /copilot/metrics (closed April 2026): one org row per date; aiActiveUsers = total_active_users;
 *    suggestions / acceptances / lines = copilot_ide_code_completions.editors[].models[].languages[]
 *    total_code_suggestions / total_code_acceptances / total_code_lines_suggested /
 *    total_code_lines_accepted summed over every editor, model and language of the day.
 *  /copilot/usage (closed Feb 2025): one org row per day from the total_* fields.
 * Neither names the organisation, so orgKey is 'github-enterprise' when the file name says
 * enterprise, else 'github-org'.
 */
import { addUsage, blankUsage, countAt, rowIssue, type FileContext, type RowState } from './context';
import { arrayAt, dayOf, isRecord, recordAt, type JsonRecord } from './json-values';

/** orgKey of a legacy file (the payload does not name its org). */
export function legacyOrgKey(fileName: string): string {
  return /enterprise/i.test(fileName) ? 'github-enterprise' : 'github-org';
}

function readDay(ctx: FileContext, state: RowState, rec: JsonRecord, key: string, row: number): string {
  const day = dayOf(rec[key]);
  if (day === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `${key} ${JSON.stringify(rec[key] ?? null)} is not a date (YYYY-MM-DD).`,
      key,
    );
  }
  return day ?? '';
}

const LANGUAGE_FIELDS = [
  ['suggestions', 'total_code_suggestions'],
  ['acceptances', 'total_code_acceptances'],
  ['linesSuggested', 'total_code_lines_suggested'],
  ['linesAccepted', 'total_code_lines_accepted'],
] as const;

/** One /copilot/metrics day. */
export function readLegacyMetricsDay(ctx: FileContext, rec: JsonRecord, row: number, orgKey: string): void {
  const state: RowState = { bad: false };
  const day = readDay(ctx, state, rec, 'date', row);
  const out = blankUsage(ctx, row, 'copilot', day, day, { kind: 'org', orgKey });
  out.aiActiveUsers = countAt(ctx, state, rec, 'total_active_users', row);
  const completions = recordAt(rec, 'copilot_ide_code_completions');
  if (completions !== null) {
    const sums = { suggestions: 0, acceptances: 0, linesSuggested: 0, linesAccepted: 0 };
    arrayAt(completions, 'editors').forEach((editor, e) => {
      if (!isRecord(editor)) return;
      arrayAt(editor, 'models').forEach((model, m) => {
        if (!isRecord(model)) return;
        arrayAt(model, 'languages').forEach((lang, l) => {
          if (!isRecord(lang)) return;
          for (const [field, key] of LANGUAGE_FIELDS) {
            const path = `copilot_ide_code_completions.editors[${e}].models[${m}].languages[${l}].${key}`;
            sums[field] += countAt(ctx, state, lang, key, row, path) ?? 0;
          }
        });
      });
    });
    Object.assign(out, sums);
  }
  if (state.bad) return;
  addUsage(ctx, out);
}

/** One /copilot/usage day. */
export function readLegacyUsageDay(ctx: FileContext, rec: JsonRecord, row: number, orgKey: string): void {
  const state: RowState = { bad: false };
  const day = readDay(ctx, state, rec, 'day', row);
  const out = blankUsage(ctx, row, 'copilot', day, day, { kind: 'org', orgKey });
  const c = (key: string) => countAt(ctx, state, rec, key, row);
  out.aiActiveUsers = c('total_active_users');
  out.suggestions = c('total_suggestions_count');
  out.acceptances = c('total_acceptances_count');
  out.linesSuggested = c('total_lines_suggested');
  out.linesAccepted = c('total_lines_accepted');
  if (state.bad) return;
  addUsage(ctx, out);
}
