/** The one wording of a hidden figure (lib/privacy/hidden-text.ts, issue #16). */
import { describe, expect, it } from 'vitest';
import {
  hiddenPairText,
  hiddenReasonsText,
  hiddenRule,
  hiddenSentence,
  hiddenText,
  isHiddenText,
} from '@/lib/privacy/hidden-text';

const small = { minGroupSize: 5, reason: 'small' as const };
const complement = { minGroupSize: 5, reason: 'complement' as const };

describe('hiddenText', () => {
  it('calls a group under the minimum small, with the noun of what it counts', () => {
    expect(hiddenText(small)).toBe('fewer than 5 people');
    expect(hiddenText({ ...small, minGroupSize: 7 }, 'ICs')).toBe('fewer than 7 ICs');
    expect(hiddenText(small, 'managers')).toBe('fewer than 5 managers');
    expect(hiddenText(small, 'engineers')).toBe('fewer than 5 engineers');
    expect(hiddenText(small, 'promotions')).toBe('fewer than 5 promotions');
  });

  it('never calls a complement-hidden group small, whatever the noun', () => {
    expect(hiddenText(complement)).toBe('hidden so a smaller group cannot be worked out');
    expect(hiddenText(complement, 'ICs')).toBe('hidden so a smaller group cannot be worked out');
    expect(hiddenText(complement)).not.toMatch(/fewer than/);
  });

  it('starts a sentence', () => {
    expect(hiddenSentence(small)).toBe('Fewer than 5 people');
    expect(hiddenSentence(complement)).toBe('Hidden so a smaller group cannot be worked out');
  });

  it('names the reasons present among several hidden groups, once each', () => {
    expect(hiddenReasonsText([small, small])).toBe('fewer than 5 people');
    expect(hiddenReasonsText([complement])).toBe('hidden so a smaller group cannot be worked out');
    expect(hiddenReasonsText([complement, small], 'ICs')).toBe(
      'fewer than 5 ICs, or hidden so a smaller group cannot be worked out',
    );
    expect(hiddenReasonsText([])).toBe('');
  });
});

describe('the rule on a definition or a report cover', () => {
  it('names both reasons, not only "fewer than N"', () => {
    expect(hiddenRule(5)).toBe(
      'Figures about fewer than 5 people, and figures that would let one be worked out, are hidden',
    );
    expect(hiddenRule(7, 'managers', 'rows')).toBe(
      'Rows about fewer than 7 managers, and rows that would let one be worked out, are hidden',
    );
  });

  it("recognises a hidden cell's text, whatever the reason", () => {
    expect(isHiddenText(hiddenText(small, 'ICs'))).toBe(true);
    expect(isHiddenText(hiddenText(complement))).toBe(true);
    expect(isHiddenText('Fewer than 5 people')).toBe(true);
    expect(isHiddenText('Platform')).toBe(false);
  });
});

describe('two groups that add up to a whole (AI users and non-users)', () => {
  it('says one of them is small and both are hidden, never which one', () => {
    expect(hiddenPairText(5, 'engineers')).toBe(
      'one of the two groups is fewer than 5 engineers, so both are hidden (either would give the other away)',
    );
  });
});
