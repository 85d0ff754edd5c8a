/**
 * A unit's columns from its rows stored in preorder (lib/views/people-rows.ts unitColumnsOf) and the
 * Structure dashboard over them (structureFrom): the views fixture with a vacant management post
 * (V, under P, with a report v1), an open requisition (a vacant leaf under S), 2.5 FTE of junior
 * staff under E (an aggregated row) and costs on everyone but s3. Hand-computed columns for E's
 * subtree, and every manager's subtree for hr and a viewer equal to the tree path's answer.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';
import { computePeopleOrder } from '@/lib/metrics/people-order';
import { NodeKind } from '@/lib/metrics/roles';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { costUnitOf } from '@/lib/views/cost';
import { isUnitShown } from '@/lib/views/floor';
import { unitColumnsOf } from '@/lib/views/people-rows';
import { assembleOffTarget, offTargetFrom } from '@/lib/views/off-target';
import { assembleStructure, structureFrom, structureUnitOf } from '@/lib/views/structure';
import { targetForUnit } from '@/lib/views/unit-target';
import { computeUnitStructure } from '@/lib/views/unit-metrics';
import { NOW, NOW_ROWS, SETTINGS, viewContext } from '../../fixtures/views/org';
import { person, vacancy } from '../metrics/make-records';

const rows = [
  ...NOW_ROWS,
  vacancy('V', 'P', { department: 'Eng', level: 'M1' }),
  person('v1', 'V', { name: 'Vic One', department: 'Eng', level: 'IC2' }),
  vacancy('r1', 'S', { department: 'Sales' }),
  person('J', 'E', { department: 'Eng', aggregatedCount: 2.5, level: 'IC1' }),
].map((r) => ({ ...r, annualCost: r.employeeId === 's3' ? null : 100_000 }));
const snap = prepareSnapshot(NOW, rows, DEFAULT_LADDER, { execLayers: SETTINGS.execLayers });
const stored = computePeopleOrder(snap, null);

/** The stored rows of a subtree: its range in preorder. */
function rangeOf(id: string) {
  const root = stored.find((r) => r.employeeId === id);
  return stored.slice(root?.pre ?? 0, (root?.pre ?? 0) + (root?.size ?? 0));
}

describe('unitColumnsOf', () => {
  it('gives E’s subtree in tree order with preorder nodes, weights and the headcount below', () => {
    const u = unitColumnsOf(rangeOf('E'));
    expect(u).not.toBeNull();
    if (u === null) return;
    const ids = u.t.records.map((r) => r.employeeId);
    // tree order (the file's row order here): E, e1..e4, then the aggregated row J
    expect(ids).toStrictEqual(['E', 'e1', 'e2', 'e3', 'e4', 'J']);
    expect([...u.nodes].map((j) => ids[j])[0]).toBe('E');
    expect([...u.t.weight]).toStrictEqual([1, 1, 1, 1, 1, 0]);
    expect([...u.t.aggregated]).toStrictEqual([0, 0, 0, 0, 0, 1]);
    expect([...u.t.fte]).toStrictEqual([0, 0, 0, 0, 0, 2.5]);
    expect([...u.t.subtreeSize]).toStrictEqual([4, 0, 0, 0, 0, 0]);
    expect(u.t.kind[0]).toBe(NodeKind.managerOfIcs);
    expect(u.t.span[0]).toBe(4);
    expect(u.t.maxLayer).toBe(4);
  });

  it('counts a vacant management post as a report but not as headcount', () => {
    const u = unitColumnsOf(rangeOf('P'));
    if (u === null) throw new Error('P is one range');
    const at = (id: string) => u.t.records.findIndex((r) => r.employeeId === id);
    expect(u.t.span[at('P')]).toBe(4); // E, Q, p1 and the vacant post V
    expect(u.t.weight[at('V')]).toBe(0);
    expect(u.t.kind[at('V')]).toBe(NodeKind.vacant);
    // E and its 4 reports, Q and its 2, p1, and v1 below the vacant post (which weighs 0)
    expect(u.t.subtreeSize[at('P')]).toBe(5 + 3 + 1 + 1);
    expect(u.t.subtreeSize[at('P')]).toBe(snap.tree.subtreeSize[snap.tree.indexById.get('P') ?? -1]);
  });

  it('refuses rows that are not one range holding their subtrees', () => {
    expect(unitColumnsOf(rangeOf('P').slice(0, 3))).toBeNull();
  });
});

describe('structureFrom over stored rows', () => {
  const managers = stored.filter((r) => r.size > 1).map((r) => r.employeeId);
  it.each(['hr', 'viewer'] as const)('equals the tree path for every manager’s subtree (%s)', (reader) => {
    for (const id of managers) {
      const ctx = viewContext(snap, { subtree: id }, reader);
      const s = computeUnitStructure(snap, ctx.unit, SETTINGS.execLayers);
      const u = unitColumnsOf(rangeOf(id));
      if (u === null) throw new Error(`${id} is one range`);
      const floor = ctx.floor;
      const fromRows = structureFrom(
        ctx,
        {
          t: u.t,
          nodes: u.nodes,
          layerShift: (snap.tree.layer[ctx.unit.rootIndex] ?? 1) - 1,
          declared: new Uint8Array(u.t.size),
          costs: costUnitOf(ctx).costs,
          isShown: (j) =>
            floor !== null &&
            isUnitShown(floor, snap.tree.indexById.get(u.t.records[j]?.employeeId ?? '') ?? -1),
          scope: structureUnitOf(ctx).scope,
        },
        s,
      );
      expect(fromRows, id).toStrictEqual(assembleStructure(ctx, s));
    }
  });
});

describe('offTargetFrom over stored rows', () => {
  const targets = { org: { spanMin: 3, spanMax: 3, maxLayers: 3 }, departments: { Sales: { spanMin: 1 } } };
  const managers = stored.filter((r) => r.size > 1).map((r) => r.employeeId);
  it.each(['hr', 'viewer'] as const)('equals the tree path for every manager’s subtree (%s)', (reader) => {
    for (const id of managers) {
      const ctx = viewContext(snap, { subtree: id }, reader);
      const u = unitColumnsOf(rangeOf(id));
      if (u === null) throw new Error(`${id} is one range`);
      const fromRows = offTargetFrom(ctx, targets, targetForUnit(targets, ctx.unit, snap), {
        t: u.t,
        nodes: u.nodes,
        declared: new Uint8Array(u.t.size),
      });
      expect(fromRows, id).toStrictEqual(assembleOffTarget(ctx, targets));
    }
    // Span 3 to 3 (Sales 1 to 3): C (2) and Q (2) below, P (4 with its vacant post) and E (4: the
    // aggregated row is no report) above, S (3) within; all one away, so in record order.
    const c = assembleOffTarget(viewContext(snap, { subtree: 'C' }, 'hr'), targets);
    const list = 'suppressed' in c.managers ? [] : (c.managers.list ?? []);
    expect(list.map((m) => [m.id, m.status])).toStrictEqual([
      ['C', 'below'],
      ['P', 'above'],
      ['E', 'above'],
      ['Q', 'below'],
    ]);
  });
});
