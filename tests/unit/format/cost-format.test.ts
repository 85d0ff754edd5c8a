import { describe, expect, it } from 'vitest';
import { costHeading, exactAmount, formatAmount, formatCost, unitLabel, unitPhrase } from '@/lib/cost-format';

describe('cost formatter (issue #16: every money figure says its unit and period)', () => {
  it('says the unit and period of an amount', () => {
    expect(formatCost(31, { currency: 'USD', per: 'engineer', period: 'month' })).toBe(
      '$31 per engineer per month',
    );
    expect(formatCost(1_234_567, { currency: null, period: 'year' }, { compact: true })).toBe('1.2M a year');
    expect(formatCost(4.1, { currency: 'USD', per: 'PR' })).toBe('$4.10 per PR');
    expect(formatCost(96_000, { currency: null, per: 'IC', period: 'year' })).toBe('96,000 per IC per year');
    expect(formatCost(250, { currency: 'USD', period: 'period' })).toBe('$250 in the period');
    expect(formatCost(null, { currency: 'USD', per: 'PR' })).toBe('—');
  });

  it('keeps cents below 100 and whole units above, or the precision of the figures beside', () => {
    expect(formatAmount(19, 'USD')).toBe('$19');
    expect(formatAmount(0.5, 'USD')).toBe('$0.50');
    expect(formatAmount(1234.56, null)).toBe('1,235');
    expect(formatAmount(12.345, null)).toBe('12.35');
    expect(formatAmount(12.3, null, { scale: 50_000 })).toBe('12');
    expect(formatAmount(2_500_000, 'USD')).toBe('$2,500,000');
    expect(formatAmount(2_500_000, 'USD', { compact: true })).toBe('$2.5M');
    expect(exactAmount(2_500_000, null)).toBe('exactly 2,500,000');
    expect(exactAmount(999_999, null)).toBeUndefined();
  });

  it('signs differences with a true minus, and none on zero', () => {
    expect(formatAmount(-300, null)).toBe('\u2212300');
    expect(formatAmount(1200, null, { signed: true })).toBe('+1,200');
    expect(formatAmount(-0.001, null, { signed: true })).toBe('0');
    expect(formatAmount(0, 'USD', { signed: true })).toBe('$0');
  });

  it('names the unit of a column with its currency', () => {
    expect(unitPhrase({ currency: null, period: 'year' })).toBe('a year');
    expect(unitLabel({ currency: 'USD', per: 'engineer', period: 'month' })).toBe(
      'USD per engineer per month',
    );
    expect(unitLabel({ currency: null, period: 'year' })).toBe("a year, in the file's currency");
    expect(costHeading('Cost / merged PR', { currency: 'USD', per: 'PR' })).toBe(
      'Cost / merged PR (USD per PR)',
    );
  });
});
