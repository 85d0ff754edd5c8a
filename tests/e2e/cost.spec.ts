import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { StructureDashboard } from '@/lib/dal/dashboards/structure';
import { formatCost } from '@/lib/cost-format';
import { isSuppressed } from '@/lib/query/suppressed';
import { signIn, type E2eRole } from './helpers';

// the card's headline: compact from a million up (47.6M), else the amount, then its unit ("a year")
const money = (v: number | null) => formatCost(v, { currency: null, period: 'year' }, { compact: true });

async function structureApi(page: Page): Promise<StructureDashboard> {
  const res = await page.request.get('/api/metrics/structure');
  expect(res.ok()).toBe(true);
  return (await res.json()) as StructureDashboard;
}

// The demo company carries an annual cost per person (cli/demo/org-csv.ts): the Cost card shows.
for (const role of ['hr', 'leader', 'viewer'] as E2eRole[]) {
  test(`Cost card for ${role}: figures match the API, breakdowns as a table, no person's cost unless hr`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, role);
    await page.goto('/structure');
    const card = page.getByTestId('cost-card');
    await expect(card).toBeVisible();
    const d = await structureApi(page);
    const cost = d.cost;
    expect(cost).not.toBeNull();
    if (!cost) return;
    expect(isSuppressed(cost.coverage) ? null : cost.coverage.share).toBe(1);
    await expect(page.getByTestId('kpi-costTotal-value')).toHaveText(
      isSuppressed(cost.total) ? 'hidden' : money(cost.total),
    );
    if (!isSuppressed(cost.management))
      await expect(page.getByTestId('kpi-costManagement-value')).toHaveText(money(cost.management.cost));
    // A person's cost reaches hr only.
    const personal = (d.narrowSpan.managers ?? []).some((m) => m.annualCost !== undefined);
    expect(personal).toBe(role === 'hr');
    // Leaders and viewers: every level row shown is about at least the minimum group size.
    if (role !== 'hr' && !isSuppressed(cost.byLevel))
      for (const r of cost.byLevel)
        if (!isSuppressed(r.cost) && r.managers > 0) expect(r.managers).toBeGreaterThanOrEqual(5);
    const byLayer = card.getByRole('region', { name: 'Management cost by layer' });
    if (!isSuppressed(cost.byLayer)) {
      await byLayer.getByRole('button', { name: 'Table' }).click();
      await expect(byLayer.locator('table tbody tr')).toHaveCount(cost.byLayer.length);
      await byLayer.getByRole('button', { name: 'Chart' }).click();
    }
    const axe = await new AxeBuilder({ page })
      .include('[data-testid=cost-card]')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `test-results/screens/cost-card-${role}-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await card.screenshot({ path: `test-results/screens/cost-card-${role}-390.png` });
  });
}
