/**
 * How money reads on screen: one formatter for every cost figure (AI page, Structure cost card,
 * scenario cost panel), so each amount says its currency, what it is for and over which period, the
 * same way everywhere: "$31 per engineer per month", "1.2M a year", "$4.10 per PR".
 *
 * Amounts from an organogram are in the imported file's currency (unknown to Strata: no symbol);
 * AI tools bill in US dollars. Pure: no locale of the reader (amounts read as in English, as the
 * rest of the figures do).
 */

export type CostCurrency = 'USD' | null;
export type CostPeriod = 'year' | 'month' | 'period';

export interface CostUnit {
  /** 'USD' for AI spend; null for the imported file's currency (no symbol) */
  currency: CostCurrency;
  /** what one amount is for ('engineer', 'IC', 'PR', 'seat'); none = a total */
  per?: string;
  /** the time an amount covers; none = a one-off ratio such as cost per merged PR */
  period?: CostPeriod;
}

export interface AmountOptions {
  /** compact from a million up ("1.2M"), for headline figures and chart axes */
  compact?: boolean;
  /** the figures this amount is shown beside (a difference keeps their precision) */
  scale?: number;
  /** a sign on every non-zero amount ("+1,200", "−300"), for differences */
  signed?: boolean;
}

const MINUS = '\u2212';

/**
 * An amount without its unit: whole units from 100 on ("1,234", "$31"), cents below ("$4.10",
 * "0.50"), compact from a million when asked ("$1.2M"). Negative amounts take a true minus sign.
 */
export function formatAmount(v: number, currency: CostCurrency, options: AmountOptions = {}): string {
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const scale = Math.max(abs, Math.abs(options.scale ?? 0));
  const cents = Math.round(abs * 100) / 100;
  let body: string;
  if (options.compact && abs >= 1_000_000) {
    body = abs.toLocaleString('en', { notation: 'compact', maximumFractionDigits: 1 });
  } else if (scale >= 100 || Number.isInteger(cents)) {
    body = Math.round(abs).toLocaleString('en');
  } else {
    body = cents.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const text = `${currency === 'USD' ? '$' : ''}${body}`;
  if (/^0(\.00)?$/.test(body)) return text;
  if (v < 0) return `${MINUS}${text}`;
  return options.signed ? `+${text}` : text;
}

/** What an amount is for and over which period: "per engineer per month", "a year", "per PR". */
export function unitPhrase(unit: CostUnit): string {
  const parts: string[] = [];
  if (unit.per) parts.push(`per ${unit.per}`);
  if (unit.period === 'period') parts.push('in the period');
  else if (unit.period) parts.push(unit.per ? `per ${unit.period}` : `a ${unit.period}`);
  return parts.join(' ');
}

/**
 * The unit of a column or a row of amounts, with the currency: "USD per engineer per month",
 * "a year, in the file's currency", "USD per PR".
 */
export function unitLabel(unit: CostUnit): string {
  const phrase = unitPhrase(unit);
  if (unit.currency === 'USD') return phrase ? `USD ${phrase}` : 'USD';
  return phrase ? `${phrase}, in the file's currency` : "in the file's currency";
}

/** A column heading that says its unit: "Annual cost (a year)" stays as given when the label already says it. */
export function costHeading(label: string, unit: CostUnit): string {
  return `${label} (${unitLabel(unit)})`;
}

/** An amount with its unit: "$31 per engineer per month", "1.2M a year", "$4.10 per PR"; null = a dash. */
export function formatCost(
  v: number | null | undefined,
  unit: CostUnit,
  options: AmountOptions = {},
): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const phrase = unitPhrase(unit);
  const amount = formatAmount(v, unit.currency, options);
  return phrase ? `${amount} ${phrase}` : amount;
}

/** The exact amount under a compact headline ("exactly 47,612,300"), or nothing when it is not compacted. */
export function exactAmount(v: number, currency: CostCurrency): string | undefined {
  return Math.abs(v) >= 1_000_000 ? `exactly ${formatAmount(v, currency)}` : undefined;
}
