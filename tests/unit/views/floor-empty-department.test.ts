/**
 * The department table under the privacy floor on a hand-built organisation (minimum 5), for a
 * viewer of the whole organisation (issue #16): every hidden row says why, and an empty one is 0.
 *
 *   C (Big) leads everyone directly: 19 more people in Big (20 with C), 7 in Mid, 3 in Small,
 *   and one vacant post in Empty (0 people, 1 open position). 30 people in all.
 *
 * One region (C's subtree, whose total of 30 is shown): Small (3) is under the minimum; 30 - 20 -
 * 7 would give it back, so Mid (7) is hidden too (complementary suppression): 10 hidden people.
 * Empty has no one: showing its 0 tells nothing about anyone and changes no sum.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import type { OrgRecord } from '@/lib/metrics/types';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { guardRow, isSuppressed } from '@/lib/views/context';
import { buildDepartmentRows } from '@/lib/views/structure-departments';
import { SETTINGS, viewContext } from '../../fixtures/views/org';
import { person, vacancy } from '../metrics/make-records';

const staff = (prefix: string, n: number, department: string): OrgRecord[] =>
  Array.from({ length: n }, (_, k) => person(`${prefix}${k + 1}`, 'C', { department, level: 'IC2' }));

const ROWS: OrgRecord[] = [
  person('C', null, { department: 'Big', level: 'M4' }),
  ...staff('b', 19, 'Big'),
  ...staff('m', 7, 'Mid'),
  ...staff('s', 3, 'Small'),
  vacancy('v1', 'C', { department: 'Empty', level: 'IC2' }),
];
const snap = prepareSnapshot('2025-01-01', ROWS, DEFAULT_LADDER, { execLayers: SETTINGS.execLayers });

const rowsFor = (reader: 'hr' | 'viewer') =>
  new Map(buildDepartmentRows(viewContext(snap, {}, reader)).map((r) => [r.department, r.metrics]));

describe('department table: why a row is hidden, and an empty department', () => {
  it('a viewer sees Big, Empty as 0, Small as small and Mid as a complement', () => {
    const rows = rowsFor('viewer');
    expect(rows.get('Big')).toMatchObject({ headcount: 20 });
    expect(rows.get('Empty')).toMatchObject({ headcount: 0, managers: 0, ics: 0, openPositions: 1 });
    expect(rows.get('Small')).toEqual({ suppressed: true, minGroupSize: 5, reason: 'small' });
    expect(rows.get('Mid')).toEqual({ suppressed: true, minGroupSize: 5, reason: 'complement' });
    const small = rows.get('Small');
    const mid = rows.get('Mid');
    if (!isSuppressed(small) || !isSuppressed(mid)) throw new Error('expected both hidden');
    expect(hiddenText(small)).toBe('fewer than 5 people');
    // Mid has 7 people: calling it "fewer than 5" would be false
    expect(hiddenText(mid)).toBe('hidden so a smaller group cannot be worked out');
  });

  it('the hidden rows still cannot be worked out from the shown ones and the total', () => {
    const rows = rowsFor('viewer');
    const shown = [...rows.values()].reduce((s, m) => s + (isSuppressed(m) ? 0 : m.headcount), 0);
    // 30 - 20 - 0 = 10 people in the hidden rows together: not a group under the minimum
    expect(30 - shown).toBe(10);
  });

  it('hr sees every row with its figures', () => {
    const rows = rowsFor('hr');
    expect(rows.get('Mid')).toMatchObject({ headcount: 7 });
    expect(rows.get('Small')).toMatchObject({ headcount: 3 });
    expect(rows.get('Empty')).toMatchObject({ headcount: 0 });
  });
});

describe('guardRow', () => {
  const reader = { suppress: true, hidden: false, floor: null, settings: { minGroupSize: 5 } };
  it('shows an empty group as it is, but not inside a hidden unit', () => {
    expect(guardRow(reader, 0, false, 0)).toBe(0);
    expect(guardRow({ ...reader, hidden: true }, 0, true, 0)).toEqual({
      suppressed: true,
      minGroupSize: 5,
      reason: 'small',
    });
  });
  it('names the reason: small under the minimum, complement when the plan hides a larger group', () => {
    expect(guardRow(reader, 3, true, 'x')).toMatchObject({ reason: 'small' });
    expect(guardRow(reader, 7, false, 'x')).toMatchObject({ reason: 'complement' });
    expect(guardRow({ ...reader, hidden: true }, 7, true, 'x')).toMatchObject({ reason: 'complement' });
    expect(guardRow(reader, 7, true, 'x')).toBe('x');
    expect(guardRow({ ...reader, suppress: false }, 3, false, 'x')).toBe('x');
  });
});
