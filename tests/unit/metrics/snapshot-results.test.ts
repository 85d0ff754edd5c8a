import { describe, expect, it } from 'vitest';
import { computeSnapshotResults } from '@/lib/metrics/snapshot-results';
import { buildOrgTree } from '@/lib/metrics/tree';
import { computeOrgStructure } from '@/lib/metrics/structure';
import { group, person, vacancy } from './make-records';

describe('computeSnapshotResults (rows for metric_results)', () => {
  // A small UK-style organogram: grades resolve with the civil service preset under 'auto'.
  const records = [
    person('P1', null, { level: 'SCS3', department: 'HQ' }),
    person('P2', 'P1', { level: 'SCS2', department: 'Policy' }),
    vacancy('P3', 'P1', { level: 'SCS2', department: 'Ops' }),
    person('P4', 'P3', { level: 'SCS1', department: 'Ops' }),
    group('J1', 'P2', 6, { level: 'A2 (G7)', department: 'Policy' }),
    group('J2', 'P4', 10.5, { level: 'B1 (HEO)', department: 'Ops' }),
  ];

  it('takes any number of extra rows (a million-person organisation gives about 340k)', () => {
    const extra = Array.from({ length: 400_000 }, (_, i) => ({
      family: 'x',
      scopeType: 'subtree' as const,
      scopeKey: `E${i}`,
      data: i,
    }));
    const results = computeSnapshotResults(records, {
      asOf: '2024-03-31',
      ladder: 'auto',
      extraRows: () => extra,
    });
    expect(results.rows.filter((r) => r.family === 'x')).toHaveLength(400_000);
  });

  it('stores org, department and subtree rows and a summary', () => {
    const results = computeSnapshotResults(records, { asOf: '2024-03-31', ladder: 'auto' });
    expect(results.ladder.id).toBe('uk-civil-service');
    // headcount: P1 + P2 + P4 = 3 (P3 is vacant; J1 and J2 are 16.5 junior FTE, not people).
    expect(results.summary).toMatchObject({
      headcount: 3,
      roots: 1,
      orphans: 0,
      openPositions: 1,
      ladderId: 'uk-civil-service',
    });
    const keys = results.rows.map((r) => `${r.family}/${r.scopeType}/${r.scopeKey}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'structure/org/',
        'ladder/org/',
        'ladder-table/org/',
        'series-point/org/',
        'structure/department/Ops',
        'structure/department/Policy',
        'structure/subtree/P1',
        'ceiling-risk/org/',
      ]),
    );
    // No previous snapshot: no changes row. Vacant P3 is not a manager, so no subtree row for it;
    // P2 and P4 have junior staff only (no direct reports): ICs, no subtree row either.
    expect(keys.some((k) => k.startsWith('changes/'))).toBe(false);
    expect(keys).not.toContain('structure/subtree/P3');
    expect(keys).not.toContain('structure/subtree/P2');
    expect(keys).not.toContain('structure/subtree/P4');
    // Primary key (family, scope type, scope key) is unique.
    expect(new Set(keys).size).toBe(keys.length);
    const org = results.rows.find((r) => r.family === 'structure' && r.scopeType === 'org');
    const expected = computeOrgStructure(buildOrgTree(records));
    expect(org?.data).toEqual({
      ...expected,
      trackMismatches: {
        ...expected.trackMismatches,
        declaredIcsWithReportsTotal: 0,
        declaredManagersWithoutReportsTotal: 0,
      },
    });
  });

  it('adds changes against the previous snapshot', () => {
    const previous = {
      asOf: '2023-09-30',
      records: [...records.slice(0, 4), person('old', 'P2', { level: 'EO' })],
    };
    const results = computeSnapshotResults(records, { asOf: '2024-03-31', previous });
    const changes = results.rows.find((r) => r.family === 'changes');
    // 'old' left; aggregated rows J1, J2 are groups, not joiners.
    expect(changes?.data).toMatchObject({
      leavers: ['old'],
      joiners: [],
      counts: { leavers: 1, joiners: 0 },
    });
  });

  it('cuts long id lists but keeps their totals', () => {
    // Everyone declared IC by the track column, so every manager is a mismatch: P1, and P2 and P4
    // once each has a person reporting to them (junior rows alone are no reports).
    const declaredIcs = [...records, person('P5', 'P2'), person('P6', 'P4')].map((r) => ({
      ...r,
      track: 'ic' as const,
    }));
    const results = computeSnapshotResults(declaredIcs, { asOf: '2024-03-31', listLimit: 2 });
    const org = results.rows.find((r) => r.family === 'structure' && r.scopeType === 'org');
    expect(org?.data).toMatchObject({
      trackMismatches: { declaredIcsWithReports: ['P1', 'P2'], declaredIcsWithReportsTotal: 3 },
    });
  });
});
