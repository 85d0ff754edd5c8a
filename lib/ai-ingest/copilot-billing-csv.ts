/**
 * The GitHub billing usage report CSV for Copilot (the premium-request / AI usage report: one row
 * per user x model x day; since June 2026 in AI credits). Documented columns (GitHub "Billing
 * reports reference"): date, product, sku, model, quantity, unit_type, applied_cost_per_quantity,
 * gross_amount, discount_amount, net_amount, username, organization, repository, cost_center_name,
 * plus exceeds_quota, total_monthly_quota and, in the usage-based-billing preview, aic_quantity and
 * aic_gross_amount. Rows are added up per username and day (models and SKUs together) into one
 * person row, feature 'billing' (rows without a username, as in the summarized report, into one
 * org row per organization and day, orgKey github-org:<organization>):
 *   spendUsd  = Σ net_amount: what the account is billed (gross_amount - discount_amount, as GitHub
 *               documents it). The included allowance that comes with each licence is the discount;
 *               licences are costed from the seat listing, so counting gross here would pay twice.
 *               When net_amount is absent: gross_amount - discount_amount.
 *   aiCredits = per row aic_quantity when filled (the AI credits a premium-request row is worth in
 *               the preview report), else quantity of AI-credit SKUs / units (since June 2026);
 *               premium-request rows without aic_quantity count in extra.premium_requests instead,
 *               so two units are never added together
 *   extra     = gross_amount_usd, discount_amount_usd, aic_gross_amount_usd, quantity, premium_requests
 *   active    = true when quantity or AI credits > 0, else unknown
 * Rows of other products (Actions, Packages …) and Copilot licence rows (seat fees, unit user-months)
 * are skipped with a warning.
 */
import { cleanText } from '@/lib/ingest/cell-values';
import type { AiUsageRecord } from './types';
import { addUsage, blankUsage, fileIssue, person, rowIssue, roundMoney, type FileContext } from './context';
import { dayOf } from './json-values';

const norm = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** True when CSV headers are GitHub's billing usage report. */
export function isCopilotBillingCsv(headers: string[]): boolean {
  const set = new Set(headers.map(norm));
  return (
    set.has('date') &&
    set.has('sku') &&
    (set.has('net_amount') || set.has('gross_amount') || set.has('aic_gross_amount')) &&
    (set.has('quantity') || set.has('aic_quantity'))
  );
}

const MONEY = [
  'quantity',
  'gross_amount',
  'discount_amount',
  'net_amount',
  'aic_quantity',
  'aic_gross_amount',
] as const;
type Money = (typeof MONEY)[number];

interface Sum {
  rec: AiUsageRecord;
  values: Record<Money, number | null>;
  /** premium requests (request-unit rows) */
  requests: number | null;
}

