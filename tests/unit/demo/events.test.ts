import { describe, expect, it } from 'vitest';
import { defaultCompany } from './fixture';
import { levelRank } from './helpers';

describe('demo company events between snapshots', () => {
  it('has joiners, leavers, movers, promotions and track moves in both directions', () => {
    const { orgs } = defaultCompany();
    const totals = { joiners: 0, leavers: 0, movers: 0, promotions: 0, icToManager: 0, managerToIc: 0 };
    for (let i = 1; i < orgs.length; i++) {
      const prev = orgs[i - 1];
      const cur = orgs[i];
      if (prev === undefined || cur === undefined) continue;
      for (const [id, r] of cur.byId) {
        const before = prev.byId.get(id);
        if (before === undefined) {
          totals.joiners++;
          continue;
        }
        if (before.manager_id !== r.manager_id) totals.movers++;
        if (before.track === r.track && levelRank(r.level ?? '') > levelRank(before.level ?? ''))
          totals.promotions++;
        if (before.track === 'IC' && r.track === 'Manager') totals.icToManager++;
        if (before.track === 'Manager' && r.track === 'IC') totals.managerToIc++;
      }
      for (const id of prev.byId.keys()) if (!cur.byId.has(id)) totals.leavers++;
    }
    expect(totals.joiners).toBeGreaterThan(800);
    expect(totals.leavers).toBeGreaterThan(300);
    expect(totals.movers).toBeGreaterThan(300);
    expect(totals.promotions).toBeGreaterThan(400);
    expect(totals.icToManager).toBeGreaterThan(10);
    expect(totals.managerToIc).toBeGreaterThan(10);
  });

  it('keeps employee ids, hire dates and GitHub logins stable, and dates consistent', () => {
    const { orgs } = defaultCompany();
    const hire = new Map<string, string>();
    const login = new Map<string, string>();
    for (const t of orgs) {
      for (const r of t.rows) {
        const id = r.employee_id ?? '';
        expect(id).toMatch(/^E\d{6}$/);
        expect(hire.get(id) ?? r.hire_date).toBe(r.hire_date);
        expect(login.get(id) ?? r.github_login).toBe(r.github_login);
        hire.set(id, r.hire_date ?? '');
        login.set(id, r.github_login ?? '');
        expect((r.hire_date ?? '') <= (r.level_start_date ?? '')).toBe(true);
        expect((r.level_start_date ?? '') <= (r.as_of ?? '')).toBe(true);
      }
    }
  });

  it('gives about 90% of engineering staff a unique lowercase GitHub login, and nobody else', () => {
    const engineering = new Set([
      'Platform Engineering',
      'Product Engineering',
      'Data & ML',
      'Infrastructure',
      'Security',
      'Mobile',
      'QA',
    ]);
    const rows = defaultCompany().orgs.at(-1)?.rows ?? [];
    const eng = rows.filter((r) => engineering.has(r.department ?? ''));
    const logins = eng.map((r) => r.github_login ?? '').filter((l) => l !== '');
    expect(logins.length / eng.length).toBeGreaterThan(0.85);
    expect(logins.length / eng.length).toBeLessThan(0.95);
    for (const l of logins) expect(l).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rows.filter((r) => !engineering.has(r.department ?? '') && r.github_login !== '')).toHaveLength(0);
    const everyone = defaultCompany().orgs.flatMap((t) =>
      t.rows.map((r) => `${r.employee_id}:${r.github_login}`),
    );
    const byLogin = new Map<string, string>();
    for (const pair of new Set(everyone)) {
      const [id = '', gh = ''] = pair.split(':');
      if (gh === '') continue;
      expect(byLogin.get(gh) ?? id).toBe(id);
      byLogin.set(gh, id);
    }
    const emails = rows.map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
