/**
 * Claude Code analytics (Anthropic Admin API GET /v1/organizations/usage_report/claude_code, as
 * downloaded `{data[], has_more}` or a bare array of records; and GET /v1/organizations/users).
 * One person row per actor per UTC day (records of one actor and day, e.g. per terminal, add up):
 *   subject        = actor.email_address (or the flattened actor_email_address); an API-key actor
 *                    (actor.type 'api_actor', api_key_name) has no person: it becomes the identity
 *                    'api-key:<name>', listed for review so it can be mapped to an employee
 *   agentUses      = core_metrics.num_sessions (every Claude Code session is agent use)
 *   linesAccepted  = core_metrics.lines_of_code.added (every Claude Code line is an AI line)
 *   commitsByAi    = core_metrics.commits_by_claude_code
 *   aiAssistedPrs  = core_metrics.pull_requests_by_claude_code
 *   suggestions    = Σ tool_actions.*.accepted + rejected (edits proposed), acceptances = Σ accepted
 *   spendUsd       = Σ model_breakdown[].estimated_cost.amount / 100 (cents, USD; another currency is
 *                    an error: Strata does not convert)
 *   extra          = lines_removed, <tool>_accepted / <tool>_rejected per tool action, sessions by
 *                    token kind are not kept (no use in Strata)
 * Users (`data[{id, email, role, added_at}]`) are seats: tool claude-code, assignedAt = added_at,
 * plan = role, no list price, asOf = the import date; 'billing' members cannot use Claude Code and hold no seat (warned).
 */
import type { AiSeatRecord, AiUsageRecord } from './types';
import {
  addUsage,
  blankUsage,
  countAt,
  fileIssue,
  person,
  rowIssue,
  roundMoney,
  type FileContext,
  type RowState,
} from './context';
import { arrayAt, dayOf, isRecord, recordAt, textAt, type JsonRecord } from './json-values';

const TOOL_ACTIONS = ['edit_tool', 'multi_edit_tool', 'notebook_edit_tool', 'write_tool'] as const;

/** The records of a usage-report document: `data[]`, or the value itself when it is an array. */
export function claudeRecords(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isRecord(value) ? arrayAt(value, 'data') : [];
}

function actorIdentity(rec: JsonRecord): string | null {
  const actor = recordAt(rec, 'actor');
  const email =
    textAt(rec, 'actor_email_address') ?? (actor === null ? null : textAt(actor, 'email_address'));
  if (email !== null) return email;
  const key = actor === null ? null : (textAt(actor, 'api_key_name') ?? textAt(actor, 'api_key_id'));
  return key === null ? null : `api-key:${key}`;
}

function add(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

/** Merge a second record of the same actor and day into the first. */
function merge(into: AiUsageRecord, rec: AiUsageRecord): void {
  into.agentUses = add(into.agentUses ?? null, rec.agentUses ?? null);
  into.linesAccepted = add(into.linesAccepted, rec.linesAccepted);
  into.commitsByAi = add(into.commitsByAi ?? null, rec.commitsByAi ?? null);
  into.aiAssistedPrs = add(into.aiAssistedPrs, rec.aiAssistedPrs);
  into.suggestions = add(into.suggestions, rec.suggestions);
  into.acceptances = add(into.acceptances, rec.acceptances);
  into.spendUsd =
    into.spendUsd === null && rec.spendUsd === null
      ? null
      : roundMoney((into.spendUsd ?? 0) + (rec.spendUsd ?? 0));
  into.active = into.active === true || rec.active === true;
  const extra: Record<string, number> = { ...(into.extra ?? {}) };
  for (const [k, v] of Object.entries(rec.extra ?? {})) extra[k] = (extra[k] ?? 0) + v;
  into.extra = Object.keys(extra).length > 0 ? extra : null;
}

/** One usage-report record in canonical form, or null when it is unusable (issues say why). */
function readRecord(ctx: FileContext, rec: JsonRecord, row: number): AiUsageRecord | null {
  const who = actorIdentity(rec);
  const day = dayOf(rec.date);
  if (who === null) {
    rowIssue(
      ctx,
      'error',
      'missing-subject',
      row,
      'actor.email_address (or actor.api_key_name) is missing.',
      'actor',
    );
    return null;
  }
  if (day === null) {
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `date ${JSON.stringify(rec.date ?? null)} is not a date (RFC 3339).`,
      'date',
    );
    return null;
  }
  const state: RowState = { bad: false };
  const core = recordAt(rec, 'core_metrics');
  const loc = core === null ? null : recordAt(core, 'lines_of_code');
  const c = (obj: JsonRecord | null, key: string, path: string) => countAt(ctx, state, obj, key, row, path);
  const out = blankUsage(ctx, row, 'claude-code', day, day, person({ email: who }));
  out.agentUses = c(core, 'num_sessions', 'core_metrics.num_sessions');
  out.linesAccepted = c(loc, 'added', 'core_metrics.lines_of_code.added');
  const removed = c(loc, 'removed', 'core_metrics.lines_of_code.removed');
  out.commitsByAi = c(core, 'commits_by_claude_code', 'core_metrics.commits_by_claude_code');
  out.aiAssistedPrs = c(core, 'pull_requests_by_claude_code', 'core_metrics.pull_requests_by_claude_code');
  const extra: Record<string, number> = {};
  if (removed !== null) extra.lines_removed = removed;
  const actions = recordAt(rec, 'tool_actions');
  let offered: number | null = null;
  let accepted: number | null = null;
  for (const tool of TOOL_ACTIONS) {
    const t = actions === null ? null : recordAt(actions, tool);
    const yes = c(t, 'accepted', `tool_actions.${tool}.accepted`);
    const no = c(t, 'rejected', `tool_actions.${tool}.rejected`);
    if (yes !== null) extra[`${tool}_accepted`] = yes;
    if (no !== null) extra[`${tool}_rejected`] = no;
    if (yes !== null || no !== null) {
      offered = (offered ?? 0) + (yes ?? 0) + (no ?? 0);
      accepted = (accepted ?? 0) + (yes ?? 0);
    }
  }
  out.suggestions = offered;
  out.acceptances = accepted;
  let cents: number | null = null;
  arrayAt(rec, 'model_breakdown').forEach((m, i) => {
    if (!isRecord(m)) return;
    const cost = recordAt(m, 'estimated_cost');
    const path = `model_breakdown[${i}].estimated_cost`;
    const amount = c(cost, 'amount', `${path}.amount`);
    const currency = cost === null ? null : textAt(cost, 'currency');
    if (currency !== null && currency.toUpperCase() !== 'USD') {
      state.bad = true;
      rowIssue(
        ctx,
        'error',
        'bad-currency',
        row,
        `${path}.currency is ${currency}; only USD costs can be added up.`,
        `${path}.currency`,
      );
      return;
    }
    if (amount !== null) cents = (cents ?? 0) + amount;
  });
  if (state.bad) return null;
  out.spendUsd = cents === null ? null : roundMoney(cents / 100);
  out.extra = Object.keys(extra).length > 0 ? extra : null;
  out.active = [out.agentUses, out.linesAccepted, offered, out.commitsByAi].some((v) => (v ?? 0) > 0);
  return out;
}

