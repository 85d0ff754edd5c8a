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
import type { MetricResultRow } from '@/lib/metrics/snapshot-results';
import { computeLadderRows } from '@/lib/views/ladder-facts';
import { visitSubtreeLadderFacts } from '@/lib/views/unit-facts';
import { createMemorySink, generateDemoCompany } from '@/cli/demo';
import { parseOrgUpload } from '@/lib/ingest';
import { oldLadderRows, oldSubtreeLadderMetrics } from '../../support/ladder-facts-oracle';
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
  shape: fc.nat({ max: 3 }),
  link: fc.nat({ max: 100_000 }),
  kind: fc.nat({ max: 11 }),
  department: fc.constantFrom('Eng', 'Ops', 'Sales', 'Émile', 'eng', null),
  level: fc.constantFrom(...LEVELS),
  track: fc.constantFrom('ic' as const, 'manager' as const, null),
  duplicate: fc.integer({ min: 0, max: 30 }).map((x) => x === 0),
  sortKey: fc.nat(),
});

/**
 * A random organisation: chains, bushy trees and forests (each node's manager an earlier node, a
 * later one (cycles), a missing id or none), vacancies, aggregated rows, duplicate ids, rows shuffled.
 */
const organisation: fc.Arbitrary<OrgRecord[]> = fc
  .array(spec, { minLength: 1, maxLength: 120 })
  .map((specs) => {
    const n = specs.length;
    const records = specs.map((s, i) => {
      let m: number;
      if (s.shape === 0)
        m = i - 1; // chain
      else if (s.shape === 1)
        m = i === 0 ? -1 : s.link % Math.min(i, 4); // bushy, shallow
      else if (s.shape === 2)
        m = s.link % (i + 2) < i ? s.link % (i + 2) : -1; // random forest
      else m = s.link % (n + 3); // anywhere: cycles and missing managers
      const managerId = m < 0 ? null : m >= n ? `missing${m}` : m === i ? null : `p${m}`;
      const id = s.duplicate && i > 0 ? `p${i - 1}` : `p${i}`;
      const extra = { department: s.department, level: s.level, track: s.track };
      if (s.kind === 0) return vacancy(id, managerId, extra);
      if (s.kind === 1 && managerId !== null) return group(id, managerId, 3, extra);
      return person(id, managerId, extra);
    });
    return records
      .map((r, i) => ({ r: { ...r, row: i + 1 }, k: specs[i]?.sortKey ?? 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
  });

/** A 'point' row for every record with records below it that is its id's key (as the import stores). */
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

function expectSame(snap: PreparedSnapshot): number {
  const rows = pointRows(snap);
  expect(JSON.stringify(computeLadderRows(snap, rows))).toBe(JSON.stringify(oldLadderRows(snap, rows)));
  let visited = 0;
  const ok = visitSubtreeLadderFacts(
    snap,
    () => true,
    (i, _facts, metrics) => {
      visited++;
      expect(JSON.stringify(metrics)).toBe(JSON.stringify(oldSubtreeLadderMetrics(snap, i)));
    },
  );
  expect(ok).toBe(true);
  expect(visited).toBe(snap.tree.preorder.length);
  return rows.length;
}

describe('Ladder facts bottom-up', () => {
  it('equal the facts computed from each unit’s records, on random organisations', () => {
    fc.assert(
      fc.property(organisation, (records) => {
        expectSame(prepareSnapshot('2026-01-31', records, DEFAULT_LADDER));
      }),
      { seed: 1313, numRuns: 300 },
    );
  });

  it('equal them on the demo company', async () => {
    const sink = createMemorySink();
    const summary = generateDemoCompany({ size: 3000, months: 2, ai: 'none', seed: 5 }, sink);
    const name = summary.snapshots[0]?.orgFile ?? '';
    const parsed = await parseOrgUpload([{ name, bytes: Buffer.from(sink.files.get(name) ?? '') }], {});
    const snap = parsed.snapshots[0];
    if (!parsed.ok || !snap) throw new Error('demo did not parse');
    const prepared = prepareSnapshot(snap.asOf, snap.records, DEFAULT_LADDER, {}, snap.links);
    expect(expectSame(prepared)).toBeGreaterThan(300);
  });
});
