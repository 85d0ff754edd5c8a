/**
 * Cursor analytics API series that map to usage records (others are recognised and warned about
 * in detect-json.ts). Team series -> org rows (orgKey cursor-team:<teamId>), one per day:
 *   agent-edits: suggestions = total_suggested_diffs, acceptances = total_accepted_diffs,
 *                lines = total_lines_suggested / total_lines_accepted      (feature 'agent-edits')
 *   tabs:        suggestions = total_suggestions, acceptances = total_accepts, lines likewise (feature 'tab')
 *   dau:         aiActiveUsers = dau
 * By-user series -> person rows (email) per day:
 *   agent-edits: linesSuggested = suggested_lines, linesAccepted = accepted_lines (feature 'agent-edits')
 *   mcp / commands / plans / ask-mode: active = usage > 0 that day (feature = the series), no counts.
 */
import type { AiUsageRecord } from './types';
import { addUsage, blankUsage, countAt, person, rowIssue, type FileContext, type RowState } from './context';
import { notePagination } from './cursor-admin';
import { arrayAt, dayOf, isRecord, recordAt, textAt, type JsonRecord } from './json-values';

type Mapper = (ctx: FileContext, state: RowState, item: JsonRecord, row: number, rec: AiUsageRecord) => void;

const TEAM: Record<string, { feature?: string; map: Mapper }> = {
  'agent-edits': {
    feature: 'agent-edits',
    map: (ctx, state, item, row, rec) => {
      rec.suggestions = countAt(ctx, state, item, 'total_suggested_diffs', row);
      rec.acceptances = countAt(ctx, state, item, 'total_accepted_diffs', row);
      rec.linesSuggested = countAt(ctx, state, item, 'total_lines_suggested', row);
      rec.linesAccepted = countAt(ctx, state, item, 'total_lines_accepted', row);
    },
  },
  tabs: {
    feature: 'tab',
    map: (ctx, state, item, row, rec) => {
      rec.suggestions = countAt(ctx, state, item, 'total_suggestions', row);
      rec.acceptances = countAt(ctx, state, item, 'total_accepts', row);
      rec.linesSuggested = countAt(ctx, state, item, 'total_lines_suggested', row);
      rec.linesAccepted = countAt(ctx, state, item, 'total_lines_accepted', row);
    },
  },
  dau: {
    map: (ctx, state, item, row, rec) => {
      rec.aiActiveUsers = countAt(ctx, state, item, 'dau', row);
    },
  },
};

function eventDay(ctx: FileContext, state: RowState, item: JsonRecord, row: number): string {
  const key = 'event_date' in item ? 'event_date' : 'date';
  const day = dayOf(item[key]);
  if (day === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `${key} ${JSON.stringify(item[key] ?? null)} is not a date.`,
      key,
    );
  }
  return day ?? '';
}

/** GET /analytics/team/{agent-edits|tabs|dau}. */
export function readCursorTeamSeries(ctx: FileContext, doc: JsonRecord, metric: string): void {
  const spec = TEAM[metric];
  if (spec === undefined) return;
  const team = textAt(recordAt(doc, 'params') ?? {}, 'teamId');
  const orgKey = team === null ? 'cursor-team' : `cursor-team:${team}`;
  arrayAt(doc, 'data').forEach((item, i) => {
    const row = i + 1;
    if (!isRecord(item)) return;
    const state: RowState = { bad: false };
    const day = eventDay(ctx, state, item, row);
    const rec = blankUsage(ctx, row, 'cursor', day, day, { kind: 'org', orgKey });
    spec.map(ctx, state, item, row, rec);
    if (spec.feature !== undefined) rec.feature = spec.feature;
    if (!state.bad) addUsage(ctx, rec);
  });
}

/** GET /analytics/by-user/{agent-edits|mcp|commands|plans|ask-mode}: data is keyed by email. */
export function readCursorByUser(ctx: FileContext, doc: JsonRecord, metric: string): void {
  const data = recordAt(doc, 'data') ?? {};
  let row = 0;
  for (const [email, entries] of Object.entries(data)) {
    const perDay = new Map<string, AiUsageRecord>();
    for (const item of Array.isArray(entries) ? entries : []) {
      row += 1;
      if (!isRecord(item)) continue;
      const state: RowState = { bad: false };
      const day = eventDay(ctx, state, item, row);
      const suggested = metric === 'agent-edits' ? countAt(ctx, state, item, 'suggested_lines', row) : null;
      const accepted = metric === 'agent-edits' ? countAt(ctx, state, item, 'accepted_lines', row) : null;
      const usage = metric === 'agent-edits' ? null : countAt(ctx, state, item, 'usage', row);
      if (state.bad) continue;
      const rec = perDay.get(day) ?? blankUsage(ctx, row, 'cursor', day, day, person({ email }));
      rec.feature = metric;
      if (metric === 'agent-edits') {
        rec.linesSuggested = (rec.linesSuggested ?? 0) + (suggested ?? 0);
        rec.linesAccepted = (rec.linesAccepted ?? 0) + (accepted ?? 0);
        rec.active = rec.active === true || (suggested ?? 0) + (accepted ?? 0) > 0;
      } else {
        rec.active = rec.active === true || (usage ?? 0) > 0;
      }
      perDay.set(day, rec);
    }
    for (const rec of perDay.values()) addUsage(ctx, rec);
  }
  notePagination(ctx, doc);
}
