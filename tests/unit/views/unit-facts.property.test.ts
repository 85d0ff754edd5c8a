/**
 * The Ladder facts of every stored subtree, built bottom-up (lib/views/unit-facts.ts), against the
 * rows the import computed before from each unit's own records (tests/support/ladder-facts-oracle.ts),
 * byte for byte (JSON), on seeded random organisations of varied shapes and on the demo company.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrgRecord } from '@/lib/metrics/types';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';
import { prepareSnapshot, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { computeSnapshotResults, type MetricResultRow } from '@/lib/metrics/snapshot-results';
import { computeUnitPoints, encodeUnitPoint } from '@/lib/metrics/unit-points';
import { computeOverviewRows } from '@/lib/views/overview-facts';
import { computeLadderRows } from '@/lib/views/ladder-facts';
import { visitSubtreeFacts } from '@/lib/views/unit-facts';
import { createMemorySink, generateDemoCompany } from '@/cli/demo';
import { parseOrgUpload } from '@/lib/ingest';
import {
  oldLadderRows,
  oldSubtreeLadderMetrics,
  oldSubtreeOverviewRows,
} from '../../support/ladder-facts-oracle';
import { group, person, vacancy } from '../metrics/make-records';

const LEVELS = ['IC1', 'IC2', 'IC3', 'IC4', 'IC5', 'IC8', 'M1', 'M2', 'M3', 'M6', 'X9', 'Staff', null];

interface Spec {
  shape: number;
  link: number;
  kind: number;
  department: string | null;
  level: string | null;
  track: 'ic' | 'manager' | null;
  duplicate: boolean;
  sortKey: number;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  shape: fc.nat({ max: 4 }),
  link: fc.nat({ max: 100_000 }),
  kind: fc.nat({ max: 11 }),
  department: fc.constantFrom('Eng', 'Ops', 'Sales', 'Émile', 'eng', '', null),
  level: fc.constantFrom(...LEVELS),
  track: fc.constantFrom('ic' as const, 'manager' as const, null),
  duplicate: fc.integer({ min: 0, max: 30 }).map((x) => x === 0),
  sortKey: fc.nat(),
});

/**
 * A random organisation: chains, bushy trees, wide spans and forests (each node's manager an earlier node, a
 * later one (cycles), a missing id or none), vacancies, aggregated rows, duplicate ids, rows shuffled.
 */