/** A streaming reader of one billing usage CSV (header cells given). */
export function createCopilotBillingCsvReader(ctx: FileContext, headers: string[]) {
  const col = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = norm(h);
    if (!col.has(k)) col.set(k, i);
  });
  const perKey = new Map<string, Sum>();
  let otherProducts = 0;
  let licences = 0;
  let bad = false;

  const cell = (cells: string[], name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : (cleanText(cells[i] ?? '') ?? '');
  };

  const onRow = (cells: string[], row: number): void => {
    if (cells.every((c) => c.trim() === '')) return;
    const product = cell(cells, 'product');
    if (product !== '' && !/copilot/i.test(product)) {
      otherProducts += 1;
      return;
    }
    const sku = cell(cells, 'sku');
    const unit = cell(cells, 'unit_type');
    if (
      /user[-_ ]?month|licen[cs]e|seat/i.test(`${unit} ${sku}`) &&
      !/request|credit/i.test(`${unit} ${sku}`)
    ) {
      licences += 1;
      return;
    }
    const rawDate = cell(cells, 'date');
    const day = dayOf(rawDate);
    const problems: Array<[string, string]> = [];
    if (day === null) problems.push(['date', `date "${rawDate}" is not a date (YYYY-MM-DD)`]);
    const values = {} as Record<Money, number | null>;
    for (const m of MONEY) {
      const raw = cell(cells, m);
      if (raw === '') {
        values[m] = null;
        continue;
      }
      const v = Number(raw.replace(/^\$/, ''));
      if (!Number.isFinite(v)) problems.push([m, `${m} "${raw}" is not a number`]);
      else if (v < 0 && m !== 'discount_amount') problems.push([m, `${m} is negative (${v})`]);
      values[m] = Number.isFinite(v) ? v : null;
    }
    const user = cell(cells, 'username');
    const org = cell(cells, 'organization');
    if (problems.length > 0 || day === null) {
      bad = true;
      for (const [column, text] of problems)
        rowIssue(ctx, 'error', 'bad-billing-row', row, `${text}.`, column);
      return;
    }
    const key = user !== '' ? `user:${user.toLowerCase()}|${day}` : `org:${org}|${day}`;
    let sum = perKey.get(key);
    if (sum === undefined) {
      const subject =
        user !== ''
          ? person({ githubLogin: user })
          : { kind: 'org' as const, orgKey: `github-org:${org === '' ? 'unknown' : org}` };
      const rec = blankUsage(ctx, row, 'copilot', day, day, subject);
      rec.feature = 'billing';
      sum = {
        rec,
        requests: null,
        values: {
          quantity: null,
          gross_amount: null,
          discount_amount: null,
          net_amount: null,
          aic_quantity: null,
          aic_gross_amount: null,
        },
      };
      perKey.set(key, sum);
    }
    for (const m of MONEY) {
      const v = values[m];
      if (v !== null) sum.values[m] = (sum.values[m] ?? 0) + v;
    }
    // Per row: the AI credits are aic_quantity where given, else the quantity of an AI-credit SKU; a
    // premium-request row without aic_quantity is counted in requests (extra), never mixed into credits.
    const isCredit = /credit/i.test(`${unit} ${sku}`);
    const credits = values.aic_quantity ?? (isCredit ? values.quantity : null);
    if (credits !== null) sum.rec.aiCredits = (sum.rec.aiCredits ?? 0) + credits;
    if (!isCredit && values.quantity !== null) sum.requests = (sum.requests ?? 0) + values.quantity;
  };

  const finish = (): void => {
    if (bad) return;
    for (const { rec, values: v, requests } of perKey.values()) {
      const net =
        v.net_amount ?? (v.gross_amount === null ? null : v.gross_amount - (v.discount_amount ?? 0));
      rec.spendUsd = net === null ? null : roundMoney(net);
      if (rec.aiCredits !== null && rec.aiCredits !== undefined) rec.aiCredits = roundMoney(rec.aiCredits);
      const extra: Record<string, number> = {};
      if (v.gross_amount !== null) extra.gross_amount_usd = roundMoney(v.gross_amount);
      if (v.discount_amount !== null) extra.discount_amount_usd = roundMoney(v.discount_amount);
      if (v.aic_gross_amount !== null) extra.aic_gross_amount_usd = roundMoney(v.aic_gross_amount);
      if (v.quantity !== null) extra.quantity = roundMoney(v.quantity);
      if (requests !== null) extra.premium_requests = roundMoney(requests);
      rec.extra = Object.keys(extra).length > 0 ? extra : null;
      if (rec.subject.kind === 'person')
        rec.active = (v.quantity ?? 0) > 0 || (rec.aiCredits ?? 0) > 0 ? true : null;
      addUsage(ctx, rec);
    }
    if (otherProducts > 0) {
      fileIssue(
        ctx,
        'warning',
        'other-products-skipped',
        `${otherProducts} row(s) of products other than Copilot were skipped.`,
      );
    }
    if (licences > 0) {
      fileIssue(
        ctx,
        'warning',
        'licence-rows-skipped',
        `${licences} Copilot licence row(s) (seat fees) were skipped: seats are costed from the seat listing, so counting them here would count them twice.`,
      );
    }
  };
  return { onRow, finish };
}
