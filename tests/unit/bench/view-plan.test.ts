import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planViews, viewUrl, VIEW_FAMILIES, type SnapshotManagers } from '@/cli/bench/view-plan';
import { DASHBOARD_FAMILY_NAMES } from '@/lib/query/families';

const snapshots: SnapshotManagers[] = [
  { asOf: '2026-08-31', managers: ['E1', 'E2', 'E3'] },
  { asOf: '2026-09-30', managers: ['E1', 'E4'] },
  { asOf: '2026-10-31', managers: ['E1', 'E2', 'E5', 'E6'] },
];
const key = (v: { family: string; asOf: string; manager: string }) => `${v.family}|${v.asOf}|${v.manager}`;

describe('planViews', () => {
  it('covers every dashboard family the app serves (the registry behind app/api/metrics), plus the org tree', () => {
    expect(fs.existsSync(path.join(process.cwd(), 'app/api/metrics/[family]/route.ts'))).toBe(true);
    expect([...VIEW_FAMILIES].filter((f) => f !== 'org-tree').sort()).toEqual(
      [...DASHBOARD_FAMILY_NAMES].sort(),
    );
    expect(fs.existsSync(path.join(process.cwd(), 'app/api/org/tree/route.ts'))).toBe(true);
  });

  it('never repeats a view, within or across the cold list and the pool', () => {
    const plan = planViews({ snapshots, cold: 30, pool: 40, seed: 7 });
    const all = [...plan.cold, ...plan.pool];
    expect(plan.cold).toHaveLength(30);
    expect(plan.pool).toHaveLength(40);
    expect(new Set(all.map(key)).size).toBe(all.length);
  });

  it('draws each manager from the snapshot the view is about', () => {
    const byDate = new Map(snapshots.map((s) => [s.asOf, new Set(s.managers)]));
    for (const v of planViews({ snapshots, cold: 60, pool: 0, seed: 3 }).cold)
      expect(byDate.get(v.asOf)?.has(v.manager)).toBe(true);
  });

  it('spreads the views evenly over the families', () => {
    const { cold } = planViews({ snapshots, cold: VIEW_FAMILIES.length * 4 + 2, pool: 0, seed: 11 });
    const counts = new Map<string, number>();
    for (const v of cold) counts.set(v.family, (counts.get(v.family) ?? 0) + 1);
    expect(counts.size).toBe(VIEW_FAMILIES.length);
    expect(Math.min(...counts.values())).toBe(4);
    expect(Math.max(...counts.values())).toBe(5);
  });

  it('gives the same plan for the same seed and another for another seed', () => {
    const a = planViews({ snapshots, cold: 20, pool: 20, seed: 42 });
    expect(planViews({ snapshots, cold: 20, pool: 20, seed: 42 })).toEqual(a);
    expect(planViews({ snapshots, cold: 20, pool: 20, seed: 43 })).not.toEqual(a);
  });

  it('uses every possible view when asked for all of them, and refuses one more', () => {
    const families = ['overview', 'trends'] as const;
    const capacity = families.length * 9; // 3 + 2 + 4 managers
    const full = planViews({ snapshots, cold: capacity, pool: 0, seed: 5, families });
    expect(new Set(full.cold.map(key)).size).toBe(capacity);
    expect(() => planViews({ snapshots, cold: capacity, pool: 1, seed: 5, families })).toThrow(
      /too few managers/,
    );
  });
});

describe('viewUrl', () => {
  it('asks a metrics family for the subtree and the org tree for the node', () => {
    expect(viewUrl({ family: 'ceiling-risk', asOf: '2026-10-31', manager: 'E 1' })).toBe(
      '/api/metrics/ceiling-risk?asOf=2026-10-31&subtree=E+1',
    );
    expect(viewUrl({ family: 'org-tree', asOf: '2026-10-31', manager: 'E1' })).toBe(
      '/api/org/tree?asOf=2026-10-31&root=E1',
    );
  });
});
