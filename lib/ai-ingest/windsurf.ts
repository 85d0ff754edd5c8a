/**
 * Windsurf (Codeium) Analytics API responses. Numbers arrive as JSON strings ("45"); dates as
 * YYYY-MM-DD. People are identified by a hashed api_key, which only UserPageAnalytics maps to an
 * email, so per-key rows are attributed when the whole upload has been read (resolveApiKeys):
 *   UserPageAnalytics  {userTableStats[{email, apiKey, signupTime, lastUpdateTime, last*UsageTime,
 *                      disableCodeium?}]} -> the api-key -> email map, and seats (tool windsurf,
 *                      assignedAt = signupTime, lastActivityAt = newest last*UsageTime, no price;
 *                      disableCodeium users hold no seat)
 *   CustomAnalytics autocomplete {queryResults[{responseItems[{item{api_key, date,
 *                      sum_num_acceptances, sum_num_lines_accepted, language, ide}}]}]}
 *                      -> person per day (items of a key and day add up): acceptances, linesAccepted;
 *                      feature 'autocomplete'. (num_acceptances / num_lines_accepted: older names.)
 *                      A key in no uploaded user list stays as the identity (warned).
 *   CustomAnalytics chat  item{api_key, date, sum_chat_loc_used, sum_num_chats_received}
 *                      -> person per day: linesAccepted = chat lines used, extra.chats_received;
 *                      feature 'chat'
 *   CustomAnalytics percent code written  item{date, percent_code_written, codeium_bytes,
 *                      user_bytes, total_bytes, ...} -> org row per day (api_key when given -> person):
 *                      extra.codeium_bytes / user_bytes / total_bytes (AI share of code =
 *                      Σ codeium_bytes / Σ total_bytes; bytes, not lines, so linesTotal stays null);
 *                      feature 'percent-code-written'
 *   CascadeAnalytics lines {queryResults[{cascadeLines{cascadeLines[{day, linesSuggested,
 *                      linesAccepted}]}}]} -> org row per day (the reply names no user), feature 'cascade'
 *   CascadeAnalytics runs  {queryResults[{cascadeRuns{cascadeRuns[{day, cascadeId, messagesSent,
 *                      promptsUsed}]}}]} -> org row per day: agentUses = distinct cascadeId (runs),
 *                      extra.messages_sent / prompts_used; feature 'cascade-runs'
 * Org rows use orgKey 'windsurf'.
 */
import type { Issue } from '@/lib/ingest/types';
import type { AiUsageRecord } from './types';
import { addUsage, blankUsage, countAt, person, rowIssue, type FileContext, type RowState } from './context';
import { arrayAt, dayOf, isRecord, recordAt, textAt, type JsonRecord } from './json-values';

const ORG_KEY = 'windsurf';

/** The first queryResults element, or null. */
export function windsurfResult(doc: JsonRecord): JsonRecord | null {
  const first = arrayAt(doc, 'queryResults')[0];
  return isRecord(first) ? first : null;
}

/** Every responseItems[].item of every query result. */
function responseItems(doc: JsonRecord): JsonRecord[] {
  const out: JsonRecord[] = [];
  for (const q of arrayAt(doc, 'queryResults')) {
    if (!isRecord(q)) continue;
    for (const r of arrayAt(q, 'responseItems')) {
      const item = isRecord(r) ? recordAt(r, 'item') : null;
      if (item) out.push(item);
    }
  }
  return out;
}

/** Which CustomAnalytics data source a file holds, from its first item's fields. */
export function windsurfCustomKind(doc: JsonRecord): 'autocomplete' | 'chat' | 'pcw' | null {
  const item = responseItems(doc)[0];
  if (!item) return null;
  const keys = Object.keys(item);
  if (keys.some((k) => /num_acceptances|num_lines_accepted/.test(k))) return 'autocomplete';
  if (keys.some((k) => /chat_loc_used|num_chats_received/.test(k))) return 'chat';
  if (keys.some((k) => /percent_code_written|codeium_bytes/.test(k))) return 'pcw';
  return null;
}

/** A count that may have the aggregation prefix (sum_num_acceptances) or not (num_acceptances). */
function prefixed(
  ctx: FileContext,
  state: RowState,
  item: JsonRecord,
  name: string,
  row: number,
): number | null {
  for (const key of [`sum_${name}`, name]) {
    if (key in item) return countAt(ctx, state, item, key, row);
  }
  return null;
}

function dayField(ctx: FileContext, state: RowState, item: JsonRecord, key: string, row: number): string {
  const day = dayOf(item[key]);
  if (day === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `${key} ${JSON.stringify(item[key] ?? null)} is not a date (YYYY-MM-DD).`,
      key,
    );
  }
  return day ?? '';
}

