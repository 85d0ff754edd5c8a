/** lib/views/target-references.ts: the published values the Targets page offers, with sources. */
import { describe, expect, it } from 'vitest';
import { buildTargetReferences, findPeakDepth } from '@/lib/views/target-references';

describe('target references', () => {
  it("offers McKinsey's archetypes, the 1:6-8 engineering ratio and the organisation's own peak", () => {
    const refs = buildTargetReferences({ depth: 7, asOf: '2024-03-31' });
    expect(refs.map((r) => [r.key, r.apply])).toEqual([
      ['archetype-player-coach', { spanMin: 3, spanMax: 5 }],
      ['archetype-coach', { spanMin: 6, spanMax: 7 }],
      ['archetype-supervisor', { spanMin: 8, spanMax: 10 }],
      ['archetype-facilitator', { spanMin: 11, spanMax: 15 }],
      // 15+ as published; no upper limit = the largest span a target may hold
      ['archetype-coordinator', { spanMin: 15, spanMax: 200 }],
      ['engineering-ratio', { spanMin: 6, spanMax: 8 }],
      ['own-peak-layers', { maxLayers: 7 }],
    ]);
    for (const r of refs) expect(r.source.length).toBeGreaterThan(10);
    expect(refs[0]?.source).toContain('McKinsey');
    expect(refs[6]?.source).toBe("This organisation's snapshots: the deepest was 7 layers, on 2024-03-31");
  });

  it('leaves the peak out without snapshots, and finds the first date of the deepest one', () => {
    expect(buildTargetReferences(null).map((r) => r.key)).not.toContain('own-peak-layers');
    expect(findPeakDepth([])).toBeNull();
    expect(
      findPeakDepth([
        { asOf: '2024-03-31', depth: 8 },
        { asOf: '2024-01-31', depth: 7 },
        { asOf: '2024-02-29', depth: 8 },
        { asOf: '2024-04-30', depth: 6 },
      ]),
    ).toEqual({ depth: 8, asOf: '2024-02-29' });
  });
});