const organisation: fc.Arbitrary<OrgRecord[]> = fc
  .array(spec, { minLength: 1, maxLength: 120, size: 'max' })
  .map((specs) => {
    const n = specs.length;
    const records = specs.map((s, i) => {
      // the organisation's shape (its first row's), with some rows linked anywhere (shape 3)
      const shape = s.shape === 3 ? 3 : (specs[0]?.shape ?? 0);
      let m: number;
      if (shape === 0)
        m = i - 1; // chain
      else if (shape === 1)
        m = i === 0 ? -1 : s.link % Math.min(i, 4); // bushy, shallow
      else if (shape === 2)
        m = s.link % (i + 2) < i ? s.link % (i + 2) : -1; // random forest
      else if (shape === 3)
        m = s.link % (n + 3); // anywhere: cycles and missing managers
      else m = i === 0 ? -1 : s.link % 2; // wide spans
      const managerId = m < 0 ? null : m >= n ? `missing${m}` : m === i ? null : `p${m}`;
      const id = s.duplicate && i > 0 ? `p${i - 1}` : `p${i}`;
      const extra = { department: s.department, level: s.level, track: s.track };
      if (s.kind === 0) return vacancy(id, managerId, extra);
      if (s.kind === 1 && managerId !== null) return group(id, managerId, (s.link % 7) / 2, extra);
      return person(id, managerId, extra);
    });
    return records
      .map((r, i) => ({ r: { ...r, row: i + 1 }, k: specs[i]?.sortKey ?? 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
  });

/** A 'point' row for every record with records below it that is its id's key. */
function pointRows(snap: PreparedSnapshot): MetricResultRow[] {
  const { tree } = snap;
  const rows: MetricResultRow[] = [];
  for (let i = 0; i < tree.size; i++) {
    const id = tree.records[i]?.employeeId ?? '';
    if ((tree.descendantCount[i] ?? 0) === 0 || tree.indexById.get(id) !== i) continue;
    rows.push({ family: 'point', scopeType: 'subtree', scopeKey: id, data: null });
  }
  return rows;
}

const json = (x: unknown) => JSON.stringify(x);
const encodePoints = (points: ReturnType<typeof computeUnitPoints>) =>
  points.map(({ id, point }) => [id, encodeUnitPoint(point)]);

/**
 * Every per-subtree row the import stores, bottom-up and from each unit's records, on the
 * snapshot computeSnapshotResults prepares (with its structure and point rows); returns the number
 * of stored subtrees compared.
 */
function expectSame(records: readonly OrgRecord[], execLayers: number): number {
  let compared = -1;
  computeSnapshotResults(records, {
    asOf: '2026-01-31',
    ladder: DEFAULT_LADDER,
    execLayers,
    extraRows: (snap, rows) => {
      const points = rows.filter((r) => r.family === 'point');
      // as remembered from the unit points' pass, and by a pass of their own (a snapshot prepared anew)
      const again = prepareSnapshot(snap.asOf, snap.tree.records, DEFAULT_LADDER, { execLayers });
      for (const s of [snap, again]) {
        const ladder = computeLadderRows(s, rows).filter((r) => r.scopeType === 'subtree');
        expect(json(ladder)).toBe(json(oldLadderRows(snap, rows)));
        const overview = computeOverviewRows(s, rows, execLayers).filter((r) => r.scopeType === 'subtree');
        expect(json(overview)).toBe(json(oldSubtreeOverviewRows(snap, rows, execLayers)));
      }
      // the points as stored (bottom-up) against the points from each unit's records
      expect(json(points.map((r) => [r.scopeKey, r.data]))).toBe(
        json(
          encodePoints(computeUnitPoints(snap, { execLayers })).map(([id, p]) => [
            id,
            [
              ...(p as unknown[]).slice(0, -3),
              ...(points.find((r) => r.scopeKey === id)?.data as unknown[]).slice(-3),
            ],
          ]),
        ),
      );
      // every subtree's ladder metrics, whatever the budget
      const all = pointRows(snap).length;
      let visited = 0;
      const ok = visitSubtreeFacts(
        snap,
        { execLayers },
        () => true,
        (i, facts) => {
          if ((snap.tree.descendantCount[i] ?? 0) > 0) visited++;
          expect(json(facts.ladderMetrics())).toBe(json(oldSubtreeLadderMetrics(snap, i)));
        },
      );
      if (ok) expect(visited).toBeGreaterThanOrEqual(all);
      compared = points.length;
      return [];
    },
  });
  return compared;
}

describe('stored subtree facts bottom-up', () => {
  it('equal the facts computed from each unit’s records, on random organisations', () => {
    fc.assert(
      fc.property(organisation, fc.integer({ min: 0, max: 4 }), (records, execLayers) => {
        expectSame(records, execLayers);
      }),
      { seed: 1313, numRuns: 300 },
    );
  });

  it('equal them with FTE that cannot be summed exactly in any order (then each unit is computed as before)', () => {
    const records = [
      person('a', null, { level: 'M3', track: 'manager', department: 'Eng' }),
      person('b', 'a', { level: 'M1', track: 'manager', department: 'Eng' }),
      person('c', 'b', { level: 'IC3', track: 'ic', department: 'Eng' }),
      group('d', 'b', 0.1),
      group('e', 'b', 0.2),
      group('f', 'a', 0.7),
    ];
    expect(expectSame(records, 2)).toBe(2);
  });

  it('equal them on the demo company', async () => {
    const sink = createMemorySink();
    const summary = generateDemoCompany({ size: 3000, months: 2, ai: 'none', seed: 5 }, sink);
    const name = summary.snapshots[0]?.orgFile ?? '';
    const parsed = await parseOrgUpload([{ name, bytes: Buffer.from(sink.files.get(name) ?? '') }], {});
    const snap = parsed.snapshots[0];
    if (!parsed.ok || !snap) throw new Error('demo did not parse');
    expect(expectSame(snap.records, 2)).toBeGreaterThan(300);
  });
});