/**
 * Reads a Claude Code usage report: a page `{data[], has_more}`, a bare array of records, or NDJSON
 * (one record per line). Records of one actor and day are merged when the whole file is read.
 */
export function createClaudeCodeReader(ctx: FileContext): {
  onValue(value: unknown, row: number): void;
  finish(): void;
} {
  const perKey = new Map<string, AiUsageRecord>();
  let bad = false;
  let partial = false;
  const one = (item: unknown, row: number): void => {
    if (!isRecord(item)) {
      bad = true;
      rowIssue(ctx, 'error', 'bad-record', row, 'the record is not a JSON object.');
      return;
    }
    const rec = readRecord(ctx, item, row);
    if (rec === null) {
      bad = true;
      return;
    }
    const s = rec.subject;
    const key = `${s.kind === 'person' ? (s.email ?? '').toLowerCase() : ''}|${rec.periodStart}`;
    const first = perKey.get(key);
    if (first) merge(first, rec);
    else perKey.set(key, rec);
  };
  return {
    onValue(value, row) {
      if (isRecord(value) && value.has_more === true) partial = true;
      if (isRecord(value) && !Array.isArray(value.data)) one(value, row);
      else claudeRecords(value).forEach((item, i) => one(item, i + 1));
    },
    finish() {
      if (bad) return;
      for (const rec of perKey.values()) addUsage(ctx, rec);
      const apiKeys = [...perKey.values()].filter(
        (r) => r.subject.kind === 'person' && r.subject.email?.startsWith('api-key:'),
      );
      if (apiKeys.length > 0) {
        fileIssue(
          ctx,
          'warning',
          'api-key-actors',
          `${apiKeys.length} row(s) are usage by API keys, not people (identity "api-key:<name>"); map them to employees on the identity review screen, or list "api-key:<name>" in an identity file; until then they join nobody.`,
        );
      }
      if (partial) {
        fileIssue(
          ctx,
          'warning',
          'partial-page',
          'has_more is true: this is one page of the report; upload every page for complete numbers.',
        );
      }
    },
  };
}

/** GET /v1/organizations/users: the members who can use Claude Code, as seats. */
export function readClaudeUsers(ctx: FileContext, doc: JsonRecord): void {
  const seats: AiSeatRecord[] = [];
  let billing = 0;
  arrayAt(doc, 'data').forEach((u, i) => {
    const row = i + 1;
    if (!isRecord(u)) return;
    const email = textAt(u, 'email');
    if (email === null) {
      rowIssue(ctx, 'error', 'missing-subject', row, 'email is missing.', 'email');
      return;
    }
    const role = textAt(u, 'role');
    if (role === 'billing') {
      billing += 1;
      return;
    }
    seats.push({
      file: ctx.file,
      row,
      tool: 'claude-code',
      githubLogin: null,
      email,
      assignedAt: dayOf(u.added_at),
      lastActivityAt: null,
      plan: role,
      monthlyCostUsd: null,
      asOf: null,
    });
  });
  // The member list carries no as-of date (added_at is when each joined): it describes the day it was downloaded.
  for (const s of seats) ctx.seats.push({ ...s, asOf: ctx.today });
  if (billing > 0) {
    fileIssue(
      ctx,
      'warning',
      'billing-members',
      `${billing} billing-only member(s) cannot use Claude Code and hold no seat; skipped.`,
    );
  }
  if (doc.has_more === true) {
    fileIssue(
      ctx,
      'warning',
      'partial-listing',
      'has_more is true: this is one page of the member list; upload every page.',
    );
  }
}
