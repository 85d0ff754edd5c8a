import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { NAV_ITEMS } from '../../lib/nav';
import { signIn } from './helpers';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

test.describe('every page in the navigation: no serious accessibility violations, no sideways scrolling', () => {
  for (const size of SIZES) {
    for (const item of NAV_ITEMS) {
      test(`${item.label} at ${size.name}`, async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await signIn(page, 'admin');
        await page.goto(item.href);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          ),
        ).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(1);
        await page.screenshot({
          path: `test-results/screens/${item.href.slice(1) || 'home'}-${size.name}.png`,
          fullPage: true,
        });
      });
    }
  }
  test('the sign-in page', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });
});

test.describe('phone (390x844): the page starts near the top, legends sit under plots, the heatmap scrolls', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('navigation and header leave the content within 120 px of the top on every page', async ({ page }) => {
    await signIn(page, 'admin');
    for (const item of NAV_ITEMS) {
      await page.goto(item.href);
      const top = (await page.locator('#main').boundingBox())?.y ?? Infinity;
      expect(top, `${item.href}: content starts at ${top} px`).toBeLessThanOrEqual(120);
      // the current page's link is in view in the sideways-scrolling navigation
      const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
      if (item.href !== '/') await expect(current).toBeInViewport();
    }
  });

  test('every chart legend is drawn under its plot, never over it', async ({ page }) => {
    await signIn(page, 'admin');
    let checked = 0;
    for (const href of ['/overview', '/structure', '/ladder', '/trends', '/ai']) {
      await page.goto(href);
      await page.waitForLoadState('networkidle');
      const boxes = await page.locator('.recharts-wrapper').evaluateAll((charts) =>
        charts.flatMap((c) => {
          const legend = c.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect();
          const grid = c.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
          return legend && grid && legend.height > 0
            ? [{ legendTop: legend.top, plotBottom: grid.bottom }]
            : [];
        }),
      );
      for (const b of boxes) expect(b.legendTop, href).toBeGreaterThanOrEqual(b.plotBottom);
      checked += boxes.length;
    }
    expect(checked).toBeGreaterThan(3);
  });

  test('the ceiling-risk heatmap scrolls sideways to its last level with the department column fixed', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.goto('/ceiling-risk');
    const table = page.getByRole('table', { name: 'Ceiling risk by department and IC level' });
    await expect(table).toBeVisible();
    const box = table.locator('xpath=..');
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const rowHead = table.locator('tbody th').first();
    const before = await rowHead.boundingBox();
    await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const after = await rowHead.boundingBox();
    // sticky: the row label stays put (within the 2 px cell spacing) while the levels move under it
    expect(Math.abs((after?.x ?? 0) - (before?.x ?? 1000))).toBeLessThanOrEqual(4);
    // the last level's header is now inside the scroll box, beside the fixed department column
    const lastShown = await box.evaluate((el) => {
      const th = el.querySelector('thead th:last-child')?.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return !!th && th.right <= r.right + 1 && th.left >= r.left;
    });
    expect(lastShown).toBe(true);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/ceiling-risk-heatmap-phone.png' });
  });
});
