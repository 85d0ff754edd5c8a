import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { computeSubtreeLadderMetrics } from '@/lib/metrics/ladder';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { computeSubtreeStructure } from '@/lib/metrics/structure';
import type { OrgRecord } from '@/lib/metrics/types';
import {
  computeLeafPoint,
  computeUnitPoint,
  computeUnitPoints,
  decodeUnitPoint,
  encodeUnitPoint,
  isPointWithin,
  toSeriesStructure,
} from '@/lib/metrics/unit-points';
import { group, person, vacancy } from './make-records';

// boss M6
// ├── lead M4 (Eng)
// │   ├── a IC3   ├── b IC5   └── c IC5
// └── ops M4 (Ops)
//     ├── mgr M3 ── d IC2, e IC2
//     └── (vacant post)
const records: OrgRecord[] = [
  person('boss', null, { level: 'M6' }),
  person('lead', 'boss', { level: 'M4', department: 'Eng' }),
  person('a', 'lead', { level: 'IC3', department: 'Eng' }),
  person('b', 'lead', { level: 'IC5', department: 'Eng' }),
  person('c', 'lead', { level: 'IC5', department: 'Eng' }),
  person('ops', 'boss', { level: 'M4', department: 'Ops' }),
  person('mgr', 'ops', { level: 'M3', department: 'Ops' }),
  person('d', 'mgr', { level: 'IC2', department: 'Ops' }),
  person('e', 'mgr', { level: 'IC2', department: 'Ops' }),
  vacancy('v1', 'ops', { level: 'IC2', department: 'Ops' }),
];
const snap = prepareSnapshot('2026-01-31', records, DEFAULT_LADDER);
const points = new Map(computeUnitPoints(snap).map((p) => [p.id, p.point]));

describe('unit points (stored series figures per subtree)', () => {
  it('one per record with reports, none for leaves', () => {
    expect([...points.keys()].sort()).toEqual(['boss', 'lead', 'mgr', 'ops']);
  });

  it('hand-computed figures of the lead and ops subtrees', () => {
    const lead = points.get('lead');
    // lead + a, b, c: 4 people, one manager with a span of 3, two layers, one of them with a manager.
    expect(lead?.structure).toMatchObject({
      headcount: 4,
      managers: 1,
      ics: 3,
      depth: 2,
      managementLayers: 1,
      openPositions: 0,
    });
    expect(lead?.structure.span).toMatchObject({ mean: 3, median: 3 });
    // IC rungs 3 and 5: ladder depth 2, ceiling IC5.
    expect(lead?.ladder).toMatchObject({ icLadderDepth: 2, icCeiling: 'IC5' });
    expect(lead?.size).toBe(4);
    const ops = points.get('ops');
    // ops, mgr, d, e filled; the vacant post is an open position, not headcount.
    expect(ops?.structure).toMatchObject({ headcount: 4, managers: 2, ics: 2, depth: 3, openPositions: 1 });
    expect(ops?.size).toBe(5);
  });

  it('preorder arithmetic says who lies inside whose subtree', () => {
    const p = (id: string) => points.get(id) ?? { pre: -1, size: 0, structure: null, ladder: null };
    const boss = points.get('boss');
    const ops = points.get('ops');
    if (!boss || !ops) throw new Error('missing points');
    expect(isPointWithin(p('mgr'), ops)).toBe(true);
    expect(isPointWithin(p('lead'), ops)).toBe(false);
    expect(isPointWithin(p('lead'), boss)).toBe(true);
    expect(isPointWithin(ops, ops)).toBe(true);
  });

  it('what is stored reads back as the figures of the tree', () => {
    for (const [id, point] of points) {
      const decoded = decodeUnitPoint(JSON.parse(JSON.stringify(encodeUnitPoint(point))));
      const structure = computeSubtreeStructure(snap.tree, id, { declaredTracks: snap.levels.declared });
      if (!structure) throw new Error(id);
      expect(decoded?.structure).toEqual(toSeriesStructure(structure));
      expect(decoded?.ladder).toEqual(computeSubtreeLadderMetrics(snap.tree, snap.levels, id));
    }
  });

  it('an array of another format is not read (it is recomputed)', () => {
    expect(decodeUnitPoint([2, 0, 1])).toBeNull();
    expect(decodeUnitPoint({ headcount: 3 })).toBeNull();
  });

  it('a 100,000-deep chain stays linear: the largest subtrees are left to the tree', () => {
    const n = 100_000;
    const chain: OrgRecord[] = [];
    for (let i = 0; i < n; i++) chain.push(person(`p${i}`, i === 0 ? null : `p${i - 1}`));
    const deep = prepareSnapshot('2026-01-31', chain, DEFAULT_LADDER);
    const got = computeUnitPoints(deep);
    // Subtrees of 2, 3, ... records while their sum stays within 24 records per person.
    let spent = 0;
    let expected = 0;
    for (let size = 2; spent + size <= 24 * n; size++) {
      spent += size;
      expected++;
    }
    expect(got).toHaveLength(expected);
    expect(got.some((p) => p.id === 'p0')).toBe(false);
    expect(got[0]?.id).toBe(`p${n - 2}`);
  });

  it('a leaf computed from its record alone equals the leaf in its whole tree (random trees)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const levels = ['IC1', 'IC2', 'IC3', 'IC5', 'IC7', 'M3', 'M5', 'L4', 'Senior', null];
    let leaves = 0;
    for (let t = 0; t < 40; t++) {
      const n = 5 + Math.floor(rand() * 60);
      const recs: OrgRecord[] = [person('r0', null, { level: 'M6' })];
      for (let i = 1; i < n; i++) {
        const manager = `r${Math.floor(rand() * i)}`;
        const extra = {
          level: levels[Math.floor(rand() * levels.length)] ?? null,
          track: rand() < 0.2 ? ('ic' as const) : rand() < 0.1 ? ('manager' as const) : null,
          department: rand() < 0.5 ? 'Eng' : 'Ops',
          levelStartDate: rand() < 0.3 ? '2024-05-01' : null,
        };
        const roll = rand();
        if (roll < 0.1) recs.push(vacancy(`r${i}`, manager, extra));
        else if (roll < 0.15) recs.push(group(`r${i}`, manager, 3, extra));
        else recs.push(person(`r${i}`, manager, extra));
      }
      const whole = prepareSnapshot('2026-01-31', recs, DEFAULT_LADDER, { execLayers: 2 });
      for (let i = 0; i < whole.tree.size; i++) {
        if ((whole.tree.descendantCount[i] ?? 0) > 0) continue;
        const record = whole.tree.records[i];
        if (!record) continue;
        const inTree = computeUnitPoint(whole, i, { execLayers: 2 });
        const alone = computeLeafPoint('2026-01-31', record, DEFAULT_LADDER, { execLayers: 2 });
        expect(alone).toEqual(inTree && { ...inTree, pre: -1 });
        leaves++;
      }
    }
    expect(leaves).toBeGreaterThan(500);
  });
});