function addExtra(rec: AiUsageRecord, key: string, v: number | null): void {
  if (v === null) return;
  rec.extra = { ...(rec.extra ?? {}), [key]: (rec.extra?.[key] ?? 0) + v };
}

const plus = (a: number | null, b: number | null): number | null => (b === null ? a : (a ?? 0) + b);

/** CustomAnalytics autocomplete / chat / percent-code-written. */
export function readWindsurfCustom(
  ctx: FileContext,
  doc: JsonRecord,
  kind: 'autocomplete' | 'chat' | 'pcw',
): void {
  const perKey = new Map<string, AiUsageRecord>();
  const keys = new Map<AiUsageRecord, string>();
  let bad = false;
  responseItems(doc).forEach((item, i) => {
    const row = i + 1;
    const state: RowState = { bad: false };
    const day = dayField(ctx, state, item, 'date', row);
    const apiKey = textAt(item, 'api_key');
    if (apiKey === null && kind !== 'pcw') {
      state.bad = true;
      rowIssue(ctx, 'error', 'missing-subject', row, 'api_key is missing.', 'api_key');
    }
    const feature = kind === 'pcw' ? 'percent-code-written' : kind;
    const id = `${apiKey ?? ''}|${day}`;
    const rec =
      perKey.get(id) ??
      blankUsage(
        ctx,
        row,
        'windsurf',
        day,
        day,
        apiKey === null ? { kind: 'org', orgKey: ORG_KEY } : person({}),
      );
    rec.feature = feature;
    if (kind === 'autocomplete') {
      const acc = prefixed(ctx, state, item, 'num_acceptances', row);
      const lines = prefixed(ctx, state, item, 'num_lines_accepted', row);
      if (state.bad) return void (bad = true);
      rec.acceptances = plus(rec.acceptances, acc);
      rec.linesAccepted = plus(rec.linesAccepted, lines);
    } else if (kind === 'chat') {
      const lines = prefixed(ctx, state, item, 'chat_loc_used', row);
      const chats = prefixed(ctx, state, item, 'num_chats_received', row);
      if (state.bad) return void (bad = true);
      rec.linesAccepted = plus(rec.linesAccepted, lines);
      addExtra(rec, 'chats_received', chats);
    } else {
      const vals = [
        'codeium_bytes',
        'user_bytes',
        'total_bytes',
        'codeium_bytes_by_autocomplete',
        'codeium_bytes_by_command',
      ].map((k) => [k, prefixed(ctx, state, item, k, row)] as const);
      if (state.bad) return void (bad = true);
      for (const [k, v] of vals) addExtra(rec, k, v);
    }
    if (rec.subject.kind === 'person') {
      const used =
        (rec.acceptances ?? 0) +
        (rec.linesAccepted ?? 0) +
        (rec.extra?.chats_received ?? 0) +
        (rec.extra?.codeium_bytes ?? 0);
      rec.active = rec.active === true || used > 0;
    }
    perKey.set(id, rec);
    if (apiKey !== null) keys.set(rec, apiKey);
  });
  if (bad) return;
  for (const rec of perKey.values()) {
    const key = keys.get(rec);
    if (key !== undefined) ctx.pendingApiKeys.push({ rec, apiKey: key, tool: 'windsurf' });
    else addUsage(ctx, rec, { checkLines: false });
  }
}

/** CascadeAnalytics lines or runs (no user in the reply): org rows per day. */
export function readWindsurfCascade(ctx: FileContext, doc: JsonRecord, kind: 'lines' | 'runs'): void {
  const perDay = new Map<string, AiUsageRecord>();
  const runs = new Map<string, Set<string>>();
  let bad = false;
  let row = 0;
  for (const q of arrayAt(doc, 'queryResults')) {
    if (!isRecord(q)) continue;
    const outer = recordAt(q, kind === 'lines' ? 'cascadeLines' : 'cascadeRuns');
    const items = outer === null ? [] : arrayAt(outer, kind === 'lines' ? 'cascadeLines' : 'cascadeRuns');
    for (const item of items) {
      row += 1;
      if (!isRecord(item)) continue;
      const state: RowState = { bad: false };
      const day = dayField(ctx, state, item, 'day', row);
      const rec =
        perDay.get(day) ?? blankUsage(ctx, row, 'windsurf', day, day, { kind: 'org', orgKey: ORG_KEY });
      if (kind === 'lines') {
        rec.feature = 'cascade';
        const sug = countAt(ctx, state, item, 'linesSuggested', row);
        const acc = countAt(ctx, state, item, 'linesAccepted', row);
        if (state.bad) {
          bad = true;
          continue;
        }
        rec.linesSuggested = plus(rec.linesSuggested, sug);
        rec.linesAccepted = plus(rec.linesAccepted, acc);
      } else {
        rec.feature = 'cascade-runs';
        const messages = countAt(ctx, state, item, 'messagesSent', row);
        const prompts = countAt(ctx, state, item, 'promptsUsed', row);
        if (state.bad) {
          bad = true;
          continue;
        }
        const ids = runs.get(day) ?? new Set<string>();
        ids.add(textAt(item, 'cascadeId') ?? `row-${row}`);
        runs.set(day, ids);
        rec.agentUses = ids.size;
        addExtra(rec, 'messages_sent', messages);
        addExtra(rec, 'prompts_used', prompts);
      }
      perDay.set(day, rec);
    }
  }
  if (bad) return;
  for (const rec of perDay.values()) addUsage(ctx, rec);
}

