/**
 * suggestSpanMerges keeps spans up to date per merge instead of rebuilding the tree; this checks it
 * against the plain definition (rebuild the tree after every accepted merge, take the narrowest
 * team with a sibling manager) on random trees with vacant posts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isManagerNode } from '@/lib/metrics/span-histogram';
import { buildOrgTree, collectSubtree } from '@/lib/metrics/tree';
import type { OrgRecord } from '@/lib/metrics/types';
import { applyOperations, suggestSpanMerges, type ScenarioOp } from '@/lib/scenarios';
import { person, vacancy } from '../metrics/make-records';

/** The definition, one tree build per suggestion. */
function reference(records: readonly OrgRecord[], unitRoot: string, minSpan: number): ScenarioOp[] {
  const out: ScenarioOp[] = [];
  let current = records;
  for (;;) {
    const t = buildOrgTree(current);
    const root = t.indexById.get(unitRoot);
    if (root === undefined) return out;
    const managers = [...collectSubtree(t, root)].filter((i) => i !== root && isManagerNode(t, i));
    const idOf = (i: number) => t.records[i]?.employeeId ?? '';
    const bySpan = (a: number, b: number) =>
      (t.span[a] ?? 0) - (t.span[b] ?? 0) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
    let next: ScenarioOp | null = null;
    for (const m of managers.filter((i) => (t.span[i] ?? 0) < minSpan).sort(bySpan)) {
      const into = managers.filter((s) => s !== m && t.parent[s] === t.parent[m]).sort(bySpan)[0];
      if (into !== undefined) {
        next = { op: 'merge', from: idOf(m), into: idOf(into) };
        break;
      }
    }
    if (!next) return out;
    const r = applyOperations(current, [next]);
    if (!r.ok) throw new Error(r.refusal.message);
    out.push(next);
    current = r.records;
  }
}

/** A random tree: each record reports to an earlier one; some are vacant posts. */
const treeArb = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { minLength: 5, maxLength: 60, size: 'max' })
  .map((rows) => [
    person('P0', null),
    ...rows.map(([m, v], k) => {
      const id = `P${k + 1}`;
      // managers drawn from the first third: bushy trees with many small sibling teams
      const manager = `P${m % Math.max(1, Math.ceil((k + 1) / 3))}`;
      return v === 0 ? vacancy(id, manager) : person(id, manager);
    }),
  ]);

describe('suggestSpanMerges', () => {
  it('equals the rebuild-every-time definition on random trees', () => {
    let withMerges = 0;
    fc.assert(
      fc.property(treeArb, fc.integer({ min: 1, max: 6 }), fc.nat(), (records, minSpan, pick) => {
        const root = records[pick % Math.min(records.length, 4)]?.employeeId ?? 'P0';
        const ops = suggestSpanMerges(records, root, minSpan);
        expect(ops).toEqual(reference(records, root, minSpan));
        if (ops.length > 0) withMerges++;
      }),
      { numRuns: 500, seed: 20261205 },
    );
    expect(withMerges).toBeGreaterThan(50); // the property is not vacuous
  });

  it('stays fast on 100k people (thousands of merges)', () => {
    const records: OrgRecord[] = [person('0', null)];
    for (let i = 1; i < 100_000; i++) records.push(person(String(i), String(Math.floor((i - 1) / 6))));
    const started = Date.now();
    const ops = suggestSpanMerges(records, '0', 7);
    expect(ops.length).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
