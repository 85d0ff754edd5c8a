import { describe, expect, it } from 'vitest';
import { LADDER_PRESETS, getLadderPreset } from '@/lib/ladders/presets';
import { validateLadder } from '@/lib/ladders/validate';
import { getShortLadderRank, getTopIcRank, listIcRanks } from '@/lib/ladders/ladder-facts';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';

describe('ladder presets', () => {
  it.each(LADDER_PRESETS.map((l) => [l.id, l] as const))(
    '%s is a valid, JSON-serialisable ladder',
    (_id, ladder) => {
      expect(validateLadder(ladder)).toEqual({ ok: true, ladder });
      expect(JSON.parse(JSON.stringify(ladder))).toEqual(ladder);
    },
  );

  it('hands out copies, so editing one never changes the preset', () => {
    const copy = getLadderPreset('default');
    expect(copy).not.toBeNull();
    copy?.tracks[0]?.levels.pop();
    expect(DEFAULT_LADDER.tracks[0]?.levels).toHaveLength(8);
    expect(getLadderPreset('nope')).toBeNull();
  });

  it('default ladder: IC rungs 1-8, short ladder at IC3, top at IC8, staff at IC4', () => {
    expect(listIcRanks(DEFAULT_LADDER)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(getShortLadderRank(DEFAULT_LADDER)).toBe(3);
    expect(getTopIcRank(DEFAULT_LADDER)).toBe(8);
    expect(DEFAULT_LADDER.staffRank).toBe(4);
  });

  it('rejects broken edits with readable problems', () => {
    const broken = getLadderPreset('default');
    if (broken === null) throw new Error('preset missing');
    const ic = broken.tracks[0];
    if (ic === undefined) throw new Error('track missing');
    ic.levels.push({ code: 'IC1', label: 'again', rank: 0, synonyms: ['Senior'] });
    broken.titleRules.push({ words: ['wizard'], code: 'IC99' });
    const result = validateLadder(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'level code "IC1" is used twice',
      'track "Individual contributor": "IC1" ranks below the level before it',
      '"Senior" matches both "IC3" and "IC1"',
      'title rule "wizard" names unknown level "IC99"',
    ]);
    expect(validateLadder({ id: 'x' }).ok).toBe(false);
  });
});
