import { describe, expect, it } from 'vitest';
import { dashboardKey } from '@/lib/query/dashboard';
import { DASHBOARD_FAMILY_NAMES, familyPath, familyRequest, isDashboardFamily } from '@/lib/query/families';

const url = (q: string) => new URLSearchParams(q);

describe('the dashboard family registry (client side)', () => {
  it('names eight families, each under /api/metrics', () => {
    expect(new Set(DASHBOARD_FAMILY_NAMES).size).toBe(8);
    for (const f of DASHBOARD_FAMILY_NAMES) expect(familyPath(f)).toBe(`/api/metrics/${f}`);
  });

  it('knows only its own families (no inherited names)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope', ''])
      expect(isDashboardFamily(name), name).toBe(false);
    for (const f of DASHBOARD_FAMILY_NAMES) expect(isDashboardFamily(f)).toBe(true);
  });

  it('a family without parameters of its own keeps the key and URL of the global filters only', () => {
    const r = familyRequest('overview', { department: 'Eng', org: '2' }, url('department=Eng&month=2026-01'));
    expect(r.queryKey).toEqual(dashboardKey('overview', { department: 'Eng', org: '2' }));
    expect(r.url).toBe('/api/metrics/overview?department=Eng&org=2');
  });

  it("compare's from/to and the AI period join the key and the URL; empty ones are left out", () => {
    const c = familyRequest('compare', {}, url('from=2024-01-31&to=&asOf=x'));
    expect(c.queryKey).toEqual(dashboardKey('compare', {}, { from: '2024-01-31', to: undefined }));
    expect(c.url).toBe('/api/metrics/compare?from=2024-01-31');
    const a = familyRequest('ai', { asOf: '2026-02-28' }, url('from=2026-01&to=2026-02'));
    expect(a.queryKey).toEqual(
      dashboardKey('ai', { asOf: '2026-02-28' }, { month: undefined, from: '2026-01', to: '2026-02' }),
    );
    expect(a.url).toBe('/api/metrics/ai?asOf=2026-02-28&from=2026-01&to=2026-02');
    expect(a.search).toBe('?asOf=2026-02-28&from=2026-01&to=2026-02');
  });
});
