import { describe, expect, it } from 'vitest';
import type { OrgRecord } from '@/lib/metrics/types';
import { buildOrgTree } from '@/lib/metrics/tree';
import { computeOrgStructure, computeSubtreeStructure } from '@/lib/metrics/structure';
import { person } from './make-records';

/** Small deterministic PRNG (mulberry32) so the big tree is the same on every run. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('scale: nothing recursive', () => {
  it('a 100,000-deep chain', () => {
    const n = 100_000;
    const records: OrgRecord[] = [];
    for (let i = 0; i < n; i++) records.push(person(`p${i}`, i === 0 ? null : `p${i - 1}`));
    const tree = buildOrgTree(records);
    const m = computeOrgStructure(tree);
    expect(m.depth).toBe(n);
    expect(m.managers).toBe(n - 1);
    expect(m.managementLayers).toBe(n - 1);
    expect(m.pyramid).toHaveLength(n);
    expect(tree.subtreeSize[0]).toBe(n - 1);
    // The subtree under p50000 has 50,000 people and is its own 50,000-layer chain.
    expect(computeSubtreeStructure(tree, 'p50000')?.depth).toBe(50_000);
  });

  it('a 100,000-person reporting cycle is found and cut without recursion', () => {
    const n = 100_000;
    const records: OrgRecord[] = [];
    for (let i = 0; i < n; i++) records.push(person(`p${i}`, `p${(i + 1) % n}`));
    const tree = buildOrgTree(records);
    expect(tree.cycles).toHaveLength(1);
    expect(tree.cycles[0]).toHaveLength(n);
    expect(computeOrgStructure(tree).depth).toBe(n);
  });

  it('a 1,000,000-person random org', { timeout: 180_000 }, () => {
    const n = 1_000_000;
    const random = makeRandom(42);
    const records: OrgRecord[] = new Array<OrgRecord>(n);
    // Each person reports to someone among the 200 people hired just before them: a deep, bushy org.
    for (let i = 0; i < n; i++) {
      const manager = i === 0 ? null : `p${i - 1 - Math.floor(random() * Math.min(i, 200))}`;
      records[i] = person(`p${i}`, manager, { department: `d${i % 50}` });
    }
    const started = performance.now();
    const tree = buildOrgTree(records);
    const m = computeOrgStructure(tree);
    const elapsed = performance.now() - started;
    console.info(`1M-person tree + org structure: ${Math.round(elapsed)} ms`);
    expect(m.headcount).toBe(n);
    expect(m.roots).toBe(1);
    expect(m.managers + m.ics).toBe(n);
    expect(tree.subtreeSize[0]).toBe(n - 1);
  });
});
