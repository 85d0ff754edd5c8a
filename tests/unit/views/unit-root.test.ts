/**
 * A unit's root answered from stored rows (issue #13): the root facts stored with each unit point
 * (layer, manager, headcount), the label rule over them (lib/views/unit-root.ts) and the target
 * at the root's layer (lib/views/unit-target.ts targetAtLayer), against hand-computed values and
 * against the tree-based functions they stand in for.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import type { Targets } from '@/lib/metrics/targets';
import type { OrgRecord } from '@/lib/metrics/types';
import { computeUnitPoints, decodeUnitPoint, encodeUnitPoint } from '@/lib/metrics/unit-points';
import { unitLabel } from '@/lib/views/unit-labels';
import { storedRootLabel } from '@/lib/views/unit-root';
import { targetAtLayer, targetForUnit } from '@/lib/views/unit-target';
import { unitOf } from '@/lib/views/unit';
import { person, vacancy } from '../metrics/make-records';

// Boss (layer 1)
// ├── Lead (Eng) ── a, b, c
// ├── Ops (Ops) ── Mgr ── d, e
// │            └── (vacant post)
// └── Hollow ── (vacant post): a report, but no person-level one, so not a manager
const records: OrgRecord[] = [
  person('boss', null, { name: 'Boss' }),
  person('lead', 'boss', { name: 'Lead', department: 'Eng' }),
  person('a', 'lead'),
  person('b', 'lead'),
  person('c', 'lead'),
  person('ops', 'boss', { name: 'Ops', department: 'Ops' }),
  person('mgr', 'ops', { name: 'Mgr' }),
  person('d', 'mgr'),
  person('e', 'mgr'),
  vacancy('v1', 'ops'),
  person('hollow', 'boss', { name: 'Hollow' }),
  vacancy('v2', 'hollow'),
];
const snap = prepareSnapshot('2026-01-31', records, DEFAULT_LADDER);
const points = new Map(computeUnitPoints(snap).map((p) => [p.id, p.point]));

describe('root facts stored with unit points', () => {
  it('hand-computed layer, manager and headcount (the root if filled and everyone below)', () => {
    expect(Object.fromEntries([...points].map(([id, p]) => [id, p.root]))).toEqual({
      boss: { layer: 1, manager: true, headcount: 10 },
      lead: { layer: 2, manager: true, headcount: 4 },
      ops: { layer: 2, manager: true, headcount: 4 },
      mgr: { layer: 3, manager: true, headcount: 3 },
      hollow: { layer: 2, manager: false, headcount: 1 },
    });
  });

  it('read back from what is stored; a point stored before root facts reads without them', () => {
    const lead = points.get('lead');
    if (!lead) throw new Error('no lead point');
    const stored = JSON.parse(JSON.stringify(encodeUnitPoint(lead))) as unknown[];
    expect(stored[0]).toBe(3);
    expect(decodeUnitPoint(stored)?.root).toEqual({ layer: 2, manager: true, headcount: 4 });
    const older = encodeUnitPoint({ ...lead, root: undefined });
    expect(older[0]).toBe(2);
    expect(older).toHaveLength(stored.length - 3);
    const decoded = decodeUnitPoint(older);
    expect(decoded?.root).toBeUndefined();
    expect(decoded?.structure).toEqual(decodeUnitPoint(stored)?.structure);
    expect(decodeUnitPoint([3, ...older.slice(1)])).toBeNull();
  });
});

describe('the root label from stored facts', () => {
  const hr = { canSeePeople: true, settings: { minGroupSize: 5 } };
  const viewer = (minGroupSize: number) => ({ canSeePeople: false, settings: { minGroupSize } });
  const label = (who: typeof hr, id: string) => {
    const root = points.get(id)?.root;
    if (!root) throw new Error(id);
    return storedRootLabel(who, root, records.find((r) => r.employeeId === id)?.name ?? null);
  };

  it('people-seeing roles always get the name; a viewer only for a manager of a large enough unit', () => {
    expect(['boss', 'lead', 'hollow'].map((id) => label(hr, id))).toEqual(['Boss', 'Lead', 'Hollow']);
    // minimum 5: only Boss's 10 people; minimum 4: Lead and Ops (4 each) too, Mgr (3) never; Hollow is no manager.
    expect(['boss', 'lead', 'ops', 'mgr', 'hollow'].map((id) => label(viewer(5), id))).toEqual([
      'Boss',
      null,
      null,
      null,
      null,
    ]);
    expect(['boss', 'lead', 'ops', 'mgr', 'hollow'].map((id) => label(viewer(4), id))).toEqual([
      'Boss',
      'Lead',
      'Ops',
      null,
      null,
    ]);
  });

  it('equals the label the tree gives, for every root and reader', () => {
    for (const who of [hr, viewer(1), viewer(3), viewer(4), viewer(5), viewer(11)])
      for (const id of points.keys())
        expect(label(who, id), `${id} ${JSON.stringify(who)}`).toEqual(
          unitLabel(who, snap.tree, snap.tree.indexById.get(id) ?? -1),
        );
  });
});

describe('the target at the root layer', () => {
  const targets: Targets = {
    org: { spanMin: 4, spanMax: 8, maxLayers: 7 },
    departments: { Eng: { maxLayers: 5 } },
  };

  it('hand-computed: layers count from the root', () => {
    expect(targetAtLayer(targets, null, null)).toEqual({
      spanMin: 4,
      spanMax: 8,
      maxLayers: 7,
      source: 'organisation',
      note: null,
    });
    expect(targetAtLayer(targets, null, 1)?.maxLayers).toBe(7);
    expect(targetAtLayer(targets, null, 3)).toEqual({
      spanMin: 4,
      spanMax: 8,
      maxLayers: 5,
      source: 'organisation',
      note: "Layers count from the subtree's root, which sits on layer 3: the limit of 7 becomes 5 here.",
    });
    expect(targetAtLayer(targets, 'Eng', null)).toMatchObject({ maxLayers: 5, source: 'department' });
    // never below one layer
    expect(targetAtLayer(targets, 'Eng', 9)?.maxLayers).toBe(1);
    expect(targetAtLayer(null, null, 2)).toBeNull();
  });

  it('equals the tree-based target for every subtree', () => {
    for (const id of points.keys()) {
      const unit = unitOf(snap.tree, id, null);
      expect(targetAtLayer(targets, null, points.get(id)?.root?.layer ?? null)).toEqual(
        targetForUnit(targets, unit, snap),
      );
    }
  });
});
