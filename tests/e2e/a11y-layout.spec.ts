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
