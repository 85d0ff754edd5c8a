/**
 * GitHub Copilot billing usage (AI credits / premium requests) for one month:
 *  usageItems[] with a user -> one person row per user: spendUsd = sum of netAmount (after
 *    discounts: what is actually paid), active = true when any grossQuantity > 0, else unknown;
 *    aiCredits = Σ grossQuantity of items whose unitType is AI credits (premium-request items are
 *    counted in extra.premium_requests: another unit);
 *  usageItems[] without a user -> one org row (orgKey github-org:<organization>) with the sum;
 *  users[] (per-user summary) -> one person row per login with its netAmount.
 * Items of other products (Actions, Packages …) are skipped with a warning.
 * A month also covered by the daily billing usage CSV (copilot-billing-csv.ts) counts from the CSV:
 * the import sets these rows aside for that subject and month (lib/dal/ai-imports.ts).
 */
import { isoDate, monthEnd } from '@/lib/ingest/dates';
import type { AiSubject } from './types';
import {
  addUsage,
  blankUsage,
  countAt,
  fileIssue,
  person,
  roundMoney,
  type FileContext,
  type RowState,
} from './context';
import { arrayAt, isRecord, numberAt, recordAt, textAt, type JsonRecord } from './json-values';

function period(doc: JsonRecord): { start: string; end: string } | null {
  const tp = recordAt(doc, 'timePeriod');
  if (tp === null) return null;
  const y = numberAt(tp, 'year');
  const m = numberAt(tp, 'month');
  const d = numberAt(tp, 'day');
  if (y === null || m === null || Number.isNaN(y) || Number.isNaN(m)) return null;
  if (d !== null && !Number.isNaN(d)) {
    const day = isoDate(y, m, d);
    return day ? { start: day, end: day } : null;
  }
  const start = isoDate(y, m, 1);
  return start ? { start, end: monthEnd(y, m) } : null;
}

interface Sum {
  row: number;
  spend: number;
  used: boolean;
  credits: number | null;
  requests: number | null;
}

/** One billing usage file (items or per-user summary). */
export function readCopilotBilling(ctx: FileContext, doc: JsonRecord): void {
  const p = period(doc);
  if (p === null) {
    fileIssue(
      ctx,
      'error',
      'missing-period',
      'timePeriod {year, month} is missing or not a month; the spend cannot be dated.',
    );
    return;
  }
  const perKey = new Map<string, Sum>();
  const add = (
    key: string,
    row: number,
    spend: number | null,
    used: boolean,
    units: { credits?: number | null; requests?: number | null } = {},
  ): void => {
    const s = perKey.get(key) ?? { row, spend: 0, used: false, credits: null, requests: null };
    s.spend += spend ?? 0;
    s.used ||= used;
    if (units.credits != null) s.credits = (s.credits ?? 0) + units.credits;
    if (units.requests != null) s.requests = (s.requests ?? 0) + units.requests;
    perKey.set(key, s);
  };
  const orgKey = `github-org:${textAt(doc, 'organization') ?? textAt(doc, 'enterprise') ?? 'unknown'}`;
  let otherProducts = 0;
  let bad = false;
  arrayAt(doc, 'usageItems').forEach((item, i) => {
    const row = i + 1;
    if (!isRecord(item)) return;
    const product = textAt(item, 'product');
    if (product !== null && !/copilot/i.test(product)) {
      otherProducts += 1;
      return;
    }
    const state: RowState = { bad: false };
    const net = countAt(ctx, state, item, 'netAmount', row);
    const qty = countAt(ctx, state, item, 'grossQuantity', row);
    if (state.bad) {
      bad = true;
      return;
    }
    const user = textAt(item, 'user');
    const isCredit = /credit/i.test(textAt(item, 'unitType') ?? textAt(item, 'sku') ?? '');
    add(user === null ? `org:${orgKey}` : `user:${user}`, row, net, (qty ?? 0) > 0, {
      credits: isCredit ? qty : null,
      requests: isCredit ? null : qty,
    });
  });
  arrayAt(doc, 'users').forEach((u, i) => {
    const row = i + 1;
    if (!isRecord(u)) return;
    const login = textAt(u, 'login');
    const state: RowState = { bad: false };
    const net = countAt(ctx, state, u, 'netAmount', row);
    const items = countAt(ctx, state, u, 'itemCount', row);
    const gross = countAt(ctx, state, u, 'grossAmount', row);
    if (state.bad || login === null) {
      bad ||= state.bad;
      return;
    }
    add(`user:${login}`, row, net, (items ?? 0) > 0 || (gross ?? 0) > 0);
  });
  if (bad) return;
  for (const [key, s] of perKey) {
    const subject: AiSubject = key.startsWith('org:')
      ? { kind: 'org', orgKey: key.slice(4) }
      : person({ githubLogin: key.slice(5) });
    const rec = blankUsage(ctx, s.row, 'copilot', p.start, p.end, subject);
    rec.spendUsd = roundMoney(s.spend);
    if (s.credits !== null) rec.aiCredits = roundMoney(s.credits);
    if (s.requests !== null) rec.extra = { premium_requests: roundMoney(s.requests) };
    if (subject.kind === 'person') rec.active = s.used ? true : null;
    addUsage(ctx, rec);
  }
  if (otherProducts > 0) {
    fileIssue(
      ctx,
      'warning',
      'other-products-skipped',
      `${otherProducts} usage item(s) of products other than Copilot were skipped.`,
    );
  }
}
