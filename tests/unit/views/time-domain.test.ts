/** The time axis leaves room for bars centred on the first and last snapshot (issue #16). */
import { describe, expect, it } from 'vitest';
import { timeDomain } from '@/app/_components/charts/time-domain';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

describe('timeDomain', () => {
  it('lines run from the first to the last snapshot', () => {
    expect(timeDomain([t('2011-09-30'), t('2012-09-30')])).toEqual([t('2011-09-30'), t('2012-09-30')]);
  });

  it('bars get half the smallest gap beyond each end, so the last bar is not cut at the edge', () => {
    // Home Office delayering: events on 2011-09-30 and 2012-09-30 (gap 366 days); before, the
    // domain ended at 2012-09-30 and the bar centred there was drawn half outside the plot
    const [lo, hi] = timeDomain([t('2011-09-30'), t('2012-09-30'), t('2012-03-31')], true) ?? [0, 0];
    const gap = t('2012-03-31') - t('2011-09-30'); // the smallest gap, 183 days
    expect(lo).toBe(t('2011-09-30') - gap / 2);
    expect(hi).toBe(t('2012-09-30') + gap / 2);
  });

  it('one snapshot is padded so its mark is off the axis line; none has no domain', () => {
    expect(timeDomain([t('2024-01-31')])).toEqual([t('2024-01-31') - 14 * DAY, t('2024-01-31') + 14 * DAY]);
    expect(timeDomain([t('2024-01-31')], true)).toEqual([
      t('2024-01-31') - 30 * DAY,
      t('2024-01-31') + 30 * DAY,
    ]);
    expect(timeDomain([])).toBeNull();
  });
});
