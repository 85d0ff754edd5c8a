/** The larger edits (remove a layer, span merges) and the leader-scope check, on small-tree.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyOperations,
  findScopeViolation,
  parseScenarioOps,
  removeLayerUnder,
  suggestSpanMerges,
} from '@/lib/scenarios';
import type { OrgRecord } from '@/lib/metrics/types';
import { documentOf, figures, readSmallTree } from './small-tree';

let tree: OrgRecord[];
beforeAll(async () => {
  tree = await readSmallTree();
});

describe('remove the layer under X', () => {
  it('removes every manager reporting to A (B, C, K); their reports move up to A', () => {
    const ops = removeLayerUnder(tree, 'A');
    expect(ops).toEqual([
      { op: 'remove', id: 'B' },
      { op: 'remove', id: 'C' },
      { op: 'remove', id: 'K' },
    ]);
    const r = applyOperations(tree, ops);
    if (!r.ok) throw new Error(r.refusal.message);
    // 9 people: A manages D E F G J L (6), G manages H I (2): mean 8 / 2 = 4, median 4.
    expect(figures(documentOf(r.records))).toEqual({
      headcount: 9,
      managers: 2,
      ics: 7,
      depth: 3,
      managementLayers: 2,
      spanMean: 4,
      spanMedian: 4,
      openPositions: 0,
    });
  });

  it('under C only G is a manager (J is an IC); unknown X gives nothing', () => {
    expect(removeLayerUnder(tree, 'C')).toEqual([{ op: 'remove', id: 'G' }]);
    expect(removeLayerUnder(tree, 'NOBODY')).toEqual([]);
  });
});

describe('bring every manager in a unit to a span of at least N', () => {
  it('N = 2 under A: K (span 1) merges into the narrower sibling C (2 < B 3)', () => {
    expect(suggestSpanMerges(tree, 'A', 2)).toEqual([{ op: 'merge', from: 'K', into: 'C' }]);
  });

  it('N = 3 under A: after K into C, G (span 2) has no sibling manager and stays', () => {
    expect(suggestSpanMerges(tree, 'A', 3)).toEqual([{ op: 'merge', from: 'K', into: 'C' }]);
  });

  it('N = 4 under A: narrowest first, each suggestion assuming the ones before', () => {
    // K (1) -> C (2); then B 3 and C 3 tie: B (first by id) merges into C (6).
    const ops = suggestSpanMerges(tree, 'A', 4);
    expect(ops).toEqual([
      { op: 'merge', from: 'K', into: 'C' },
      { op: 'merge', from: 'B', into: 'C' },
    ]);
    expect(applyOperations(tree, ops).ok).toBe(true);
  });

  it('a unit whose managers are wide enough gets no suggestion', () => {
    expect(suggestSpanMerges(tree, 'A', 1)).toEqual([]);
    expect(suggestSpanMerges(tree, 'C', 3)).toEqual([]);
  });
});

describe('a leader changes only inside their subtree', () => {
  it('inside C: moves, levels and positions below C are fine', () => {
    expect(
      findScopeViolation(
        tree,
        [
          { op: 'move', id: 'H', to: 'J' },
          { op: 'set-level', id: 'G', level: 'M2' },
          { op: 'add', id: 'V9', manager: 'C' },
          { op: 'merge', from: 'G', into: 'J' },
        ],
        'C',
      ),
    ).toBeNull();
  });

  it('refuses a target outside, the root itself, and people outside', () => {
    expect(findScopeViolation(tree, [{ op: 'move', id: 'H', to: 'B' }], 'C')).toMatchObject({
      index: 0,
      reason: 'outside-scope',
    });
    expect(findScopeViolation(tree, [{ op: 'remove', id: 'C' }], 'C')?.reason).toBe('outside-scope');
    expect(findScopeViolation(tree, [{ op: 'set-level', id: 'D', level: 'IC3' }], 'C')?.reason).toBe(
      'outside-scope',
    );
    expect(findScopeViolation(tree, [{ op: 'add', id: 'V9', manager: 'K' }], 'C')?.reason).toBe(
      'outside-scope',
    );
  });
});

describe('the ops JSON', () => {
  it('accepts the five operations and names the bad one', () => {
    expect(
      parseScenarioOps([
        { op: 'move', id: 'a', to: 'b' },
        { op: 'remove', id: 'a' },
        { op: 'merge', from: 'a', into: 'b' },
        { op: 'add', id: 'v', manager: 'b', track: 'ic' },
        { op: 'set-level', id: 'a', level: 'IC3' },
      ]).ok,
    ).toBe(true);
    const bad = parseScenarioOps([
      { op: 'move', id: 'a', to: 'b' },
      { op: 'move', id: 'a' },
    ]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^operation #2/);
    expect(parseScenarioOps({ op: 'move' }).ok).toBe(false);
    expect(parseScenarioOps([{ op: 'teleport', id: 'a' }]).ok).toBe(false);
  });
});
