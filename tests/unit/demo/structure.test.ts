import { describe, expect, it } from 'vitest';
import { defaultCompany } from './fixture';
import { countMiddleManagers, levelRank, median } from './helpers';

describe('demo company structure', () => {
  it('is one valid tree every month: unique ids, one root, known managers, no cycles', () => {
    for (const t of defaultCompany().orgs) {
      expect(t.byId.size).toBe(t.rows.length);
      expect(t.roots).toHaveLength(1);
      for (const r of t.rows) if (r.manager_id !== '') expect(t.byId.has(r.manager_id ?? '')).toBe(true);
      // Every row reachable from the root means no cycles.
      expect(t.layer.size).toBe(t.rows.length);
    }
  });

  it('grows from about 2,200 to 3,000 people with 6-9 layers', () => {
    const { orgs } = defaultCompany();
    expect(orgs[0]?.rows.length).toBeGreaterThan(2000);
    expect(orgs[0]?.rows.length).toBeLessThan(2500);
    expect(orgs.at(-1)?.rows.length).toBeGreaterThan(2950);
    for (const t of orgs) {
      const depth = Math.max(...t.layer.values());
      expect(depth).toBeGreaterThanOrEqual(6);
      expect(depth).toBeLessThanOrEqual(9);
    }
  });

  it('has a skewed span distribution: median 4-8, a tail of 13+, some tiny teams', () => {
    const t = defaultCompany().orgs.at(-1);
    const spans = [...(t?.kids.values() ?? [])].map((k) => k.length);
    const m = median(spans);
    expect(m).toBeGreaterThanOrEqual(4);
    expect(m).toBeLessThanOrEqual(8);
    expect(spans.filter((s) => s >= 13).length).toBeGreaterThan(0);
    expect(spans.filter((s) => s <= 3).length).toBeGreaterThan(0);
    expect(Math.max(...spans)).toBeLessThanOrEqual(40);
  });

  it('grows middle management, then flattens it by a few percent while headcount holds', () => {
    const { orgs } = defaultCompany();
    const middle = orgs.map(countMiddleManagers);
    const peak = Math.max(...middle);
    const peakAt = middle.indexOf(peak);
    const last = middle.at(-1) ?? 0;
    expect(middle[0] ?? 0).toBeLessThan(peak * 0.9);
    expect(peakAt).toBeGreaterThan(8);
    expect(peakAt).toBeLessThan(orgs.length - 4);
    const drop = (peak - last) / peak;
    expect(drop).toBeGreaterThanOrEqual(0.03);
    expect(drop).toBeLessThanOrEqual(0.12);
    expect(orgs.at(-1)?.rows.length ?? 0).toBeGreaterThanOrEqual(orgs[peakAt]?.rows.length ?? 0);
    expect(defaultCompany().summary.snapshots.map((s) => s.middleManagers)).toEqual(middle);
  });

  it('uses the default ladder codes with matching tracks and level-consistent titles', () => {
    for (const r of defaultCompany().orgs.at(-1)?.rows ?? []) {
      expect(r.level).toMatch(/^(IC[1-8]|M[1-6])$/);
      expect(r.track).toBe(r.level?.startsWith('IC') ? 'IC' : 'Manager');
    }
    const platform = (defaultCompany().orgs.at(-1)?.rows ?? []).filter(
      (r) => r.department === 'Platform Engineering',
    );
    const titleOf = (level: string): Set<string> =>
      new Set(platform.filter((r) => r.level === level).map((r) => r.title ?? ''));
    expect(titleOf('IC2')).toEqual(new Set(['Software Engineer']));
    expect(titleOf('IC4')).toEqual(new Set(['Staff Engineer']));
    expect(titleOf('M1')).toEqual(new Set(['Engineering Manager']));
  });

  it('tops IC ladders out at different levels per department', () => {
    const rows = defaultCompany().orgs.at(-1)?.rows ?? [];
    const ceiling = new Map<string, number>();
    for (const r of rows) {
      if (r.track !== 'IC' || r.department === 'Executive') continue;
      const d = r.department ?? '';
      ceiling.set(d, Math.max(ceiling.get(d) ?? 0, levelRank(r.level ?? '')));
    }
    expect(ceiling.get('Customer Support')).toBe(3);
    expect(ceiling.get('QA')).toBeLessThanOrEqual(4);
    expect(ceiling.get('Platform Engineering')).toBeGreaterThanOrEqual(7);
    expect(new Set(ceiling.values()).size).toBeGreaterThanOrEqual(3);
  });
});