/** UserPageAnalytics: the api-key -> email map, and seats. */
export function readWindsurfUsers(ctx: FileContext, doc: JsonRecord): void {
  let disabled = 0;
  arrayAt(doc, 'userTableStats').forEach((u, i) => {
    const row = i + 1;
    if (!isRecord(u)) return;
    const email = textAt(u, 'email');
    const apiKey = textAt(u, 'apiKey');
    if (email === null) {
      rowIssue(ctx, 'error', 'missing-subject', row, 'email is missing.', 'email');
      return;
    }
    if (apiKey !== null) ctx.apiKeyEmails.set(apiKey, email);
    if (u.disableCodeium === true) {
      disabled += 1;
      return;
    }
    const last = ['lastAutocompleteUsageTime', 'lastChatUsageTime', 'lastCommandUsageTime']
      .map((k) => dayOf(u[k]))
      .reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);
    ctx.seats.push({
      file: ctx.file,
      row,
      tool: 'windsurf',
      githubLogin: null,
      email,
      assignedAt: dayOf(u.signupTime),
      lastActivityAt: last,
      plan: null,
      monthlyCostUsd: null,
      asOf: dayOf(u.lastUpdateTime),
    });
  });
  const asOf = ctx.seats.reduce<string | null>(
    (a, s) => (s.asOf !== null && (a === null || s.asOf > a) ? s.asOf : a),
    null,
  );
  ctx.seats = ctx.seats.map((s) => ({ ...s, asOf: asOf ?? ctx.today }));
  if (disabled > 0) {
    ctx.issues.add({
      severity: 'warning',
      code: 'disabled-users',
      message: `${ctx.file}: ${disabled} user(s) have Windsurf disabled (disableCodeium) and hold no seat; their api keys still attribute usage.`,
      file: ctx.file,
    });
  }
}

/** A row waiting for its api key to be resolved to an email. */
export interface PendingApiKey {
  rec: AiUsageRecord;
  apiKey: string;
  tool: string;
}

/**
 * After every file of an upload is read: give per-api-key rows the email UserPageAnalytics maps the
 * key to. Rows whose key is in no map keep the api key itself as their identity (an identity file's
 * "Windsurf API key" column, or the identity review screen, can then map it to an employee), with
 * one warning per file saying how to attribute them.
 */
export function resolveApiKeys(
  pending: readonly PendingApiKey[],
  emails: ReadonlyMap<string, string>,
  issues: Issue[],
): AiUsageRecord[] {
  const kept: AiUsageRecord[] = [];
  const missing = new Map<string, Set<string>>();
  for (const p of pending) {
    const email = emails.get(p.apiKey);
    if (email !== undefined) {
      kept.push({ ...p.rec, subject: person({ email }) });
      continue;
    }
    kept.push({ ...p.rec, subject: person({ email: p.apiKey }) });
    const set = missing.get(p.rec.file) ?? new Set<string>();
    set.add(p.apiKey);
    missing.set(p.rec.file, set);
  }
  for (const [file, keys] of missing) {
    const n = pending.filter((p) => p.rec.file === file && keys.has(p.apiKey)).length;
    issues.push({
      severity: 'warning',
      code: emails.size === 0 ? 'no-api-key-map' : 'unknown-api-key',
      message:
        emails.size === 0
          ? `${file}: ${n} row(s) name people only by Windsurf api_key, and no user list came with the upload; they are kept under the api key, which joins nobody until it is mapped. Upload the UserPageAnalytics reply (userTableStats, which maps api keys to emails) together with this file, or map the keys in an identity file.`
          : `${file}: ${n} row(s) of ${keys.size} api key(s) not in the uploaded UserPageAnalytics list (${[...keys].slice(0, 3).join(', ')}${keys.size > 3 ? ', …' : ''}) are kept under the api key, which joins nobody until it is mapped; upload a user list that covers them, or map the keys in an identity file.`,
      file,
    });
  }
  return kept;
}
